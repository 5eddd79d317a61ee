"""Admin forms whose errors are written for council officers.

Django's default messages are written for developers ("Ensure this value has at most 255
characters (it has 300)."). Every edit form of the Local Offer rewrites them once, from
each field's own label: `LocalOfferModelForm` for snippets, `LocalOfferPageForm` for
pages, each for its inline rows too. A message a model or a field states itself, such as
a postcode's, is left as it is.
"""

from datetime import datetime

from django import forms
from django.forms.utils import pretty_name
from django.utils.text import capfirst
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.blocks import BlockField


def _lower_first(label: str) -> str:
    """'Title tag' -> 'title tag', 'ICB team' stays: only the first letter changes."""
    return label[:1].lower() + label[1:] if label[1:2].islower() or len(label) == 1 else label


EXAMPLE_MOMENT = datetime(2025, 2, 20, 9, 30)


def _example(field: forms.Field) -> str:
    """20 February 2025, 09:30, written the way this field reads it (the admin's date
    widgets have a format of their own)."""
    pattern = getattr(field.widget, "format", None) or field.input_formats[0]
    return EXAMPLE_MOMENT.strftime(pattern)


def officer_error_messages(field: forms.Field, label: str) -> dict[str, str]:
    """Messages for the errors an officer can cause on this field, in plain English.
    Django fills in `%(limit_value)s` and the like when it raises them. A message about
    the form of a value quotes the field's label as the form shows it."""
    name = _lower_first(str(label or "this field"))
    quoted = f"“{capfirst(str(label or 'this field'))}”"
    choosing = isinstance(field, forms.ChoiceField | forms.ModelChoiceField)
    messages = {
        "required": f"Choose the {name}." if choosing else f"Enter the {name}.",
        "max_length": f"The {name} can be at most %(limit_value)d characters; "
        "it has %(show_value)d.",
        "min_length": f"The {name} needs at least %(limit_value)d characters; "
        "it has %(show_value)d.",
        "invalid_choice": f"That {name} is not one of the choices: choose again.",
        "invalid_pk_value": f"That {name} is not one of the choices: choose again.",
        "min_value": f"{quoted} must be %(limit_value)s or more.",
        "max_value": f"{quoted} must be %(limit_value)s or less.",
    }
    if isinstance(field, forms.URLField):
        messages["invalid"] = (
            "Enter the whole web address, starting with https://, such as https://www.example.org/."
        )
    elif isinstance(field, forms.EmailField):
        messages["invalid"] = "Enter an email address in the form name@example.org."
    elif isinstance(field, forms.SlugField):
        messages["invalid"] = (
            f"Use only lower-case letters, numbers and hyphens in the {name}, such as "
            "'autism-support'."
        )
    elif isinstance(field, forms.DecimalField):
        messages.update(
            invalid=f"Enter {quoted} as a number, such as 0.8986.",
            max_decimal_places=f"Give {quoted} with at most %(max)s decimal places.",
            max_digits=f"{quoted} has too many digits: at most %(max)s in all.",
            max_whole_digits=f"{quoted} has too many digits before the decimal point.",
        )
    elif isinstance(field, forms.IntegerField):
        messages["invalid"] = f"Enter {quoted} as a whole number, such as 5."
    elif isinstance(field, forms.DateTimeField):
        messages["invalid"] = f"Enter {quoted} as a date and a time, such as {_example(field)}."
    elif isinstance(field, forms.DateField):
        messages["invalid"] = f"Enter {quoted} as a date, such as {_example(field)}."
    elif isinstance(field, forms.TimeField):
        messages["invalid"] = f"Enter {quoted} as a time, such as {_example(field)}."
    return messages


def default_error_messages(field: forms.Field) -> dict[str, str]:
    """The messages the field's class gives when nobody chose better ones."""
    messages = {}
    for klass in reversed(type(field).__mro__):
        messages.update(getattr(klass, "default_error_messages", {}))
    return messages


def use_officer_error_messages(field: forms.Field, label: str | None = None) -> None:
    """Replace the field's default messages, and those of its validators (Django gives a
    validator's error the field's message for the same code), with officer-worded ones.
    Messages someone chose for the field stay."""
    defaults = default_error_messages(field)
    for code, message in officer_error_messages(field, label or field.label).items():
        if field.error_messages.get(code, defaults.get(code)) == defaults.get(code):
            field.error_messages[code] = message


def use_officer_error_messages_in_form(form: forms.BaseForm) -> None:
    """Every field of the form and of its inline rows, at any depth."""
    for name, field in form.fields.items():
        if not isinstance(field, BlockField):  # blocks word their own (cms.blocks)
            # A field declared on the form without a label is labelled by its name.
            use_officer_error_messages(field, field.label or pretty_name(name))
    for formset in getattr(form, "formsets", {}).values():
        for row in formset.forms:
            use_officer_error_messages_in_form(row)


class OfficerErrorsMixin:
    """Rewrites the default messages of the form's fields, and of its inline rows' fields
    (whose form class Wagtail chooses), when it is made."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_officer_error_messages_in_form(self)


class LocalOfferModelForm(OfficerErrorsMixin, WagtailAdminModelForm):
    """The base form of the Local Offer's snippets."""


class LocalOfferPageForm(OfficerErrorsMixin, WagtailAdminPageForm):
    """The base form of every Local Offer page type (cms.pages.LocalOfferPage)."""
