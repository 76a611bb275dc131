"""The home page: the voices first, then the communities and the depot."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.access import readable_filter, readable_page_filter, reader_for
from stories.models import CommunityPage, StoryPage
from stories.services.listings import story_cards


class HomePage(Page):
    """The root of the public site."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    intro_en = RichTextField(_("introduction (English)"), blank=True, features=["bold", "italic", "link"])
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("intro_en"),
        FieldPanel("hero_image"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["stories.CommunityIndexPage", "depot.DepotIndexPage", "contributions.ContributePage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        reader = reader_for(request.user)
        context["latest_stories"] = list(
            story_cards(StoryPage.objects.filter(readable_filter(reader)).order_by("-first_published_at"))[:6]
        )
        context["communities"] = list(
            CommunityPage.objects.filter(readable_page_filter(reader))
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("title")
        )
        return context
