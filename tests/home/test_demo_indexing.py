"""The demo loader builds the search and reference indexes in one pass, as `make run` runs
it: committing as it goes, so wagtail-localize publishes each translation when it commits."""

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django_tasks.signals import task_enqueued
from wagtail.models import Page, ReferenceIndex
from wagtail.search.models import IndexEntry

from cms.groups import ensure_groups
from directory.models import Organisation, ServicePage
from guides.models import GuidePage
from home.models import HomePage


@pytest.fixture
def loaded_with_jobs_noted(transactional_db, wagtail_root):
    # Real commits; a transactional test starts from an empty database, so the groups
    # Wagtail's and our migrations make are made again.
    ensure_groups(apps)
    enqueued = []

    def note(sender, task_result, **kwargs):
        enqueued.append(f"{task_result.task.module_path}{tuple(task_result.args)}")

    task_enqueued.connect(note)
    try:
        call_command("load_demo_content")
    finally:
        task_enqueued.disconnect(note)
    return enqueued


def in_search_index(instance) -> bool:
    models = [type(instance), *type(instance)._meta.get_parent_list()]
    content_types = ContentType.objects.get_for_models(*models).values()
    return IndexEntry.objects.filter(
        content_type__in=content_types, object_id=str(instance.pk)
    ).exists()


def test_the_demo_is_indexed_in_one_pass_without_a_job_per_save(loaded_with_jobs_noted):
    indexing_jobs = [job for job in loaded_with_jobs_noted if "index" in job]
    assert indexing_jobs == [], "\n".join(indexing_jobs)
    # The tree's bookkeeping holds: wagtail-localize publishes each translation as its
    # commit lands, so no section is left with a stale child count.
    assert [problems for problems in Page.find_problems() if problems] == []

    pages = Page.objects.filter(depth__gt=1).specific()
    assert pages.filter(locale__language_code="pl").count() > 10
    assert [page for page in pages if not in_search_index(page)] == []
    assert all(in_search_index(organisation) for organisation in Organisation.objects.all())
    polish = ServicePage.objects.filter(locale__language_code="pl").first()
    assert polish.pk in [result.pk for result in ServicePage.objects.search(polish.title)]

    # Guides link to services through their blocks, the home page through its features.
    linked = 0
    for guide in GuidePage.objects.filter(locale__language_code="en"):
        for block in guide.body:
            if block.block_type == "related_services":
                for service in block.value["services"]:
                    references = ReferenceIndex.get_references_to(service)
                    assert references.filter(object_id=str(guide.pk)).exists(), (guide, service)
                    linked += 1
    assert linked
    home = HomePage.objects.get(locale__language_code="en")
    for feature in home.featured.all():
        references = ReferenceIndex.get_references_to(feature.page)
        assert references.filter(object_id=str(home.pk)).exists(), feature.page

    # Wagtail's own save handlers are back once loading is over.
    service = ServicePage.objects.filter(locale__language_code="en").first()
    service.title = "Quokka respite breaks"
    service.save_revision().publish()
    assert [result.pk for result in ServicePage.objects.search("quokka")] == [service.pk]
