"""The admin speaks British English, whatever the browser asks for."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property


class AdminLanguageMiddleware:
    """Activate the admin's language (the first of WAGTAILADMIN_PERMITTED_LANGUAGES) for
    every admin URL. LocaleMiddleware, just before, picks a content language from
    LANGUAGES for everything else: the public pages and the API keep theirs, and their
    Content-Language. Wagtail then keeps the language, as it is a permitted one."""

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def admin_prefix(self) -> str:
        return reverse("wagtailadmin_home")

    def __call__(self, request):
        if request.path_info.startswith(self.admin_prefix):
            translation.activate(settings.WAGTAILADMIN_PERMITTED_LANGUAGES[0][0])
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)


def forget_unpermitted_admin_languages(user_profiles) -> int:
    """Clear preferred languages the admin no longer offers (a US "en" chosen before the
    admin became British English): Wagtail would still honour them, and write dates the
    American way. `user_profiles` is Wagtail's UserProfile model, or its historical
    version in a migration."""
    permitted = [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES]
    return (
        user_profiles.objects.exclude(preferred_language="")
        .exclude(preferred_language__in=permitted)
        .update(preferred_language="")
    )
