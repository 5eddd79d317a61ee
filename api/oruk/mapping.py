"""Our content as ORUK 3.0 records (plain dicts: this runs for every item of a page).

Optional fields without a value are left out, never null. A few fields come from
HSDS 3.0, which the UK profile extends (eligibility_description, application_process,
fees_description, contact email and phones, language name and code, term code,
attribute link_entity); the profile's schemas allow them. docs/oruk.md lists what is
mapped and what is not.
"""

from datetime import UTC

from django.conf import settings
from django.utils import timezone
from django.utils.html import escape

from api.oruk.ids import derived_id, row_id, taxonomy_id
from api.oruk.querysets import shown_organisation
from api.oruk.taxonomies import BY_VOCABULARY
from cms.richtext import public_html
from directory.choices import LANGUAGES, ServiceArea
from directory.models import ServicePage, ServiceSchedule

LANGUAGE_NAMES = dict(LANGUAGES)
AREA_NAMES = dict(ServiceArea.choices)
EMPTY = (None, "", [])
Frequency = ServiceSchedule.Frequency
# Our frequencies as RFC 5545 recurrence: (FREQ, INTERVAL). Termly and on-request
# have no RRULE; they are said in the schedule's notes.
RECURRENCE = {
    Frequency.WEEKLY: ("WEEKLY", 1),
    Frequency.FORTNIGHTLY: ("WEEKLY", 2),
    Frequency.MONTHLY: ("MONTHLY", 1),
}


def optional(**fields) -> dict:
    """The fields that have a value (0 and False are values)."""
    return {name: value for name, value in fields.items() if value not in EMPTY}


