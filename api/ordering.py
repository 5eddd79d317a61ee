"""The order of the lists inside an item: its inline rows as the editor arranged them.

Wagtail's `Orderable` orders by `sort_order` alone, which leaves rows sharing a
position (or having none, when created outside the editor) in whatever order the
database returns them that day. A partner comparing two copies of an item would see a
change that is not one, so every list names its order in full, with the pk last.
"""

from django.db.models import Model, QuerySet

EDITOR_ORDER = ("sort_order", "pk")


def in_editor_order(model: type[Model]) -> QuerySet:
    """An `Orderable`'s rows as the editor arranged them (rows without a position last)."""
    return model.objects.order_by(*EDITOR_ORDER)
