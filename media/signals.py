"""A transcript's words are part of the search documents of the stories that present its
recording, so a changed or deleted transcript queues those stories (search outbox)."""

from django.db.models.signals import post_save, pre_delete


def _queue_stories_of(media_id):
    from media.access import story_ids_presenting
    from search.indexing import queue

    queue({f"story:{pk}" for pk in story_ids_presenting(media_id)})


def on_transcript_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _queue_stories_of(instance.media_id)


def on_transcript_deleted(sender, instance, **kwargs):
    # pre_delete: when the recording itself is deleted, stories still point at it here.
    _queue_stories_of(instance.media_id)


def connect():
    from media.models import Transcript

    post_save.connect(on_transcript_saved, sender=Transcript, dispatch_uid="media-transcript-saved")
    pre_delete.connect(on_transcript_deleted, sender=Transcript, dispatch_uid="media-transcript-deleted")
