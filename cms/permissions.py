"""Who may edit an object in the admin, whatever kind of object it is."""

from django.db import models
from wagtail.models import Page
from wagtail.permissions import policy_registry


def may_edit(user, obj: models.Model) -> bool:
    """Wagtail's page permissions for a page; the model's permission policy otherwise
    (snippets such as clusters and organisations)."""
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    return policy_registry.get_by_type(type(obj)).user_has_permission_for_instance(
        user, "change", obj
    )
