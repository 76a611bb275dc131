"""Red team: the sender's private link opens one contribution for one purpose, and nothing
else; every refused link gets a plain page (no 500, nothing of any contribution) and
changes nothing."""

import pytest
from django.core import signing
from django.test import Client

from contributions.models import Contribution, SenderLink
from contributions.services import sender_links
from tests.contributions.factories import make_contribution

pytestmark = pytest.mark.django_db


@pytest.fixture
def mine(contribute_page, community_a):
    return make_contribution(community_a, title="Mijn verhaal", email="a@example.org")


@pytest.fixture
def theirs(contribute_page, community_b):
    return make_contribution(community_b, title="Geheim verhaal van een ander", email="b@example.org")


def _post(contribute_page, token, **data):
    return Client().post(f"{contribute_page.url}status/", {"t": token, **data})


def _unchanged(*contributions):
    for contribution in contributions:
        fresh = Contribution.objects.get(pk=contribution.pk)
        assert (fresh.title, fresh.text, fresh.consent_uses, fresh.status) == (
            contribution.title,
            contribution.text,
            contribution.consent_uses,
            contribution.status,
        )


def _tampered(token: str) -> list[str]:
    """The token with one character changed, at several places (payload, timestamp, signature)."""
    out = []
    for index in (0, len(token) // 2, len(token) - 1):
        swapped = "A" if token[index] != "A" else "B"
        out.append(token[:index] + swapped + token[index + 1 :])
    return out


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(lambda token, mine, theirs: _tampered(token), id="tampered"),
        pytest.param(lambda token, mine, theirs: [token[:-10], "   ", "x" * 300], id="truncated-or-junk"),
        pytest.param(  # a genuine signature with another salt: the thanks page's token of the same contribution
            lambda token, mine, theirs: [signing.dumps(theirs.pk, salt="contributions.thanks")], id="other-purpose"
        ),
        pytest.param(  # the right salt, a guessed link id and secret
            lambda token, mine, theirs: [
                signing.dumps(
                    [SenderLink.objects.get(contribution=theirs).pk, "guess"], salt=sender_links._salt("status")
                )
            ],
            id="forged-secret",
        ),
    ],
)
def test_a_forged_link_opens_nothing_and_changes_nothing(contribute_page, mine, theirs, forge):
    token = sender_links.issue(mine)
    sender_links.issue(theirs)
    for forged in forge(token, mine, theirs):
        page = Client().get(f"{contribute_page.url}status/", {"t": forged})
        assert page.status_code == 404, forged
        assert b'data-reason="invalid"' in page.content
        assert theirs.title.encode() not in page.content and mine.title.encode() not in page.content
        response = _post(contribute_page, forged, action="correct", title="Overgenomen", text="Weg ermee")
        assert response.status_code == 404
        _post(contribute_page, forged, action="consent")
    _unchanged(mine, theirs)


def test_my_link_cannot_reach_another_contribution(contribute_page, mine, theirs):
    token = sender_links.issue(mine)
    # Whatever the form names, the link decides which contribution it is.
    _post(
        contribute_page, token, action="correct", title="Nieuw", text="Nieuw.", pk=theirs.pk, reference=theirs.reference
    )
    _post(contribute_page, token, action="consent", uses=["exhibition"], pk=theirs.pk, reference=theirs.reference)
    _unchanged(theirs)
    mine.refresh_from_db()
    assert mine.title == "Nieuw" and mine.consent_uses == ["exhibition"]
    page = Client().get(f"{contribute_page.url}status/", {"t": token})
    assert theirs.title.encode() not in page.content and theirs.reference.encode() not in page.content


def test_a_revoked_link_stays_revoked_and_a_new_one_works(contribute_page, mine, curator_a):
    old = sender_links.issue(mine)
    sender_links.revoke_all(mine, curator_a)
    assert _post(contribute_page, old, action="correct", title="Na intrekking", text="x").status_code == 410
    _unchanged(mine)
    new = sender_links.issue(mine)
    assert Client().get(f"{contribute_page.url}status/", {"t": new}).status_code == 200


def test_the_status_page_is_csrf_protected(contribute_page, mine):
    token = sender_links.issue(mine)
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(f"{contribute_page.url}status/", {"t": token, "action": "consent"})
    assert response.status_code == 403
    _unchanged(mine)