def timestamp(moment) -> str | None:
    """RFC 3339 in UTC with milliseconds, as the standard asks for last_modified."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def coordinate(value) -> float | None:
    return float(value) if value is not None else None


# Taxonomies and terms


def taxonomy(item, terms=None) -> dict:
    record = {"id": item.id, "name": item.name, "description": item.description}
    if terms is not None:
        return record | optional(taxonomy_terms=[taxonomy_term(term) for term in terms])
    return record


def taxonomy_term(term) -> dict:
    return {"id": str(term.uuid), "name": term.name, "description": term.description} | optional(
        parent_id=str(term.parent.uuid) if term.parent_id else None,
        taxonomy=BY_VOCABULARY[term.vocabulary].name,
        taxonomy_id=taxonomy_id(term.vocabulary),
        term=term.name,
        code=term.code,
    )


# Organisations


def organization(organisation, *, full: bool = False, services=None) -> dict:
    """`full` adds its phone; `services` (records) nests the services it runs."""
    record = {
        "id": str(organisation.uuid),
        "name": organisation.name,
        "description": organisation.description,
    } | optional(email=organisation.email, website=organisation.website)
    if full and organisation.phone:
        phone = {"id": derived_id("phone", organisation.uuid), "number": organisation.phone}
        record["phones"] = [phone]
    return record | optional(services=services)


# Services


def service(page: ServicePage, *, full: bool = False, with_organization: bool = True) -> dict:
    """A service: its one-to-one fields (and organisation), or `full`y nested."""
    organisation = shown_organisation(page.organisation)
    record = service_summary(page, organisation)
    if with_organization and organisation is not None:
        record["organization"] = organization(organisation, full=full)
    if full:
        record |= optional(
            schedules=[schedule(page, row) for row in page.schedules.all()],
            service_areas=[service_area(page, code) for code in page.service_areas],
            service_at_locations=[
                service_at_location(page, location, nest_service=False)
                for location in page.locations.all()
            ],
            languages=[language(page, code) for code in page.languages],
            cost_options=[cost_option(page)],
            contacts=[contact(page, row) for row in page.public_contacts],
            attributes=[attribute(page, term) for term in page.terms.all()],
        )
    return record


def service_summary(page: ServicePage, organisation) -> dict:
    first_email = next((c.email for c in page.public_contacts if c.email), None)
    reviewed = page.last_reviewed_at
    return {"id": str(page.uuid), "name": page.title, "status": page.status} | optional(
        organization_id=str(organisation.uuid) if organisation else None,
        description=public_html(f"<p>{escape(page.summary)}</p>{page.description}"),
        url=page.website,
        email=first_email,
        minimum_age=page.min_age,
        maximum_age=page.max_age,
        eligibility_description=page.eligibility,
        application_process=public_html(page.how_to_access),
        fees_description=page.cost_description,
        assured_date=timezone.localdate(reviewed).isoformat() if reviewed else None,
        last_modified=timestamp(page.last_published_at),
    )


def minimal_service(page: ServicePage) -> dict:
    """What `minimal=true` lists: enough to tell what changed, and still a valid
    service record (the schema requires a name and a status)."""
    return {"id": str(page.uuid), "name": page.title, "status": page.status} | optional(
        last_modified=timestamp(page.last_published_at)
    )


def schedule(page, row: ServiceSchedule) -> dict:
    freq, interval = RECURRENCE.get(row.frequency, (None, None))
    # BYDAY under MONTHLY would mean every such weekday of the month: say it in words.
    byday = row.weekday if freq == "WEEKLY" and row.weekday else None
    return {"id": row_id("schedule", page, row)} | optional(
        service_id=str(page.uuid),
        freq=freq,
        interval=interval,
        byday=byday,
        description=row.description,
        opens_at=row.opens_at.isoformat() if row.opens_at else None,
        closes_at=row.closes_at.isoformat() if row.closes_at else None,
        notes=schedule_notes(row, freq, byday),
    )


def schedule_notes(row: ServiceSchedule, freq: str | None, byday: str | None) -> str:
    """The notes, after what the recurrence rule cannot say."""
    said = []
    if freq is None:
        said.append(f"{row.get_frequency_display()}.")
    if row.weekday and byday is None:
        said.append(f"On a {row.get_weekday_display()}.")
    return " ".join([*said, row.notes]).strip()


def service_area(page, code: str) -> dict:
    name = AREA_NAMES.get(code, code)
    return {
        "id": derived_id("service_area", page.uuid, code),
        "service_id": str(page.uuid),
        "name": name,
        "service_area": name,
    }


def language(page, code: str) -> dict:
    return {
        "id": derived_id("language", page.uuid, code),
        "service_id": str(page.uuid),
        "name": LANGUAGE_NAMES.get(code, code),
        "code": code,
    }


def cost_option(page: ServicePage) -> dict:
    free = page.cost == ServicePage.Cost.FREE
    return {"id": derived_id("cost_option", page.uuid), "service_id": str(page.uuid)} | optional(
        option=page.get_cost_display(),
        amount=0 if free else None,
        amount_description=page.cost_description,
    )


def contact(page, row) -> dict:
    contact_id = row_id("contact", page, row)
    phone = {"id": derived_id("phone", contact_id), "contact_id": contact_id, "number": row.phone}
    return {"id": contact_id} | optional(
        service_id=str(page.uuid),
        name=row.name,
        title=row.role,
        email=row.email,
        phones=[phone] if row.phone else [],
    )


def attribute(page, term) -> dict:
    return {
        "id": derived_id("attribute", page.uuid, term.uuid),
        "link_id": str(page.uuid),
        "link_type": term.vocabulary,
        "link_entity": "service",
        "taxonomy_term_id": str(term.uuid),
        "taxonomy_term": taxonomy_term(term),
    }


# Locations


def service_at_location(page, location, *, nest_service: bool = True, full: bool = True) -> dict:
    """A service at one of its locations. `full` nests the location's address and
    accessibility (and, if `nest_service`, the whole service)."""
    record = {
        "id": row_id("service_at_location", page, location),
        "service_id": str(page.uuid),
        "location_id": row_id("location", page, location),
        "location": location_record(page, location, full=full),
    }
    if nest_service:
        record["service"] = service(page, full=full)
    return record


def location_record(page, location, *, full: bool) -> dict:
    location_id = row_id("location", page, location)
    record = {"id": location_id, "location_type": "physical"} | optional(
        name=location.name,
        latitude=coordinate(location.latitude),
        longitude=coordinate(location.longitude),
    )
    if full:
        record |= optional(
            addresses=[address(location_id, location)] if has_address(location) else [],
            accessibility=[accessibility(location_id, location)] if location.accessibility else [],
        )
    return record


def has_address(location) -> bool:
    return bool(location.address_1 or location.address_2 or location.postcode)


def accessibility(location_id: str, location) -> dict:
    return {
        "id": derived_id("accessibility", location_id),
        "location_id": location_id,
        "description": location.accessibility,  # HSDS's name for it
        "accessibility": location.accessibility,  # the UK profile's
    }


def address(location_id: str, location) -> dict:
    # Every field the schema requires is present, empty if we do not know it.
    return {
        "id": derived_id("address", location_id),
        "location_id": location_id,
        "address_1": ", ".join(filter(None, [location.address_1, location.address_2])),
        "city": location.town,
        "state_province": settings.ORUK_STATE_PROVINCE,
        "postal_code": location.postcode,
        "country": "GB",
        "address_type": "physical",
    }
