"""A warning beside contacts whose email address bounces, on their edit views.

Put in the listing models' edit views through cms.panels.MaintenancePanel; it imports no
models at load time.
"""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from wagtail.admin.panels import Panel


def contacts_of(instance, source: str | None) -> list:
    """The objects with an `email` that `source` names on `instance`: a relation (the
    contacts of a service, the staff of a cluster), a foreign key (a partner page's
    organisation), or, without a source, the instance itself (an organisation).

    On an edit view the instance is its latest revision, whose inline rows are in memory:
    reading them costs no query."""
    value = instance if source is None else getattr(instance, source, None)
    if value is None:
        return []
    if hasattr(value, "all"):
        return list(value.all())
    return [value]


class ContactDeliveryPanel(Panel):
    """Read-only: the contacts of the object being edited whose address bounces, fails
    now and then, or marked our email as spam, with what the mail server said. Shown only
    when there is something to show; one query for every address on the object."""

    def __init__(self, contacts: str | None = None, **kwargs):
        kwargs.setdefault("heading", "Contact addresses with delivery problems")
        super().__init__(**kwargs)
        self.contacts = contacts

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "contacts": self.contacts}

    class BoundPanel(Panel.BoundPanel):
        template_name = "tasks/admin/bounces/contact_panel.html"

        @cached_property
        def problems(self) -> list[dict]:
            from cms.validators import normalise_email
            from tasks.admin.bounces import PROBLEM_STATUSES, may_mark_working_status
            from tasks.bounces.addresses import records_for

            if self.instance is None:
                return []
            contacts = [
                contact
                for contact in contacts_of(self.instance, self.panel.contacts)
                if getattr(contact, "email", "")
            ]
            if not contacts:
                return []
            records = records_for(contact.email for contact in contacts)
            back = urlencode({"next": self.request.get_full_path()}) if self.request else ""
            problems = []
            for contact in contacts:
                record = records.get(normalise_email(contact.email))
                if record is None or record.status not in PROBLEM_STATUSES:
                    continue
                mark_working_url = None
                if may_mark_working_status(record.status):
                    url = reverse("bounces_admin:mark_working", args=[record.pk])
                    mark_working_url = f"{url}?{back}"
                problems.append(
                    {"contact": contact, "record": record, "mark_working_url": mark_working_url}
                )
            return problems

        def is_shown(self):
            return bool(self.problems)

        def get_context_data(self, parent_context=None):
            return {**super().get_context_data(parent_context), "problems": self.problems}
