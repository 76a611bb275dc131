"""What recordings give the index: the transcript segments a story's document nests.

The stories' document type (stories/search_documents.py) asks this for the recordings
its stories play, so the reading of transcripts and speaker names stays with media.
"""

from media.models import Segment
from media.speakers import speaker_names
from search.documents import MAX_TRANSCRIPT_SEGMENTS


def transcript_segments(media_ids) -> dict[int, list[dict]]:
    """Per recording, its transcripts' segments as nested documents: start, public
    speaker name and text (in the field for the transcript's language), with the end
    (end_ms) for choosing a clip's part, which is not indexed. One query for the segments
    and one for the speakers' names, however many stories are in the batch."""

    if not media_ids:
        return {}
    rows = list(
        Segment.objects.filter(transcript__media_id__in=media_ids)
        .order_by("transcript__media_id", "transcript__language", "start_ms", "pk")
        .values_list("transcript__media_id", "transcript__language", "start_ms", "end_ms", "speaker", "text")
    )
    names = speaker_names({row[4] for row in rows})
    out: dict[int, list[dict]] = {}
    for media_id, language, start_ms, end_ms, speaker, text in rows:
        segments = out.setdefault(media_id, [])
        if len(segments) < MAX_TRANSCRIPT_SEGMENTS:
            text_field = "text_en" if (language or "").lower().startswith("en") else "text"
            segments.append({"start_ms": start_ms, "end_ms": end_ms, "speaker": names.shown(speaker), text_field: text})
    return out
