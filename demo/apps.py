from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The whole site's demo content and its loader (``manage.py load_demo_data``).

    It sits on top of every other app: it may import any of them, none may import it
    (tests/demo/test_layering.py), so the site runs the same without it. No models.
    """

    name = "demo"
    label = "demo"
    verbose_name = _("Demo content")
