"""Speaker labels of transcripts: what the public may see for each.

A label is written by whoever transcribed the recording: "Interviewer", "Spreker 2", or
the narrator's name as they heard it, in capitals, without accents, with a hyphen.
Every public output (the player on the story page, the WebVTT export, the search
document and the database search's moments) shows a label only through
``speaker_names``, so they all show the same thing:

- a label that spells a person's full name or pseudonym becomes that person's public
  name (``Person.name_for_public``: the full name, the pseudonym or "Anonymous");
- a label that looks like someone's name but is nobody's (``looks_like_a_name``), or
  that is only the surname of someone not shown by full name ("SEMEDO"), is
  *withheld*: the public sees "Speaker", the curator sees the label listed in the
  transcript admin (``withheld_labels``), and can record the person or correct the label;
- any other label ("Interviewer", "Verteller", "Spreker 2", a single first name) is
  shown as written.

Matching is done here in Python on a folded key (``name_key``), never with the
database's case-insensitive lookups: SQLite's LIKE and LOWER fold ASCII only, so
"JOSÉ" never met "José" there, and the two databases answered differently. The key
folds case (``str.casefold``), compatibility forms (NFKC: full-width letters,
ligatures), accents (a transcriber typing in capitals often leaves them out: "JOSE"
must still be José) and punctuation and spacing ("Lopes-Semedo", a double space).
Folding accents can make two people's names meet ("Jose" and "José"); when that
happens the stricter choice wins: if any matching person is not shown by full name,
their public name is shown, never the label.

The names are resolved when shown, not stored with the segments: a person who chooses
a pseudonym after the transcript was imported is shown by it at once, everywhere.
All people are candidates, not only the story's: a pseudonymous narrator of one story
may speak in another's recording, and an index batch holds many stories' labels at
once. One query reads them (name columns only). The search index holds the names as
they were when a story was indexed: ``recordings_naming`` finds the recordings to
refresh when a person's names change, with the same matching.

The people are stories' ``Person`` records, and media sits below stories in the layers
(a story holds recordings; a recording knows no story), so this module does not import
them: stories registers a ``PeopleDirectory`` when it starts (``StoriesConfig.ready``,
``register_people``). The label rules stay here, beside the transcripts they read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Protocol

from django.core.exceptions import ImproperlyConfigured
from django.utils.text import capfirst
from django.utils.translation import gettext

_WORD = re.compile(r"\w+")

# Words that name a role, not a person (folded keys). They are not part of a name:
# "Verteller Maria" is one name-like word, "Interviewer Museum" too.
ROLE_WORDS = frozenset(
    (
        "interviewer",
        "interviewster",
        "interviewee",
        "geinterviewde",
        "narrator",
        "verteller",
        "vertelster",
        "spreker",
        "spreekster",
        "speaker",
        "stem",
        "voice",
        "presentator",
        "presentatrice",
        "host",
        "moderator",
        "gespreksleider",
        "tolk",
        "vertaler",
        "vertaalster",
        "translator",
        "interpreter",
        "deelnemer",
        "participant",
        "respondent",
        "publiek",
        "audience",
        "zaal",
        "onbekend",
        "onbekende",
        "unknown",
        "man",
        "vrouw",
        "woman",
        "kind",
        "child",
        "jongen",
        "meisje",
        "boy",
        "girl",
        "allen",
        "all",
        "iedereen",
        "everyone",
        "koor",
        "choir",
        "vraag",
        "antwoord",
        "question",
        "answer",
        "muziek",
        "music",
    )
)

# Lower-case words inside names ("Ana dos Santos", "Jan van der Berg").
NAME_PARTICLES = frozenset(
    (
        "de",
        "der",
        "den",
        "van",
        "vande",
        "het",
        "t",
        "ter",
        "ten",
        "te",
        "op",
        "in",
        "la",
        "le",
        "les",
        "du",
        "di",
        "da",
        "das",
        "do",
        "dos",
        "del",
        "della",
        "von",
        "zu",
        "und",
        "y",
        "e",
        "bin",
        "binti",
        "ibn",
        "bint",
        "al",
        "el",
        "ben",
        "ould",
        "mac",
        "st",
    )
)

_LABEL_WORDS = re.compile(r"[^\s()\[\]{},;:/|]+")


def name_key(text: str) -> str:
    """The folded form labels and names are compared in (see the module docstring)."""
    if text.isascii():  # most names: NFKC and NFKD change nothing, casefold is lower
        return " ".join(_WORD.findall(text.lower()))
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(_WORD.findall(text))


def _name_like(word: str) -> bool:
    """A word as a name is written: capitalised ("José", "O'Neill", "J."), or in a
    script without capitals (Arabic, Chinese...), where case tells nothing, so the word
    counts as name-like: withholding a role label there costs a curator's click,
    showing a name costs a person's privacy."""
    letters = [c for c in word if c.isalpha()]
    if not letters or any(c.isdigit() for c in word):
        return False
    first = letters[0]
    return first.isupper() or not first.islower()


