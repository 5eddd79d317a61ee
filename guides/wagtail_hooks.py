from wagtail import hooks

from cms.moderation import ModeratedPageViewSet
from guides.models import GuidePage


@hooks.register("register_admin_viewset")
def register_guide_page_viewset():
    return ModeratedPageViewSet("guide_pages", model=GuidePage)
