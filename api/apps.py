from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "Partner API"

    def ready(self) -> None:
        from api import schema, signals  # noqa: F401 (schema registers its extension)

        signals.connect()
