"""Places in the content models' edit views that a higher layer fills.

The maintenance panels (open alerts, contacts whose email bounces) belong to `tasks`,
which sits above the content apps: the models may not import them. So a model names the
place with `MaintenancePanel("open_alerts")`, and `tasks/wagtail_hooks.py` registers the
panel for that name with the Wagtail hook `register_maintenance_panel`. The place becomes
the registered panel when Wagtail binds the edit view to its model; with nothing
registered (the `tasks` app left out), it shows nothing.
"""

from wagtail import hooks
from wagtail.admin.panels import Panel

HOOK = "register_maintenance_panel"


def registered_panels() -> dict[str, type[Panel]]:
    """{place name: panel class}, from every `register_maintenance_panel` hook (each
    returns a dict of its own)."""
    panels = {}
    for register in hooks.get_hooks(HOOK):
        panels.update(register())
    return panels


class MaintenancePanel(Panel):
    def __init__(self, place: str, *args, **kwargs):
        super().__init__(**kwargs)
        self.place, self.args, self.kwargs = place, args, kwargs

    def clone(self):
        return type(self)(self.place, *self.args, **self.kwargs)

    def bind_to_model(self, model):
        panel_class = registered_panels().get(self.place)
        if panel_class is None:
            return super().bind_to_model(model)
        return panel_class(*self.args, **self.kwargs).bind_to_model(model)

    class BoundPanel(Panel.BoundPanel):
        def is_shown(self):
            return False  # nothing registered for this place
