"""Project checks (Django's system check framework): mistakes in how the apps are wired
together that would otherwise show only when the code path runs.

Registered by core's AppConfig, so `manage.py check`, `runserver` and `migrate` report them.
"""

from django.core.checks import Error, register

from core.publishing import pipeline


@register()
def publish_pipeline_is_complete(app_configs=None, **kwargs):
    """Every publish stage is filled: a missing guard would publish against consent,
    a missing index would leave search stale, a missing notify would never tell a sender."""
    return [
        Error(
            f"The publish pipeline's {stage!r} stage is not filled.",
            hint="The app that owns it calls core.publishing.pipeline.register() in its AppConfig.ready.",
            obj="core.publishing",
            id="core.E001",
        )
        for stage in pipeline.missing()
    ]
