"""Checks before publishing: the Local Offer's own rules in Wagtail's content checker.

Wagtail runs its checker (Axe, with word count, reading time and readability) on every
preview, in the editor's Checks panel. `LocalOfferContentChecker` adds the rules that the
SEND Code of Practice asks of a Local Offer: images described, headings in order, links
that say where they go, SEND abbreviations spelled out at first use, and short summaries.
They advise: nothing here stops an editor saving, submitting or a moderator publishing.

The rules are configured here; the functions that evaluate them run in the preview's page
and are registered by `cms/static/cms/js/content-checks.js` (Wagtail's `registerCheck`).
`use_local_offer_checks` swaps Wagtail's checker for this one through the
`construct_wagtail_userbar` hook, which both the preview's userbar and the editor's Checks
panel apply, so both run the same rules with the same messages.
"""

from typing import NamedTuple

from wagtail.admin.userbar import ContentCheckerItem

SUMMARY_MAX_CHARACTERS = 300

#: Whole link texts that do not say where the link goes (compared in lower case,
#: without punctuation).
VAGUE_LINK_TEXTS = (
    "click here",
    "click",
    "here",
    "read more",
    "more",
    "learn more",
    "find out more",
    "more information",
    "more info",
    "see more",
    "this link",
    "link",
    "this page",
    "this",
    "go",
    "details",
    "download",
    "website",
)


class Abbreviation(NamedTuple):
    letters: str
    #: Ways of writing it out; any of them, before or just after the first use, explains it.
    expansions: tuple[str, ...]
    #: Other ways of writing the letters (matched case-sensitively, like `letters`).
    also_written: tuple[str, ...] = ()


#: SEND abbreviations families meet, each with what it stands for.
SEND_ABBREVIATIONS = (
    Abbreviation("SEND", ("special educational needs and disabilities",)),
    Abbreviation("SEN", ("special educational needs",)),
    Abbreviation("EHCP", ("Education, Health and Care Plan",)),
    Abbreviation("EHC", ("Education, Health and Care",)),
    Abbreviation("EHCNA", ("Education, Health and Care needs assessment",)),
    Abbreviation(
        "SENCo",
        ("special educational needs co-ordinator", "special educational needs coordinator"),
        also_written=("SENCO",),
    ),
    Abbreviation(
        "SENDIASS",
        (
            "SEND Information, Advice and Support Service",
            "special educational needs and disabilities information, advice and support",
        ),
    ),
    Abbreviation("SEMH", ("social, emotional and mental health",)),
    Abbreviation(
        "SALT",
        ("speech and language therapy", "speech and language therapist"),
        also_written=("SaLT",),
    ),
    Abbreviation("SLCN", ("speech, language and communication needs",)),
    Abbreviation("ASD", ("autism spectrum disorder", "autistic spectrum disorder")),
    Abbreviation("ASC", ("autism spectrum condition", "autistic spectrum condition")),
    Abbreviation("ADHD", ("attention deficit hyperactivity disorder",)),
    Abbreviation("MLD", ("moderate learning difficulties", "moderate learning difficulty")),
    Abbreviation("SpLD", ("specific learning difficulties", "specific learning difficulty")),
    Abbreviation(
        "PMLD",
        (
            "profound and multiple learning difficulties",
            "profound and multiple learning disabilities",
        ),
    ),
    Abbreviation("LA", ("local authority",)),
    Abbreviation("ICB", ("Integrated Care Board",)),
    Abbreviation("EP", ("educational psychologist", "educational psychology")),
    Abbreviation("OT", ("occupational therapy", "occupational therapist")),
    Abbreviation("CAMHS", ("Child and Adolescent Mental Health Services",)),
    Abbreviation("PfA", ("Preparing for Adulthood",)),
    Abbreviation("DLA", ("Disability Living Allowance",)),
    Abbreviation("PIP", ("Personal Independence Payment",)),
    Abbreviation("DfE", ("Department for Education",)),
)

#: What the checks look at: the page's own content, not the site's header or footer.
CONTENT = "main"
#: Elements whose text is read as one piece (the abbreviation rule flags the one
#: holding the first use).
TEXT_BLOCKS = (
    "p, li, dt, dd, h1, h2, h3, h4, h5, h6, summary, figcaption, td, th, blockquote, caption"
)


def _within_content(selectors: str) -> str:
    return ", ".join(f"{CONTENT} {selector.strip()}" for selector in selectors.split(","))


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def abbreviation_rule_id(abbreviation: Abbreviation) -> str:
    return f"lo-abbreviation-{abbreviation.letters.lower()}"


