"""The admin's sign-in under django-axes' lockout (settings: LOGIN_FAILURE_LIMIT,
LOGIN_COOLOFF_MINUTES; docs/security.md).

Axes refuses a locked-out username and address in its authentication backend, flags the
request, and lets its middleware replace the response. Here the refusal is said on
Wagtail's own sign-in page, as the form's error, rather than on a bare error page.
"""

from axes.helpers import get_lockout_message
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpResponse
from wagtail.admin.forms.auth import LoginForm

LOCKED_OUT = "locked_out"


class LockoutAwareLoginForm(LoginForm):
    def get_invalid_login_error(self):
        if getattr(self.request, "axes_locked_out", False):
            return ValidationError(get_lockout_message(), code=LOCKED_OUT)
        return super().get_invalid_login_error()


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the sign-in page that says so, as 429 Too Many Requests."""
    context = getattr(original_response, "context_data", None) or {}
    form = context.get("form")
    if isinstance(form, LockoutAwareLoginForm) and form.has_error(NON_FIELD_ERRORS, LOCKED_OUT):
        original_response.status_code = 429
        return original_response
    # A sign-in other than the admin's form (none today): the reason, in plain text.
    return HttpResponse(get_lockout_message(), status=429, content_type="text/plain")
