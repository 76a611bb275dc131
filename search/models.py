"""Index bookkeeping: updates waiting to reach the engine, and the rebuild in progress."""

from django.db import models


class PendingIndexUpdate(models.Model):
    """A document whose index entry must be brought up to date (an outbox row).

    Written in the same transaction as the change that caused it, so no update is
    lost when the engine is down or the worker dies; removed only once the engine
    has taken it. ``version`` grows on every new change, so a worker never removes a
    row that changed again while it was working.
    """

    key = models.CharField(max_length=64, unique=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["updated_at", "pk"]

    def __str__(self):
        return f"{self.key} (v{self.version})"


class IndexBuild(models.Model):
    """A versioned index being filled by a rebuild; live updates are written to it too."""

    name = models.CharField(max_length=200, unique=True)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    documents = models.PositiveIntegerField(default=0)

    def __str__(self):
        return self.name