class LocalOfferContentChecker(ContentCheckerItem):
    """Wagtail's content checker with the Local Offer's rules added."""

    # Ours supersedes Axe's heading-order: the same finding, in the editor's words. Pages
    # have no search description (partners receive none), so Wagtail's rule asking for one
    # would only ever be noise.
    replaced_rules = ("heading-order", "empty-meta-description")

    own_rules = [
        {
            "id": "lo-image-description",
            "impact": "serious",
            "selector": _within_content(".block-image img"),
            "tags": ["local-offer"],
            "any": ["lo-has-description"],
            "enabled": True,
        },
        {
            "id": "lo-heading-order",
            "impact": "moderate",
            "selector": _within_content("h1, h2, h3, h4, h5, h6"),
            "tags": ["local-offer"],
            "any": ["lo-heading-follows-on"],
            "enabled": True,
        },
        {
            "id": "lo-link-text",
            "impact": "serious",
            "selector": _within_content("a[href]"),
            "tags": ["local-offer"],
            "any": ["lo-link-says-where"],
            "enabled": True,
        },
        {
            "id": "lo-summary-length",
            "impact": "moderate",
            "selector": _within_content(".summary"),
            "tags": ["local-offer"],
            "any": ["lo-short-enough"],
            "enabled": True,
        },
    ]
    own_checks = [
        {"id": "lo-has-description"},
        {"id": "lo-heading-follows-on", "options": {"content": CONTENT}},
        {"id": "lo-link-says-where", "options": {"vague": list(VAGUE_LINK_TEXTS)}},
        {"id": "lo-short-enough", "options": {"max": SUMMARY_MAX_CHARACTERS}},
        # Each abbreviation's rule gives this check its letters (get_axe_rules).
        {"id": "lo-abbreviation-explained"},
    ]
    own_messages = {
        "lo-image-description": {
            "error_name": "Image has no description",
            "help_text": (
                "Fill in the image block's “Alt text”: say what the image shows, for "
                "people who cannot see it. Images on a Local Offer page tell families "
                "something, so describe every image."
            ),
        },
        "lo-heading-order": {
            "error_name": "A heading level is skipped",
            "help_text": (
                "Headings go in order: a section heading before its subheadings. Add a "
                "section heading above this one, or make this one a section heading."
            ),
        },
        "lo-link-text": {
            "error_name": "Link text does not say where it goes",
            "help_text": (
                "Replace words like “click here” or “read more” with what the reader "
                "will find, for example “How mediation works”."
            ),
        },
        "lo-summary-length": {
            "error_name": f"Summary is longer than {SUMMARY_MAX_CHARACTERS} characters",
            "help_text": (
                "Partner sites show it in lists and search results. Keep it to one or two "
                f"sentences, at most {SUMMARY_MAX_CHARACTERS} characters."
            ),
        },
    }

    def local_offer_rules(self) -> list[dict]:
        return [
            *self.own_rules,
            *(
                {
                    "id": abbreviation_rule_id(abbreviation),
                    "impact": "moderate",
                    "selector": _within_content(TEXT_BLOCKS),
                    "tags": ["local-offer"],
                    "any": ["lo-abbreviation-explained"],
                    "enabled": True,
                }
                for abbreviation in SEND_ABBREVIATIONS
            ),
        ]

    def get_axe_run_only(self, request):
        wagtails = super().get_axe_run_only(request)
        kept = [rule for rule in wagtails if rule not in self.replaced_rules]
        return kept + [rule["id"] for rule in self.local_offer_rules()]

    def get_axe_custom_rules(self, request):
        return [*super().get_axe_custom_rules(request), *self.local_offer_rules()]

    def get_axe_custom_checks(self, request):
        return [*super().get_axe_custom_checks(request), *self.own_checks]

    def get_axe_rules(self, request):
        # One check serves every abbreviation: Axe passes a rule's own options for its
        # checks (options.rules[rule].checks[check]), so each rule names its letters.
        return {
            **super().get_axe_rules(request),
            **{
                abbreviation_rule_id(abbreviation): {
                    "enabled": True,
                    "checks": {
                        "lo-abbreviation-explained": {
                            "options": {
                                "forms": [abbreviation.letters, *abbreviation.also_written],
                                "expansions": list(abbreviation.expansions),
                                "content": CONTENT,
                                "textBlocks": TEXT_BLOCKS,
                            }
                        }
                    },
                }
                for abbreviation in SEND_ABBREVIATIONS
            },
        }

    def get_axe_messages(self, request):
        return {
            **super().get_axe_messages(request),
            **self.own_messages,
            **{
                abbreviation_rule_id(abbreviation): {
                    "error_name": f"“{abbreviation.letters}” is not spelled out",
                    "help_text": (
                        f"The first time the page uses {abbreviation.letters}, write what it "
                        f"stands for: “{_sentence_case(abbreviation.expansions[0])} "
                        f"({abbreviation.letters})”."
                    ),
                }
                for abbreviation in SEND_ABBREVIATIONS
            },
        }

    class Media:
        js = ["cms/js/content-checks.js"]


def use_local_offer_checks(request, items, page):
    """For the `construct_wagtail_userbar` hook: Wagtail's checker becomes ours."""
    items[:] = [
        LocalOfferContentChecker(in_editor=item.in_editor)
        if isinstance(item, ContentCheckerItem) and not isinstance(item, LocalOfferContentChecker)
        else item
        for item in items
    ]
