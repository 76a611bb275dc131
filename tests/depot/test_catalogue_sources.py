"""Reading catalogue exports (CSV, JSON Lines, LIDO) into records; no database involved."""

import json
import tracemalloc

import pytest

from depot.importers import MAPPINGS_DIR, open_source
from depot.importers.base import SourceError
from depot.importers.csv_source import CsvSource
from depot.importers.jsonl_source import JsonLinesSource
from depot.importers.lido_source import LidoSource, read_records
from depot.importers.mapping import Mapping, MappingError
from depot.importers.records import parse_year

TATE_MAPPING = MAPPINGS_DIR / "tate.toml"


def lido_file(tmp_path, *records, wrap=True, name="export.xml"):
    body = "".join(records)
    if wrap:
        body = f'<lido:lidoWrap xmlns:lido="http://www.lido-schema.org">{body}</lido:lidoWrap>'
    path = tmp_path / name
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n{body}', encoding="utf-8")
    return path


def lido_record(
    number="BK-1",
    titles=(("nl", "Draagdoek"),),
    earliest="1950",
    latest="1960",
    extra="",
):
    title_xml = "".join(
        f'<lido:titleSet><lido:appellationValue xml:lang="{lang}">{text}</lido:appellationValue></lido:titleSet>'
        for lang, text in titles
    )
    return f"""<lido:lido xmlns:lido="http://www.lido-schema.org">
      <lido:lidoRecID lido:type="local">rec-{number}</lido:lidoRecID>
      <lido:descriptiveMetadata xml:lang="nl">
        <lido:objectIdentificationWrap>
          <lido:titleWrap>{title_xml}</lido:titleWrap>
          <lido:repositoryWrap><lido:repositorySet>
            <lido:workID lido:type="inventory number">{number}</lido:workID>
          </lido:repositorySet></lido:repositoryWrap>
        </lido:objectIdentificationWrap>
        <lido:eventWrap><lido:eventSet><lido:event>
          <lido:eventType><lido:term>vervaardiging</lido:term></lido:eventType>
          <lido:eventActor><lido:actorInRole>
            <lido:actor><lido:nameActorSet><lido:appellationValue>Onbekend</lido:appellationValue></lido:nameActorSet></lido:actor>
            <lido:roleActor><lido:term>maker</lido:term></lido:roleActor>
          </lido:actorInRole></lido:eventActor>
          <lido:eventDate><lido:date>
            <lido:earliestDate>{earliest}</lido:earliestDate><lido:latestDate>{latest}</lido:latestDate>
          </lido:date></lido:eventDate>
        </lido:event></lido:eventSet></lido:eventWrap>
        {extra}
      </lido:descriptiveMetadata>
    </lido:lido>"""


# --- LIDO: the official CIDOC examples ----------------------------------------------


@pytest.mark.shared_data
def test_lido_v11_la_primavera(shared_data):
    (record,) = read_records(shared_data / "lido/official/LIDO-v1.1-Example_FMobj00154983-LaPrimavera.xml")
    assert record.problems == []
    assert record.inventory_number == "8360 (Inv. 1890)"
    # titles in it, en, de and fr; no Dutch one, so English is the title and title_en
    assert record.title == "Spring"
    assert record.title_en == "Spring"
    assert record.maker == "Botticelli, Sandro"
    assert "painter" in record.maker_role  # an inline skos:Concept, "painters (artists)"
    assert (record.year_from, record.year_to) == (1480, 1485)
    assert record.date_text == "um 1480 oder 1482/1485"  # the production event, not the restoration
    assert record.object_type == "painting (visual work)"
    assert record.dimensions == "203 x 314 cm"
    assert record.description.startswith("Das berühmte Bild")
    assert record.image_url.startswith("http://www.bildindex.de/bilder/")
    assert record.rights.startswith("No Copyright")
    assert (record.source_position, record.position) == (1, "record 1")


