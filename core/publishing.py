"""What follows a page going live: one pipeline, in a fixed order, however it went live.

Wagtail sends ``page_published`` for the Publish button, the workflow's last approval,
scheduled publishing and ``revision.publish()`` from code. Three stages follow, and their
order matters:

1. ``guard``: whether the publication stands. The consent check may take the page
   straight offline again, since only the button and the workflow check consent
   beforehand. Filled by editorial; returns True when the publication stands.
2. ``index``: the search outbox queues the page's documents (they are built from the
   page's state when sent, after commit, so a reversed publication is sent as removed).
   Filled by search.
3. ``notify``: the sender of the contribution the page was made from is told it is
   online, only for a publication that stands (the guard said so and the page is still
   live), so a reversed publication mails nobody and leaves the notice unsent for the
   publication that does stand. Filled by contributions.

They used to be three receivers, run in the order their apps are listed in
INSTALLED_APPS, and the e-mail went out for a page the guard had just taken offline.
So the order is code here, and each app only fills its stage from its AppConfig.ready;
this module imports none of them (core is the bottom layer). ``on_page_published`` is the
project's only ``page_published`` receiver (connected by core's AppConfig). A stage nobody
filled is reported by the system check in core/checks.py at start-up, and publishing
refuses to run without it rather than skip the consent guard or the index in silence.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

GUARD, INDEX, NOTIFY = "guard", "index", "notify"
STAGES = (GUARD, INDEX, NOTIFY)


def _dotted(step: Callable) -> str:
    return f"{step.__module__}.{step.__qualname__}"


class PublishPipeline:
    """The stages and the one function filling each; `run` calls them in STAGES order."""

    def __init__(self):
        self.steps: dict[str, Callable] = {}

    def register(self, stage: str, step: Callable) -> None:
        """Fill `stage` with `step`. Idempotent: the same function again (also after a
        module reload, so compared by dotted path) changes nothing; a second, different
        function for a filled stage is a mistake and stops the start."""
        if stage not in STAGES:
            raise ImproperlyConfigured(f"Unknown publish stage {stage!r}; the stages are {', '.join(STAGES)}.")
        current = self.steps.get(stage)
        if current is not None and _dotted(current) != _dotted(step):
            raise ImproperlyConfigured(
                f"The publish stage {stage!r} is already filled by {_dotted(current)}; "
                f"{_dotted(step)} cannot fill it too."
            )
        self.steps[stage] = step

    def missing(self) -> list[str]:
        """The stages no app has filled, in order."""
        return [stage for stage in STAGES if stage not in self.steps]

    def _step(self, stage: str) -> Callable:
        try:
            return self.steps[stage]
        except KeyError:
            raise ImproperlyConfigured(
                f"The publish stage {stage!r} is not filled: the app that owns it registers it in its AppConfig.ready."
            ) from None

    def run(self, page) -> None:
        """The stages in order; `notify` only for a publication that stands."""
        stands = self._step(GUARD)(page)
        self._step(INDEX)(page)
        if stands and page.live:
            self._step(NOTIFY)(page)


pipeline = PublishPipeline()


def on_page_published(sender, instance, **kwargs):
    pipeline.run(instance)
