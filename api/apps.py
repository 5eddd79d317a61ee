from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "Partner API"

    def ready(self) -> None:
        from api import signals

        signals.connect()
