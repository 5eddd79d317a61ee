import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from directory.models import (
    Cluster,
    ClusterStaff,
    DirectoryIndexPage,
    Organisation,
    PartnerPage,
    ServiceContact,
    ServiceLocation,
    ServicePage,
    TaxonomyTerm,
)
from directory.teams import team_for_kind


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    locale = factory.LazyFunction(Locale.get_default)
    name = factory.Sequence(lambda n: f"Essex Family Support {n}")
    kind = Organisation.Kind.VOLUNTARY
    team = factory.LazyAttribute(lambda organisation: team_for_kind(organisation.kind))
    description = "Support for families of children with additional needs."
    website = factory.Sequence(lambda n: f"https://family-support-{n}.test/")
    email = factory.Sequence(lambda n: f"hello{n}@example.org")
    phone = "020 7946 0100"


class TaxonomyTermFactory(DjangoModelFactory):
    class Meta:
        model = TaxonomyTerm

    locale = factory.LazyFunction(Locale.get_default)
    vocabulary = "category"
    code = factory.Sequence(lambda n: f"term-{n}")
    name = factory.Sequence(lambda n: f"Term {n}")


class DirectoryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = DirectoryIndexPage

    title = "Directory"
    team = ""


class ServicePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ServicePage

    title = factory.Sequence(lambda n: f"Sensory play sessions {n}")
    summary = "Messy play and sensory activities for under-fives with additional needs."
    description = "<p>Relaxed sessions in a quiet room, with trained staff.</p>"
    organisation = factory.SubFactory(OrganisationFactory)
    website = "https://sensory-play.test/"
    min_age = 0
    max_age = 5
    service_areas = ["north-east"]
    languages = ["en"]


class ServiceLocationFactory(DjangoModelFactory):
    class Meta:
        model = ServiceLocation

    page = factory.SubFactory(ServicePageFactory)
    name = "Colchester Library"
    address_1 = "Trinity Square"
    town = "Colchester"
    postcode = "CO1 1JB"
    latitude = "51.889500"
    longitude = "0.898600"


class ServiceContactFactory(DjangoModelFactory):
    class Meta:
        model = ServiceContact

    page = factory.SubFactory(ServicePageFactory)
    name = "Family support team"
    email = factory.Sequence(lambda n: f"team{n}@example.org")
    phone = "020 7946 0200"
    is_public = True


class PartnerPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PartnerPage

    title = factory.Sequence(lambda n: f"Partner {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    introduction = "A community for parents and carers of children with additional needs."


class ClusterFactory(DjangoModelFactory):
    class Meta:
        model = Cluster

    name = factory.Sequence(lambda n: f"Colchester Cluster {n}")
    quadrant = "north-east"


class ClusterStaffFactory(DjangoModelFactory):
    class Meta:
        model = ClusterStaff

    cluster = factory.SubFactory(ClusterFactory)
    role = ClusterStaff.Role.INCLUSION_PARTNER
    name = factory.Sequence(lambda n: f"Inclusion Partner {n}")
    email = factory.Sequence(lambda n: f"inclusion.partner{n}@example.org")