@pytest.mark.shared_data
def test_lido_v10_la_primavera_uses_the_english_block(shared_data):
    """LIDO 1.0 repeats descriptiveMetadata per language (en, de): the English one is used."""
    (record,) = read_records(shared_data / "lido/official/LIDO-Example_FMobj00154983-LaPrimavera.xml")
    assert record.inventory_number == "8360 (Inv. 1890)"
    assert record.title == "La Primavera / Spring"
    assert record.maker == "Botticelli, Sandro"
    assert record.maker_role == "painter"  # not "Maler" from the German block
    assert (record.year_from, record.year_to) == (1482, 1482)
    assert record.object_type == "painting"
    assert "tempera" in record.medium


@pytest.mark.shared_data
@pytest.mark.parametrize(
    "name",
    [
        "LIDO-Example_FMobj20344012-Fontana_del_Moro.xml",
        "LIDO-v1.1-Example_FMobj20344012-Fontana_del_Moro.xml",
    ],
)
def test_lido_wrap_with_three_records(shared_data, name):
    records = read_records(shared_data / "lido/official" / name)
    assert [r.source_position for r in records] == [1, 2, 3]
    assert all(r.problems == [] for r in records)
    assert all(r.title.startswith("Fontana del Moro") for r in records)
    # no workID in these records: the lidoRecID is the number
    numbers = [r.inventory_number for r in records]
    assert len(set(numbers)) == 3 and all(n.startswith("DE-Mb112/lido") for n in numbers)
    # the Moor: designed by Bernini, carved by Mari
    assert "Bernini" in records[2].maker and "Mari, Giovanni Antonio" in records[2].maker
    assert records[2].year_from == 1654
    assert records[1].year_from == 1575 and records[1].year_to == 1576


# --- LIDO: real exports --------------------------------------------------------------


@pytest.mark.shared_data
def test_lido_kenom_chunk(shared_data):
    records = read_records(shared_data / "lido/real/kenom_oai_chunk20.xml")
    assert len(records) == 20
    assert all(r.problems == [] for r in records), [r.problems for r in records if r.problems]
    assert len({r.inventory_number for r in records}) == 20
    assert all(r.inventory_number.startswith("Rasmussen ") for r in records)
    first = records[0]
    assert first.inventory_number == "Rasmussen 304"
    # the production event's odd display date "7.1921" and its ISO range 1921-07-01..1921-07-31;
    # the acquisition ("August 2005") and the publication event with empty dates are not used
    assert first.date_text == "7.1921"
    assert (first.year_from, first.year_to) == (1921, 1921)
    assert "Büsum" in first.maker
    assert first.maker_role == "Drucker; Münzstand"
    assert first.object_type == "Geldschein / Notgeld"
    assert first.dimensions == "Höhe: 58 mm; Breite: 92 mm"
    assert first.rights == "Attribution 4.0 (CC BY 4.0); Schleswig-Holsteinische Landesbibliothek"
    assert first.image_url.startswith("https://www.kenom.de/iiif/")
    dates = {r.date_text for r in records}
    assert {"1921?", "08.1923", "15.3.1921"} <= dates


@pytest.mark.shared_data
def test_lido_deutsches_museum_enigma(shared_data):
    (record,) = read_records(shared_data / "lido/real/ddb_Deutsches_Museum.xml")
    assert record.inventory_number == "1993-522"
    assert record.title == "Chiffriermaschine Enigma I"
    assert record.maker == "Chiffriermaschinen AG; Scherbius, Arthur; Korn, Willi"
    assert record.maker_role == "Hersteller; Erfinder/in; Erfinder/in"
    assert (record.year_from, record.year_to) == (1939, 1939)
    assert record.object_type == "cipher machine"
    assert "Eiche" in record.medium
    assert record.description.startswith("Die elektromechanische Rotor-Chiffriermaschine")
    assert "-" not in record.description.split("\n")  # the "-" placeholders are left out
    assert record.rights.startswith("CC0 1.0")


@pytest.mark.shared_data
def test_lido_single_record_without_work_id(shared_data):
    (record,) = read_records(shared_data / "lido/real/ddb_Bildarchiv_Foto_Marburg.xml")
    assert record.inventory_number == "DE-Mb112/lido/obj/20270079"
    assert (record.year_from, record.year_to) == (1872, 1881)
    assert record.maker_role == "Entwerfer"


# --- LIDO: edge cases ----------------------------------------------------------------


