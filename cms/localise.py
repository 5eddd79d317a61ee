"""Translatable snippets as a page's language has them."""


def in_page_language(page, objects) -> list:
    """Translatable objects chosen on a page (choosers offer the source language's) as
    the page's language has them; an object not translated stays as it is."""
    objects = list(objects)
    if not objects:
        return []
    translated = {
        item.translation_key: item
        for item in type(objects[0]).objects.filter(
            translation_key__in=[item.translation_key for item in objects],
            locale_id=page.locale_id,
        )
    }
    return [translated.get(item.translation_key, item) for item in objects]
