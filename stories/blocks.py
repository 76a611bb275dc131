"""StreamField blocks of a story's body: words, quotes, images, clips and catalogue references."""

from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtailmedia.blocks import AbstractMediaChooserBlock

from core.timecodes import parse_clip_time


class RecordingChooserBlock(AbstractMediaChooserBlock):
    """Chooses an audio or video recording; rendering is done by the clip template."""

    def render_basic(self, value, context=None):
        return ""


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    speaker = blocks.CharBlock(label=_("speaker"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "stories/blocks/quote.html"
        label = _("Quote")
        description = _("The teller's own words, with who said them")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=300,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=500)

    class Meta:
        icon = "image"
        template = "stories/blocks/image.html"
        label = _("Image")


class MediaClipBlock(blocks.StructBlock):
    """A part of a recording quoted in the story, from start to end."""

    recording = RecordingChooserBlock(label=_("recording"))
    start = blocks.CharBlock(label=_("start"), max_length=12, help_text=_("e.g. 12:34"))
    end = blocks.CharBlock(label=_("end"), max_length=12, required=False)
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)

    class Meta:
        icon = "media"
        template = "stories/blocks/media_clip.html"
        label = _("Media clip")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        try:
            start = parse_clip_time(value["start"])
        except ValueError:
            errors["start"] = ErrorList([_("Write the time as 12:34 or 1:02:03.")])
            start = None
        try:
            end = parse_clip_time(value["end"])
        except ValueError:
            errors["end"] = ErrorList([_("Write the time as 12:34 or 1:02:03.")])
            end = None
        if start is not None and end is not None and end <= start:
            errors["end"] = ErrorList([_("The clip must end after it starts.")])
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class HeritageObjectReferenceBlock(blocks.StructBlock):
    object_page = blocks.PageChooserBlock(label=_("heritage object"), page_type="stories.HeritageObjectPage")
    note = blocks.CharBlock(label=_("note"), required=False, max_length=300)

    class Meta:
        icon = "pick"
        template = "stories/blocks/object_reference.html"
        label = _("Heritage object")


class DepotItemReferenceBlock(blocks.StructBlock):
    depot_item = SnippetChooserBlock("depot.DepotItem", label=_("depot item"))
    note = blocks.CharBlock(label=_("note"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        template = "stories/blocks/depot_reference.html"
        label = _("Depot item")


class StoryBodyBlock(blocks.StreamBlock):
    # "document-link": a PDF that came with a contribution is linked from a paragraph.
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h2", "h3"],
        label=_("Paragraph"),
        template="stories/blocks/paragraph.html",
    )
    quote = QuoteBlock()
    image = ImageBlock()
    media_clip = MediaClipBlock()
    heritage_object = HeritageObjectReferenceBlock()
    depot_item = DepotItemReferenceBlock()
