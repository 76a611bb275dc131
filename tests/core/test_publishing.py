"""core.publishing: the stages run in their fixed order whatever order the apps filled
them in; notify only for a publication that stands; registration is idempotent; a stage
nobody filled is a system check error and stops publishing instead of being skipped."""

from types import SimpleNamespace

import pytest
from django.core.exceptions import ImproperlyConfigured

from core import checks, publishing
from core.publishing import GUARD, INDEX, NOTIFY, STAGES, PublishPipeline


def recording_pipeline(calls, *, stands=True, fill=STAGES):
    """A pipeline whose steps write down their stage, filled in reverse order (as apps
    listed the other way round in INSTALLED_APPS would)."""

    def step(stage, answer=None):
        def record(page):
            calls.append(stage)
            return answer

        record.__qualname__ = f"record_{stage}"
        return record

    pipeline = PublishPipeline()
    for stage in reversed(fill):
        pipeline.register(stage, step(stage, stands if stage == GUARD else None))
    return pipeline


def test_the_stages_run_guard_then_index_then_notify():
    calls = []
    recording_pipeline(calls).run(SimpleNamespace(live=True))
    assert calls == ["guard", "index", "notify"]


def test_the_stage_order_is_guard_index_notify():
    assert STAGES == ("guard", "index", "notify")


@pytest.mark.parametrize("stands, live", [(False, False), (False, True), (True, False)])
def test_notify_only_for_a_publication_that_stands(stands, live):
    calls = []
    recording_pipeline(calls, stands=stands).run(SimpleNamespace(live=live))
    assert calls == ["guard", "index"]  # the index always hears of it: a reversal is sent as removed


def test_registering_the_same_step_again_changes_nothing():
    pipeline = PublishPipeline()
    pipeline.register(INDEX, test_registering_the_same_step_again_changes_nothing)
    pipeline.register(INDEX, test_registering_the_same_step_again_changes_nothing)
    assert pipeline.steps == {INDEX: test_registering_the_same_step_again_changes_nothing}


def test_a_second_step_for_a_filled_stage_is_refused():
    pipeline = PublishPipeline()
    pipeline.register(NOTIFY, test_the_stages_run_guard_then_index_then_notify)
    with pytest.raises(ImproperlyConfigured, match="already filled"):
        pipeline.register(NOTIFY, test_a_second_step_for_a_filled_stage_is_refused)


def test_an_unknown_stage_is_refused():
    with pytest.raises(ImproperlyConfigured, match="Unknown publish stage"):
        PublishPipeline().register("mail", print)


def test_a_missing_stage_stops_publishing_instead_of_being_skipped():
    calls = []
    pipeline = recording_pipeline(calls, fill=(INDEX, NOTIFY))
    assert pipeline.missing() == [GUARD]
    with pytest.raises(ImproperlyConfigured, match="'guard' is not filled"):
        pipeline.run(SimpleNamespace(live=True))
    assert calls == []


def test_the_apps_fill_every_stage_with_their_own_step():
    steps = publishing.pipeline.steps
    assert {stage: f"{step.__module__}.{step.__name__}" for stage, step in steps.items()} == {
        GUARD: "editorial.services.consent.publication_stands",
        INDEX: "search.signals.queue_page",
        NOTIFY: "contributions.signals.notify_sender_on_publish",
    }
    assert checks.publish_pipeline_is_complete() == []


def test_the_system_check_names_a_missing_stage(monkeypatch):
    monkeypatch.delitem(publishing.pipeline.steps, NOTIFY)
    errors = checks.publish_pipeline_is_complete()
    assert [error.id for error in errors] == ["core.E001"]
    assert "'notify'" in errors[0].msg
