"""Heritage objects: what a community brings to the depot, and the story of where it comes from."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from depot.models import AbstractDepotLink
from depot.panels import DepotLinksPanel, depot_item_panel
from stories.forms import PeopleLimitedPageForm
from stories.models.base import AccessControlledPage, TaggedPage
from stories.models.choices import ObjectStatus

# "document-link": a PDF that came with a contribution is linked from the text (contributions.services.review).
RICH_TEXT = ["bold", "italic", "link", "document-link", "ol", "ul", "h2", "h3"]


class HeritageObjectPage(AccessControlledPage):
    """An object a community brought ("brengkunst"), with its provenance and catalogue record."""

    summary = models.TextField(_("summary"), max_length=600, blank=True)
    description = RichTextField(_("description"), features=RICH_TEXT, blank=True)
    brought_by = models.ForeignKey(
        "stories.Person",
        verbose_name=_("brought by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="brought_objects",
    )
    brought_on = models.DateField(_("brought on"), null=True, blank=True)
    provenance = RichTextField(
        _("story of provenance"),
        features=RICH_TEXT,
        blank=True,
        help_text=_("Where it comes from, who owned it, how it travelled."),
    )
    status = models.CharField(_("status"), max_length=16, choices=ObjectStatus.choices, default=ObjectStatus.OFFERED)
    depot_item = models.ForeignKey(
        "depot.DepotItem",
        verbose_name=_("catalogue record"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="heritage_objects",
        help_text=_("Once registered, the object's record in the depot catalogue."),
    )
    tags = ClusterTaggableManager(through=TaggedPage, blank=True, verbose_name=_("tags"))

    content_panels = AccessControlledPage.content_panels + [
        "summary",
        "description",
        InlinePanel("images", label=_("image")),
        MultiFieldPanel(["brought_by", "brought_on", "status"], heading=_("Brought")),
        "provenance",
        "tags",
        MultiFieldPanel(
            [depot_item_panel("depot_item"), DepotLinksPanel("depot_links", label=_("depot item"))],
            heading=_("Depot catalogue"),
            permission="depot.link_depotitem",
        ),
    ]
    search_fields = AccessControlledPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("provenance"),
    ]
    parent_page_types = ["stories.CommunityPage"]
    subpage_types = []
    base_form_class = PeopleLimitedPageForm  # person fields: the user's people only

    class Meta:
        verbose_name = _("heritage object")
        verbose_name_plural = _("heritage objects")

    def get_context(self, request, *args, **kwargs):
        from stories.services.listings import object_context

        context = super().get_context(request, *args, **kwargs)
        context.update(object_context(self, request.user))
        return context


class HeritageObjectImage(Orderable):
    object_page = ParentalKey(HeritageObjectPage, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(
        _("alternative text"), max_length=300, help_text=_("What the image shows, for people who cannot see it.")
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)

    panels = ["image", "alt_text", "caption"]


class ObjectDepotLink(Orderable, AbstractDepotLink):
    object_page = ParentalKey(HeritageObjectPage, on_delete=models.CASCADE, related_name="depot_links")
    depot_item = models.ForeignKey(
        "depot.DepotItem", verbose_name=_("depot item"), on_delete=models.CASCADE, related_name="object_links"
    )

    class Meta(Orderable.Meta):
        verbose_name = _("depot link")
