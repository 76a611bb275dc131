"""Where an item comes from: from_catalogue, source, the source's record id, last_seen_at.

And what follows from it: a record that disappears from the export is withdrawn, an
item made by hand never is.
"""

from io import StringIO

import pytest
from django.core.management import call_command

from depot.importers import MAPPINGS_DIR
from depot.importers.csv_source import CsvSource
from depot.importers.lido_source import LidoSource
from depot.importers.mapping import Mapping
from depot.importers.sync import sync_catalogue
from depot.models import DepotItem
from tests.depot import catalogue_files
from tests.depot.catalogue_files import sync_csv
from tests.factories import DepotCollectionFactory, DepotItemFactory

pytestmark = pytest.mark.django_db

HEADER = "inventory_number,title,maker\n"


def write_csv(tmp_path, rows, name="export.csv"):
    return catalogue_files.write_csv(tmp_path, rows, name, header=HEADER)


def marks(number):
    return (
        DepotItem.objects.filter(inventory_number=number)
        .values("from_catalogue", "source", "source_record_id", "withdrawn")
        .get()
    )


def test_synced_items_are_marked_and_seen(tmp_path):
    path = write_csv(tmp_path, ["BK-1,Een,\n", "BK-2,Twee,\n"])
    sync_csv(path, source_name="adlib")
    first = dict(DepotItem.objects.values_list("inventory_number", "last_seen_at"))
    assert all(first.values())
    assert marks("BK-1") == {"from_catalogue": True, "source": "adlib", "source_record_id": "", "withdrawn": False}

    # the same file again: nothing changes but the time the records were last seen
    before = list(DepotItem.objects.order_by("pk").values("pk", "title", "updated_at", "from_catalogue", "source"))
    result = sync_csv(path, source_name="adlib")
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert (
        list(DepotItem.objects.order_by("pk").values("pk", "title", "updated_at", "from_catalogue", "source")) == before
    )
    second = dict(DepotItem.objects.values_list("inventory_number", "last_seen_at"))
    assert all(second[n] > first[n] for n in first)


def test_a_dry_run_does_not_touch_last_seen_at(tmp_path):
    path = write_csv(tmp_path, ["BK-1,Een,\n"])
    sync_csv(path)
    seen = DepotItem.objects.get().last_seen_at
    sync_csv(path, dry_run=True)
    assert DepotItem.objects.get().last_seen_at == seen


def test_a_record_that_disappears_is_withdrawn_a_hand_made_item_is_not(tmp_path):
    textiel = DepotCollectionFactory(slug="textiel")
    hand_made = DepotItemFactory(inventory_number="HAND-1", title="Door staf ingevoerd", collection=textiel)
    assert hand_made.from_catalogue is False and hand_made.last_seen_at is None
    full = write_csv(tmp_path, ["BK-1,Een,\n", "BK-2,Twee,\n"], "full.csv")
    assert sync_csv(full, collection=textiel, withdraw_missing=True).withdrawn == 0

    shorter = write_csv(tmp_path, ["BK-1,Een,\n"], "shorter.csv")
    result = sync_csv(shorter, collection=textiel, withdraw_missing=True)
    assert result.withdrawn == 1
    assert [p.inventory_number for p in result.problems if p.outcome == "withdrawn"] == ["BK-2"]
    assert marks("BK-2")["withdrawn"] is True
    assert marks("HAND-1") == {"from_catalogue": False, "source": "", "source_record_id": "", "withdrawn": False}


def test_a_hand_made_item_that_appears_in_the_export_joins_the_catalogue(tmp_path):
    textiel = DepotCollectionFactory(slug="textiel")
    DepotItemFactory(inventory_number="BK-1", title="Een", collection=textiel)
    path = write_csv(tmp_path, ["BK-1,Een,\n"])
    result = sync_csv(path, collection=textiel, source_name="adlib")
    assert result.updated == 1  # from_catalogue and source changed
    assert marks("BK-1")["from_catalogue"] is True
    # from now on it is withdrawn when it disappears
    empty_but_other = write_csv(tmp_path, ["BK-7,Zeven,\n"], "other.csv")
    assert sync_csv(empty_but_other, collection=textiel, withdraw_missing=True).withdrawn == 1
    assert marks("BK-1")["withdrawn"] is True


def test_the_record_id_comes_from_lido_rec_id(tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<lido:lidoWrap xmlns:lido="http://www.lido-schema.org"><lido:lido>'
        '<lido:lidoRecID lido:type="local">adlib-4711</lido:lidoRecID>'
        '<lido:descriptiveMetadata xml:lang="nl"><lido:objectIdentificationWrap>'
        "<lido:titleWrap><lido:titleSet><lido:appellationValue>Kom</lido:appellationValue></lido:titleSet></lido:titleWrap>"
        '<lido:repositoryWrap><lido:repositorySet lido:type="current">'
        '<lido:workID lido:type="inventory number">BK-4711</lido:workID>'
        "</lido:repositorySet></lido:repositoryWrap>"
        "</lido:objectIdentificationWrap></lido:descriptiveMetadata>"
        "</lido:lido></lido:lidoWrap>",
        encoding="utf-8",
    )
    with LidoSource(path) as source:
        sync_catalogue(source, source_name="lido")
    assert marks("BK-4711") == {
        "from_catalogue": True,
        "source": "lido",
        "source_record_id": "adlib-4711",
        "withdrawn": False,
    }


@pytest.mark.shared_data
def test_the_tate_mapping_keeps_tates_record_id(shared_data):
    with CsvSource(
        shared_data / "catalogue/tate-artworks-sample.csv", Mapping.load(MAPPINGS_DIR / "tate.toml")
    ) as source:
        sync_catalogue(source, source_name="tate")
    item = DepotItem.objects.get(inventory_number="A00001")
    assert item.source == "tate" and item.source_record_id == "1035"


def test_the_command_names_the_source(tmp_path):
    path = tmp_path / "export-2026-11-29.jsonl"
    path.write_text('{"inventory_number": "BK-1", "title": "Een"}\n')
    call_command("import_catalogue", str(path), stdout=StringIO(), stderr=StringIO())
    assert marks("BK-1")["source"] == "jsonl"  # the format, not the dated file name
    call_command("import_catalogue", str(path), "--source", "Adlib", stdout=StringIO(), stderr=StringIO())
    assert marks("BK-1")["source"] == "Adlib"
