"""The review status of listings of every type, as the rows of one query.

Each reviewable type is a table of its own, so the rows are a UNION of one SELECT per type,
all with the same columns. Counting, ordering and slicing happen in the database: a
dashboard panel or a page of the report costs the same few queries for 50 listings or
100,000.

Only the listings the stale scan looks at are here (published, one per translation group:
`tasks.listings.current_listings`), and of those only the ones the user may edit.
"""

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    JSONField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, JSONArray, NullIf
from django.urls import reverse
from django.utils.text import capfirst
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from alerts.models import MaintainerAlert
from cms.teams import Team, section_paths
from directory.choices import ServiceArea
from directory.models import Cluster, ServicePage
from tasks.listings import REVIEWABLE_MODELS, current_listings, label_field

# Clusters are the council's: council staff are allocated to them, council editors edit them.
CLUSTER_TEAM = Team.COUNCIL
# Where each type says which part of Essex it is in: a list of areas, or one.
AREA_LISTS = {ServicePage: "service_areas"}
AREA_FIELDS = {Cluster: "quadrant"}

# The columns of a row, the same for every type. The names are chosen not to clash with
# any model's own fields, since each is an annotation.
COLUMNS = (
    "type_id",
    "listing_id",
    "listing_title",
    "team_code",
    "area_codes",
    "service_status",
    "reviewed_at",
    "reviewed_by",
    "due",
    "open_alerts",
)

Filter = Callable[[models.QuerySet], models.QuerySet]


def editable(model: type[models.Model], user) -> models.QuerySet:
    """Every object of `model` the user may edit (a page: by its place in the tree)."""
    if issubclass(model, Page):
        policy = PagePermissionPolicy(model)
    else:
        policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_permission_for(user, "change")


def listings_for(model: type[models.Model], user) -> models.QuerySet:
    """The listings of one type that are reviewed, and that the user may edit."""
    return current_listings(model) & editable(model, user)


def may_edit_listings(user) -> bool:
    """Whether the user may edit listings of any type (permissions only, no listing)."""
    return not all(
        isinstance(editable(model, user), models.query.EmptyQuerySet) for model in REVIEWABLE_MODELS
    )


def overdue_on(today: date) -> Q:
    """Past its due date: the day after it falls due, as the stale scan counts."""
    return Q(next_review_due__lt=today)


def due_later_in_month(today: date) -> Q:
    return Q(next_review_due__range=(today, last_day_of_month(today)))


def last_day_of_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def edit_url(model: type[models.Model], pk) -> str | None:
    """The admin edit view of an object, from its type and id alone: no query."""
    if issubclass(model, Page):
        return reverse("wagtailadmin_pages:edit", args=[pk])
    return AdminURLFinder().get_edit_url(model(pk=pk))


def team_expression(model, teams: list[tuple[str, str]]) -> models.Expression:
    """`cms.teams.team_of` in SQL, from `section_paths`. The rows are sources (or pages in
    one language only), so a page's own path is its source's."""
    if not issubclass(model, Page):
        return Value(CLUSTER_TEAM.value)
    return Case(
        *(When(path__startswith=path, then=Value(team)) for path, team in teams),
        default=Value(""),
        output_field=CharField(),
    )


def areas_expression(model) -> models.Expression:
    if model in AREA_LISTS:
        return F(AREA_LISTS[model])
    if model in AREA_FIELDS:
        return JSONArray(AREA_FIELDS[model])
    return Value([], output_field=JSONField())


def open_alert_count(model) -> models.Expression:
    alerts = (
        MaintainerAlert.objects.open()
        .filter(content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk"))
        .order_by()
        .values("object_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(alerts), 0)


def annotate_status(queryset: models.QuerySet, teams: list[tuple[str, str]]) -> models.QuerySet:
    """Add the row's columns to a queryset of one listing type."""
    model = queryset.model
    has_status = any(field.name == "status" for field in model._meta.fields)
    return queryset.annotate(
        type_id=Value(ContentType.objects.get_for_model(model).pk),
        listing_id=F("pk"),
        listing_title=F(label_field(model)),
        team_code=team_expression(model, teams),
        area_codes=areas_expression(model),
        service_status=F("status") if has_status else Value(""),
        reviewed_at=F("last_reviewed_at"),
        reviewed_by=Coalesce(
            NullIf("last_reviewed_by_name", Value("")),
            "last_reviewed_by__username",
            Value(""),
            output_field=CharField(),
        ),
        due=F("next_review_due"),
        open_alerts=open_alert_count(model),
    )


@dataclass(frozen=True)
class ListingStatus:
    """One row: a listing and where it stands in its review cycle."""

    model: type[models.Model]
    pk: int
    title: str
    team: str
    areas: list[str]
    service_status: str
    last_reviewed_at: datetime | None
    reviewed_by: str
    next_review_due: date | None
    open_alerts: int
    overdue: bool

    @classmethod
    def from_row(cls, row: dict, *, today: date) -> "ListingStatus":
        due = row["due"]
        return cls(
            model=ContentType.objects.get_for_id(row["type_id"]).model_class(),
            pk=row["listing_id"],
            title=row["listing_title"],
            team=row["team_code"],
            areas=row["area_codes"] or [],
            service_status=row["service_status"],
            last_reviewed_at=row["reviewed_at"],
            reviewed_by=row["reviewed_by"],
            next_review_due=due,
            open_alerts=row["open_alerts"],
            overdue=due is not None and due < today,
        )

    @property
    def type_label(self) -> str:
        return capfirst(self.model._meta.verbose_name)

    @property
    def team_label(self) -> str:
        return Team(self.team).label if self.team else ""

    @property
    def area_labels(self) -> str:
        labels = dict(ServiceArea.choices)
        return ", ".join(labels.get(code, code) for code in self.areas)

    @property
    def status_label(self) -> str:
        return ServicePage.Status(self.service_status).label if self.service_status else ""

    @property
    def overdue_label(self) -> str:
        return "Yes" if self.overdue else "No"

    @property
    def edit_url(self) -> str | None:
        return edit_url(self.model, self.pk)


class ReviewStatus:
    """The review status of the listings one user may edit, as of one day."""

    def __init__(self, user, *, today: date, with_teams: bool = False):
        self.user = user
        self.today = today
        # The team column needs the sections (a query per section type); panels skip it.
        self.teams = section_paths() if with_teams else []

    def listings(self, model) -> models.QuerySet:
        return annotate_status(listings_for(model, self.user), self.teams)

    def rows(self, narrow: Filter = lambda queryset: queryset) -> models.QuerySet:
        """Rows (dicts of COLUMNS) for every type, each type's queryset narrowed first.
        Order the result by column names."""
        first, *others = (
            # Without each type's own ordering: only the union's counts.
            narrow(self.listings(model)).order_by().values(*COLUMNS)
            for model in REVIEWABLE_MODELS
        )
        return first.union(*others, all=True)

    def overdue(self) -> models.QuerySet:
        return self.rows(lambda listings: listings.filter(overdue_on(self.today)))

    def due_this_month(self) -> models.QuerySet:
        return self.rows(lambda listings: listings.filter(due_later_in_month(self.today)))

    def statuses(self, rows) -> list[ListingStatus]:
        return [ListingStatus.from_row(row, today=self.today) for row in rows]
