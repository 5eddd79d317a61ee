from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Local Offer CMS"

    def ready(self):
        from cms import images
        from cms.exports import neutralise_csv_formulas

        images.connect()
        neutralise_csv_formulas()
