"""Translations made with wagtail-localize's own API: translated text stays translated,
facts that are not words (ages, emails, phones, coordinates) follow the source."""

from wagtail.models import Locale
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import translate_object

from directory.factories import (
    OrganisationFactory,
    ServiceContactFactory,
    ServiceLocationFactory,
    ServicePageFactory,
    TaxonomyTermFactory,
)
from directory.models import Organisation, ServicePage, TaxonomyTerm
from guides.factories import GuidePageFactory


def translate(instance, locale, strings):
    translate_object(instance, [locale])
    translation = Translation.objects.get(
        source__object_id=instance.translation_key, target_locale=locale
    )
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if segment.string.data in strings:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=strings[segment.string.data],
            )
    translation.save_target(publish=True)
    return translation


def sync(instance, locale):
    """What an editor's "Sync translated pages" does after the source changes."""
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    source.update_from_db()
    Translation.objects.get(source=source, target_locale=locale).save_target(publish=True)


def test_service_translation_keeps_its_words_and_follows_the_source_facts(
    sections, django_capture_on_commit_callbacks
):
    polish = Locale.objects.create(language_code="pl")
    for section in (sections["home"], sections["directory"], sections["council"]):
        translate_object(section, [polish])
    service = ServicePageFactory(
        parent=sections["council"], summary="Relaxed sensory play.", min_age=0, max_age=5
    )
    ServiceContactFactory(page=service, email="play@example.org", phone="020 7946 0300")
    ServiceLocationFactory(page=service, latitude="51.889500", longitude="0.898600")
    service.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        translate(service, polish, {"Relaxed sensory play.": "Spokojna zabawa sensoryczna."})
    translated = service.get_translation(polish)
    assert translated.summary == "Spokojna zabawa sensoryczna."
    assert translated.live
    assert translated.uuid != service.uuid
    assert translated.organisation.locale == polish

    # The source changes its facts...
    service = ServicePage.objects.get(pk=service.pk)
    service.max_age = 8
    contact = service.contacts.get()
    contact.email, contact.phone = "new-lead@example.org", "020 7946 0301"
    contact.save()
    location = service.locations.get()
    location.latitude, location.longitude = "51.900000", "0.900000"
    location.save()
    service.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        sync(service, polish)

    # ...and the translation follows them, keeping its own words.
    translated = ServicePage.objects.get(pk=translated.pk)
    assert translated.max_age == 8
    assert translated.summary == "Spokojna zabawa sensoryczna."
    translated_contact = translated.contacts.get()
    assert (translated_contact.email, translated_contact.phone) == (
        "new-lead@example.org",
        "020 7946 0301",
    )
    translated_location = translated.locations.get()
    assert str(translated_location.latitude) == "51.900000"
    assert translated_location.locale == polish


def test_snippets_translate_with_synchronised_codes_and_phones(db):
    polish = Locale.objects.create(language_code="pl")
    term = TaxonomyTermFactory(vocabulary="need", code="autism", name="Autism")
    organisation = OrganisationFactory(name="MAZE", phone="020 7946 0400", team="council")

    translate(term, polish, {"Autism": "Autyzm"})
    translate(organisation, polish, {})

    polish_term = TaxonomyTerm.objects.get(locale=polish, translation_key=term.translation_key)
    assert (polish_term.name, polish_term.code) == ("Autyzm", "autism")
    polish_org = Organisation.objects.get(
        locale=polish, translation_key=organisation.translation_key
    )
    assert polish_org.phone == "020 7946 0400"
    assert polish_org.team == "council"  # its source's editors look after it
    assert polish_org.live  # a published source gives a published translation
    assert polish_org.uuid != organisation.uuid


def test_translators_get_no_title_tag_or_search_description_to_translate(db):
    # Neither is edited any more (partners receive neither); one left from before is
    # not a string for a translator.
    service = ServicePageFactory(
        seo_title="Sensory play | Essex", search_description="Messy play for under-fives."
    )
    guide = GuidePageFactory(seo_title="Disagreements | Essex", search_description="Mediation.")

    for page in (service, guide):
        source, _ = TranslationSource.get_or_create_from_instance(page)
        paths = {
            segment.context.path
            for kind in (StringSegment, OverridableSegment)
            for segment in kind.objects.filter(source=source).select_related("context")
        }
        assert page.title in {segment.string.data for segment in source.stringsegment_set.all()}
        assert not paths & {"seo_title", "search_description"}