def test_lido_prefers_dutch_title_and_keeps_english(tmp_path):
    path = lido_file(
        tmp_path,
        lido_record(titles=(("en", "Carrying cloth"), ("nl", "Draagdoek"), ("de", "Tragetuch"))),
    )
    (record,) = read_records(path)
    assert (record.title, record.title_en) == ("Draagdoek", "Carrying cloth")


def test_lido_empty_date_elements_are_no_problem(tmp_path):
    (record,) = read_records(lido_file(tmp_path, lido_record(earliest="", latest="")))
    assert record.problems == []
    assert (record.year_from, record.year_to, record.date_text) == (None, None, "")


def test_lido_bad_year_is_a_problem_of_that_record_only(tmp_path):
    path = lido_file(
        tmp_path,
        lido_record("A"),
        lido_record("B", earliest="circa 1900"),
        lido_record("C"),
    )
    records = read_records(path)
    assert [r.inventory_number for r in records] == ["A", "B", "C"]
    assert records[0].problems == [] and records[2].problems == []
    assert records[1].problems == ["year_from: 'circa 1900' is not a year"]


def test_lido_without_any_identifier(tmp_path):
    record_xml = lido_record("X").replace('<lido:lidoRecID lido:type="local">rec-X</lido:lidoRecID>', "")
    record_xml = record_xml.replace('<lido:workID lido:type="inventory number">X</lido:workID>', "")
    (record,) = read_records(lido_file(tmp_path, record_xml))
    assert record.problems == ["no inventory number (no workID and no lidoRecID)"]


def test_lido_single_root_record(tmp_path):
    (record,) = read_records(lido_file(tmp_path, lido_record("Z-9"), wrap=False))
    assert record.inventory_number == "Z-9"


def test_lido_broken_xml_stops_with_source_error_after_the_good_records(tmp_path):
    path = tmp_path / "cut.xml"
    text = lido_file(tmp_path, lido_record("A"), lido_record("B")).read_text()
    path.write_text(text[: text.index("rec-B") + 20])  # cut off in the middle of record 2
    seen = []
    with pytest.raises(SourceError, match="not well-formed XML.*after record 1"):
        with LidoSource(path) as source:
            for record in source:
                seen.append(record.inventory_number)
    assert seen == ["A"]


@pytest.mark.parametrize(
    "content, message",
    [
        ("this is not xml", "not well-formed"),
        ("", "not well-formed"),
        ("<catalogue><item/></catalogue>", "no lido:lido records"),
    ],
)
def test_lido_unreadable_files(tmp_path, content, message):
    path = tmp_path / "export.xml"
    path.write_text(content)
    with pytest.raises(SourceError, match=message):
        read_records(path)


def _write_lido(path, count):
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<lido:lidoWrap xmlns:lido="http://www.lido-schema.org">')
        for n in range(count):
            out.write(lido_record(f"M-{n}", titles=(("nl", f"Voorwerp {n} " + "lang " * 40),)))
        out.write("</lido:lidoWrap>")


def _peak_while_reading(path):
    tracemalloc.start()
    try:
        count = 0
        with LidoSource(path) as source:
            for _record in source:
                count += 1
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_lido_memory_stays_flat(tmp_path):
    """Ten times the records, about the same peak: records are cleared as they are read."""
    small, large = tmp_path / "small.xml", tmp_path / "large.xml"
    _write_lido(small, 100)
    _write_lido(large, 1000)
    count_small, peak_small = _peak_while_reading(small)
    count_large, peak_large = _peak_while_reading(large)
    assert (count_small, count_large) == (100, 1000)
    assert peak_large < peak_small * 2, (peak_small, peak_large)


# --- CSV ----------------------------------------------------------------------------


