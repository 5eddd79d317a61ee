from wagtail import hooks

from cms.checks import use_local_offer_checks
from cms.translation_views import publish_from_editor

hooks.register("construct_wagtail_userbar", use_local_offer_checks)

# Ahead of wagtail-localize's own hooks (order 0), which would publish.
hooks.register("before_edit_page", publish_from_editor, order=-1)
hooks.register("before_edit_snippet", publish_from_editor, order=-1)
