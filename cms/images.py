from django.conf import settings


def image_api_representation(image, alt_text: str = "") -> dict | None:
    """An image as the API shows it: renditions of a fixed set of sizes."""
    if image is None:
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
