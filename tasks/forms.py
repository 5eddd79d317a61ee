from django import forms


class ChangesForm(forms.Form):
    changes = forms.CharField(
        label="What has changed?",
        help_text=(
            "For example: new opening times, a new phone number or email address, or the "
            "service has stopped. The Local Offer team will update the listing."
        ),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=4000,
    )
