"""Query parameters that shape a response (paging, format, nesting), and the check
that a request names only the parameters its endpoint takes. Filters are in
api.oruk.filters. Every bad value is a 400 naming the parameter."""

from django import forms

from api.errors import BadParameters

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
# `minimal` records are tiny, and the standard asks to list them all in one page.
MAX_MINIMAL_PER_PAGE = 5000


class StrictBooleanField(forms.Field):
    """`true` or `false` (or 1 / 0); absent is false; anything else is an error."""

    VALUES = {"true": True, "1": True, "false": False, "0": False}

    def to_python(self, value):
        if value in (None, ""):
            return False
        try:
            return self.VALUES[str(value).strip().lower()]
        except KeyError:
            raise forms.ValidationError("Must be true or false.") from None


class NoOptions(forms.Form):
    pass


class ListOptions(forms.Form):
    page = forms.IntegerField(min_value=1, required=False)
    per_page = forms.IntegerField(min_value=1, required=False)
    format = forms.ChoiceField(
        choices=[("json", "json"), ("ndjson", "ndjson")],
        required=False,
        error_messages={"invalid_choice": "Must be json or ndjson."},
    )

    max_per_page = MAX_PER_PAGE

    def clean_page(self):
        return self.cleaned_data["page"] or 1

    def clean(self):
        cleaned = super().clean()
        limit = self.limit()
        per_page = cleaned.get("per_page")
        if per_page is not None and per_page > limit:
            self.add_error("per_page", f"Must be a whole number from 1 to {limit}.")
        elif "per_page" in cleaned:
            cleaned["per_page"] = per_page or min(DEFAULT_PER_PAGE, limit)
        return cleaned

    def limit(self) -> int:
        return self.max_per_page


class ServiceListOptions(ListOptions):
    minimal = StrictBooleanField(required=False)
    full = StrictBooleanField(required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("minimal") and cleaned.get("full"):
            self.add_error("minimal", "Ask for minimal or full records, not both.")
        elif cleaned.get("minimal") and not self.data.get("per_page"):
            cleaned["per_page"] = MAX_MINIMAL_PER_PAGE
        return cleaned

    def limit(self) -> int:
        return MAX_MINIMAL_PER_PAGE if self.cleaned_data.get("minimal") else self.max_per_page


class FullOptions(ListOptions):
    full = StrictBooleanField(required=False)


class OrganizationListOptions(FullOptions):
    full_service = StrictBooleanField(required=False)


class OrganizationOptions(forms.Form):
    full_service = StrictBooleanField(required=False)


def parse(query, options_class=NoOptions, filterset_class=None):
    """Validated (options, filterset) for a request's query parameters, or BadParameters."""
    known = set(options_class.base_fields)
    if filterset_class is not None:
        known |= set(filterset_class.base_filters)
    unknown = sorted(set(query) - known)
    if unknown:
        takes = ", ".join(sorted(known)) or "no parameters"
        message = f"Unknown parameter. This endpoint takes: {takes}."
        raise BadParameters(dict.fromkeys(unknown, message))
    # PostgreSQL refuses NUL in text: say so rather than fail later.
    with_nul = [param for param, values in query.lists() if any("\x00" in v for v in values)]
    if with_nul:
        raise BadParameters(dict.fromkeys(with_nul, "Contains a NUL character."))

    options = options_class(query)
    filterset = filterset_class(query) if filterset_class is not None else None
    errors = {}
    for form in filter(None, [options, filterset and filterset.form]):
        if not form.is_valid():
            for param, messages in form.errors.get_json_data().items():
                errors[param] = [error["message"] for error in messages]
    if errors:
        raise BadParameters(errors)
    return options.cleaned_data, filterset
