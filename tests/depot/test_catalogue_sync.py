"""Syncing catalogue records into DepotItem: upsert by inventory number, withdrawals, report."""

import csv
import io

import pytest

from depot.importers import MAPPINGS_DIR
from depot.importers.csv_source import CsvSource
from depot.importers.lido_source import LidoSource
from depot.importers.mapping import Mapping
from depot.importers.records import CatalogueRecord
from depot.importers.sync import sync_catalogue
from depot.models import DepotCollection, DepotItem, url_slug_for
from search.models import PendingIndexUpdate
from tests.depot.catalogue_files import sync_csv, write_csv
from tests.factories import DepotCollectionFactory, DepotItemFactory

pytestmark = pytest.mark.django_db


def read_report(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def counts(result):
    return (
        result.created,
        result.updated,
        result.unchanged,
        result.withdrawn,
        result.failed,
    )


# --- the real samples -------------------------------------------------------------------


@pytest.mark.shared_data
def test_tate_sample_imports_and_a_second_run_changes_nothing(shared_data):
    path = shared_data / "catalogue/tate-artworks-sample.csv"
    mapping = Mapping.load(MAPPINGS_DIR / "tate.toml")
    tate = DepotCollectionFactory(slug="tate", name="Tate")

    with CsvSource(path, mapping) as source:
        first = sync_catalogue(source, collection=tate)
    assert counts(first) == (1000, 0, 0, 0, 0)
    assert DepotItem.objects.filter(collection=tate).count() == 1000

    item = DepotItem.objects.get(inventory_number="A00070")
    assert item.title == "Study of a Female Head for ‘The Hours’"
    assert item.maker == "Sir Edward Coley Burne-Jones, Bt"
    assert (item.year_from, item.year_to, item.date_text) == (1872, 1872, "c.1872")
    assert item.url_slug == "A00070"
    # bulk writes skip post_save: the sync queues the index updates itself
    assert PendingIndexUpdate.objects.filter(key=f"depot:{item.pk}").exists()
    assert PendingIndexUpdate.objects.filter(key__startswith="depot:").count() == 1000

    before = dict(DepotItem.objects.values_list("pk", "updated_at"))
    PendingIndexUpdate.objects.all().delete()
    with CsvSource(path, mapping) as source:
        second = sync_catalogue(source, collection=tate)
    assert counts(second) == (0, 0, 1000, 0, 0)
    assert dict(DepotItem.objects.values_list("pk", "updated_at")) == before
    assert not PendingIndexUpdate.objects.exists()


@pytest.mark.shared_data
def test_lido_records_import_with_their_url_slugs(shared_data):
    with LidoSource(shared_data / "lido/official/LIDO-v1.1-Example_FMobj00154983-LaPrimavera.xml") as source:
        result = sync_catalogue(source)
    assert counts(result) == (1, 0, 0, 0, 0)
    item = DepotItem.objects.get(inventory_number="8360 (Inv. 1890)")
    assert item.url_slug == url_slug_for("8360 (Inv. 1890)")
    assert item.title == item.title_en == "Spring"
    assert (item.year_from, item.year_to) == (1480, 1485)

    # the older LIDO 1.0 export of the same painting: same number, other values
    with LidoSource(shared_data / "lido/official/LIDO-Example_FMobj00154983-LaPrimavera.xml") as source:
        result = sync_catalogue(source)
    assert counts(result) == (0, 1, 0, 0, 0)
    item.refresh_from_db()
    assert (item.title, item.maker_role, item.year_from) == (
        "La Primavera / Spring",
        "painter",
        1482,
    )


@pytest.mark.shared_data
def test_lido_imports_are_found_by_the_admin_searches(shared_data, client, staff_user):
    """The admin listing, the snippet chooser and the depot chooser search the database."""
    with LidoSource(shared_data / "lido/real/ddb_Deutsches_Museum.xml") as source:
        sync_catalogue(source)
    client.force_login(staff_user)
    for url in (
        "/admin/snippets/depot/depotitem/",
        "/admin/snippets/choose/depot/depotitem/results/",
        "/admin/depot/choose-item/results/",
    ):
        found = client.get(url, {"q": "Enigma"})
        assert found.status_code == 200, url
        assert "1993-522" in found.content.decode(), url
        assert "1993-522" not in client.get(url, {"q": "Zzyzx"}).content.decode(), url


# --- bad records ----------------------------------------------------------------------


def test_bad_rows_are_reported_and_the_run_goes_on(tmp_path):
    path = write_csv(
        tmp_path,
        [
            "BK-1,Goed,,1950,1951\n",  # line 2
            "BK-2,Te veel,cellen,x,1950,1951\n",  # 3
            "BK-3,Jaartal,,ongeveer 1900,\n",  # 4
            ",Zonder nummer,,,\n",  # 5
            "BK-5,Omgekeerd,,1990,1980\n",  # 6
            'BK-6,"Nooit dicht,,1970,\n',  # 7
            "BK-7,Na de fout,,1980,\n",  # 8
        ],
    )
    report = tmp_path / "report.csv"
    result = sync_csv(path, report=report)
    assert counts(result) == (2, 0, 0, 0, 5)
    assert set(DepotItem.objects.values_list("inventory_number", flat=True)) == {
        "BK-1",
        "BK-7",
    }
    rows = read_report(report)
    assert [(r["position"], r["inventory_number"], r["outcome"]) for r in rows] == [
        ("line 3", "BK-2", "failed"),
        ("line 4", "BK-3", "failed"),
        ("line 5", "", "failed"),
        ("line 6", "BK-5", "failed"),
        ("line 7", "BK-6", "failed"),
    ]
    reasons = [r["reason"] for r in rows]
    assert reasons[0] == "the row has 6 cells where the header has 5"
    assert reasons[1] == "year_from: 'ongeveer 1900' is not a year"
    assert reasons[2] == "no inventory number"
    assert reasons[3] == "the end year (1980) is before the start year (1990)"
    assert "never closed" in reasons[4]


def test_duplicate_inventory_number_in_one_file(tmp_path):
    path = write_csv(tmp_path, ["BK-1,Eerste,,,\n", "BK-1,Tweede,,,\n"])
    result = sync_csv(path)
    assert counts(result) == (1, 0, 0, 0, 1)
    assert DepotItem.objects.get(inventory_number="BK-1").title == "Eerste"
    assert "earlier in the file" in result.problems[0].reason


def test_too_long_values_are_shortened_with_a_warning(tmp_path):
    path = write_csv(tmp_path, [f"BK-1,{'x' * 600},,,\n"])
    report = tmp_path / "report.csv"
    result = sync_csv(path, report=report)
    assert counts(result) == (1, 0, 0, 0, 0)
    assert result.warnings == 1
    assert len(DepotItem.objects.get().title) == 500
    assert read_report(report)[0]["outcome"] == "warning"


def test_a_missing_title_falls_back_with_a_warning(tmp_path):
    path = write_csv(tmp_path, ["BK-1,,,,\n"])
    result = sync_csv(path)
    assert DepotItem.objects.get().title == "BK-1"
    assert result.problems[0].reason == "no title; 'BK-1' used instead"


def test_a_clash_in_a_batch_fails_only_that_record(tmp_path):
    """A url_slug taken by another item makes the bulk insert fail: records go one by one."""
    squatter = DepotItemFactory(inventory_number="OTHER")
    DepotItem.objects.filter(pk=squatter.pk).update(url_slug=url_slug_for("BK 2"))
    path = write_csv(tmp_path, ["BK-1,Een,,,\n", "BK 2,Twee,,,\n", "BK-3,Drie,,,\n"])
    result = sync_csv(path)
    assert counts(result) == (2, 0, 0, 0, 1)
    assert result.problems[0].inventory_number == "BK 2"
    assert result.problems[0].reason.startswith("could not be saved")
    assert set(DepotItem.objects.values_list("inventory_number", flat=True)) == {
        "OTHER",
        "BK-1",
        "BK-3",
    }


# --- updates, withdrawals ---------------------------------------------------------------


def test_changed_values_are_updated_and_unmapped_fields_left_alone(tmp_path):
    item = DepotItemFactory(inventory_number="BK-1", title="Oud", description="Met de hand geschreven")
    path = write_csv(tmp_path, ["BK-1,Nieuw,Maker,1900,1910\n"])
    result = sync_csv(path)
    assert counts(result) == (0, 1, 0, 0, 0)
    item.refresh_from_db()
    assert (item.title, item.maker, item.year_from, item.year_to) == (
        "Nieuw",
        "Maker",
        1900,
        1910,
    )
    assert item.description == "Met de hand geschreven"  # the file has no description column
    assert PendingIndexUpdate.objects.filter(key=f"depot:{item.pk}").exists()


def test_missing_records_are_withdrawn_and_come_back(tmp_path):
    textiel = DepotCollectionFactory(slug="textiel")
    elsewhere = DepotItemFactory(inventory_number="FOTO-1")  # another collection: never touched
    full = write_csv(tmp_path, ["BK-1,Een,,,\n", "BK-2,Twee,,,\n", "BK-3,Drie,,,\n"], "full.csv")
    assert counts(sync_csv(full, collection=textiel, withdraw_missing=True)) == (
        3,
        0,
        0,
        0,
        0,
    )

    PendingIndexUpdate.objects.all().delete()
    # BK-2 is gone from the export; BK-3 is there but broken: it must not be withdrawn
    shorter = write_csv(tmp_path, ["BK-1,Een,,,\n", "BK-3,Drie,,geen jaar,\n"], "shorter.csv")
    report = tmp_path / "report.csv"
    result = sync_csv(shorter, collection=textiel, withdraw_missing=True, report=report)
    assert counts(result) == (0, 0, 1, 1, 1)
    withdrawn = dict(DepotItem.objects.values_list("inventory_number", "withdrawn"))
    assert withdrawn == {"BK-1": False, "BK-2": True, "BK-3": False, "FOTO-1": False}
    gone = DepotItem.objects.get(inventory_number="BK-2")
    assert PendingIndexUpdate.objects.filter(key=f"depot:{gone.pk}").exists()
    assert ("", "BK-2", "withdrawn") in [
        (r["position"], r["inventory_number"], r["outcome"]) for r in read_report(report)
    ]
    assert elsewhere.collection != textiel

    # without --withdraw-missing nothing is withdrawn
    assert sync_csv(shorter, collection=textiel).withdrawn == 0

    # BK-2 comes back
    result = sync_csv(full, collection=textiel, withdraw_missing=True)
    assert counts(result) == (0, 1, 2, 0, 0)
    assert not DepotItem.objects.filter(withdrawn=True).exists()


def test_withdraw_scope_from_collections_named_in_the_export(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("inventory_number,title,collection\nBK-1,Een,Textiel\nF-1,Foto,Fotografie\n")
    assert counts(sync_csv(path)) == (2, 0, 0, 0, 0)
    assert set(DepotCollection.objects.values_list("slug", flat=True)) == {
        "textiel",
        "fotografie",
    }
    path.write_text("inventory_number,title,collection\nBK-1,Een,Textiel\n")
    result = sync_csv(path, withdraw_missing=True)
    # only Textiel is in this export, so the photo is not withdrawn
    assert counts(result) == (0, 0, 1, 0, 0)


def test_an_empty_export_withdraws_nothing(tmp_path):
    textiel = DepotCollectionFactory(slug="textiel")
    DepotItemFactory(inventory_number="BK-1", collection=textiel)
    path = write_csv(tmp_path, [])
    result = sync_csv(path, collection=textiel, withdraw_missing=True)
    assert counts(result) == (0, 0, 0, 0, 0)
    assert "nothing was withdrawn" in result.notes[0]
    assert not DepotItem.objects.filter(withdrawn=True).exists()


# --- dry run ---------------------------------------------------------------------------


def test_dry_run_counts_the_same_and_writes_nothing(tmp_path):
    textiel = DepotCollectionFactory(slug="textiel")
    # from an earlier import (hand-made items are never withdrawn: test_catalogue_markers)
    DepotItemFactory(inventory_number="BK-1", title="Oud", collection=textiel, from_catalogue=True)
    DepotItemFactory(inventory_number="BK-9", title="Weg", collection=textiel, from_catalogue=True)
    path = write_csv(tmp_path, ["BK-1,Nieuw,,,\n", "BK-2,Twee,,,\n", "BK-3,Fout,,x,\n"])
    snapshot = list(DepotItem.objects.order_by("pk").values())
    PendingIndexUpdate.objects.all().delete()

    dry = sync_csv(path, collection=textiel, withdraw_missing=True, dry_run=True)
    assert counts(dry) == (1, 1, 0, 1, 1)
    assert dry.dry_run
    assert list(DepotItem.objects.order_by("pk").values()) == snapshot
    assert not PendingIndexUpdate.objects.exists()

    real = sync_csv(path, collection=textiel, withdraw_missing=True)
    assert counts(real) == counts(dry)


def test_dry_run_into_a_collection_that_does_not_exist_yet(tmp_path):
    path = write_csv(tmp_path, ["BK-1,Een,,,\n"])
    result = sync_csv(
        path,
        collection=DepotCollection(slug="nieuw", name="Nieuw"),
        dry_run=True,
        withdraw_missing=True,
    )
    assert counts(result) == (1, 0, 0, 0, 0)
    assert not DepotCollection.objects.exists() and not DepotItem.objects.exists()


# --- plain records, batches -------------------------------------------------------------


def test_records_from_any_iterable_in_small_batches():
    records = [CatalogueRecord(inventory_number=f"R-{n}", title=f"Ding {n}", source_position=n) for n in range(25)]
    seen_progress = []
    report = io.StringIO()
    result = sync_catalogue(records, batch_size=10, progress=seen_progress.append, report=report)
    assert counts(result) == (25, 0, 0, 0, 0)
    assert seen_progress == [10, 20, 25]
    assert report.getvalue().splitlines() == ["position,inventory_number,outcome,reason"]
    assert DepotItem.objects.count() == 25
