"""One shape for the admin's single-object actions (replay a delivery, resolve an alert,
mark a bounce dealt with): a GET only asks, a POST acts, says so and moves on."""

from collections.abc import Callable

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied


def confirm_then_act(
    request,
    *,
    allowed: bool,
    act: Callable[[], str],
    then: str,
    template: str,
    context: dict,
):
    """`act()` does the work and returns the message to show; `then` is where to go
    next. A GET changes nothing, so a prefetching browser or a crawler cannot act."""
    if not allowed:
        return permission_denied(request)
    if request.method == "POST":
        messages.success(request, act())
        return redirect(then)
    return TemplateResponse(request, template, context)
