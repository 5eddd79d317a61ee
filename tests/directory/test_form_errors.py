"""Errors in the edit forms, posted through the real admin views: each in the officer's
words, at the field it is about, one message per fault."""

from datetime import time
from html import escape

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from directory.factories import OrganisationFactory, ServicePageFactory, TaxonomyTermFactory
from directory.models import Cluster, Organisation, ServicePage, ServiceSchedule, TaxonomyTerm
from directory.models.services import NO_WAY_IN_AT_CONTACTS, NO_WAY_IN_AT_WEBSITE
from guides.factories import GuidePageFactory
from guides.models import GuidePage
from tests.directory.test_admin import add_url, service_form

# Publishing, not saving a draft: Wagtail lets a draft leave required fields blank.
PUBLISH = {"action-publish": "Publish"}

# Django's own wording, which no officer should meet.
DEVELOPER_WORDING = ("Ensure this value", "This field is required", "Enter a valid")


@pytest.fixture
def admin_client(client, django_user_model):
    admin = django_user_model.objects.create_user(
        "admin", "admin@example.org", "correct horse battery", is_superuser=True
    )
    client.force_login(admin)
    return client


def post_service(client, sections, **overrides):
    data = service_form(OrganisationFactory(), **PUBLISH)
    data.update(overrides)
    response = client.post(add_url(sections["council"]), data)
    assert response.status_code == 200, "the form should have been refused"
    assert not ServicePage.objects.exists()
    return response


def errors_at(response, path: str) -> list[str]:
    """The errors of one field: "max_age", or "contacts-0-email" for an inline row's."""
    form = response.context["form"]
    relation, _, rest = path.partition("-")
    if relation in form.formsets:
        index, _, field = rest.partition("-")
        return list(form.formsets[relation].forms[int(index)].errors.get(field, []))
    return list(form.errors.get(path, []))


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"max_age": "30"}, "max_age", "Ages go up to 25: the Local Offer covers 0 to 25."),
        ({"min_age": "-1"}, "min_age", "Ages start at 0: the Local Offer covers 0 to 25."),
        ({"min_age": "five"}, "min_age", "Enter the age in whole years, such as 5."),
        (
            {"min_age": "19", "max_age": "5"},
            "max_age",
            "The “to” age must be the same as or higher than the “from” age.",
        ),
        ({"cost": "paid"}, "cost_description", "Say what it costs, so families can plan."),
        ({"title": ""}, "title", "Enter the title."),
        ({"summary": ""}, "summary", "Enter the summary."),
        (
            {"summary": "x" * 301},
            "summary",
            "The summary can be at most 300 characters; it has 301.",
        ),
        (
            {"website": "the council website"},
            "website",
            "Enter the whole web address, starting with https://, such as https://www.example.org/.",
        ),
        (
            {"contacts-0-email": "group-at-example"},
            "contacts-0-email",
            "Enter an email address in the form name@example.org.",
        ),
        (
            {"contacts-0-phone": "12345"},
            "contacts-0-phone",
            "Enter a phone number people can call, such as 0333 013 8891 or +44 333 013 8891.",
        ),
        (
            {"contacts-0-email": "", "contacts-0-phone": ""},
            "contacts-0-email",
            "Give an email address or a phone number.",
        ),
        (
            {"locations-0-postcode": "ESSEX"},
            "locations-0-postcode",
            "Enter a full UK postcode, such as CO4 3SQ.",
        ),
        ({"locations-0-name": ""}, "locations-0-name", "Enter the name."),
        (
            {"locations-0-latitude": "70"},
            "locations-0-latitude",
            "That latitude is outside the UK: Essex is about 51.7.",
        ),
        (
            {"locations-0-latitude": "51.1234567"},
            "locations-0-latitude",
            "Give “Latitude” with at most 6 decimal places.",
        ),
        (
            {"locations-0-longitude": "east"},
            "locations-0-longitude",
            "Enter “Longitude” as a number, such as 0.8986.",
        ),
        (
            {"last_reviewed_at": "last Tuesday"},
            "last_reviewed_at",
            "Enter “Last reviewed” as a date and a time, such as 2025-02-20 09:30.",
        ),
    ],
)
def test_a_bad_value_is_refused_in_the_officers_words_at_its_field(
    admin_client, sections, overrides, field, message
):
    response = post_service(admin_client, sections, **overrides)

    assert errors_at(response, field) == [message]
    html = response.content.decode()
    assert escape(message) in html
    for wording in DEVELOPER_WORDING:
        assert wording not in html


