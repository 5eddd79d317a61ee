from django.conf import settings

from cms.visibility import is_public_media


def image_api_representation(image, alt_text: str = "") -> dict | None:
    """An image as the API shows it: renditions of a fixed set of sizes. None for a
    missing image or one in a restricted collection, whose renditions are never made."""
    if not is_public_media(image):
        return None
    renditions = image.get_renditions(*settings.API_IMAGE_RENDITIONS.values())
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt_text or image.default_alt_text,
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {
                "url": renditions[spec].full_url,
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in settings.API_IMAGE_RENDITIONS.items()
        },
    }
