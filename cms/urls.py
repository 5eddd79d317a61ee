from django.conf import settings
from django.urls import URLResolver, include, path
from django.urls.resolvers import LocalePrefixPattern
from django.utils.translation import get_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.documents import urls as wagtaildocs_urls

from cms import translation_views
from cms.health import health

urlpatterns = [
    path("health/", health, name="health"),
    # Ahead of the admin: wagtail-localize's views, with translations moderated.
    path("admin/localize/", include(translation_views)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include("api.urls")),
    path("review/", include("tasks.urls")),  # one-click links in review request emails
    path("anymail/", include("tasks.bounces.urls")),  # email providers' bounce webhooks
    path("api/oruk/", include("api.oruk.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)


class ContentLanguagePrefix(LocalePrefixPattern):
    """i18n_patterns' prefix, with none for the default content language in any of its
    variants: the admin runs in British English (en-gb), and its links to English pages
    are the same as everyone else's (/directory/…, not /en-gb/directory/…)."""

    @property
    def language_prefix(self):
        language = get_language() or settings.LANGUAGE_CODE
        try:
            content_language = get_supported_content_language_variant(language)
        except LookupError:
            content_language = None
        if content_language == get_supported_content_language_variant(settings.LANGUAGE_CODE):
            return ""
        return f"{content_language or language}/"


# Pages render only for previews and as a fallback; partners read the API. As
# i18n_patterns(..., prefix_default_language=False) would, but for ContentLanguagePrefix.
urlpatterns.append(
    URLResolver(
        ContentLanguagePrefix(prefix_default_language=False), [path("", include(wagtail_urls))]
    )
)
