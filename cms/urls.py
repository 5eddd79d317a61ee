from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
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

# Pages render only for previews and as a fallback; partners read the API.
urlpatterns += i18n_patterns(
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