def test_a_schedule_that_closes_before_it_opens(admin_client, sections):
    schedule = {
        "description": "Monthly drop-in",
        "frequency": "monthly",
        "weekday": "TU",
        "opens_at": "14:00",
        "closes_at": "10:00",
        "notes": "",
    }
    response = post_service(
        admin_client, sections, **nested_form_data({"schedules": inline_formset([schedule])})
    )
    assert errors_at(response, "schedules-0-closes_at") == [
        "The closing time must be after the opening time."
    ]

    schedule["opens_at"] = "half past nine"
    response = post_service(
        admin_client, sections, **nested_form_data({"schedules": inline_formset([schedule])})
    )
    assert errors_at(response, "schedules-0-opens_at") == [
        "Enter “Opens at” as a time, such as 09:30."
    ]


def test_no_way_to_reach_a_service_is_said_at_the_website_and_at_the_contacts(
    admin_client, sections
):
    internal_only = {
        "name": "Review contact",
        "role": "",
        "email": "review@example.org",
        "phone": "",
        "is_public": "",
    }
    for contacts in ([], [internal_only]):
        data = service_form(OrganisationFactory(), contacts=contacts)
        response = admin_client.post(add_url(sections["council"]), data)
        assert response.status_code == 200
        form = response.context["form"]

        assert not form.is_valid()  # asked again, it says so once
        assert form.errors["website"] == [NO_WAY_IN_AT_WEBSITE]
        assert list(form.formsets["contacts"].non_form_errors()) == [NO_WAY_IN_AT_CONTACTS]
        html = response.content.decode()
        assert escape(NO_WAY_IN_AT_WEBSITE) in html
        assert escape(NO_WAY_IN_AT_CONTACTS) in html
    assert not ServicePage.objects.exists()


@pytest.mark.parametrize(
    ("website", "contact", "refused"),
    [
        ("the council website", {"email": "", "phone": ""}, "website"),
        ("", {"email": "group-at-example", "phone": ""}, "contacts-0-email"),
        ("", {"email": "", "phone": "12345"}, "contacts-0-phone"),
    ],
)
def test_a_way_in_the_form_refused_is_not_called_missing(
    admin_client, sections, website, contact, refused
):
    # The officer typed a way to reach the service, in a form the form refused: that
    # refusal is what to put right, not "no way to reach this service".
    service = ServicePageFactory(parent=sections["council"], website="https://group.test/")
    contacts = [{"name": "Group lead", "role": "", "is_public": "on", **contact}]
    data = service_form(service.organisation, contacts=contacts, website=website, **PUBLISH)
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[service.pk]), data)

    assert response.status_code == 200, "the form should have been refused"
    assert errors_at(response, refused)
    form = response.context["form"]
    assert NO_WAY_IN_AT_WEBSITE not in form.errors.get("website", [])
    assert NO_WAY_IN_AT_CONTACTS not in form.formsets["contacts"].non_form_errors()
    html = response.content.decode()
    assert escape(NO_WAY_IN_AT_WEBSITE) not in html
    assert escape(NO_WAY_IN_AT_CONTACTS) not in html


