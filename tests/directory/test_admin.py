"""Editors' flows through the real Wagtail admin views."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cms.groups import COUNCIL_EDITORS, ICB_EDITORS, MODERATORS
from directory.factories import OrganisationFactory, ServicePageFactory
from directory.models import ServicePage


@pytest.fixture
def make_user(django_user_model):
    def make(username, group_name=None, **extra):
        user = django_user_model.objects.create_user(
            username=username,
            password="correct horse battery",
            email=f"{username}@example.org",
            **extra,
        )
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


def service_form(organisation, *, contacts=None, **overrides):
    data = {
        "title": "Autism parent support group",
        "slug": "autism-parent-support-group",
        "summary": "A friendly monthly group for parents of autistic children.",
        "organisation": organisation.pk,
        "description": rich_text("<p>Meet other parents and share what works.</p>"),
        "status": "active",
        "min_age": "0",
        "max_age": "18",
        "eligibility": "",
        "how_to_access": rich_text(""),
        "cost": "free",
        "cost_description": "",
        "website": "",
        "service_areas": ["north-east"],
        "languages": ["en"],
        "contacts": inline_formset(
            contacts
            if contacts is not None
            else [
                {
                    "name": "Group lead",
                    "role": "",
                    "email": "group@example.org",
                    "phone": "",
                    "is_public": "on",
                }
            ]
        ),
        "locations": inline_formset(
            [
                {
                    "name": "Colchester Library",
                    "address_1": "Trinity Square",
                    "address_2": "",
                    "town": "Colchester",
                    "postcode": "co1 1jb",
                    "latitude": "51.889500",
                    "longitude": "0.898600",
                    "accessibility": "Step-free entrance.",
                }
            ]
        ),
        "schedules": inline_formset([]),
        "comments": inline_formset([]),
        "last_reviewed_at": "",
        "review_interval_days": "",
        "last_reviewed_by": "",
        "last_reviewed_by_name": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("directory", "servicepage", parent.pk))


def test_a_council_editor_submits_a_service_for_moderation_and_a_moderator_approves_it(
    client, sections, make_user
):
    organisation = OrganisationFactory()
    editor = make_user("council-editor", COUNCIL_EDITORS)
    moderator = make_user("moderator", MODERATORS)

    client.force_login(editor)
    response = client.post(
        add_url(sections["council"]), service_form(organisation, **{"action-submit": "Submit"})
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    service = ServicePage.objects.get(slug="autism-parent-support-group")
    assert not service.live
    assert service.locations.get().postcode == "CO1 1JB"
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(service.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    # Editors cannot publish: the publish action is refused.
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(service.pk,)),
        service_form(organisation, **{"action-publish": "Publish"}),
    )
    service.refresh_from_db()
    assert not service.live

    client.force_login(moderator)
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(service.pk, "approve", task_state.pk)),
        {"comment": "Checked with the group lead."},
    )
    assert response.status_code in (200, 302)
    service.refresh_from_db()
    assert service.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def denied(client, url) -> bool:
    """Wagtail answers a refused admin request with 403 to scripts, and sends a browser
    back to the dashboard with an explanation."""
    scripted = client.get(url, headers={"x-requested-with": "XMLHttpRequest"})
    browser = client.get(url, follow=True)
    return scripted.status_code == 403 and (
        "Sorry, you do not have permission to access this area." in browser.content.decode()
    )


def test_a_council_editor_cannot_touch_the_health_section(client, sections, make_user):
    health_service = ServicePageFactory(parent=sections["health"])
    council_service = ServicePageFactory(parent=sections["council"])
    client.force_login(make_user("council-editor", COUNCIL_EDITORS))

    assert denied(client, reverse("wagtailadmin_pages:edit", args=(health_service.pk,)))
    assert denied(client, add_url(sections["health"]))
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=(council_service.pk,))).status_code
        == 200
    )


def test_an_icb_editor_edits_only_the_health_section(client, sections, make_user):
    health_service = ServicePageFactory(parent=sections["health"])
    council_service = ServicePageFactory(parent=sections["council"])
    client.force_login(make_user("icb-editor", ICB_EDITORS))

    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=(health_service.pk,))).status_code == 200
    )
    assert denied(client, reverse("wagtailadmin_pages:edit", args=(council_service.pk,)))


def test_a_service_needs_a_way_to_reach_it(client, sections, make_user):
    client.force_login(make_user("admin", is_superuser=True))
    response = client.post(
        add_url(sections["council"]), service_form(OrganisationFactory(), contacts=[])
    )
    assert response.status_code == 200
    assert "Give families a way to reach this service" in response.content.decode()
    assert not ServicePage.objects.filter(slug="autism-parent-support-group").exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"min_age": "19", "max_age": "5"},
            "The “to” age must be the same as or higher than the “from” age.",
        ),
        ({"max_age": "30"}, "Ages go up to 25: the Local Offer covers 0 to 25."),
        ({"cost": "paid"}, "Say what it costs, so families can plan."),
        ({"locations-0-postcode": "ESSEX"}, "Enter a full UK postcode, such as CO4 3SQ."),
        ({"contacts-0-phone": "12345"}, "Enter a phone number people can call"),
        (
            {"contacts-0-email": "group-at-example"},
            "Enter an email address in the form name@example.org.",
        ),
    ],
)
def test_validation_errors_are_shown_on_the_form(client, sections, make_user, overrides, message):
    client.force_login(make_user("admin", is_superuser=True))
    data = service_form(OrganisationFactory())
    data.update(overrides)
    response = client.post(add_url(sections["council"]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ServicePage.objects.filter(slug="autism-parent-support-group").exists()


def test_edit_view_shows_review_dates(client, sections, make_user):
    service = ServicePageFactory(parent=sections["council"])
    client.force_login(make_user("admin", is_superuser=True))
    html = client.get(reverse("wagtailadmin_pages:edit", args=(service.pk,))).content.decode()
    assert "Next review due" in html
    assert "Last reviewed" in html


def test_groups_exist_with_the_moderation_workflow_on_the_tree(db):
    assert set(Group.objects.values_list("name", flat=True)) == {
        "Council editors",
        "ICB editors",
        "Moderators",
        "Maintainers",
    }
    workflow = Page.get_first_root_node().get_workflow()
    assert workflow is not None
    assert workflow.active
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]
