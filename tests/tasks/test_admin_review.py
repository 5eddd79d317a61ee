""" "Mark as reviewed" from the edit views (pages and clusters) and as a bulk action, the open
alerts on the edit views, and the alert listing, through the real admin views."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from alerts.models import MaintainerAlert
from alerts.raising import Kind, raise_alert
from api.models import ChangeLogEntry
from cms.groups import COUNCIL_EDITORS, ICB_EDITORS, MAINTAINERS
from directory.models import Cluster, ServicePage
from tasks.admin.actions import mark_reviewed_url

pytestmark = pytest.mark.django_db

# When reports came in: before the review (a review answers the reports made before it).
EARLIER = timezone.now() - timedelta(hours=1)


def edit_url(listing) -> str:
    if isinstance(listing, Cluster):
        return reverse("wagtailsnippets_directory_cluster:edit", args=[listing.pk])
    return reverse("wagtailadmin_pages:edit", args=[listing.pk])


def open_alerts(listing):
    return MaintainerAlert.objects.open().about(listing)


def assert_reviewed_by(listing, user):
    listing.refresh_from_db()
    assert listing.last_reviewed_by == user
    assert listing.last_reviewed_by_name == user.get_full_name()
    assert timezone.now() - listing.last_reviewed_at < timedelta(minutes=1)
    assert listing.next_review_due == timezone.localdate() + listing.review_interval


def test_an_editor_marks_a_service_reviewed_from_its_edit_view(client, listing, make_user):
    service = listing("service", -30, title="Portage home visiting")
    overdue, _ = raise_alert(Kind.OVERDUE_REVIEW, service, cycle="c", message="It was due.")
    report, _ = raise_alert(Kind.PROVIDER_CHANGES, service, message="We have moved.", now=EARLIER)
    defunct, _ = raise_alert(Kind.DEFUNCT_ORGANISATION, service, message="Its body closed.")
    # An editor's draft, not yet approved: marking the listing reviewed publishes none of it.
    service.title = "Portage home visiting (draft)"
    service.save_revision()
    editor = make_user("council-editor", COUNCIL_EDITORS)
    client.force_login(editor)

    edit_view = client.get(edit_url(service)).content.decode()
    assert f'href="{mark_reviewed_url(service)}"' in edit_view
    assert "Mark as reviewed" in edit_view

    confirm = client.get(mark_reviewed_url(service)).content.decode()
    assert "Yes, mark as reviewed" in confirm
    assert "It was due." in confirm
    assert "We have moved." in confirm
    assert "Its body closed." not in confirm  # a review does not change who runs it
    assert ServicePage.objects.get(pk=service.pk).last_reviewed_by is None  # GET: no change

    response = client.post(mark_reviewed_url(service), follow=True)

    assert response.redirect_chain[-1][0] == edit_url(service)
    assert "“Portage home visiting” marked as reviewed" in response.content.decode()
    assert_reviewed_by(service, editor)
    assert list(open_alerts(service)) == [defunct]
    for answered in (overdue, report):
        answered.refresh_from_db()
        assert answered.resolved_at is not None
    service.refresh_from_db()
    assert service.title == "Portage home visiting"
    assert service.has_unpublished_changes
    draft = service.get_latest_revision_as_object()
    assert draft.title == "Portage home visiting (draft)"
    assert draft.last_reviewed_by_id == editor.pk  # publishing the draft keeps the review
    assert ChangeLogEntry.objects.filter(
        object_id=service.uuid, reason=ChangeLogEntry.Reason.REVIEWED
    ).exists()


@pytest.mark.parametrize("kind", ["guide", "partner"])
def test_guides_and_partner_pages_are_marked_reviewed_too(client, listing, make_user, kind):
    page = listing(kind, -3)
    maintainer = make_user("maintainer", MAINTAINERS)
    client.force_login(maintainer)

    assert f'href="{mark_reviewed_url(page)}"' in client.get(edit_url(page)).content.decode()
    client.post(mark_reviewed_url(page))

    assert_reviewed_by(page, maintainer)


def test_a_cluster_is_marked_reviewed_from_its_snippet_edit_view(client, listing, make_user):
    cluster = listing("cluster", -10, name="Colchester North")
    raise_alert(Kind.READER_FEEDBACK, cluster, message="The phone number is wrong.", now=EARLIER)
    editor = make_user("council-editor", COUNCIL_EDITORS)
    client.force_login(editor)

    edit_view = client.get(edit_url(cluster)).content.decode()
    assert f'href="{mark_reviewed_url(cluster)}"' in edit_view
    response = client.post(mark_reviewed_url(cluster))

    assert response.status_code == 302
    assert response["Location"] == edit_url(cluster)
    assert_reviewed_by(cluster, editor)
    assert not open_alerts(cluster).exists()


def test_only_those_who_may_edit_a_listing_may_mark_it(client, listing, make_user):
    service = listing("service", -30)  # in the council's section
    cluster = listing("cluster", -30)
    client.force_login(make_user("icb-editor", ICB_EDITORS))

    for other_teams in (service, cluster):
        for response in (
            client.get(mark_reviewed_url(other_teams)),
            client.post(mark_reviewed_url(other_teams)),
        ):
            assert response.status_code == 302
            assert response["Location"] == reverse("wagtailadmin_home")
        other_teams.refresh_from_db()
        assert other_teams.last_reviewed_by is None

    assert (
        client.get(mark_reviewed_url(service).replace("servicepage", "organisation")).status_code
        == 404
    )


def test_a_translation_is_reviewed_through_its_source(admin_client, listing):
    service = listing("service", -30)
    translation = service.copy_for_translation(
        Locale.objects.create(language_code="pl"), copy_parents=True
    )

    assert "Mark as reviewed" in admin_client.get(edit_url(service)).content.decode()
    assert (
        mark_reviewed_url(translation)
        not in admin_client.get(edit_url(translation)).content.decode()
    )
    response = admin_client.post(mark_reviewed_url(translation))
    assert response["Location"] == reverse("wagtailadmin_home")
    translation.refresh_from_db()
    assert translation.last_reviewed_by is None


def test_an_editor_marks_pages_reviewed_in_bulk(client, listing, make_user, sections):
    first = listing("service", -30, title="First service")
    second = listing("service", -1, title="Second service")
    raise_alert(Kind.OVERDUE_REVIEW, first, message="It was due.")
    partner = listing("partner", -30, title="The ICB's partner")  # not theirs to edit
    section = sections["council"]  # not reviewed on a cycle
    editor = make_user("council-editor", COUNCIL_EDITORS)
    client.force_login(editor)
    bulk_url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "mark_reviewed"])
    selected = f"{bulk_url}?id={first.pk}&id={second.pk}&id={partner.pk}&id={section.pk}"

    assert (
        bulk_url in client.get(reverse("wagtailadmin_explore", args=[section.pk])).content.decode()
    )
    confirm = client.get(selected).content.decode()
    to_mark, not_reviewable = confirm.split("These are not reviewed on a cycle")
    assert "First service" in to_mark
    assert "Second service" in to_mark
    assert "Council services" in not_reviewable
    assert "You don't have permission to mark these as reviewed" in not_reviewable
    assert "The ICB&#x27;s partner" in not_reviewable

    response = client.post(selected, {"next": reverse("wagtailadmin_explore", args=[section.pk])})

    assert response.status_code == 302
    assert_reviewed_by(first, editor)
    assert_reviewed_by(second, editor)
    assert not open_alerts(first).exists()
    partner.refresh_from_db()
    assert partner.last_reviewed_by is None
    messages = client.get(response["Location"]).content.decode()
    assert "2 pages have been marked as reviewed." in messages


def test_the_edit_view_shows_the_open_alerts(admin_client, listing):
    service = listing("service", -30)
    cluster = listing("cluster", 20)
    raise_alert(Kind.OVERDUE_REVIEW, service, message="Its review was due on 1 March.")
    resolved, _ = raise_alert(Kind.READER_FEEDBACK, service, message="Dealt with already.")
    resolved.resolved_at = timezone.now()
    resolved.save()

    html = admin_client.get(edit_url(service)).content.decode()
    panel = html[html.index("Open alerts") : html.index('data-contentpath="title"')]
    assert "Overdue for review" in panel
    assert "Its review was due on 1 March." in panel
    assert f"since {timezone.localdate():%-d %B %Y}" in panel
    assert "Dealt with already." not in panel

    assert "Open alerts" not in admin_client.get(edit_url(cluster)).content.decode()


def test_maintainers_list_filter_and_resolve_alerts(client, listing, make_user):
    service = listing("service", -30, title="Portage home visiting")
    overdue, _ = raise_alert(Kind.OVERDUE_REVIEW, service, message="Overdue.")
    feedback, _ = raise_alert(Kind.READER_FEEDBACK, service, message="Moved.")
    old, _ = raise_alert(Kind.READER_FEEDBACK, service, cycle="old", message="Old.")
    old.resolved_at = timezone.now()
    old.save()
    client.force_login(make_user("maintainer", MAINTAINERS))
    index = reverse("alerts:index")

    def listed(**filters) -> int:
        html = client.get(index, filters).content.decode()
        return len(set(re.findall(r'href="/admin/alerts/inspect/(\d+)/"', html)))

    assert listed() == 3
    assert listed(kind="reader-feedback") == 2
    assert listed(kind="reader-feedback", state="open") == 1
    assert listed(state="resolved") == 1
    assert listed(q="moved") == 1

    resolve_url = reverse("alerts:resolve", args=[overdue.pk])
    assert "raises this alert again" in client.get(resolve_url).content.decode()
    assert resolve_url in client.get(reverse("alerts:inspect", args=[overdue.pk])).content.decode()
    response = client.post(resolve_url)

    assert response["Location"] == index
    overdue.refresh_from_db()
    assert overdue.resolved_at is not None
    feedback.refresh_from_db()
    assert feedback.is_open


def test_alerts_are_made_by_the_jobs_not_by_hand(client, listing, make_user):
    alert, _ = raise_alert(Kind.READER_FEEDBACK, listing("service", 10), message="Moved.")
    client.force_login(make_user("maintainer", MAINTAINERS))

    for url in (
        reverse("alerts:add"),
        reverse("alerts:edit", args=[alert.pk]),
        reverse("alerts:delete", args=[alert.pk]),
    ):
        assert client.get(url)["Location"] == reverse("wagtailadmin_home")

    client.force_login(make_user("council-editor", COUNCIL_EDITORS))
    assert client.get(reverse("alerts:index"))["Location"] == reverse("wagtailadmin_home")
    assert client.post(reverse("alerts:resolve", args=[alert.pk])).status_code == 302
    alert.refresh_from_db()
    assert alert.is_open
