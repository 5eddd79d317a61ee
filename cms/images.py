from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

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


def delete_renditions(images) -> None:
    """Renditions made while an image was public sit where the web server serves
    renditions, at URLs partners were given: deleting them (Wagtail deletes their files
    once the transaction commits) makes those URLs stop working."""
    get_image_model().get_rendition_model().objects.filter(image__in=images).delete()


def delete_renditions_below(collection) -> None:
    collections = collection.get_descendants(inclusive=True)
    delete_renditions(get_image_model().objects.filter(collection__in=collections))


def on_collection_restricted(sender, instance, raw=False, **kwargs):
    if not raw:
        delete_renditions_below(instance.collection)


def on_collection_saved(sender, instance, created=False, raw=False, **kwargs):
    # Wagtail's admin moves a collection after saving it, in the same transaction.
    def moved_under_a_restriction():
        collection = Collection.objects.filter(pk=instance.pk).first()
        if collection is not None and collection.get_view_restrictions().exists():
            delete_renditions_below(collection)

    if not (created or raw):
        transaction.on_commit(moved_under_a_restriction)


def on_image_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    moved = update_fields is None or "collection" in update_fields
    if not raw and moved and not is_public_media(instance):
        delete_renditions([instance])


def connect() -> None:
    post_save.connect(on_collection_restricted, sender=CollectionViewRestriction)
    post_save.connect(on_collection_saved, sender=Collection)
    post_save.connect(on_image_saved, sender=get_image_model())
