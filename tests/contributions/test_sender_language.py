"""The sender's e-mails come in the language they used the form in; the curators' in the site's."""

import pytest
from django.core import mail
from django.utils import translation

from contributions.models import Contribution
from contributions.services.review import decline_contribution
from tests.contributions.test_submission import en_url

pytestmark = pytest.mark.django_db


def send(client, url, form_data, capture):
    with capture(execute=True):
        response = client.post(url, form_data())
    assert response.status_code == 302, response.content.decode()[:500]
    return Contribution.objects.get()


def test_a_form_sent_in_english_gets_english_mails_to_the_end(
    client, contribute_page, form_data, curator_a, django_capture_on_commit_callbacks
):
    contribution = send(client, en_url(contribute_page), form_data, django_capture_on_commit_callbacks)
    assert contribution.sender_language == "en"
    assert mail.outbox[-1].subject.startswith("We received your contribution")
    assert "/en/" in mail.outbox[-1].body  # the status link opens in English too

    with translation.override("nl"), django_capture_on_commit_callbacks(execute=True):  # the curator works in Dutch
        decline_contribution(contribution, curator_a, note="Past niet bij de collectie.", notify_sender=True)
    assert mail.outbox[-1].subject.startswith("About your contribution")


def test_a_form_sent_in_dutch_gets_dutch_mails(client, contribute_page, form_data, django_capture_on_commit_callbacks):
    with translation.override("nl"):
        url = contribute_page.url
    contribution = send(client, url, form_data, django_capture_on_commit_callbacks)
    assert contribution.sender_language == "nl"
    assert mail.outbox[-1].subject.startswith("We hebben je bijdrage ontvangen")


def test_a_contribution_from_before_the_language_was_kept_gets_the_sites_language(
    client, contribute_page, form_data, curator_a, django_capture_on_commit_callbacks
):
    contribution = send(client, en_url(contribute_page), form_data, django_capture_on_commit_callbacks)
    Contribution.objects.filter(pk=contribution.pk).update(sender_language="")
    contribution.refresh_from_db()
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        decline_contribution(contribution, curator_a, note="", notify_sender=True)
    assert mail.outbox[-1].subject.startswith("Over je bijdrage")
