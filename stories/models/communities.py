"""Communities: the index of all communities and one page per community."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.access import readable_page_filter


class CommunityIndexPage(Page):
    """/communities/: every community; the editorial workflow hangs here."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.CommunityPage"]
    max_count = 1

    class Meta:
        verbose_name = _("community index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["communities"] = (
            CommunityPage.objects.child_of(self)
            .filter(readable_page_filter(request.user))  # live, and Wagtail's page privacy
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
        )
        return context


class CommunityPage(Page):
    """One community. Its curators' group has page permissions on this subtree only."""

    short_description = models.CharField(_("short description"), max_length=300, blank=True)
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul", "h2", "h3"])
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    curator_group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="curated_community"
    )
    member_group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="member_community"
    )

    content_panels = Page.content_panels + [
        FieldPanel("short_description"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("short_description"),
        index.SearchField("intro"),
    ]
    parent_page_types = ["stories.CommunityIndexPage"]
    subpage_types = ["stories.StoryPage", "stories.HeritageObjectPage"]

    class Meta:
        verbose_name = _("community page")

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Every community gets its own curator and member groups as soon as it exists.
        if self.path and (self.curator_group_id is None or self.member_group_id is None):
            from stories.services.roles import ensure_community_groups

            ensure_community_groups(self)

    def get_context(self, request, *args, **kwargs):
        from stories.services.listings import community_listing

        context = super().get_context(request, *args, **kwargs)
        listing = community_listing(self, request.user)
        context["stories_page"] = Paginator(listing.stories, settings.LISTING_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        context["objects"] = listing.objects
        context["depot_collections"] = listing.depot_collections
        return context
