"""Streaming LIDO XML (v1.0 and v1.1): one record per ``lido:lido`` element.

The file is read with ``xml.etree.ElementTree.iterparse``; each ``lido:lido`` is turned
into a CatalogueRecord when its end tag is read and is then cleared and dropped from
its parent, so memory does not grow with the number of records. A single ``lido:lido``
root, a ``lido:lidoWrap`` and envelopes around them (an OAI-PMH response) all work.

What is taken from a record:

- inventory number: ``repositorySet/workID``, preferring one typed as the inventory
  number ("inventory number", "Inventarnummer", LIDO's lido00113), then the first
  workID of the current repository; without any, ``lidoRecID``;
- titles: every ``titleSet/appellationValue`` with its ``xml:lang`` (inherited from
  ``descriptiveMetadata``), preferred titles first: Dutch, else English, else the
  first; the English one also goes to title_en;
- makers: the actors of the production/creation (and design) events with their roles;
  acquisition, provenance, use, restoration events are never taken for maker or date;
- date: that event's displayDate, earliestDate and latestDate (as years; empty
  elements are allowed);
- object type, materials and technique, measurements, description, the first image
  link and a rights line (a licence from rightsWorkWrap or recordRights, with its
  credit line or rights holder).

Terms come either as ``lido:term`` or (LIDO 1.1) as an inline ``skos:Concept`` with
``skos:prefLabel`` in several languages; both are read, Dutch first, then English.
When a record repeats its descriptiveMetadata per language (LIDO 1.0), the Dutch,
else English, else first block is used, and titles come from all of them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from depot.importers.base import FileSource, SourceError
from depot.importers.records import (
    ITEM_FIELDS,
    CatalogueRecord,
    block,
    join_roles,
    one_line,
)

LIDO_NS = "http://www.lido-schema.org"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
L = f"{{{LIDO_NS}}}"
S = f"{{{SKOS_NS}}}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RDF_ABOUT = f"{{{RDF_NS}}}about"

LANGUAGES = ("nl", "en")  # in order of preference; then the record's first
_LANG_CODES = {
    "nld": "nl",
    "dut": "nl",
    "eng": "en",
    "deu": "de",
    "ger": "de",
    "fra": "fr",
    "fre": "fr",
    "ita": "it",
}

_PREFERRED = {"preferred", "http://terminology.lido-schema.org/lido00169"}
_ALTERNATIVE = {
    "alternate",
    "alternative",
    "http://terminology.lido-schema.org/lido00170",
}
_INVENTORY_TYPES = {
    "inventory number",
    "inventory",
    "inventarnummer",
    "inventarisnummer",
    "inv.nr.",
    "objectnummer",
}
_INVENTORY_URIS = ("lido00113",)

# event types, matched against term and label texts (lower case) and URIs (by ending);
# any other typed event (acquisition, provenance, use, restoration, ...) is ignored
_PRODUCTION_WORDS = {
    "production",
    "creation",
    "manufacture",
    "making",
    "herstellung",
    "vervaardiging",
    "productie",
    "creatie",
    "fabrication",
    "production event",
}
# LIDO terminology: lido00007 Production, lido00012 Creation, lido00224 Designing
_PRODUCTION_URIS = (
    "lido00007",
    "lido00012",
    "e12_production",
    "e65_creation",
    "/production",
    "/creation",
)
_DESIGN_WORDS = {"design", "designing", "entwurf", "ontwerp"}
_DESIGN_URIS = ("lido00224", "/design")
_LICENCE_HOSTS = ("creativecommons.org", "rightsstatements.org")

_P_DM = f"{L}descriptiveMetadata"
_P_AM = f"{L}administrativeMetadata"
_P_TITLES = f"{L}objectIdentificationWrap/{L}titleWrap/{L}titleSet"
_P_REPOSITORY = f"{L}objectIdentificationWrap/{L}repositoryWrap/{L}repositorySet"
_P_WORKTYPE = f"{L}objectClassificationWrap/{L}objectWorkTypeWrap/{L}objectWorkType"
_P_EVENTS = f"{L}eventWrap/{L}eventSet/{L}event"
_P_MEASUREMENTS = f"{L}objectIdentificationWrap/{L}objectMeasurementsWrap/{L}objectMeasurementsSet"
_P_DESCRIPTION = f"{L}objectIdentificationWrap/{L}objectDescriptionWrap/{L}objectDescriptionSet"
_P_RESOURCES = f"{L}resourceWrap/{L}resourceSet"
_P_RIGHTS_WORK = f"{L}rightsWorkWrap/{L}rightsWorkSet"
_P_RECORD_RIGHTS = f"{L}recordWrap/{L}recordRights"


class LidoSource(FileSource):
    position_unit = "record"
    format_name = "lido"
    fields = frozenset(ITEM_FIELDS)

    def __iter__(self):
        open_records = 0
        stack: list[ET.Element] = []
        number = 0
        root_tag = None
        try:
            for event, element in ET.iterparse(self._binary, events=("start", "end")):
                if event == "start":
                    if root_tag is None:
                        root_tag = element.tag
                    stack.append(element)
                    if element.tag == f"{L}lido":
                        open_records += 1
                    continue
                stack.pop()
                if element.tag == f"{L}lido":
                    open_records -= 1
                    if open_records:
                        continue  # a lido inside a lido: leave it to the outer one
                    number += 1
                    try:
                        yield read_record(element, number)
                    except Exception as error:  # a record we cannot make sense of is reported, not fatal
                        yield CatalogueRecord(
                            source_position=number,
                            position_unit="record",
                            problems=[f"could not read the record ({type(error).__name__}: {error})"],
                        )
                if not open_records:
                    # done with this element (a record, or a bit of envelope): let it go
                    element.clear()
                    if stack:
                        stack[-1].remove(element)
        except ET.ParseError as error:
            where = f"after record {number}" if number else "before the first record"
            raise SourceError(f"{self.name}: not well-formed XML ({error}), {where}") from None
        if number == 0:
            raise SourceError(
                f"{self.name}: no lido:lido records (namespace {LIDO_NS}) in the file; "
                f"the root element is {root_tag or 'missing'}"
            )


def read_records(source):
    """All records of a LIDO file (a path or binary stream), as a list; for tests and small files."""
    with LidoSource(source) as lido:
        return list(lido)


# --- one record ----------------------------------------------------------------


def read_record(lido: ET.Element, number: int) -> CatalogueRecord:
    record = CatalogueRecord(source_position=number, position_unit="record")
    record_lang = _lang(lido.get(XML_LANG))
    blocks = [(dm, _lang(dm.get(XML_LANG)) or record_lang) for dm in lido.findall(_P_DM)]
    main, main_lang = _choose_block(blocks)

    record.inventory_number = one_line(_inventory_number(lido, blocks))
    if not record.inventory_number:
        record.problems.append("no inventory number (no workID and no lidoRecID)")
    record.source_record_id = one_line(lido.findtext(f"{L}lidoRecID"))

    titles = []
    for dm, lang in blocks:
        for title_set in dm.iterfind(_P_TITLES):
            set_lang = _lang(title_set.get(XML_LANG)) or lang
            for value in title_set.iterfind(f"{L}appellationValue"):
                text = one_line(value.text)
                if text:
                    pref = value.get(f"{L}pref", "")
                    rank = 0 if pref in _PREFERRED else (2 if pref in _ALTERNATIVE else 1)
                    titles.append((_lang(value.get(XML_LANG)) or set_lang, rank, text))
    record.title = _pick(titles) or ""
    record.title_en = _pick([t for t in titles if t[0] == "en"]) or ""

    if main is None:
        return record

    work_types = []
    for work_type in main.iterfind(_P_WORKTYPE):
        label = _concept_label(work_type, main_lang)
        if label and label not in work_types:
            work_types.append(label)
    record.object_type = "; ".join(work_types)

    _read_events(record, main, main_lang)
    record.dimensions = _measurements(main, main_lang)
    record.description = _description(main, main_lang)

    admin = [(am, _lang(am.get(XML_LANG)) or record_lang) for am in lido.findall(_P_AM)]
    admin.sort(key=lambda pair: _language_rank(pair[1]))
    record.image_url = _image_link(admin)
    record.rights = _rights(admin)
    return record


def _lang(code) -> str:
    if not code:
        return ""
    code = code.strip().lower().replace("_", "-").split("-")[0]
    return _LANG_CODES.get(code, code)


def _language_rank(lang: str) -> int:
    return LANGUAGES.index(lang) if lang in LANGUAGES else len(LANGUAGES)


def _choose_block(blocks):
    if not blocks:
        return None, ""
    return min(blocks, key=lambda pair: _language_rank(pair[1]))


def _pick(candidates) -> str | None:
    """The text of the best (lang, rank, text) candidate: Dutch, English, else any; low rank first."""
    if not candidates:
        return None
    for lang in LANGUAGES:
        found = [c for c in candidates if c[0] == lang]
        if found:
            return min(found, key=lambda c: c[1])[2]
    return min(candidates, key=lambda c: c[1])[2]


def _labels(element: ET.Element, lang: str) -> list[tuple[str, int, str]]:
    """Candidate labels of a term-ish element: its lido:term children and skos:prefLabels."""
    out = []
    for term in element.iterfind(f"{L}term"):
        text = one_line(term.text)
        if text:
            added = term.get(f"{L}addedSearchTerm", "no").lower() == "yes"
            out.append((_lang(term.get(XML_LANG)) or lang, 2 if added else 0, text))
    for label in element.iterfind(f"{S}Concept/{S}prefLabel"):
        text = one_line(label.text)
        if text:
            out.append((_lang(label.get(XML_LANG)) or lang, 1, text))
    return out


def _concept_label(element: ET.Element | None, lang: str) -> str:
    if element is None:
        return ""
    return _pick(_labels(element, lang)) or ""


def _concept_uris(element: ET.Element) -> list[str]:
    uris = [one_line(c.text) for c in element.iterfind(f"{L}conceptID")]
    uris += [c.get(RDF_ABOUT, "") for c in element.iterfind(f"{S}Concept")]
    return [u for u in uris if u]


def _inventory_number(lido: ET.Element, blocks) -> str:
    typed, untyped = [], []
    for dm, _language in blocks:
        for repository in dm.iterfind(_P_REPOSITORY):
            kind = repository.get(f"{L}type", "").lower()
            former = "former" in kind or kind.endswith("lido01019")
            for work_id in repository.iterfind(f"{L}workID"):
                text = one_line(work_id.text)
                if not text:
                    continue
                id_type = work_id.get(f"{L}type", "").strip().lower()
                is_inventory = id_type in _INVENTORY_TYPES or id_type.endswith(_INVENTORY_URIS)
                (typed if is_inventory else untyped).append((former, text))
    for found in (typed, untyped):
        if found:
            return min(found, key=lambda pair: pair[0])[1]  # current repository before former ones
    return one_line(lido.findtext(f"{L}lidoRecID"))


# --- events: makers, date, materials ----------------------------------------------


def _event_kind(event: ET.Element, lang: str) -> str:
    event_type = event.find(f"{L}eventType")
    if event_type is None:
        return "untyped"
    words = {label[2].lower() for label in _labels(event_type, lang)}
    uris = [u.lower().rstrip("/") for u in _concept_uris(event_type)]
    if words & _PRODUCTION_WORDS or any(u.endswith(_PRODUCTION_URIS) for u in uris):
        return "production"
    if words & _DESIGN_WORDS or any(u.endswith(_DESIGN_URIS) for u in uris):
        return "design"
    if not words and not uris:
        return "untyped"
    return "other"


def _actors(event: ET.Element, lang: str) -> list[tuple[str, str]]:
    makers = []
    for event_actor in event.iterfind(f"{L}eventActor"):
        in_roles = event_actor.findall(f"{L}actorInRole")
        for in_role in in_roles:
            names = []
            for name_set in in_role.iterfind(f"{L}actor/{L}nameActorSet"):
                for value in name_set.iterfind(f"{L}appellationValue"):
                    text = one_line(value.text)
                    if text:
                        pref = value.get(f"{L}pref", "")
                        rank = 0 if pref in _PREFERRED else (2 if pref in _ALTERNATIVE else 1)
                        names.append((_lang(value.get(XML_LANG)) or "", rank, text))
            name = _pick(names)
            if not name:
                continue
            roles = [_concept_label(role, lang) for role in in_role.iterfind(f"{L}roleActor")]
            makers.append((name, ", ".join(r for r in roles if r)))
        if not in_roles:
            for display in event_actor.iterfind(f"{L}displayActorInRole"):
                text = one_line(display.text)
                if text:
                    makers.append((text, ""))
    return makers


def _read_events(record: CatalogueRecord, dm: ET.Element, lang: str) -> None:
    events = [(event, _event_kind(event, lang)) for event in dm.iterfind(_P_EVENTS)]
    production = [e for e, kind in events if kind == "production"]
    design = [e for e, kind in events if kind == "design"]
    untyped = [e for e, kind in events if kind == "untyped"]
    maker_events = [e for e, kind in events if kind in ("production", "design")] or untyped
    makers: list[tuple[str, str]] = []
    for event in maker_events:
        for maker in _actors(event, lang):
            if maker not in makers:
                makers.append(maker)
    record.maker = "; ".join(name for name, _role in makers)
    record.maker_role = join_roles([role for _name, role in makers])

    for event in production + design + untyped:
        event_date = event.find(f"{L}eventDate")
        if event_date is None:
            continue
        displays = [
            (_lang(d.get(XML_LANG)) or lang, 0, one_line(d.text))
            for d in event_date.iterfind(f"{L}displayDate")
            if one_line(d.text)
        ]
        earliest = event_date.findtext(f"{L}date/{L}earliestDate")
        latest = event_date.findtext(f"{L}date/{L}latestDate")
        if not displays and not (earliest or "").strip() and not (latest or "").strip():
            continue
        record.set_year("year_from", earliest)
        record.set_year("year_to", latest)
        record.date_text = _pick(displays) or _years_text(record.year_from, record.year_to)
        break

    for event in production + design + untyped:
        medium = _materials(event, lang)
        if medium:
            record.medium = medium
            break


def _years_text(start, end) -> str:
    if start is None and end is None:
        return ""
    if start is None or end is None or start == end:
        return str(start if start is not None else end)
    return f"{start}–{end}"


def _materials(event: ET.Element, lang: str) -> str:
    parts = []
    for wrap in event.iterfind(f"{L}eventMaterialsTech"):
        displays = [
            (_lang(d.get(XML_LANG)) or lang, 0, one_line(d.text))
            for d in wrap.iterfind(f"{L}displayMaterialsTech")
            if one_line(d.text)
        ]
        if displays:
            text = _pick(displays)
        else:
            terms = [_concept_label(term, lang) for term in wrap.iterfind(f"{L}materialsTech/{L}termMaterialsTech")]
            text = ", ".join(dict.fromkeys(t for t in terms if t))
        if text and text not in parts:
            parts.append(text)
    return "; ".join(parts)


# --- measurements, description ----------------------------------------------------


def _measurements(dm: ET.Element, lang: str) -> str:
    parts = []
    for measurement_set in dm.iterfind(_P_MEASUREMENTS):
        displays = [
            block(d.text) for d in measurement_set.iterfind(f"{L}displayObjectMeasurements") if one_line(d.text)
        ]
        if not displays:
            for values in measurement_set.iterfind(f"{L}objectMeasurements/{L}measurementsSet"):
                kind = one_line(values.findtext(f"{L}measurementType"))
                value = one_line(values.findtext(f"{L}measurementValue"))
                unit = one_line(values.findtext(f"{L}measurementUnit"))
                if value:
                    displays.append(" ".join(p for p in (f"{kind}:" if kind else "", value, unit) if p))
        for display in displays:
            for line in display.splitlines():
                line = line.strip()
                if line and line not in parts:
                    parts.append(line)
    return "; ".join(parts)


def _description(dm: ET.Element, lang: str) -> str:
    notes = []
    for description_set in dm.iterfind(_P_DESCRIPTION):
        for note in description_set.iterfind(f"{L}descriptiveNoteValue"):
            text = block(note.text)
            if text and text.strip("-–— ") and text not in [n[2] for n in notes]:
                notes.append((_lang(note.get(XML_LANG)) or lang, 0, text))
    if not notes:
        return ""
    langs = {n[0] for n in notes}
    best = next((code for code in LANGUAGES if code in langs), None)
    return "\n\n".join(n[2] for n in notes if best is None or n[0] == best)


# --- administrative: image, rights -----------------------------------------------


def _image_link(admin) -> str:
    links = []
    for order, (am, _language) in enumerate(admin):
        for position, resource_set in enumerate(am.iterfind(_P_RESOURCES)):
            try:
                sort = int(resource_set.get(f"{L}sortorder", "0") or 0)
            except ValueError:
                sort = 0
            for link in resource_set.iterfind(f"{L}resourceRepresentation/{L}linkResource"):
                url = one_line(link.text)
                if url.lower().startswith(("http://", "https://")):
                    links.append(((order, sort, position), url))
                    break
    return min(links)[1] if links else ""


def _is_licence(rights: ET.Element) -> bool:
    rights_type = rights.find(f"{L}rightsType")
    if rights_type is None:
        return False
    return any(host in uri for uri in _concept_uris(rights_type) for host in _LICENCE_HOSTS)


def _rights(admin) -> str:
    """The rights of the work (rightsWorkWrap) if given, else those of the record.

    Within that group a set with a licence URI (Creative Commons, RightsStatements)
    is preferred; its label is followed by its credit line or rights holder, else by
    those of another set in the same group.
    """
    sets = []
    for path in (_P_RIGHTS_WORK, _P_RECORD_RIGHTS):
        for am, lang in admin:
            sets += [(r, lang) for r in am.iterfind(path)]
        if sets:
            break
    if not sets:
        return ""
    licensed = [pair for pair in sets if _is_licence(pair[0])]
    main, lang = licensed[0] if licensed else sets[0]
    label = _concept_label(main.find(f"{L}rightsType"), lang)

    def credit(rights: ET.Element, lang: str) -> str:
        line = one_line(rights.findtext(f"{L}creditLine"))
        if line:
            return line
        names = [
            (_lang(v.get(XML_LANG)) or lang, 0, one_line(v.text))
            for v in rights.iterfind(f"{L}rightsHolder/{L}legalBodyName/{L}appellationValue")
            if one_line(v.text)
        ]
        return _pick(names) or ""

    holder = credit(main, lang)
    if not holder:
        holder = next((c for c in (credit(r, rl) for r, rl in sets) if c), "")
    return "; ".join(p for p in dict.fromkeys((label, holder)) if p)
