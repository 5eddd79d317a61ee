""" "Reviewed by" on a listing's Review tab offers the people who check that listing: the
editors of its team and the Maintainers, not every account."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from wagtail.models import Page

from cms.forms import LocalOfferModelForm, LocalOfferPageForm
from cms.groups import MAINTAINERS
from cms.teams import TEAM_GROUPS, team_of


def team_groups_for_page(page: Page) -> list[str]:
    """The editors' group of the team whose section the page is in."""
    team = team_of(page)
    return [TEAM_GROUPS[team]] if team else []


def team_groups_for_model(model: type[models.Model]) -> list[str]:
    """The teams' editors' groups that may edit objects of a type that is not a page."""
    opts = model._meta
    return list(
        Group.objects.filter(
            name__in=TEAM_GROUPS.values(),
            permissions__content_type__app_label=opts.app_label,
            permissions__codename=f"change_{opts.model_name}",
        ).values_list("name", flat=True)
    )


def reviewers_for(listing: models.Model, *, parent_page: Page | None = None) -> models.QuerySet:
    """Active members of the listing's team and of the Maintainers, and whoever is already
    recorded as its reviewer (so that saving it again keeps them). A new page has no place
    in the tree yet: its parent's section says whose it is."""
    if isinstance(listing, Page):
        page = listing if listing.pk else parent_page
        groups = team_groups_for_page(page) if page is not None else []
    else:
        groups = team_groups_for_model(type(listing))
    return (
        get_user_model()
        .objects.filter(
            Q(is_active=True, groups__name__in=[*groups, MAINTAINERS])
            | Q(pk=listing.last_reviewed_by_id)
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class ReviewerChoicesMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if field := self.fields.get("last_reviewed_by"):
            field.queryset = reviewers_for(
                self.instance, parent_page=getattr(self, "parent_page", None)
            )


class ReviewedPageForm(ReviewerChoicesMixin, LocalOfferPageForm):
    """The form of a reviewed page type."""


class ReviewedSnippetForm(ReviewerChoicesMixin, LocalOfferModelForm):
    """The form of a reviewed snippet, such as a cluster."""