def looks_like_a_name(label: str) -> bool:
    """True for a label that reads as a person's name: somewhere in it, two or more
    name-like words in a row, with only name particles ("de", "van", "dos") between
    them. Role words ("Verteller", "Interviewer"), numbers and other lower-case words
    break a run. So "Maria Lopes (interviewer)", "Verteller Maria Lopes", "MEVROUW
    SEMEDO" are names; "Interviewer", "Spreker 2", "Maria", "vrouw uit het publiek"
    are not. Deliberately strict in the direction of privacy: an unregistered two-word
    pseudonym is withheld too, until a curator records it on a person."""
    run = 0
    for word in _LABEL_WORDS.findall(unicodedata.normalize("NFKC", label or "")):
        key = name_key(word)
        if not key:
            continue  # punctuation alone ("-", "&")
        if key in ROLE_WORDS:
            run = 0
        elif _name_like(word):
            run += 1
            if run >= 2:
                return True
        elif key not in NAME_PARTICLES:
            run = 0
    return False


def withheld_label() -> str:
    """What the public sees for a withheld label ("Spreker" in Dutch)."""
    return capfirst(gettext("speaker"))


class SpeakerNames(dict):
    """Each label (as written) → what the public may see. ``withheld`` holds the labels
    that looked like names of nobody. ``shown(label)`` is how outputs read it: a label
    that was not resolved is withheld too, so no caller can fall back to the raw label."""

    def __init__(self, names=(), withheld=()):
        dict.__init__(self, names)
        self.withheld = set(withheld)

    def shown(self, label: str) -> str:
        if not label:
            return ""
        return self[label] if label in self else withheld_label()


class PeopleDirectory(Protocol):
    """How speaker labels read the people they may name (stories registers one).

    A row is ``(full name, pseudonym, name display)`` as the directory stores it; this
    module reads only the two names from it and hands the whole row back to ask."""

    def rows(self) -> Iterable[tuple]:
        """Every person's row, in a fixed order (the first match is always the same one),
        read as plain values (names only): this runs for every player and index batch."""

    def shown_by_full_name(self, row: tuple) -> bool:
        """True when the person chose to be shown by their full name."""

    def public_name(self, row: tuple) -> str:
        """What the public may see for the person: the full name, the pseudonym or "Anonymous"."""


_directory: PeopleDirectory | None = None


def register_people(directory: PeopleDirectory) -> None:
    """Stories registers its people here when it starts; registering again replaces it."""
    global _directory
    _directory = directory


def _people_directory() -> PeopleDirectory:
    # Loud, not an empty directory: with no people known, a pseudonym would not be matched.
    if _directory is None:
        raise ImproperlyConfigured(
            "No people directory for transcript speaker labels: the stories app registers it "
            "in StoriesConfig.ready (is 'stories' in INSTALLED_APPS?)."
        )
    return _directory


