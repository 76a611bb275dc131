"""Contributions as the form would have made them, with real files in private storage."""

import secrets

from django.core.files.uploadedfile import SimpleUploadedFile

from contributions.models import Contribution, ContributionFile
from contributions.services.submissions import reference_for
from contributions.services.uploads import store_upload
from stories.models import Language
from tests.contributions import media


def make_contribution(community, *, files=(), **fields) -> Contribution:
    """A received contribution with the given (name, bytes) files stored for real."""
    values = {
        "community": community,
        "kind": "story",
        "title": f"Verhaal voor {community.title}",
        "text": "Mijn moeder naaide in de Katendrechtse Lagedijk.\n\nZe zong daarbij.",
        "language": Language.objects.get(code="nl"),
        "name_display": "pseudonym",
        "full_name": "Echte Naam",
        "pseudonym": "Nha Nina",
        "email": "sender@example.org",
        "consent_uses": ["online", "exhibition"],
        "licence": "https://creativecommons.org/licenses/by-nc/4.0/",
        "consent_text_version": "2026-1",
        "sender_address_hash": "0" * 64,
        "form_token": secrets.token_urlsafe(32),
    }
    values.update(fields)
    contribution = Contribution.objects.create(**values)
    contribution.reference = reference_for(contribution)
    contribution.save(update_fields=["reference"])
    for position, (name, content) in enumerate(files):
        stored, _created = store_upload(SimpleUploadedFile(name, content))
        ContributionFile.objects.create(
            contribution=contribution,
            position=position,
            name=stored.name,
            kind=stored.kind,
            content_type=stored.content_type,
            size=stored.size,
            sha256=stored.sha256,
        )
    return contribution


def audio_and_photo():
    return [("opname.wav", media.wav_bytes()), ("foto.jpg", media.image_bytes())]
