"""The open alerts about a listing, on its edit view.

Put in the listing models' edit views through cms.panels.MaintenancePanel; it imports no
models at load time.
"""

from django.utils.functional import cached_property
from wagtail.admin.panels import Panel


class OpenAlertsPanel(Panel):
    """Read-only: what the maintainers have been told about this object and not yet dealt
    with. Shown only when there is something to show."""

    def __init__(self, heading="Open alerts", **kwargs):
        super().__init__(heading=heading, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "tasks/admin/panels/open_alerts.html"

        @cached_property
        def alerts(self):
            from alerts.models import MaintainerAlert

            if self.instance is None or self.instance.pk is None:
                return []
            return list(MaintainerAlert.objects.open().about(self.instance))

        def is_shown(self):
            return bool(self.alerts)

        def get_context_data(self, parent_context=None):
            return {**super().get_context_data(parent_context), "alerts": self.alerts}
