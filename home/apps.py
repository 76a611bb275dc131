from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home.spreadsheets import install_in_wagtail_exports

        install_in_wagtail_exports()  # CSV exports never start a formula