class _People:
    """Every person's names as folded keys: {key: [(full name, pseudonym, display)]} for
    full names and for pseudonyms, and the surnames (last name word) of the people not
    shown by full name, so that "SEMEDO:" alone does not name José Lopes Semedo.

    Read as plain rows in primary-key order (the first match is always the same one),
    public names made only for the people a label matches: this runs for every player
    and index batch, and its time grows with the number of people (measured on a busy
    two-core machine: 3-7 ms for 1,000 people, 50-70 ms for 10,000)."""

    def __init__(self, directory: PeopleDirectory):
        self.directory = directory
        self.by_full_name: dict[str, list[tuple]] = {}
        self.by_pseudonym: dict[str, list[tuple]] = {}
        self.hidden_surnames: set[str] = set()
        for row in directory.rows():
            full_name, pseudonym = row[0], row[1]
            full_key = name_key(full_name or "")
            if full_key:
                self.by_full_name.setdefault(full_key, []).append(row)
                if not directory.shown_by_full_name(row):
                    words = [word for word in full_key.split() if word not in NAME_PARTICLES]
                    if len(words) >= 2:
                        self.hidden_surnames.add(words[-1])
            if pseudonym:
                pseudonym_key = name_key(pseudonym)
                if pseudonym_key:
                    self.by_pseudonym.setdefault(pseudonym_key, []).append(row)

    def public_of(self, matches: list[tuple]) -> str:
        """Of several people a key matches, the public name of one not shown by full name
        (their name must not show through a namesake); else the first one's full name."""
        hidden = [row for row in matches if not self.directory.shown_by_full_name(row)]
        return self.directory.public_name((hidden or matches)[0])


def speaker_names(labels) -> SpeakerNames:
    """What the public may see for each label (see the module docstring). One query
    for any number of labels. A full-name match wins over a pseudonym match: a label
    that is one person's real name is never shown because it is another's pseudonym.
    A label that is only the surname of someone not shown by full name is withheld
    (it may be them or a relative: the curator decides), even when it is also someone
    else's name or pseudonym."""
    labels = {label for label in labels if label}
    if not labels:
        return SpeakerNames()
    people = _People(_people_directory())
    shown_by_full_name = people.directory.shown_by_full_name
    names, withheld = {}, set()
    for label in labels:
        key = name_key(label)
        full = people.by_full_name.get(key, [])
        if not all(shown_by_full_name(row) for row in full):
            names[label] = people.public_of(full)
        elif key in people.hidden_surnames:
            names[label] = withheld_label()
            withheld.add(label)
        elif full or key in people.by_pseudonym:
            names[label] = people.public_of(full or people.by_pseudonym[key])
        elif looks_like_a_name(label):
            names[label] = withheld_label()
            withheld.add(label)
        else:
            names[label] = label
    return SpeakerNames(names, withheld)


def recordings_naming(names) -> set[int]:
    """The recordings whose transcripts have a speaker label that ``speaker_names``
    would match to one of these names (full names or pseudonyms, in any spelling, or
    the surname of a full name): the search documents to refresh when a person's names
    or choice of display change. Two queries: the distinct labels (far fewer than the
    segments), folded here, then the recordings of the matching ones."""
    from media.models import Segment

    keys = {name_key(name) for name in names if name} - {""}
    keys |= {words[-1] for words in (key.split() for key in keys) if len(words) >= 2}
    if not keys:
        return set()
    labels = Segment.objects.exclude(speaker="").order_by().values_list("speaker", flat=True).distinct()
    matching = [label for label in labels if name_key(label) in keys]
    found: set[int] = set()
    for start in range(0, len(matching), 500):  # SQLite caps the parameters of one query
        found.update(
            Segment.objects.filter(speaker__in=matching[start : start + 500])
            .order_by()
            .values_list("transcript__media_id", flat=True)
            .distinct()
        )
    return found


def withheld_labels(transcript_ids) -> dict[int, list[str]]:
    """Per transcript, the labels held back from the public (for the curator), sorted.
    Two queries for any number of transcripts."""
    from media.models import Segment

    rows = set(
        Segment.objects.filter(transcript_id__in=list(transcript_ids))
        .exclude(speaker="")
        .values_list("transcript_id", "speaker")
        .distinct()
    )
    names = speaker_names({label for _, label in rows})
    out: dict[int, list[str]] = {}
    for transcript_id, label in rows:
        if label in names.withheld:
            out.setdefault(transcript_id, []).append(label)
    return {pk: sorted(found) for pk, found in out.items()}
