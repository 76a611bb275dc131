"""Red team: a community's export opens for museum staff and that community's curators only.

The export holds restricted stories and consent records: every door to it (the list, the
community page, starting one, its progress, its download, the admin menu) refuses everyone
else, and a refused start writes nothing.
"""

import pytest
from django.urls import reverse

from exchange.models import CommunityExport, ExportStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished_export(community_a, staff_user, settings, tmp_path):
    settings.PRIVATE_UPLOADS_DIR = tmp_path / "private"
    (tmp_path / "private" / "exports").mkdir(parents=True)
    (tmp_path / "private" / "exports" / "a.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    return CommunityExport.objects.create(
        community=community_a, requested_by=staff_user, status=ExportStatus.DONE, file="a.zip", total=1, done=1
    )


def doors(community, export):
    return [
        ("get", reverse("exchange_admin:community", args=[community.pk])),
        ("post", reverse("exchange_admin:start", args=[community.pk])),
        ("get", reverse("exchange_admin:progress", args=[export.pk])),
        ("get", reverse("exchange_admin:download", args=[export.pk])),
    ]


@pytest.mark.parametrize("who", ["curator_b", "member_a", "member_b"])
def test_others_are_refused_at_every_door_and_nothing_is_started(client, request, who, community_a, finished_export):
    client.force_login(request.getfixturevalue(who))
    for method, url in doors(community_a, finished_export):
        response = getattr(client, method)(url)
        # Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard.
        assert response.status_code in (302, 403), (who, url, response.status_code)
        assert response.status_code == 403 or response["Location"] in ("/admin/",) or "login" in response["Location"]
    assert CommunityExport.objects.count() == 1


def test_a_visitor_is_sent_to_the_login_at_every_door(client, community_a, finished_export):
    for method, url in doors(community_a, finished_export):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "login" in response["Location"], url
    assert CommunityExport.objects.count() == 1


def test_another_communitys_curator_sees_no_menu_item_and_no_list(client, curator_b, member_a):
    client.force_login(member_a)
    assert client.get(reverse("exchange_admin:index")).status_code in (302, 403)
    client.force_login(curator_b)
    listing = client.get(reverse("exchange_admin:index")).content.decode()
    assert "Kaapverdianen" not in listing and "Katendrecht" in listing


@pytest.mark.parametrize("who", ["curator_a", "staff_user"])
def test_the_communitys_curators_and_museum_staff_may(client, request, who, community_a, finished_export):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("exchange_admin:download", args=[finished_export.pk])).status_code == 200


def test_starting_an_export_needs_the_csrf_token(community_a, curator_a):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(curator_a)
    assert client.post(reverse("exchange_admin:start", args=[community_a.pk])).status_code == 403
    assert not CommunityExport.objects.exists()


def test_the_export_file_has_no_public_url(finished_export):
    with pytest.raises(ValueError):
        _ = finished_export.file.url