@pytest.mark.shared_data
def test_tate_csv_sample(shared_data):
    with CsvSource(shared_data / "catalogue/tate-artworks-sample.csv", Mapping.load(TATE_MAPPING)) as source:
        records = list(source)
        assert "acno" in source.header
        assert source.fields >= {"title", "maker", "year_from", "image_url"}
        assert "description" not in source.fields  # not mapped: left alone on sync
    assert len(records) == 1000
    assert all(r.problems == [] for r in records), [(r.position, r.problems) for r in records if r.problems][:5]
    first = records[0]
    assert first.inventory_number == "A00001"
    assert first.source_position == 2  # line 1 is the header
    assert first.maker == "Robert Blake" and first.maker_role == "artist"
    assert first.date_text == "date not known"
    assert first.year_from is None  # empty dateRange cell
    assert first.image_url == "http://www.tate.org.uk/art/images/work/A/A00/A00001_8.jpg"
    assert first.rights == "Presented by Mrs John Richmond 1922"
    second = records[1]
    assert (second.date_text, second.year_from, second.year_to) == (
        "c.1872",
        1872,
        1872,
    )
    assert second.title == "Study of a Female Head for ‘The Hours’"
    # quoted cells span lines: positions are the lines the rows start on, not row numbers
    assert records[-1].source_position > 1001
    assert all("\r" not in r.title and "\r" not in r.medium for r in records)
    by_number = {r.inventory_number: r for r in records}
    assert by_number["T04010"].maker == "John Constable; David Lucas"
    assert by_number["T04010"].maker_role == "artist"  # both are artists
    assert len(by_number) == 1000


@pytest.mark.shared_data
def test_csv_with_bom_header(shared_data):
    """The Tate artists file starts with a UTF-8 BOM: the first column is still called "id"."""
    mapping = Mapping.from_dict({"fields": {"inventory_number": "id", "title": "name", "date_text": "dates"}})
    with CsvSource(shared_data / "catalogue/tate-artists-sample.csv", mapping) as source:
        records = list(source)
        assert source.header[0] == "id"
    assert len(records) == 310
    assert (records[0].inventory_number, records[0].title) == ("622", "Abrahams, Ivor")


