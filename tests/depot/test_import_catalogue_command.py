"""manage.py import_catalogue end to end."""

import csv
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from depot.models import DepotCollection, DepotItem

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_catalogue", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.shared_data
def test_tate_csv_end_to_end(shared_data, tmp_path):
    report = tmp_path / "report.csv"
    path = shared_data / "catalogue/tate-artworks-sample.csv"
    args = [
        path,
        "--mapping",
        "tate",
        "--collection",
        "tate",
        "--collection-name",
        "Tate",
        "--report",
        report,
    ]
    out, err = run(*args)
    assert "created 1000, updated 0, unchanged 0, withdrawn 0, failed 0" in out
    assert "records/s" in out and "records/s" in err  # summary on stdout, progress on stderr
    assert DepotCollection.objects.get(slug="tate").name == "Tate"
    assert DepotItem.objects.filter(collection__slug="tate").count() == 1000
    assert report.read_text().splitlines() == ["position,inventory_number,outcome,reason"]

    out, _err = run(*args)
    assert "created 0, updated 0, unchanged 1000, withdrawn 0, failed 0" in out


@pytest.mark.shared_data
def test_lido_wrap_end_to_end(shared_data):
    out, _err = run(shared_data / "lido/real/kenom_oai_chunk20.xml", "--collection", "notgeld")
    assert "created 20, updated 0, unchanged 0, withdrawn 0, failed 0" in out
    assert DepotItem.objects.filter(collection__slug="notgeld").count() == 20


def test_broken_rows_end_to_end(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("inventory_number,title,year_from\nBK-1,Een,1900\nBK-2,Twee,negentienhonderd\nBK-3,Drie,\n")
    report = tmp_path / "report.csv"
    out, _err = run(path, "--collection", "textiel", "--report", report)
    assert "created 2, updated 0, unchanged 0, withdrawn 0, failed 1" in out
    with report.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows == [
        {
            "position": "line 3",
            "inventory_number": "BK-2",
            "outcome": "failed",
            "reason": "year_from: 'negentienhonderd' is not a year",
        }
    ]


def test_problems_go_to_stderr_without_a_report(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("inventory_number,title,year_from\nBK-1,Een,later\n")
    out, err = run(path)
    assert "failed 1" in out
    assert "line 2: BK-1: year_from: 'later' is not a year" in err


def test_dry_run_and_withdraw_missing(tmp_path):
    textiel = DepotCollection.objects.create(slug="textiel", name="Textiel")
    DepotItem.objects.create(inventory_number="OLD-1", title="Weg", collection=textiel, from_catalogue=True)
    path = tmp_path / "export.jsonl"
    path.write_text('{"inventory_number": "BK-1", "title": "Een"}\n')
    out, _err = run(path, "--collection", "textiel", "--withdraw-missing", "--dry-run")
    assert "created 1, updated 0, unchanged 0, withdrawn 1, failed 0 (dry run: nothing was written)" in out
    assert list(DepotItem.objects.values_list("inventory_number", "withdrawn")) == [("OLD-1", False)]

    out, _err = run(path, "--collection", "textiel", "--withdraw-missing")
    assert "created 1, updated 0, unchanged 0, withdrawn 1, failed 0" in out
    assert DepotItem.objects.get(inventory_number="OLD-1").withdrawn is True


def test_skip_index_leaves_the_index_bookkeeping_alone(tmp_path):
    from search.models import PendingIndexUpdate

    path = tmp_path / "export.csv"
    path.write_text("inventory_number,title\nBK-1,Een\n")
    out, _err = run(path, "--skip-index")
    assert "created 1" in out and "manage.py search_rebuild" in out
    assert DepotItem.objects.exists() and not PendingIndexUpdate.objects.exists()


def test_dry_run_does_not_create_the_collection(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("inventory_number,title\nBK-1,Een\n")
    out, _err = run(path, "--collection", "nieuw", "--dry-run")
    assert "created 1" in out
    assert not DepotCollection.objects.exists() and not DepotItem.objects.exists()


def test_a_cut_off_lido_file_keeps_what_was_read_and_fails(tmp_path):
    record = (
        '<lido:lido><lido:lidoRecID>{n}</lido:lidoRecID><lido:descriptiveMetadata xml:lang="nl">'
        "<lido:objectIdentificationWrap><lido:titleWrap><lido:titleSet><lido:appellationValue>Ding {n}"
        "</lido:appellationValue></lido:titleSet></lido:titleWrap></lido:objectIdentificationWrap>"
        "</lido:descriptiveMetadata></lido:lido>"
    )
    text = '<lido:lidoWrap xmlns:lido="http://www.lido-schema.org">' + record.format(n="A") + record.format(n="B")
    path = tmp_path / "cut.xml"
    path.write_text(text[:-30])
    DepotCollection.objects.create(slug="c", name="C")
    with pytest.raises(CommandError, match="not well-formed XML"):
        run(path, "--collection", "c", "--withdraw-missing")
    assert list(DepotItem.objects.values_list("inventory_number", flat=True)) == ["A"]


@pytest.mark.parametrize(
    "make, args, message",
    [
        (None, [], "file not found"),
        ("export.txt", [], "--format"),
        ("export.xml", [], "not well-formed"),
        ("export.csv", ["--mapping", "{tmp}/nope.toml"], "mapping file not found"),
        ("export.csv", ["--mapping", "{tmp}/bad.toml"], "inventory_number"),
        ("export.xml", ["--mapping", "tate"], "LIDO has fixed fields"),
        ("export.csv", ["--withdraw-missing"], "needs --collection"),
    ],
)
def test_unusable_input_is_a_command_error(tmp_path, make, args, message):
    (tmp_path / "bad.toml").write_text('[fields]\ntitle = "title"\n')
    path = tmp_path / (make or "missing.csv")
    if make:
        path.write_text("inventory_number,title\nBK-1,Een\n" if make.endswith(".csv") else "not xml at all")
    with pytest.raises(CommandError, match=message):
        run(path, *(a.format(tmp=tmp_path) for a in args))
    assert not DepotItem.objects.exists()
