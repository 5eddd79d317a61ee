"""What the API will show of each block: renditions, absolute document and page URLs."""

import pytest
import wagtail_factories
from django.core.exceptions import ValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from cms.blocks import ContactBlock, DocumentBlock, GuideBodyBlock, ImageBlock, RelatedServicesBlock
from directory.factories import ServicePageFactory


def test_every_block_says_what_it_is_for():
    for name, block in GuideBodyBlock().child_blocks.items():
        assert block.meta.icon, name
        assert block.meta.description, name


def test_image_block_offers_the_configured_renditions(db, settings):
    image = wagtail_factories.ImageFactory(
        file__width=2400, file__height=1600, title="Sensory room"
    )
    block = ImageBlock()
    value = block.to_python(
        {"image": image.pk, "alt_text": "A quiet room with soft lights", "caption": ""}
    )

    representation = block.get_api_representation(value)

    image_data = representation["image"]
    assert image_data["alt"] == "A quiet room with soft lights"
    assert set(image_data["renditions"]) == set(settings.API_IMAGE_RENDITIONS)
    medium = image_data["renditions"]["medium"]
    assert medium["url"].startswith(settings.WAGTAILADMIN_BASE_URL + "/media/images/")
    assert (medium["width"], medium["height"]) == (960, 640)


def test_document_block_gives_an_absolute_url(db, settings):
    document = wagtail_factories.DocumentFactory(title="Local Offer leaflet")
    block = DocumentBlock()
    representation = block.get_api_representation(
        block.to_python({"document": document.pk, "title": ""})
    )
    assert representation["title"] == "Local Offer leaflet"
    assert (
        representation["url"]
        == f"{settings.WAGTAILADMIN_BASE_URL}/documents/{document.pk}/{document.filename}"
    )


def test_related_services_block_lists_only_live_services(sections):
    live = ServicePageFactory(parent=sections["council"], slug="live-one")
    draft = ServicePageFactory(parent=sections["council"], slug="draft-one", live=False)
    block = RelatedServicesBlock()
    value = block.to_python({"heading": "Try these", "services": [live.pk, draft.pk]})

    representation = block.get_api_representation(value)

    assert representation["services"] == [
        {"id": str(live.uuid), "title": live.title, "url": live.full_url}
    ]


def test_contact_block_needs_a_way_to_get_in_touch_and_a_real_phone():
    block = ContactBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"name": "SEND team", "email": "", "phone": "", "website": ""}))
    with pytest.raises((StructBlockValidationError, ValidationError)):
        block.clean(
            block.to_python({"name": "SEND team", "phone": "0800", "email": "", "website": ""})
        )
    cleaned = block.clean(block.to_python({"name": "SEND team", "phone": "020 7946 0500"}))
    assert cleaned["phone"] == "020 7946 0500"
