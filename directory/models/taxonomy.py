from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.forms import LocalOfferModelForm
from cms.models import StableIdMixin


class Vocabulary(models.TextChoices):
    CATEGORY = "category", "Local Offer category"
    NEED = "need", "SEND need"
    AUDIENCE = "audience", "Audience"


# The heading of each vocabulary's group of terms, in this order: in a form's checkboxes
# and where families read a service's terms.
VOCABULARY_HEADINGS = {
    Vocabulary.CATEGORY: "Categories",
    Vocabulary.NEED: "Needs",
    Vocabulary.AUDIENCE: "Audiences",
}


class TaxonomyTerm(StableIdMixin, TranslatableMixin, index.Indexed, models.Model):
    """A term in one of the directory's vocabularies; terms may nest under a parent."""

    vocabulary = models.CharField(max_length=20, choices=Vocabulary.choices)
    code = models.SlugField(
        max_length=80,
        help_text=(
            "A short stable code partners filter by, such as 'autism'. Do not change it once used."
        ),
    )
    name = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    sort_order = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    base_form_class = LocalOfferModelForm
    panels = [
        FieldPanel("vocabulary"),
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("description"),
        FieldPanel("parent"),
        FieldPanel("sort_order"),
    ]

    # Codes are what partners filter by: the same in every language.
    override_translatable_fields = [SynchronizedField("code")]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("code"),
        index.FilterField("vocabulary"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["vocabulary", "sort_order", "name"]
        verbose_name = "taxonomy term"
        constraints = [
            models.UniqueConstraint(
                fields=["vocabulary", "code", "locale"], name="unique_term_code_per_locale"
            )
        ]

    def __str__(self):
        return f"{self.get_vocabulary_display()}: {self.name}"

    # Where a term goes among checkboxes (cms.widgets.GroupedCheckboxes).
    @property
    def choice_group(self) -> tuple[int, str]:
        position = list(VOCABULARY_HEADINGS).index(self.vocabulary)
        return position, VOCABULARY_HEADINGS[self.vocabulary]

    @property
    def choice_label(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        # The admin's form leaves the locale out, so Django cannot check the constraint
        # on (vocabulary, code, locale) itself: without this, a repeated code is an error
        # of the database.
        repeated = TaxonomyTerm.objects.filter(
            vocabulary=self.vocabulary, code=self.code, locale_id=self.locale_id
        ).exclude(pk=self.pk)
        if self.code and self.locale_id and repeated.exists():
            raise ValidationError(
                {
                    "code": f"Another {self.get_vocabulary_display()} term already has the "
                    f"code “{self.code}”: choose a code of its own."
                }
            )
        if self.parent_id is None:
            return
        if self.parent.vocabulary != self.vocabulary:
            raise ValidationError({"parent": "The parent must be in the same vocabulary."})
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": "A term cannot sit under itself."})
            ancestor = ancestor.parent
