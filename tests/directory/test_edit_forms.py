"""What the edit forms say and offer: wording for a headless directory, taxonomy terms
in groups, and the groups an administrator sees."""

from html import escape

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse

from cms.groups import WAGTAIL_EDITORS
from cms.pages import SLUG_HELP, TITLE_HELP
from directory.factories import TaxonomyTermFactory

BLOG_WORDING = [
    "as you'd like it to be seen by the public",
    "domain.com/blog",
    "Show in menus",
    "Title tag",
    "Meta description",
    "search engine",
]


def visible_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "template", "style"]):
        hidden.decompose()
    return soup.get_text(" ")


@pytest.fixture
def admin_client(client, django_user_model):
    admin = django_user_model.objects.create_user(
        "admin", "admin@example.org", "correct horse battery", is_superuser=True
    )
    client.force_login(admin)
    return client


@pytest.mark.parametrize(
    ("app", "model", "parent"),
    [
        ("directory", "servicepage", "council"),
        ("directory", "partnerpage", "council"),
        ("directory", "directoryindexpage", "directory"),
        ("guides", "guideindexpage", "home"),
        ("guides", "guidepage", "guides"),
        ("home", "homepage", "root"),
    ],
)
def test_every_page_type_is_worded_for_a_headless_directory(
    admin_client, sections, wagtail_root, app, model, parent
):
    parent_page = wagtail_root if parent == "root" else sections[parent]
    url = reverse("wagtailadmin_pages:add", args=(app, model, parent_page.pk))
    response = admin_client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert escape(TITLE_HELP) in html
    assert escape(SLUG_HELP) in html
    text = visible_text(html)
    for wording in BLOG_WORDING:
        assert wording not in text, wording
    form = response.context["form"]
    assert "show_in_menus" not in form.fields
    assert "seo_title" not in form.fields
    assert "search_description" not in form.fields


@pytest.fixture
def terms(db):
    return {
        "category": TaxonomyTermFactory(vocabulary="category", name="Health and wellbeing"),
        "need": TaxonomyTermFactory(vocabulary="need", name="Autism"),
        "audience": TaxonomyTermFactory(vocabulary="audience", name="Parents and carers"),
    }


def groups_of(html: str, field_name: str) -> dict[str, list[str]]:
    """{legend: [labels of its checkboxes]} for the grouped checkboxes of one field."""
    soup = BeautifulSoup(html, "html.parser")
    boxes = soup.find(id=f"id_{field_name}")
    return {
        fieldset.legend.get_text(strip=True): [
            label.get_text(strip=True) for label in fieldset.find_all("label")
        ]
        for fieldset in boxes.find_all("fieldset")
    }


def test_a_service_chooses_its_terms_in_three_groups(admin_client, sections, terms):
    url = reverse(
        "wagtailadmin_pages:add", args=("directory", "servicepage", sections["council"].pk)
    )
    html = admin_client.get(url).content.decode()

    assert groups_of(html, "terms") == {
        "Categories": ["Health and wellbeing"],
        "Needs": ["Autism"],
        "Audiences": ["Parents and carers"],
    }
    assert "SEND need: Autism" not in html


def test_a_guide_chooses_its_topics_in_groups(admin_client, sections, terms):
    url = reverse("wagtailadmin_pages:add", args=("guides", "guidepage", sections["guides"].pk))
    html = admin_client.get(url).content.decode()

    assert groups_of(html, "topics") == {
        "Categories": ["Health and wellbeing"],
        "Needs": ["Autism"],
    }
    # A single vocabulary needs no heading: its field's label says it.
    assert groups_of(html, "audience") == {}
    assert "Parents and carers" in html
    assert "Audience: Parents and carers" not in html


def test_a_chosen_term_is_kept_when_the_form_is_shown_again(admin_client, sections, terms):
    from directory.factories import ServicePageFactory

    service = ServicePageFactory(parent=sections["council"])
    service.terms.set([terms["need"]])
    service.save()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=(service.pk,))).content
    soup = BeautifulSoup(html, "html.parser")
    checked = [box["value"] for box in soup.select('input[name="terms"][checked]')]
    assert checked == [str(terms["need"].pk)]


def test_settings_groups_lists_exactly_the_documented_groups(admin_client):
    html = admin_client.get(reverse("wagtailusers_groups:index")).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    listed = {link.get_text(strip=True) for link in soup.select("table tbody td a")}
    documented = {"Council editors", "ICB editors", "Moderators", "Maintainers"}
    assert documented <= listed
    assert WAGTAIL_EDITORS not in listed
    assert set(Group.objects.values_list("name", flat=True)) == documented


def test_a_partners_scope_chooses_terms_in_three_groups(admin_client, terms):
    html = admin_client.get(reverse("partner:add")).content.decode()

    assert groups_of(html, "scope_terms") == {
        "Categories": ["Health and wellbeing"],
        "Needs": ["Autism"],
        "Audiences": ["Parents and carers"],
    }
