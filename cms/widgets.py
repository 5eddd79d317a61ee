"""Admin widgets shared by the content apps."""

from django import forms


class GroupedCheckboxes(forms.CheckboxSelectMultiple):
    """Model choices as checkboxes in groups, each group a fieldset with its legend.

    Each chosen model says where its objects go: `choice_group` is a (position,
    heading) pair and `choice_label` the object's name within the group (the heading
    already says what kind of thing it is). A single group is shown without heading.
    """

    template_name = "cms/widgets/grouped_checkboxes.html"

    def optgroups(self, name, value, attrs=None):
        ungrouped = self.choices
        self.choices = self.grouped(ungrouped)
        try:
            return super().optgroups(name, value, attrs)
        finally:
            self.choices = ungrouped

    @staticmethod
    def grouped(choices):
        groups: dict[tuple, list] = {}
        for option_value, _label in choices:
            instance = option_value.instance
            groups.setdefault(instance.choice_group, []).append(
                (option_value, instance.choice_label)
            )
        if len(groups) == 1:
            return next(iter(groups.values()))
        return [(heading, options) for (_position, heading), options in sorted(groups.items())]
