"""Checks before publishing: every page type's preview runs Wagtail's checker with the
Local Offer's rules, inside a <main> that the content metrics read, and shows what
families see. What the rules find is tested in a browser (tests/browser/test_checks.py)."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from cms.blocks import ImageBlock
from cms.checks import SEND_ABBREVIATIONS, abbreviation_rule_id
from cms.groups import COUNCIL_EDITORS, MODERATORS
from directory.factories import (
    PartnerPageFactory,
    ServiceContactFactory,
    ServicePageFactory,
    TaxonomyTermFactory,
)
from directory.models import PartnerPage
from guides.factories import GuidePageFactory
from guides.models import GuidePage

OUR_RULES = {
    "lo-image-description",
    "lo-heading-order",
    "lo-link-text",
    "lo-summary-length",
    *(abbreviation_rule_id(abbreviation) for abbreviation in SEND_ABBREVIATIONS),
}
STREAM_FIELDS = {GuidePage: ["body"], PartnerPage: ["body", "links"]}
GUIDE_BODY = [("heading", {"text": "Talk to the school", "level": "h2"})]
CONFIGURATION = re.compile(
    r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', re.S
)


@pytest.fixture
def editor(django_user_model, sections):
    user = django_user_model.objects.create_user("editor", "editor@example.org", "x")
    user.groups.add(Group.objects.get(name=COUNCIL_EDITORS))
    return user


def checker_configuration(html: str) -> dict:
    (found,) = CONFIGURATION.findall(html)
    return json.loads(found)


def preview(client, page, **streams) -> str:
    """The page's preview as the editor's preview panel loads it: the edit form's data
    posted to the preview view, then the preview read in the panel's mode.

    StreamFields are drawn by JavaScript, so their data is not in the form's HTML: give
    each as a list of (block type, form value); one not given is posted empty."""
    edit_view = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit_view.status_code == 200
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    html = edit_view.content.decode()
    form_data = querydict_from_html(html, form_id="page-edit-form")
    # A ticked checkbox without a value attribute is sent as "on", as browsers do.
    for checkbox in BeautifulSoup(html, "html.parser").select("input[type=checkbox][checked]"):
        if "value" not in checkbox.attrs:
            form_data.setlist(checkbox["name"], ["on"])
    for name in STREAM_FIELDS.get(type(page.specific), ()):
        form_data.update(nested_form_data({name: streamfield(streams.get(name, []))}))
    posted = client.post(preview_url, data=dict(form_data.lists()))
    assert posted.json() == {"is_valid": True, "is_available": True}
    response = client.get(preview_url, {"in_preview_panel": "true"})
    assert response.status_code == 200
    return response.content.decode()


def assert_runs_our_checks(html: str) -> None:
    configuration = checker_configuration(html)
    rules = {rule["id"] for rule in configuration["spec"]["rules"]}
    assert rules >= OUR_RULES
    assert set(configuration["options"]["runOnly"]) >= OUR_RULES
    assert "heading-order" not in configuration["options"]["runOnly"]  # ours replaces it
    # Pages have no search description to fill in (partners receive none).
    assert "empty-meta-description" not in configuration["options"]["runOnly"]
    assert set(configuration["messages"]) >= OUR_RULES
    assert "/static/cms/js/content-checks.js" in html
    # Content metrics (words, reading time, readability) read the page's <main>.
    assert re.search(r'<html lang="en">', html)
    assert html.count("<main>") == 1


@pytest.fixture
def moderator(django_user_model, sections):
    user = django_user_model.objects.create_user("moderator", "moderator@example.org", "x")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


def test_each_page_types_preview_runs_our_checks(client, sections, editor, moderator):
    service = ServicePageFactory(parent=sections["council"], title="Sensory play")
    guide = GuidePageFactory(parent=sections["guides"], title="When people can't agree")
    partner = PartnerPageFactory(parent=sections["directory"], title="MAZE")
    # Council editors edit their sections; the home page and the directory's top are
    # moderators' (no team).
    for user, page in [
        (moderator, sections["home"]),
        (moderator, sections["directory"]),
        (moderator, partner),
        (editor, service),
        (editor, sections["guides"]),
        (editor, guide),
    ]:
        client.force_login(user)
        html = preview(client, page, body=GUIDE_BODY)
        assert_runs_our_checks(html)
        assert f"<h1>{page.title}</h1>".replace("'", "&#x27;") in html


def test_the_checks_panel_uses_the_same_rules_and_messages(client, sections, editor):
    service = ServicePageFactory(parent=sections["council"])
    client.force_login(editor)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[service.pk])).content.decode()

    configuration = checker_configuration(html)
    assert {rule["id"] for rule in configuration["spec"]["rules"]} >= OUR_RULES
    assert configuration["messages"]["lo-abbreviation-ehcp"] == {
        "error_name": "“EHCP” is not spelled out",
        "help_text": "The first time the page uses EHCP, write what it stands for: "
        "“Education, Health and Care Plan (EHCP)”.",
    }
    # Each abbreviation's rule tells the shared check which letters it looks for.
    ehcp = configuration["options"]["rules"]["lo-abbreviation-ehcp"]
    assert ehcp["checks"]["lo-abbreviation-explained"]["options"]["forms"] == ["EHCP"]


def test_the_image_help_and_the_check_both_ask_for_every_image_to_be_described(
    client, sections, editor
):
    # In a Local Offer an image in a block tells families something: none is decoration.
    guide = GuidePageFactory(parent=sections["guides"])
    client.force_login(editor)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk])).content.decode()

    message = checker_configuration(html)["messages"]["lo-image-description"]["help_text"]
    assert "every image" in message
    help_text = ImageBlock().child_blocks["alt_text"].field.help_text
    assert "every image" in help_text
    assert json.dumps(help_text)[1:-1] in html  # in the block's definition
    for text in (message, help_text):
        assert "blank" not in text
        assert "decorati" not in text


def test_the_previews_title_is_the_pages_title(client, sections, editor):
    # A title tag left from before is not editable any more, so it is not shown either.
    service = ServicePageFactory(
        parent=sections["council"], title="Sensory play", seo_title="Old title tag"
    )
    client.force_login(editor)

    html = preview(client, service)

    assert "<title>Sensory play · Essex Local Offer</title>" in html
    assert "Old title tag" not in html


def test_a_services_preview_shows_who_it_is_for(client, sections, editor):
    autism = TaxonomyTermFactory(vocabulary="need", code="autism", name="Autism")
    parents = TaxonomyTermFactory(vocabulary="audience", code="parents", name="Parents and carers")
    play = TaxonomyTermFactory(vocabulary="category", code="play", name="Groups and activities")
    service = ServicePageFactory(
        parent=sections["council"],
        title="Sensory play",
        summary="Messy play for under-fives.",
        min_age=2,
        max_age=5,
        eligibility="Children waiting for an autism assessment.",
        service_areas=["north-east", "mid"],
        languages=["en", "pl"],
    )
    ServiceContactFactory(page=service, name="Play team", email="play@example.org")
    ServiceContactFactory(page=service, name="Secret reviewer", is_public=False)
    service.terms.set([autism, parents, play])
    service.save_revision()
    client.force_login(editor)

    html = preview(client, service)

    who = html[html.index("<h2>Who it is for</h2>") :]
    who = re.sub(r"\s+", " ", who[: who.index("</dl>")])
    for expected in (
        "<dt>Categories</dt> <dd data-checks-skip><ul><li>Groups and activities</li></ul></dd>",
        "<dt>Needs</dt> <dd data-checks-skip><ul><li>Autism</li></ul></dd>",
        "<dt>Audiences</dt> <dd data-checks-skip><ul><li>Parents and carers</li></ul></dd>",
        "<dt>Ages</dt><dd>2 to 5</dd>",
        "<dt>Who can use it</dt><dd>Children waiting for an autism assessment.</dd>",
        "<li>North East Essex</li><li>Mid Essex</li>",
        "<li>English</li><li>Polish</li>",
    ):
        assert expected in who
    assert '<p class="summary">Messy play for under-fives.</p>' in html
    assert "play@example.org" in html
    assert "Secret reviewer" not in html


def test_a_guides_and_a_partners_preview_show_what_partners_get(
    client, sections, editor, moderator
):
    young_people = TaxonomyTermFactory(
        vocabulary="audience", code="young-people", name="Young people"
    )
    guide = GuidePageFactory(
        parent=sections["guides"],
        introduction="What to do when you disagree.",
        min_age=16,
        max_age=25,
    )
    guide.audience.set([young_people])
    guide.save_revision()
    client.force_login(editor)

    body = GUIDE_BODY + [("paragraph", rich_text("<p>Start with the class teacher.</p>"))]
    html = re.sub(r"\s+", " ", preview(client, guide, body=body))

    assert '<p class="summary">What to do when you disagree.</p>' in html
    assert "<dt>Written for</dt><dd data-checks-skip><ul><li>Young people</li></ul></dd>" in html
    assert "<dt>Ages</dt><dd>16 to 25</dd>" in html
    assert "<h2>Talk to the school</h2>" in html

    partner = PartnerPageFactory(
        parent=sections["directory"],
        introduction="A community for parents.",
        links=[
            {"type": "link", "value": {"title": "MAZE on Facebook", "url": "https://maze.test/"}}
        ],
    )
    client.force_login(moderator)

    link = {"title": "MAZE on Facebook", "url": "https://maze.test/"}
    html = preview(client, partner, links=[("link", link)])

    assert '<p class="summary">A community for parents.</p>' in html
    assert f"<dt>Organisation</dt><dd data-checks-skip>{partner.organisation.name}</dd>" in html
    assert '<a href="https://maze.test/">MAZE on Facebook</a>' in html


def test_the_public_site_has_no_checker(client, sections):
    service = ServicePageFactory(parent=sections["council"])

    html = client.get(service.url).content.decode()

    assert "wagtail-userbar" not in html
    assert "checker-axe-configuration" not in html
