"""The one writer: what it stores, when a version rises, what it removes, and which
other documents it renders again (dependants)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from api.publication.models import PendingPublication, PublishedDocument
from api.publication.narrow import narrow
from api.publication.writer import publish as write_store
from api.scope import Scope
from directory.factories import (
    OrganisationFactory,
    PartnerPageFactory,
    ServicePageFactory,
    TaxonomyTermFactory,
)
from guides.factories import GuidePageFactory
from guides.models import RelatedGuide
from tests.conftest import publish


def stored(item) -> PublishedDocument | None:
    return PublishedDocument.objects.filter(object_id=item.uuid).first()


def published_organisation(**fields):
    organisation = OrganisationFactory(**fields)
    organisation.save_revision().publish()
    organisation.refresh_from_db()
    return organisation


@pytest.fixture
def service(sections):
    return publish(ServicePageFactory(parent=sections["council"], title="Sensory play"))


def test_a_published_service_is_stored_with_its_scope_facts(sections, partner_api):
    parent = TaxonomyTermFactory(code="send")
    child = TaxonomyTermFactory(code="autism", parent=parent)
    organisation = published_organisation()
    page = ServicePageFactory(
        parent=sections["council"], organisation=organisation, service_areas=["west", "mid"]
    )
    page.terms = [child]
    page.save()
    publish(page)

    row = stored(page)
    assert row.resource == "services"
    assert row.locale == "en"
    assert row.version == 1
    assert row.terms == sorted([str(parent.translation_key), str(child.translation_key)])
    assert row.areas == ["mid", "west"]
    assert str(row.organisation) == str(organisation.translation_key)
    assert row.oruk["id"] == str(page.uuid)
    assert row.oruk["name"] == page.title
    answered = partner_api.get(f"/api/v1/services/{page.uuid}/", HTTP_HOST="127.0.0.1:8000")
    expected = {k: v for k, v in answered.json().items() if k not in ("version", "last_modified")}
    assert {k: v for k, v in row.document.items() if k in expected} == expected
    assert row.document["version"] == 1
    assert row.document["last_modified"] == row.modified.isoformat()


def test_the_version_rises_only_when_the_document_changes(service):
    first = stored(service)
    publish(service)  # the same content again
    assert stored(service).version == 1
    assert stored(service).modified == first.modified

    service.summary = "Now on Saturdays too."
    service.save_revision().publish()
    second = stored(service)
    assert second.version == 2
    assert second.document["version"] == 2
    assert second.modified > first.modified
    assert second.document["summary"] == "Now on Saturdays too."


@pytest.mark.parametrize(
    "how",
    ["unpublish", "delete", "restrict", "section unpublished", "expired section", "move"],
)
def test_an_item_that_stops_being_public_leaves_the_store(sections, service, how):
    assert stored(service) is not None
    if how == "unpublish":
        service.unpublish()
    elif how == "delete":
        service.delete()
    elif how == "restrict":
        PageViewRestriction.objects.create(page=service, restriction_type="login")
    elif how == "section unpublished":
        sections["council"].unpublish()
    elif how == "expired section":
        council = sections["council"]
        council.expire_at = timezone.now() - timedelta(minutes=1)
        council.save_revision().publish()
    elif how == "move":
        restricted = sections["health"]
        PageViewRestriction.objects.create(page=restricted, restriction_type="login")
        service.move(restricted, pos="last-child")
    assert stored(service) is None


def test_an_item_public_again_comes_back_with_a_higher_version(service):
    restriction = PageViewRestriction.objects.create(page=service, restriction_type="login")
    assert stored(service) is None
    restriction.delete()
    row = stored(service)
    assert row is not None
    assert row.version == 1


def test_an_expiry_is_stored_and_the_section_above_counts(sections):
    soon = timezone.now() + timedelta(days=2)
    sooner = timezone.now() + timedelta(days=1)
    council = sections["council"]
    council.expire_at = sooner
    council.save_revision().publish()
    page = ServicePageFactory(parent=council, expire_at=soon)
    publish(page)
    assert stored(page).expires_at == sooner
    assert (
        PublishedDocument.objects.current(now=sooner + timedelta(seconds=1))
        .filter(object_id=page.uuid)
        .count()
        == 0
    )


def test_renaming_an_organisation_renders_its_services_and_partner_pages_again(sections):
    organisation = published_organisation(name="Family Hub")
    services = [
        publish(ServicePageFactory(parent=sections["council"], organisation=organisation))
        for _ in range(3)
    ]
    partner_page = publish(
        PartnerPageFactory(parent=sections["directory"], organisation=organisation)
    )
    assert {stored(s).document["organisation"]["name"] for s in services} == {"Family Hub"}

    organisation.name = "Essex Family Hub"
    organisation.save_revision().publish()

    for service in services:
        row = stored(service)
        assert row.document["organisation"]["name"] == "Essex Family Hub"
        assert row.version == 2
    assert stored(partner_page).document["organisation"]["name"] == "Essex Family Hub"
    assert stored(organisation).document["name"] == "Essex Family Hub"


def test_a_partner_page_lists_a_service_of_its_organisation_once_it_is_published(sections):
    organisation = published_organisation()
    partner_page = publish(
        PartnerPageFactory(parent=sections["directory"], organisation=organisation)
    )
    assert stored(partner_page).document["services"] == []
    service = publish(ServicePageFactory(parent=sections["council"], organisation=organisation))
    assert stored(partner_page).document["services"] == [str(service.uuid)]
    service.unpublish()
    assert stored(partner_page).document["services"] == []


def test_renaming_a_term_renders_what_is_tagged_with_it_again(sections):
    term = TaxonomyTermFactory(name="Play")
    page = ServicePageFactory(parent=sections["council"])
    page.terms = [term]
    page.save()
    publish(page)
    assert stored(page).document["terms"][0]["name"] == "Play"
    term.name = "Play and leisure"
    term.save()
    assert stored(page).document["terms"][0]["name"] == "Play and leisure"
    assert stored(term).document["name"] == "Play and leisure"


def test_moving_a_term_under_another_changes_the_scope_facts_below_it(sections):
    term, new_parent = TaxonomyTermFactory(), TaxonomyTermFactory()
    page = ServicePageFactory(parent=sections["council"])
    page.terms = [term]
    page.save()
    publish(page)
    assert stored(page).terms == [str(term.translation_key)]
    term.parent = new_parent
    term.save()
    assert str(new_parent.translation_key) in stored(page).terms


def test_a_guide_showing_a_service_is_rendered_again_when_the_service_changes(sections, service):
    guide = GuidePageFactory(
        parent=sections["guides"],
        body=[{"type": "related_services", "value": {"heading": "Try", "services": [service.pk]}}],
    )
    publish(guide)
    block = stored(guide).document["body"][0]["value"]
    assert [link["title"] for link in block["services"]] == ["Sensory play"]
    service.title = "Sensory play sessions"
    service.save_revision().publish()
    block = stored(guide).document["body"][0]["value"]
    assert [link["title"] for link in block["services"]] == ["Sensory play sessions"]
    service.unpublish()
    assert stored(guide).document["body"][0]["value"]["services"] == []


def test_a_related_guide_renamed_renames_the_link_to_it(sections):
    target = publish(GuidePageFactory(parent=sections["guides"], title="Appeals"))
    guide = GuidePageFactory(parent=sections["guides"])
    guide.related_guides = [RelatedGuide(guide=target)]
    guide.save()
    publish(guide)
    assert stored(guide).document["related_guides"] == [
        {"id": str(target.uuid), "title": "Appeals"}
    ]
    target.title = "Appeals and tribunals"
    target.save_revision().publish()
    assert stored(guide).document["related_guides"][0]["title"] == "Appeals and tribunals"


def test_publishing_a_translation_adds_it_to_its_siblings_translations(service):
    polish = Locale.objects.create(language_code="pl")
    translation = service.copy_for_translation(polish, copy_parents=True)
    assert stored(service).document["translations"] == {}
    publish(translation)
    assert stored(service).document["translations"] == {"pl": str(translation.uuid)}
    assert stored(translation).document["translations"] == {"en": str(service.uuid)}
    # Narrowed per reader: an English-only partner is not pointed to the Polish one.
    row = stored(service)
    english_only = Scope(signature={"types": [], "terms": [], "areas": [], "locales": ["en"]})
    assert narrow(row.document, row.links, english_only)["translations"] == {}
    assert row.document["translations"] == {"pl": str(translation.uuid)}  # not changed
    translation.unpublish()
    assert stored(service).document["translations"] == {}


def test_a_link_to_an_item_that_has_expired_is_narrowed_away(sections):
    target = publish(
        GuidePageFactory(parent=sections["guides"], expire_at=timezone.now() + timedelta(hours=1))
    )
    guide = GuidePageFactory(parent=sections["guides"])
    guide.related_guides = [RelatedGuide(guide=target)]
    guide.save()
    publish(guide)
    row = stored(guide)
    everything = Scope(signature={"types": [], "terms": [], "areas": [], "locales": []})
    assert len(narrow(row.document, row.links, everything)["related_guides"]) == 1
    later = timezone.now() + timedelta(hours=2)
    assert narrow(row.document, row.links, everything, now=later)["related_guides"] == []


def test_the_outbox_is_empty_after_each_publish(service):
    assert not PendingPublication.objects.exists()


def test_writing_is_idempotent(service):
    outcome = write_store({("services", service.pk)})
    assert not outcome
    assert outcome.rendered == 1
