"""The standard's paging envelope."""

from django.core.paginator import InvalidPage, Paginator
from rest_framework.exceptions import NotFound


class ResultsPage:
    """One page of `items` (a queryset of ids, or a list)."""

    def __init__(self, items, number: int, per_page: int):
        paginator = Paginator(items, per_page)
        try:
            self.page = paginator.page(number)
        except InvalidPage:
            raise NotFound(f"There is no page {number}: there are {paginator.num_pages}.") from None
        self.items = list(self.page)

    def envelope(self, contents: list) -> dict:
        paginator = self.page.paginator
        return {
            "total_items": paginator.count,
            "total_pages": paginator.num_pages,
            "page_number": self.page.number,
            "size": len(contents),
            "first_page": not self.page.has_previous(),
            "last_page": not self.page.has_next(),
            "empty": not contents,
            "contents": contents,
        }
