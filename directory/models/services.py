from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.fields import ChoiceListField
from cms.localise import in_page_language
from cms.models import AgeRangeMixin, ReviewMixin, StableIdMixin, refused_by_the_form
from cms.pages import LocalOfferPage
from cms.panels import MaintenancePanel
from cms.reviewers import ReviewedPageForm
from cms.validators import normalise_postcode, validate_uk_phone, validate_uk_postcode
from cms.widgets import GroupedCheckboxes
from directory.choices import LANGUAGES, ServiceArea
from directory.models.taxonomy import VOCABULARY_HEADINGS, TaxonomyTerm

LANGUAGE_NAMES = dict(LANGUAGES)
SERVICE_AREA_NAMES = dict(ServiceArea.choices)

NO_WAY_IN_AT_WEBSITE = (
    "Give families a way to reach this service: its website here, or a public contact with "
    "an email address or a phone number under Contacts."
)
NO_WAY_IN_AT_CONTACTS = (
    "Add a public contact with an email address or a phone number, or give the service's "
    "website above, so families can reach it."
)


class ServicePageForm(ReviewedPageForm):
    """Rules that span the page and its inline contacts."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "terms" in self.fields:
            # Terms are chosen in the source language; translations follow them.
            self.fields["terms"].queryset = self.fields["terms"].queryset.filter(
                locale=Locale.get_default()
            )

    def is_valid(self):
        # Contacts are validated with the inline formsets, after the page's own
        # fields; the rule spans both, so it is checked once both are clean, and said
        # at both places an officer could put it right.
        valid = super().is_valid()
        if self.has_a_way_to_reach_it():
            return valid
        if NO_WAY_IN_AT_WEBSITE not in self.errors.get("website", []):  # asked again
            self.add_error("website", NO_WAY_IN_AT_WEBSITE)
            contacts = self.formsets.get("contacts")
            if contacts is not None:
                # Formsets take no add_error(); their non-form errors are this list.
                contacts.non_form_errors().append(NO_WAY_IN_AT_CONTACTS)
        return False

    def has_a_way_to_reach_it(self) -> bool:
        """Whether families have a way in, counting one the officer typed but the form
        refused (a malformed address): that refusal is what to put right."""
        if self.cleaned_data.get("website") or refused_by_the_form(self.errors, "website"):
            return True
        contacts = self.formsets.get("contacts")
        for form in contacts.forms if contacts else []:
            contact = getattr(form, "cleaned_data", None) or {}
            if contact.get("DELETE") or not contact.get("is_public"):
                continue
            if refused_by_the_form(form.errors, "email", "phone"):
                return True
            if contact.get("email") or contact.get("phone"):
                return True
        return False


class ServicePage(ReviewMixin, StableIdMixin, AgeRangeMixin, LocalOfferPage):
    """A directory entry: one service, activity or group (an ORUK "service")."""

    class Status(models.TextChoices):
        ACTIVE = "active", "Running"
        TEMPORARILY_CLOSED = "temporarily closed", "Temporarily closed"
        INACTIVE = "inactive", "Not running at the moment"
        DEFUNCT = "defunct", "Closed for good"

    class Cost(models.TextChoices):
        FREE = "free", "Free"
        PAID = "paid", "Paid for, or some costs"

    summary = models.CharField(
        max_length=300,
        help_text="One or two sentences that tell a parent what this is. Shown in search results.",
    )
    description = RichTextField(
        features=["h3", "bold", "italic", "link", "ol", "ul"],
        help_text="What the service offers, in plain English.",
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="services",
        help_text="Who runs it.",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    terms = ParentalManyToManyField(
        "directory.TaxonomyTerm",
        blank=True,
        related_name="services",
        verbose_name="categories, needs and audiences",
    )
    eligibility = models.TextField(
        blank=True, help_text="Who can use it, for example: children with a diagnosis of autism."
    )
    how_to_access = RichTextField(
        "how to access or refer",
        features=["bold", "italic", "link", "ol", "ul"],
        blank=True,
        help_text="Whether families can contact it directly or need a referral, and from whom.",
    )
    cost = models.CharField(max_length=10, choices=Cost.choices, default=Cost.FREE)
    cost_description = models.CharField(
        max_length=255, blank=True, help_text="For example: £5 a session, free for siblings."
    )
    website = models.URLField(blank=True)
    languages = ChoiceListField(
        choices_list=LANGUAGES, help_text="Languages the service can be delivered in."
    )
    service_areas = ChoiceListField(
        choices_list=ServiceArea.choices, help_text="The parts of Essex it serves."
    )

    base_form_class = ServicePageForm
    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = []

    content_panels = LocalOfferPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("organisation"),
        FieldPanel("description"),
        FieldPanel("status"),
    ]
    audience_panels = [
        FieldPanel("terms", widget=GroupedCheckboxes),
        FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")], heading="Ages"),
        FieldPanel("eligibility"),
        FieldPanel("service_areas"),
        FieldPanel("languages"),
    ]
    access_panels = [
        FieldPanel("how_to_access"),
        FieldRowPanel([FieldPanel("cost"), FieldPanel("cost_description")], heading="Cost"),
        FieldPanel("website"),
        MaintenancePanel("contact_delivery", "contacts"),
        InlinePanel("contacts", heading="Contacts", label="contact"),
        InlinePanel("locations", heading="Where", label="location"),
        InlinePanel("schedules", heading="When", label="time"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList([MaintenancePanel("open_alerts"), *content_panels], heading="Service"),
            ObjectList(audience_panels, heading="Who it is for"),
            ObjectList(access_panels, heading="Access and contacts"),
            ObjectList(ReviewMixin.review_panels, heading="Review"),
            ObjectList(LocalOfferPage.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    override_translatable_fields = [
        *LocalOfferPage.override_translatable_fields,
        SynchronizedField("last_reviewed_by_name"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("eligibility"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.RelatedFields("terms", [index.SearchField("name")]),
        index.FilterField("status"),
        index.FilterField("min_age"),
        index.FilterField("max_age"),
        index.FilterField("organisation"),
    ]

    class Meta:
        verbose_name = "service"

    def terms_by_group(self) -> list[tuple[str, list[TaxonomyTerm]]]:
        """Its categories, needs and audiences, each a list of terms in the page's
        language (terms are chosen in the source language): as families read them."""
        terms = sorted(
            in_page_language(self, self.terms.all()),
            key=lambda term: (term.sort_order, term.name),
        )
        return [
            (label, group)
            for vocabulary, label in VOCABULARY_HEADINGS.items()
            if (group := [term for term in terms if term.vocabulary == vocabulary])
        ]

    @property
    def language_names(self) -> list[str]:
        return [LANGUAGE_NAMES.get(code, code) for code in self.languages]

    @property
    def service_area_names(self) -> list[str]:
        return [SERVICE_AREA_NAMES.get(code, code) for code in self.service_areas]

    def clean(self):
        super().clean()
        errors = {}
        if self.cost == self.Cost.PAID and not self.cost_description.strip():
            errors["cost_description"] = "Say what it costs, so families can plan."
        if errors:
            raise ValidationError(errors)


class ServiceChild(TranslatableMixin, Orderable):
    """An inline row of a service, translated with it."""

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True


class ServiceLocation(ServiceChild):
    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(max_length=255, help_text="For example: Colchester Library.")
    address_1 = models.CharField("address line 1", max_length=255, blank=True)
    address_2 = models.CharField("address line 2", max_length=255, blank=True)
    town = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(max_length=10, blank=True, validators=[validate_uk_postcode])
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    accessibility = models.TextField(
        "accessibility",
        blank=True,
        help_text="Step-free access, quiet rooms, hearing loops, parking, changing places.",
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("address_1"), FieldPanel("address_2")]),
        FieldRowPanel([FieldPanel("town"), FieldPanel("postcode")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("accessibility"),
    ]

    override_translatable_fields = [
        SynchronizedField("address_1"),
        SynchronizedField("address_2"),
        SynchronizedField("town"),
        SynchronizedField("postcode"),
    ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        self.postcode = normalise_postcode(self.postcode) if self.postcode else ""

    # Rules across fields are checked with the fields (see refused_by_the_form).
    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if not refused_by_the_form(exclude, "latitude", "longitude"):
            if self.latitude is not None and not (49 <= self.latitude <= 61):
                errors["latitude"] = ["That latitude is outside the UK: Essex is about 51.7."]
            if self.longitude is not None and not (-9 <= self.longitude <= 2):
                errors["longitude"] = ["That longitude is outside the UK: Essex is about 0.5."]
            if self.latitude is None and self.longitude is not None:
                errors["latitude"] = ["Give the latitude too, or leave both blank."]
            if self.longitude is None and self.latitude is not None:
                errors["longitude"] = ["Give the longitude too, or leave both blank."]
        if errors:
            raise ValidationError(errors)


class ServiceSchedule(ServiceChild):
    class Frequency(models.TextChoices):
        WEEKLY = "weekly", "Every week"
        FORTNIGHTLY = "fortnightly", "Every two weeks"
        MONTHLY = "monthly", "Every month"
        TERMLY = "termly", "Every school term"
        ON_REQUEST = "on-request", "By appointment"

    class Weekday(models.TextChoices):
        MO = "MO", "Monday"
        TU = "TU", "Tuesday"
        WE = "WE", "Wednesday"
        TH = "TH", "Thursday"
        FR = "FR", "Friday"
        SA = "SA", "Saturday"
        SU = "SU", "Sunday"

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="schedules")
    description = models.CharField(
        max_length=255, help_text="How a family would say it, for example: monthly drop-in."
    )
    frequency = models.CharField(max_length=20, choices=Frequency.choices, default=Frequency.WEEKLY)
    weekday = models.CharField(max_length=2, choices=Weekday.choices, blank=True)
    opens_at = models.TimeField(null=True, blank=True)
    closes_at = models.TimeField(null=True, blank=True)
    notes = models.CharField(max_length=255, blank=True, help_text="For example: term time only.")

    panels = [
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("frequency"), FieldPanel("weekday")]),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("notes"),
    ]

    def __str__(self):
        return self.description

    # Checked with the fields, so that a refused time is not compared (see refused_by_the_form).
    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if (
            not refused_by_the_form(exclude, "opens_at", "closes_at")
            and self.opens_at
            and self.closes_at
            and self.closes_at <= self.opens_at
        ):
            errors.setdefault("closes_at", []).append(
                "The closing time must be after the opening time."
            )
        if errors:
            raise ValidationError(errors)


class ServiceContact(ServiceChild):
    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=255, help_text="A team name is better than a person's.")
    role = models.CharField(max_length=255, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True, validators=[validate_uk_phone])
    is_public = models.BooleanField(
        "show publicly",
        default=True,
        help_text="Untick for a contact only the SEND team should see, such as a review contact.",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("is_public"),
    ]

    override_translatable_fields = [SynchronizedField("name"), SynchronizedField("phone")]

    def __str__(self):
        return self.name

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if not refused_by_the_form(exclude, "email", "phone") and not (self.email or self.phone):
            errors.setdefault("email", []).append("Give an email address or a phone number.")
        if errors:
            raise ValidationError(errors)
