"""Demo content built from the seeds. Every step is idempotent: it looks for
what it would create and leaves existing content alone, so running the loader
twice changes nothing."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from home.models import HomePage

SITE_NAME = "Essex Local Offer"

HOME_EN = {
    "title": "Essex Local Offer",
    "slug": "home",
    "introduction": (
        "<p>Help for children and young people aged 0 to 25 with special "
        "educational needs and disabilities (SEND) in Essex, and for their "
        "families: support, groups and activities; help with learning; advice "
        "for young people; health and wellbeing; housing and employment; "
        "financial support.</p>"
    ),
}

# Polish text for the English source strings of each page, keyed by source text.
HOME_PL = {
    "Essex Local Offer": "Oferta lokalna hrabstwa Essex",
    HOME_EN["introduction"].removeprefix("<p>").removesuffix("</p>"): (
        "Pomoc dla dzieci i młodzieży w wieku od 0 do 25 lat ze specjalnymi "
        "potrzebami edukacyjnymi i niepełnosprawnościami (SEND) w Essex oraz dla "
        "ich rodzin: wsparcie, grupy i zajęcia; pomoc w nauce; porady dla "
        "młodzieży; zdrowie i dobre samopoczucie; mieszkanie i zatrudnienie; "
        "wsparcie finansowe."
    ),
}


def ensure_locales() -> dict[str, Locale]:
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }


def ensure_home_page(locale: Locale) -> HomePage:
    """The source-language HomePage, replacing Wagtail's placeholder welcome page."""
    home = HomePage.objects.filter(locale=locale).first()
    if home:
        return home
    root = Page.get_first_root_node()
    # The placeholder's Site goes with it; ensure_default_site makes ours.
    for placeholder in root.get_children().exact_type(Page).filter(slug=HOME_EN["slug"]):
        placeholder.delete()
    home = root.add_child(instance=HomePage(locale=locale, **HOME_EN))
    home.save_revision().publish()
    return home


def ensure_default_site(home: HomePage) -> Site:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return Site.objects.create(
            hostname="localhost",
            port=80,
            site_name=SITE_NAME,
            root_page=home,
            is_default_site=True,
        )
    if site.root_page_id != home.pk:
        site.root_page = home
        site.save(update_fields=["root_page"])
    return site


def ensure_translation(page: Page, locale: Locale, strings: dict[str, str]) -> Page:
    """Translate `page` into `locale` through wagtail-localize, as an editor would,
    so the translation stays synchronised with its source."""
    existing = page.get_translation_or_none(locale)
    if existing:
        return existing
    translate_object(page, [locale])
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    segments = StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    )
    for segment in segments:
        if segment.string.data in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": strings[segment.string.data],
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
    translation.save_target(publish=True)
    return page.get_translation(locale)


@transaction.atomic
def load_demo_content() -> dict[str, object]:
    locales = ensure_locales()
    source_locale = Locale.get_default()
    home = ensure_home_page(source_locale)
    site = ensure_default_site(home)
    homes = {source_locale.language_code: home}
    for code, locale in locales.items():
        if locale != source_locale:
            homes[code] = ensure_translation(home, locale, HOME_PL if code == "pl" else {})
    return {"site": site, "homes": homes}
