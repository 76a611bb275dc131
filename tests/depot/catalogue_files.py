"""Small catalogue exports written by the tests, and a sync straight from one."""

from depot.importers.csv_source import CsvSource
from depot.importers.sync import sync_catalogue

HEADER = "inventory_number,title,maker,year_from,year_to\n"


def write_csv(tmp_path, rows, name="export.csv", header=HEADER):
    """A UTF-8 CSV export with the given header line and data lines."""
    path = tmp_path / name
    path.write_text(header + "".join(rows), encoding="utf-8")
    return path


def sync_csv(path, **kwargs):
    with CsvSource(path) as source:
        return sync_catalogue(source, **kwargs)
