"""The depot's catalogue (collections and items) and the routable public depot pages."""

import hashlib
import re

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.csp import allow_image_from
from depot.linked_pages import communities_linked_to_collection, links_to_item
from depot.panels import depot_item_panel


class DepotCollection(index.Indexed, models.Model):
    """A collection in the depot (e.g. 'Textiles', 'Photography')."""

    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("depot collection")
        verbose_name_plural = _("depot collections")

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        from django.utils.translation import get_language

        if self.name_en and (get_language() or "nl").startswith("en"):
            return self.name_en
        return self.name


class DepotItem(models.Model):
    """A catalogue record, identified by its inventory number; synced from the collection system.

    Not in Wagtail's search index: the admin finds items with database lookups (the
    depot chooser, the snippet listing and chooser; see depot/views.py), and the public
    search has its own index fed through the outbox. Keeping a second index for 100,000
    records cost an import more than everything else together.
    """

    inventory_number = models.CharField(_("inventory number"), max_length=100, unique=True)
    url_slug = models.CharField(max_length=140, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=500)
    title_en = models.CharField(_("title in English"), max_length=500, blank=True)
    collection = models.ForeignKey(
        DepotCollection,
        verbose_name=_("collection"),
        on_delete=models.PROTECT,
        related_name="items",
        null=True,
        blank=True,
    )
    maker = models.CharField(_("maker"), max_length=300, blank=True)
    maker_role = models.CharField(_("maker's role"), max_length=100, blank=True)
    date_text = models.CharField(_("date"), max_length=100, blank=True)
    year_from = models.SmallIntegerField(_("from year"), null=True, blank=True)
    year_to = models.SmallIntegerField(_("to year"), null=True, blank=True)
    object_type = models.CharField(_("object type"), max_length=200, blank=True)
    medium = models.CharField(_("material and technique"), max_length=300, blank=True)
    dimensions = models.CharField(_("dimensions"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    image_url = models.URLField(_("image link"), max_length=500, blank=True)
    rights = models.CharField(_("rights"), max_length=300, blank=True)
    withdrawn = models.BooleanField(
        _("withdrawn from the catalogue"),
        default=False,
        help_text=_("Set by the catalogue sync when a record disappears from the export."),
    )
    updated_at = models.DateTimeField(auto_now=True)
    # Where the record comes from. Only the catalogue sync sets these; an item made by
    # hand in the admin keeps from_catalogue=False, so --withdraw-missing never touches it.
    from_catalogue = models.BooleanField(
        _("from the catalogue export"),
        default=False,
        help_text=_("Set by the catalogue sync; items made by hand are never withdrawn by it."),
    )
    source = models.CharField(
        _("source"),
        max_length=100,
        blank=True,
        help_text=_("The export or collection system the record was last synced from."),
    )
    source_record_id = models.CharField(
        _("record id in the source"),
        max_length=200,
        blank=True,
        help_text=_("The collection system's own id for the record, when the export has one."),
    )
    last_seen_at = models.DateTimeField(
        _("last seen in an export"),
        null=True,
        blank=True,
        help_text=_("Set by every catalogue sync run in which the record appears."),
    )

    panels = [
        "inventory_number",
        "title",
        "title_en",
        "collection",
        "maker",
        "maker_role",
        "date_text",
        "year_from",
        "year_to",
        "object_type",
        "medium",
        "dimensions",
        "description",
        "image_url",
        "rights",
        "withdrawn",
    ]

    class Meta:
        ordering = ["inventory_number"]
        verbose_name = _("depot item")
        verbose_name_plural = _("depot items")
        permissions = [("link_depotitem", _("Can link stories and objects to depot items"))]

    def __str__(self):
        return f"{self.inventory_number} · {self.title}"

    def save(self, *args, **kwargs):
        self.url_slug = url_slug_for(self.inventory_number)
        super().save(*args, **kwargs)

    def clean(self):
        if self.year_from is not None and self.year_to is not None and self.year_to < self.year_from:
            raise ValidationError(
                {
                    "year_to": _("The end year (%(end)s) is before the start year (%(start)s).")
                    % {"end": self.year_to, "start": self.year_from}
                }
            )

    @property
    def display_title(self) -> str:
        from django.utils.translation import get_language

        if self.title_en and (get_language() or "nl").startswith("en"):
            return self.title_en
        return self.title

    def get_url(self):
        index_page = DepotIndexPage.objects.live().first()
        if not index_page:
            return None
        return index_page.url + index_page.reverse_subpage("item", kwargs={"inventory_number": self.url_key})

    @property
    def url_key(self) -> str:
        """The inventory number as it appears in a URL (see url_slug_for)."""
        return self.url_slug or url_slug_for(self.inventory_number)


_URL_SAFE = re.compile(r"^[A-Za-z0-9_-]+$")


def url_slug_for(inventory_number: str) -> str:
    """The inventory number's part of /depot/<...>/: the number itself when it is URL-safe.

    Wagtail routes only letters, digits, "_" and "-" in a path segment, and real
    numbers hold spaces, dots, slashes and brackets ("8360 (Inv. 1890)", "F/77"). Those
    get a readable slug plus a short hash of the number, so two numbers that slugify
    alike ("BK 1" and "BK.1") still get different URLs, and bulk imports can compute it
    without looking at other rows.
    """
    number = inventory_number.strip()
    if _URL_SAFE.match(number):
        return number
    readable = re.sub(r"[^a-z0-9]+", "-", number.lower()).strip("-")[:100] or "item"
    digest = hashlib.sha1(number.encode()).hexdigest()[:8]
    return f"{readable}-{digest}"


class DepotRelation(models.TextChoices):
    """How a story or object relates to a depot item."""

    DEPICTS = "depicts", _("depicts")
    MENTIONS = "mentions", _("mentions")
    MADE_BY = "made_by", _("made by")
    FAMILY = "family", _("belonged to the teller's family")
    SAME_KIND = "same_kind", _("same kind as")


class AbstractDepotLink(models.Model):
    """A typed link from a story or object to a depot item, made by museum staff."""

    depot_item = models.ForeignKey(DepotItem, verbose_name=_("depot item"), on_delete=models.CASCADE, related_name="+")
    relation = models.CharField(
        _("relation"), max_length=16, choices=DepotRelation.choices, default=DepotRelation.MENTIONS
    )
    note = models.CharField(_("note"), max_length=500, blank=True)

    panels = [depot_item_panel(), "relation", "note"]

    class Meta:
        abstract = True


class DepotIndexPage(RoutablePageMixin, Page):
    """/depot/: the catalogue in public; /depot/<inventory number>/ shows one record."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1  # one catalogue, so every item has exactly one public address

    class Meta:
        verbose_name = _("depot index page")

    @re_path(r"^$", name="index")
    def index_route(self, request):
        from depot.services import collections_with_counts

        return self.render(
            request,
            context_overrides={"collections": collections_with_counts()},
        )

    @re_path(r"^collections/(?P<slug>[-\w]+)/$", name="collection")
    def collection_route(self, request, slug):
        collection = get_object_or_404(DepotCollection, slug=slug)
        items = collection.items.filter(withdrawn=False).select_related("collection")
        page_obj = Paginator(items, 48).get_page(request.GET.get("page"))
        return self.render(
            request,
            template="depot/depot_collection_page.html",
            context_overrides={
                "collection": collection,
                "page_obj": page_obj,
                "communities": communities_linked_to_collection(collection, request.user),
            },
        )

    @re_path(r"^(?P<inventory_number>[\w-]+)/$", name="item")
    def item_route(self, request, inventory_number):
        item = DepotItem.objects.select_related("collection").filter(url_slug=inventory_number).first()
        if item is None:
            raise Http404
        links = links_to_item(item, request.user)
        response = self.render(
            request,
            template="depot/depot_item_page.html",
            context_overrides={"item": item, **links},
        )
        # The image is on the museum's image server: allow that origin on this page only.
        return allow_image_from(response, item.image_url)