def test_separate_faults_are_separate_messages_at_their_own_fields(admin_client, sections):
    response = post_service(
        admin_client,
        sections,
        max_age="30",
        cost="paid",
        **{"locations-0-latitude": "70", "locations-0-longitude": ""},
    )

    assert errors_at(response, "max_age") == ["Ages go up to 25: the Local Offer covers 0 to 25."]
    assert errors_at(response, "cost_description") == ["Say what it costs, so families can plan."]
    assert errors_at(response, "locations-0-latitude") == [
        "That latitude is outside the UK: Essex is about 51.7."
    ]
    assert errors_at(response, "locations-0-longitude") == [
        "Give the longitude too, or leave both blank."
    ]


def organisation_form(**overrides):
    data = {
        "name": "Colchester Parent Support",
        "kind": "voluntary",
        "team": "shared",
        "description": "",
        "website": "",
        "email": "",
        "phone": "",
        "logo": "",
        "status": "active",
        "defunct_since": "",
        "replaced_by": "",
        "defunct_note": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "Enter the name."),
        (
            {"website": "www"},
            "website",
            "Enter the whole web address, starting with https://, such as https://www.example.org/.",
        ),
        (
            {"email": "info.example.org"},
            "email",
            "Enter an email address in the form name@example.org.",
        ),
        ({"phone": "0800"}, "phone", "Enter a phone number people can call"),
        (
            {"status": "defunct"},
            "replaced_by",
            "An organisation that no longer exists needs its successor, or a note of what "
            "happened to it.",
        ),
        (
            {"defunct_since": "1 July"},
            "defunct_since",
            "Enter “Closed on” as a date, such as 2025-02-20.",
        ),
    ],
)
def test_organisation_errors_in_the_officers_words(admin_client, db, overrides, field, message):
    url = reverse("wagtailsnippets_directory_organisation:add")
    response = admin_client.post(url, organisation_form(**overrides, **PUBLISH))

    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    assert len(errors) == 1
    assert errors[0].startswith(message)
    assert not Organisation.objects.filter(name="Colchester Parent Support").exists()


def test_taxonomy_term_errors_in_the_officers_words(admin_client, db):
    url = reverse("wagtailsnippets_directory_taxonomyterm:add")
    data = {
        "vocabulary": "need",
        "name": "",
        "code": "Autism & ADHD",
        "description": "",
        "parent": "",
        "sort_order": "",
    }
    response = admin_client.post(url, data)

    errors = response.context["form"].errors
    assert errors["name"] == ["Enter the name."]
    assert errors["code"] == [
        "Use only lower-case letters, numbers and hyphens in the code, such as 'autism-support'."
    ]
    assert errors["sort_order"] == ["Enter the sort order."]
    assert not TaxonomyTerm.objects.exists()


def test_a_repeated_term_code_is_an_error_of_the_form(admin_client, db):
    TaxonomyTermFactory(vocabulary="need", code="autism", name="Autism")
    url = reverse("wagtailsnippets_directory_taxonomyterm:add")
    data = {
        "vocabulary": "need",
        "name": "Autism spectrum",
        "code": "autism",
        "description": "",
        "parent": "",
        "sort_order": "0",
    }
    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert response.context["form"].errors["code"] == [
        "Another SEND need term already has the code “autism”: choose a code of its own."
    ]
    assert TaxonomyTerm.objects.count() == 1


def test_cluster_staff_errors_in_the_officers_words(admin_client, db):
    url = reverse("wagtailsnippets_directory_cluster:add")
    data = nested_form_data(
        {
            "name": "Colchester cluster",
            "quadrant": "north-east",
            "description": "",
            "staff": inline_formset(
                [{"role": "inclusion-partner", "name": "Sam Patel", "email": "", "phone": "1"}]
            ),
            "settings": inline_formset([]),
            "last_reviewed_at": "",
            "review_interval_days": "",
            "last_reviewed_by": "",
            "last_reviewed_by_name": "",
            **PUBLISH,
        }
    )
    response = admin_client.post(url, data)

    staff = response.context["form"].formsets["staff"].forms[0]
    assert staff.errors["email"] == ["Enter the email."]
    assert staff.errors["phone"][0].startswith("Enter a phone number people can call")
    assert not Cluster.objects.exists()


