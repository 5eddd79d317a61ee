from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Local Offer CMS"

    def ready(self):
        from cms.exports import neutralise_csv_formulas

        neutralise_csv_formulas()
