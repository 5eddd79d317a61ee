"""StreamField blocks shared by guides and partner pages.

Each block says what it is for (icon, description, preview) and how the API shows it:
images as renditions, pages and documents as absolute URLs, and nothing of a file in a
restricted collection.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from cms.forms import use_officer_error_messages
from cms.images import image_api_representation
from cms.richtext import public_html
from cms.validators import validate_uk_phone
from cms.visibility import is_public_media, public_pages

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Subheading")], default="h2"
    )

    class Meta:
        template = "blocks/heading_block.html"
        icon = "title"
        description = "A heading that starts a section of the guide."
        preview_value = {"text": "Who can help", "level": "h2"}


class PublicRichTextBlock(blocks.RichTextBlock):
    """Rich text that the API gives as sanitised HTML with absolute links."""

    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    def get_api_representation(self, value, context=None):
        return public_html(value.source)


class ParagraphBlock(PublicRichTextBlock):
    class Meta:
        icon = "pilcrow"
        description = "Text with bold, italics, links and lists."
        preview_value = (
            "<p>Most support is arranged through your child's school or college: talk to "
            "the <b>SENCo</b> first.</p>"
        )


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        choices=[("info", "Information"), ("important", "Important"), ("tip", "Tip")],
        default="info",
    )
    title = blocks.CharBlock(max_length=120, required=False)
    text = PublicRichTextBlock()

    class Meta:
        template = "blocks/callout_block.html"
        icon = "warning"
        description = "A highlighted box for something readers must not miss."
        preview_value = {
            "tone": "important",
            "title": "Deadlines",
            "text": "<p>You have two months to appeal a decision.</p>",
        }


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=255)
    answer = PublicRichTextBlock()

    class Meta:
        icon = "help"


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, required=False, help_text="For example, FAQs.")
    items = blocks.ListBlock(QuestionBlock(), min_num=1)

    class Meta:
        template = "blocks/accordion_block.html"
        icon = "list-ul"
        description = "Questions and answers that readers open one at a time."
        preview_value = {
            "title": "Frequently asked questions",
            "items": [
                {
                    "question": "Who is the SENCo?",
                    "answer": "<p>The teacher who coordinates SEN support in a school.</p>",
                }
            ],
        }


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=255,
        required=False,
        help_text=(
            "Say what the image shows, for people who cannot see it. Describe every image: "
            "on a Local Offer page each one tells families something."
        ),
    )
    caption = blocks.CharBlock(max_length=255, required=False)

    class Meta:
        template = "blocks/image_block.html"
        icon = "image"
        description = "An image with a description and an optional caption."

    def render(self, value, context=None):
        # On the site too: Wagtail guards restricted pages and documents with its views,
        # but nothing guards an image's files once a rendition is made.
        return super().render(value, context) if is_public_media(value["image"]) else ""

    def get_api_representation(self, value, context=None):
        image = image_api_representation(value["image"], value["alt_text"])
        if image is None:
            return None  # missing or restricted: its caption would describe it
        return {"image": image, "caption": value["caption"]}


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        max_length=255,
        required=False,
        help_text="Shown as the link text; defaults to the file's title.",
    )

    class Meta:
        template = "blocks/document_block.html"
        icon = "doc-full"
        description = "A file to download, such as a leaflet or form."

    def get_api_representation(self, value, context=None):
        document = value["document"]
        if not is_public_media(document):
            return None
        return {
            "title": value["title"] or document.title,
            "url": _absolute(document.url),
            "file_type": document.file_extension,
            "file_size": document.get_file_size(),
        }


class RelatedServicesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, required=False)
    services = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="directory.ServicePage"), min_num=1
    )

    class Meta:
        template = "blocks/related_services_block.html"
        icon = "link"
        description = "Links to directory entries that this guide mentions."

    def get_api_representation(self, value, context=None):
        """Only services the reader may see: `context["visible_services"]`, if the
        caller gives it (the API gives the services in the partner's scope), is a
        queryset of them; otherwise every public page."""
        pages = [page for page in value["services"] if page is not None]
        visible_services = (context or {}).get("visible_services")
        if visible_services is None:
            visible_services = public_pages()
        visible = set(
            visible_services.filter(pk__in=[page.pk for page in pages]).values_list("pk", flat=True)
        )
        return {
            "heading": value["heading"],
            "services": [
                {"id": str(page.specific.uuid), "title": page.title, "url": page.full_url}
                for page in pages
                if page.pk in visible
            ],
        }


class ContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=255)
    role = blocks.CharBlock(max_length=255, required=False)
    email = blocks.EmailBlock(required=False)
    phone = blocks.CharBlock(max_length=40, required=False)
    website = blocks.URLBlock(required=False)

    class Meta:
        template = "blocks/contact_block.html"
        icon = "user"
        description = "Who to contact, and how."
        preview_value = {
            "name": "SEND Information Team",
            "email": "send-information@example.org",
            "phone": "0333 013 8891",
        }

    def clean(self, value):
        # Every fault at once, each at its own field: the fields' own errors (a name
        # missing, an email malformed) and the rules across them.
        try:
            value = super().clean(value)
            errors = {}
        except StructBlockValidationError as error:
            errors = dict(error.block_errors)
        if value["phone"] and "phone" not in errors:
            try:
                validate_uk_phone(value["phone"])
            except ValidationError as error:
                errors["phone"] = error
        if not (value["email"] or value["phone"] or value["website"]) and "email" not in errors:
            errors["email"] = ValidationError(
                "Give at least an email, a phone number or a website."
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255)
    url = blocks.URLBlock()

    class Meta:
        icon = "link-external"
        description = "A link to another website."


def _absolute(url: str) -> str:
    if url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def descendant_blocks(block):
    """Every block inside a stream, struct or list block, at any depth."""
    children = list(getattr(block, "child_blocks", {}).values())
    if getattr(block, "child_block", None) is not None:  # a ListBlock
        children.append(block.child_block)
    for child in children:
        yield child
        yield from descendant_blocks(child)


class PublicStreamBlock(blocks.StreamBlock):
    """A body as the API gives it: a block with nothing it may show (an image or a
    document that is missing or in a restricted collection) is left out.

    Its blocks' errors are in the officer's words (cms.forms), set on first use: some
    blocks make their form field only once the models are loaded."""

    def clean(self, value):
        self.use_officer_error_messages()
        if self.required and not self.is_deferred_validation and len(value) == 0:
            raise StreamBlockValidationError(
                non_block_errors=["Add at least one block, such as a heading or a paragraph."]
            )
        return super().clean(value)

    def use_officer_error_messages(self):
        if getattr(self, "_officer_worded", False):
            return
        for block in descendant_blocks(self):
            if isinstance(block, blocks.FieldBlock):
                use_officer_error_messages(block.field, block.label)
        self._officer_worded = True

    def get_api_representation(self, value, context=None):
        return [
            block
            for block in super().get_api_representation(value, context=context)
            if block["value"] is not None
        ]


class GuideBodyBlock(PublicStreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    callout = CalloutBlock()
    accordion = AccordionBlock()
    image = ImageBlock()
    document = DocumentBlock()
    related_services = RelatedServicesBlock()
    contact = ContactBlock()


class PartnerBodyBlock(PublicStreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    callout = CalloutBlock()
    image = ImageBlock()
    document = DocumentBlock()
    contact = ContactBlock()