def guide_form(body):
    return nested_form_data(
        {
            "title": "When people can't agree",
            "slug": "when-people-cant-agree",
            "introduction": "What to do when you disagree about support.",
            "body": streamfield(body),
            "min_age": "0",
            "max_age": "25",
            "related_guides": inline_formset([]),
            "comments": inline_formset([]),
            "last_reviewed_at": "",
            "review_interval_days": "",
            "last_reviewed_by": "",
            "last_reviewed_by_name": "",
            "go_live_at": "",
            "expire_at": "",
            **PUBLISH,
        }
    )


def guide_add_url(sections):
    return reverse("wagtailadmin_pages:add", args=("guides", "guidepage", sections["guides"].pk))


def test_guide_blocks_give_errors_in_the_officers_words(admin_client, sections):
    body = [
        ("heading", {"text": "x" * 130, "level": "h2"}),
        ("contact", {"name": "", "role": "", "email": "", "phone": "", "website": ""}),
    ]
    response = admin_client.post(guide_add_url(sections), guide_form(body))

    assert response.status_code == 200
    html = response.content.decode()
    assert "The text can be at most 120 characters; it has 130." in html
    assert "Enter the name." in html
    assert "Give at least an email, a phone number or a website." in html
    for wording in DEVELOPER_WORDING:
        assert wording not in html
    assert not GuidePage.objects.exists()


def test_a_guide_without_a_body_says_what_to_add(admin_client, sections):
    response = admin_client.post(guide_add_url(sections), guide_form([]))

    assert response.status_code == 200
    assert "Add at least one block, such as a heading or a paragraph." in response.content.decode()
    assert not GuidePage.objects.exists()


# A rule across fields compares what the officer typed, not the value saved before: when
# one of its fields is refused, the refusal is the one message.


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_a_refused_age_is_one_message_when_editing_a_service(admin_client, sections):
    service = ServicePageFactory(parent=sections["council"], min_age=10, max_age=18)
    data = service_form(service.organisation, min_age="five", max_age="5", **PUBLISH)
    response = admin_client.post(edit_url(service), data)

    assert response.status_code == 200
    assert errors_at(response, "min_age") == ["Enter the age in whole years, such as 5."]
    assert errors_at(response, "max_age") == []


def test_a_refused_age_is_one_message_when_editing_a_guide(admin_client, sections):
    guide = GuidePageFactory(parent=sections["guides"], min_age=16, max_age=25)
    data = guide_form([("paragraph", rich_text("<p>Talk to the SENCo first.</p>"))])
    data.update(min_age="sixteen", max_age="10")
    response = admin_client.post(edit_url(guide), data)

    assert response.status_code == 200
    assert errors_at(response, "min_age") == ["Enter the age in whole years, such as 5."]
    assert errors_at(response, "max_age") == []


def test_a_refused_opening_time_is_one_message_when_editing_a_schedule(admin_client, sections):
    service = ServicePageFactory(parent=sections["council"])
    schedule = ServiceSchedule.objects.create(
        page=service, description="Monthly drop-in", opens_at=time(14), closes_at=time(16)
    )
    row = {
        "id": schedule.pk,
        "description": "Monthly drop-in",
        "frequency": "monthly",
        "weekday": "TU",
        "opens_at": "half past nine",
        "closes_at": "10:00",
        "notes": "",
    }
    data = service_form(service.organisation, **PUBLISH)
    data.update(nested_form_data({"schedules": inline_formset([row], initial=1)}))
    response = admin_client.post(edit_url(service), data)

    assert response.status_code == 200
    assert errors_at(response, "schedules-0-opens_at") == [
        "Enter “Opens at” as a time, such as 09:30."
    ]
    assert errors_at(response, "schedules-0-closes_at") == []
