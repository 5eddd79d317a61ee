from django import forms
from django.db import models


class ChoiceListField(models.JSONField):
    """A list of codes from fixed choices, stored as JSON so it works on SQLite and
    PostgreSQL alike, and edited as a set of checkboxes."""

    def __init__(self, *args, choices_list=(), **kwargs):
        self.choices_list = list(choices_list)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices_list"] = self.choices_list
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        known = {code for code, _label in self.choices_list}
        unknown = [code for code in value or [] if code not in known]
        if unknown:
            raise forms.ValidationError(f"Unknown choice(s): {', '.join(map(str, unknown))}.")

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.choices_list,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name.capitalize(),
            help_text=self.help_text,
        )
