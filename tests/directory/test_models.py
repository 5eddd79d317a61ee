from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cms.validators import normalise_postcode
from directory.factories import (
    OrganisationFactory,
    ServiceContactFactory,
    ServiceLocationFactory,
    ServicePageFactory,
    TaxonomyTermFactory,
)
from directory.models import Organisation, ServicePage


def field_errors(instance) -> dict:
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict


class TestOrganisation:
    def test_defunct_needs_a_successor_or_an_explanation(self, db):
        organisation = OrganisationFactory.build(status=Organisation.Status.DEFUNCT)
        assert "successor" in field_errors(organisation)["replaced_by"][0]

        organisation.defunct_note = "Abolished on 1 July 2022."
        organisation.full_clean()

    def test_successor_follows_a_chain_of_closures(self, db):
        icb = OrganisationFactory(name="NHS Suffolk and North East Essex ICB")
        ccg = OrganisationFactory(
            name="NHS North East Essex CCG", status="defunct", replaced_by=icb
        )
        older = OrganisationFactory(name="Older trust", status="defunct", replaced_by=ccg)
        assert older.successor() == icb
        assert icb.successor() is None
        assert str(ccg) == "NHS North East Essex CCG (closed)"

    def test_only_a_defunct_organisation_has_a_successor(self, db):
        icb = OrganisationFactory()
        errors = field_errors(OrganisationFactory.build(replaced_by=icb))
        assert "status" in errors

    def test_phone_must_be_callable(self, db):
        assert "phone" in field_errors(OrganisationFactory.build(phone="12345"))


class TestTaxonomyTerm:
    def test_parent_in_the_same_vocabulary(self, db):
        sensory = TaxonomyTermFactory(vocabulary="need", code="sensory")
        term = TaxonomyTermFactory.build(vocabulary="category", code="hearing", parent=sensory)
        assert "parent" in field_errors(term)

    def test_no_cycles(self, db):
        sensory = TaxonomyTermFactory(vocabulary="need", code="sensory")
        hearing = TaxonomyTermFactory(vocabulary="need", code="hearing", parent=sensory)
        sensory.parent = hearing
        assert "parent" in field_errors(sensory)

    def test_code_unique_per_vocabulary_and_locale(self, db):
        TaxonomyTermFactory(vocabulary="need", code="autism")
        # Said at the code, where the editor can change it.
        assert "code" in field_errors(TaxonomyTermFactory.build(vocabulary="need", code="autism"))
        TaxonomyTermFactory.build(vocabulary="category", code="autism").full_clean()


class TestServicePage:
    def test_ages_within_0_to_25_and_in_order(self, sections):
        service = ServicePageFactory(parent=sections["council"])
        service.min_age, service.max_age = 12, 8
        assert "max_age" in field_errors(service)
        service.min_age, service.max_age = 0, 26
        assert "max_age" in field_errors(service)
        service.max_age = 25
        service.full_clean()

    def test_paid_services_say_what_they_cost(self, sections):
        service = ServicePageFactory(parent=sections["council"])
        service.cost, service.cost_description = "paid", ""
        assert "cost_description" in field_errors(service)

    def test_unknown_service_area_is_refused(self, sections):
        service = ServicePageFactory(parent=sections["council"])
        service.service_areas = ["north-east", "atlantis"]
        assert "service_areas" in field_errors(service)

    def test_only_under_a_directory_section(self):
        assert ServicePage.parent_page_types == ["directory.DirectoryIndexPage"]
        assert ServicePage.subpage_types == []


class TestLocationsAndContacts:
    @pytest.mark.parametrize(
        ("typed", "stored"),
        [("co4 3sq", "CO4 3SQ"), ("CM11QH", "CM1 1QH"), (" SS1 1pd ", "SS1 1PD")],
    )
    def test_postcodes_are_normalised(self, typed, stored):
        assert normalise_postcode(typed) == stored

    def test_a_location_needs_a_real_postcode_and_both_coordinates(self, sections):
        page = ServicePageFactory(parent=sections["council"])
        location = ServiceLocationFactory.build(page=page, postcode="co4 3sq")
        location.full_clean()
        assert location.postcode == "CO4 3SQ"
        assert "postcode" in field_errors(
            ServiceLocationFactory.build(page=page, postcode="NOT A PC")
        )
        assert "longitude" in field_errors(ServiceLocationFactory.build(page=page, longitude=None))
        assert "latitude" in field_errors(ServiceLocationFactory.build(page=page, latitude="40.0"))

    def test_a_contact_needs_an_email_or_a_phone_and_valid_ones(self, sections):
        page = ServicePageFactory(parent=sections["council"])
        assert "email" in field_errors(ServiceContactFactory.build(page=page, email="", phone=""))
        assert "email" in field_errors(ServiceContactFactory.build(page=page, email="not-an-email"))
        assert "phone" in field_errors(ServiceContactFactory.build(page=page, phone="999"))


class TestReviewDates:
    def test_next_review_due_is_last_review_plus_the_default_interval(self, sections, settings):
        reviewed = timezone.now() - timedelta(days=10)
        service = ServicePageFactory(parent=sections["council"], last_reviewed_at=reviewed)
        days = settings.REVIEW_INTERVAL_DAYS["directory.servicepage"]
        assert service.next_review_due == timezone.localdate(reviewed) + timedelta(days=days)

    def test_an_interval_on_the_listing_wins(self, sections):
        reviewed = timezone.now()
        service = ServicePageFactory(
            parent=sections["council"], last_reviewed_at=reviewed, review_interval_days=30
        )
        assert service.next_review_due == timezone.localdate(reviewed) + timedelta(days=30)

    def test_recomputed_on_every_save_including_partial_ones(self, sections, settings):
        service = ServicePageFactory(parent=sections["council"], last_reviewed_at=timezone.now())
        settings.REVIEW_INTERVAL_DAYS = {
            **settings.REVIEW_INTERVAL_DAYS,
            "directory.servicepage": 7,
        }
        service.save(update_fields=["title"])
        service.refresh_from_db()
        assert service.next_review_due == timezone.localdate() + timedelta(days=7)

    def test_never_reviewed_counts_from_first_publication(self, sections, settings):
        service = ServicePageFactory(parent=sections["council"])
        service.save_revision().publish()
        service.refresh_from_db()
        days = settings.REVIEW_INTERVAL_DAYS["directory.servicepage"]
        expected = timezone.localdate(service.first_published_at) + timedelta(days=days)
        assert service.next_review_due == expected

    def test_mark_reviewed_records_who(self, sections, django_user_model):
        reviewer = django_user_model.objects.create(
            username="ann", first_name="Ann", last_name="Lee"
        )
        service = ServicePageFactory(parent=sections["council"])
        service.mark_reviewed(user=reviewer)
        service.save()
        service.refresh_from_db()
        assert service.last_reviewed_by == reviewer
        assert service.last_reviewed_by_name == "Ann Lee"
        assert service.next_review_due > timezone.localdate()


class TestStableIds:
    def test_ids_are_stable_across_saves_and_distinct_between_pages(self, sections):
        first = ServicePageFactory(parent=sections["council"])
        second = ServicePageFactory(parent=sections["council"])
        original = first.uuid
        first.title = "Renamed"
        first.save_revision().publish()
        first.refresh_from_db()
        assert first.uuid == original
        assert second.uuid != original