def test_csv_bom_crlf_and_newlines_in_quotes(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(
        "\ufeffinventory_number,title,description,year_from\r\n"
        'BK-1,"Draagdoek, rood","Eerste regel\r\ntweede regel",1950\r\n'
        "BK-2,Kom,,\r\n".encode()
    )
    with CsvSource(path) as source:  # no mapping: columns named like the fields
        records = list(source)
        assert source.fields == {"title", "description", "year_from"}
    assert [(r.inventory_number, r.source_position) for r in records] == [
        ("BK-1", 2),
        ("BK-2", 4),
    ]
    assert records[0].title == "Draagdoek, rood"
    assert records[0].description == "Eerste regel\ntweede regel"
    assert records[0].year_from == 1950 and records[1].year_from is None


BROKEN_CSV = (
    "inventory_number,title,year_from\n"  # line 1
    "BK-1,Goed,1950\n"  # 2
    "BK-2,Te veel,cellen,1950\n"  # 3: four cells
    "BK-3,Geen jaar,ongeveer 1900\n"  # 4: not a year
    ",Zonder nummer,1960\n"  # 5: no inventory number
    'BK-5,"Nooit gesloten,1970\n'  # 6: a quote that never closes...
    "BK-6,Na de fout,1980\n"  # 7: ...must not swallow these lines
    "\n"  # 8: blank
    "BK-7,Laatste,1990\n"  # 9
)


def test_csv_bad_rows_become_records_with_problems(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text(BROKEN_CSV)
    with CsvSource(path) as source:
        records = list(source)
    summary = [(r.source_position, r.inventory_number, r.problems) for r in records]
    assert summary[0] == (2, "BK-1", [])
    assert summary[1] == (3, "BK-2", ["the row has 4 cells where the header has 3"])
    assert summary[2] == (4, "BK-3", ["year_from: 'ongeveer 1900' is not a year"])
    assert summary[3] == (5, "", ["no inventory number"])
    assert summary[4][0:2] == (6, "BK-5")
    assert "never closed" in summary[4][2][0]
    assert summary[5:] == [(7, "BK-6", []), (9, "BK-7", [])]
    assert records[5].year_from == 1980


def test_csv_cell_with_bad_json(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text('acno,title,contributors\nX1,Iets,"[{""fc"": ""A""}"\nX2,Ander,"[{""fc"": ""B""}]"\n')
    mapping = Mapping.from_dict(
        {
            "fields": {
                "inventory_number": "acno",
                "title": "title",
                "maker": "contributors[0].fc",
            }
        }
    )
    with CsvSource(path, mapping) as source:
        first, second = list(source)
    assert first.problems and first.problems[0].startswith("maker: column 'contributors' does not hold valid JSON")
    assert (second.problems, second.maker) == ([], "B")


def test_csv_empty_file(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("")
    with pytest.raises(SourceError, match="empty"):
        CsvSource(path)


# --- mappings -------------------------------------------------------------------------


def test_tate_mapping_loads():
    mapping = Mapping.load(TATE_MAPPING)
    assert mapping.fields["inventory_number"][0].column == "acno"
    assert mapping.fields["maker"][0].steps == (("all", None), ("key", "fc"))


@pytest.mark.parametrize(
    "toml, message",
    [
        ('[fields]\ntitle = "title"\n', "inventory_number"),
        ('[fields]\ninventory_number = "a"\ncolour = "b"\n', "unknown field"),
        ('[fields]\ninventory_number = "a[x]"\n', "cannot read the path"),
        (
            '[fields]\ninventory_number = "a"\n[csv]\ndelimiter = ";;"\n',
            "one character",
        ),
        ("[fields\n", "cannot read the mapping"),
        ("", "no \\[fields\\] table"),
    ],
)
def test_bad_mappings(tmp_path, toml, message):
    path = tmp_path / "mapping.toml"
    path.write_text(toml)
    with pytest.raises(MappingError, match=message):
        Mapping.load(path)


def test_mapping_naming_a_column_the_file_lacks(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("nummer,titel\nBK-1,Kom\n")
    mapping = Mapping.from_dict({"fields": {"inventory_number": "nummer", "title": "naam"}})
    with pytest.raises(MappingError, match="not in the file: title"):
        CsvSource(path, mapping)


def test_csv_without_mapping_needs_an_inventory_number_column(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("nummer,titel\nBK-1,Kom\n")
    with pytest.raises(MappingError, match="no inventory_number column"):
        CsvSource(path)


# --- JSON Lines ------------------------------------------------------------------------


def test_json_lines_with_mapping(tmp_path):
    path = tmp_path / "export.jsonl"
    lines = [
        json.dumps(
            {
                "id": "J-1",
                "titles": {"nl": "Kom", "en": "Bowl"},
                "makers": [{"name": "A", "role": "pottenbakker"}],
                "dated": {"from": 1901, "to": "1905"},
            }
        ),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "J-2", "titles": {"nl": "Schaal"}, "dated": {"from": "rond 1900"}}),
    ]
    path.write_text("\n".join(lines) + "\n")
    mapping = Mapping.from_dict(
        {
            "fields": {
                "inventory_number": "id",
                "title": "titles.nl",
                "title_en": "titles.en",
                "maker": "makers[*].name",
                "maker_role": "makers[*].role",
                "year_from": "dated.from",
                "year_to": "dated.to",
            }
        }
    )
    with JsonLinesSource(path, mapping) as source:
        records = list(source)
    assert [r.source_position for r in records] == [1, 3, 4, 5]
    good = records[0]
    assert (
        good.inventory_number,
        good.title,
        good.title_en,
        good.maker,
        good.maker_role,
    ) == (
        "J-1",
        "Kom",
        "Bowl",
        "A",
        "pottenbakker",
    )
    assert (good.year_from, good.year_to) == (1901, 1905)
    assert records[1].problems[0].startswith("the line is not valid JSON")
    assert records[2].problems == ["the line holds a JSON list, not an object"]
    assert records[3].problems == ["year_from: 'rond 1900' is not a year"]


def test_open_source_guesses_the_format(tmp_path):
    path = tmp_path / "export.txt"
    path.write_text("x")
    with pytest.raises(SourceError, match="--format"):
        open_source(path)


@pytest.mark.parametrize(
    "value, year",
    [
        (1872, 1872),
        ("1872", 1872),
        (" 1872 ", 1872),
        ("1872.0", 1872),
        (1872.0, 1872),
        ("-500", -500),
        ("1921-07-01", 1921),
        ("1510-05-17", 1510),
        ("", None),
        (None, None),
    ],
)
def test_parse_year(value, year):
    assert parse_year(value) == year


@pytest.mark.parametrize("value", ["c.1830", "1830–41", "onbekend", True, 1872.5, "123456", [1900]])
def test_parse_year_rejects(value):
    with pytest.raises(ValueError):
        parse_year(value)
