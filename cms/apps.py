from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Local Offer CMS"

    def ready(self):
        from cms import images

        images.connect()
