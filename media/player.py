"""What the player partial shows: the recording, its transcript as timed segments, the
start position from a deep link (``?t=12:34`` or ``?t=754``) and, for a clip, the range.

Built here so the template only loops. A fixed number of queries per player: the
transcripts, the segments, the speakers' public names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape as _escape_html

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from core.timecodes import clock, parse


@dataclass
class SegmentRow:
    start: float
    end: float
    clock: str
    t: str  # for ?t= links
    speaker: str  # public name; "" when the same speaker goes on
    text: str
    current: bool = False


@dataclass
class Track:
    url: str
    language: str
    label: str
    default: bool = False


@dataclass
class Player:
    media: object
    dom_id: str
    segments: list[SegmentRow] = field(default_factory=list)
    tracks: list[Track] = field(default_factory=list)
    transcript_url: str = ""
    transcript_language: str = ""
    start: float | None = None  # where playback starts (deep link or clip start)
    clip_start: float | None = None
    clip_end: float | None = None
    is_clip: bool = False

    @property
    def fragment(self) -> str:
        """A W3C media fragment so the browser starts there even without JavaScript."""
        start = self.start if self.start is not None else self.clip_start
        if start is None and self.clip_end is None:
            return ""
        text = f"#t={start or 0:g}"
        return text + (f",{self.clip_end:g}" if self.clip_end is not None else "")

    @property
    def rows_html(self) -> str:
        """The transcript's <li> rows. Written here rather than looped in the template:
        a three-hour interview has 4,000 rows, and the template loop took about two
        seconds; this takes a few milliseconds. Every value is escaped."""
        play_from = escape(gettext("Play from"))
        media_url = escape(self.media.url) if self.is_clip else ""
        anchor = escape(self.dom_id) + "-player"
        out = []
        for row in self.segments:
            start = f"{row.start:g}"
            href = f"{media_url}#t={start}" if self.is_clip else f"?t={row.t}#{anchor}"
            current = ' aria-current="true"' if row.current else ""
            speaker = f'<span class="transcript__speaker">{_escape_html(row.speaker)}:</span> ' if row.speaker else ""
            text = _escape_html(row.text).replace("\n", "<br>")
            out.append(
                f'<li class="transcript__item"><a class="transcript__segment" href="{href}" data-start="{start}" '
                f'data-end="{row.end:g}"{current}><span class="transcript__time"><span class="visually-hidden">'
                f"{play_from} </span>{row.clock}</span> {speaker}"
                f'<span class="transcript__text">{text}</span></a></li>'
            )
        return mark_safe("\n".join(out))  # noqa: S308 - built from escaped values above

    @property
    def duration_clock(self) -> str:
        return clock(self.media.duration) if self.media.duration else ""

    @property
    def start_clock(self) -> str:
        return clock(self.start) if self.start is not None else ""


def _pick(transcripts, preferred: str):
    for transcript in transcripts:
        if transcript.language and transcript.language.split("-")[0] == preferred:
            return transcript
    return transcripts[0] if transcripts else None


def build_player(media, request=None, dom_id="recording", language="", clip_start=None, clip_end=None) -> Player:
    from media.speakers import speaker_names

    player = Player(media=media, dom_id=dom_id, is_clip=clip_start is not None or clip_end is not None)
    player.clip_start, player.clip_end = clip_start, clip_end
    if player.is_clip:
        player.start = clip_start
    elif request is not None:
        requested = parse(request.GET.get("t", ""))
        if requested is not None and (not media.duration or requested < media.duration):
            player.start = requested
    transcripts = list(media.transcripts.all().order_by("language"))
    interface_language = (get_language() or "nl").split("-")[0]
    chosen = _pick(transcripts, (language or "").split("-")[0]) or _pick(transcripts, interface_language)
    for transcript in transcripts:
        url = reverse("media:transcript_webvtt", args=[transcript.pk])
        player.tracks.append(
            Track(
                url=url,
                language=transcript.language or "und",
                label=transcript.language or "",
                default=transcript is chosen,
            )
        )
    if chosen is None:
        return player
    player.transcript_url = reverse("media:transcript_webvtt", args=[chosen.pk])
    player.transcript_language = chosen.language
    segments = chosen.segments.order_by("start_ms", "pk")
    if clip_start is not None:
        segments = segments.filter(end_ms__gt=round(clip_start * 1000))
    if clip_end is not None:
        segments = segments.filter(start_ms__lt=round(clip_end * 1000))
    rows = list(segments.values_list("start_ms", "end_ms", "speaker", "text"))
    names = speaker_names({row[2] for row in rows})
    previous_voice = None
    position = player.start
    for start_ms, end_ms, speaker, text in rows:
        start, end = start_ms / 1000, end_ms / 1000
        # The same voice: the same public name ("JOSÉ" and "José" are one speaker), but
        # two withheld labels are two speakers, both shown as "Speaker".
        voice = (names.shown(speaker), speaker if speaker in names.withheld else "") if speaker else None
        shown = voice[0] if voice and voice != previous_voice else ""
        previous_voice = voice or previous_voice
        at = clock(start)  # whole seconds: also the ?t= value (t_param)
        player.segments.append(
            SegmentRow(
                start=start,
                end=end,
                clock=at,
                t=at,
                speaker=shown,
                text=text,
                current=position is not None and start <= position < end,
            )
        )
    return player
