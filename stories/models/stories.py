"""The oral-history story: a teller's words, a recording, and the links that give it context."""

from django.core.exceptions import ValidationError
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from depot.models import AbstractDepotLink
from depot.panels import DepotLinksPanel
from stories.admin_forms import ScopedLinksPageForm
from stories.blocks import StoryBodyBlock
from stories.models.base import AccessControlledPage, TaggedPage, validate_year_range
from stories.services.dates import parse_fuzzy_date


class StoryPage(AccessControlledPage):
    """An oral-history story of one community, told by one or more narrators."""

    summary = models.TextField(_("summary"), max_length=600)
    pull_quote = models.TextField(
        _("pull quote"), blank=True, max_length=500, help_text=_("The teller's words that open the page.")
    )
    content_warning = models.CharField(
        _("content warning"),
        max_length=300,
        blank=True,
        help_text=_("Shown before the story, e.g. when it speaks of violence or loss."),
    )
    interviewer = models.ForeignKey(
        "stories.Person",
        verbose_name=_("interviewer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interviews",
    )
    recorded_date_text = models.CharField(
        _("recorded"),
        max_length=60,
        blank=True,
        help_text=_("As exact or vague as known: '12 May 2019', 'circa 1975', '1970s'."),
    )
    recorded_year_from = models.SmallIntegerField(_("recorded from year"), null=True, blank=True)
    recorded_year_to = models.SmallIntegerField(_("recorded to year"), null=True, blank=True)
    period_start_year = models.SmallIntegerField(_("period covered: from"), null=True, blank=True)
    period_end_year = models.SmallIntegerField(_("period covered: to"), null=True, blank=True)
    places = ParentalManyToManyField("stories.Place", verbose_name=_("places"), blank=True)
    languages = ParentalManyToManyField("stories.Language", verbose_name=_("languages"), blank=True)
    main_media = models.ForeignKey(
        "media.OralHistoryMedia",
        verbose_name=_("recording"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(StoryBodyBlock(), verbose_name=_("story"), blank=True)
    tags = ClusterTaggableManager(through=TaggedPage, blank=True, verbose_name=_("tags"))
    related_communities = ParentalManyToManyField(
        "stories.CommunityPage",
        verbose_name=_("also linked to communities"),
        blank=True,
        related_name="linked_stories",
    )
    related_objects = ParentalManyToManyField(
        "stories.HeritageObjectPage",
        verbose_name=_("heritage objects"),
        blank=True,
        related_name="linked_stories",
    )

    content_panels = AccessControlledPage.content_panels + [
        "summary",
        "pull_quote",
        "content_warning",
        MultiFieldPanel([InlinePanel("narrators", label=_("narrator")), "interviewer"], heading=_("People")),
        FieldPanel("main_media"),
        "body",
        MultiFieldPanel(
            [
                "recorded_date_text",
                FieldRowPanel(["recorded_year_from", "recorded_year_to"]),
                FieldRowPanel(["period_start_year", "period_end_year"]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("places"),
                FieldPanel("languages", widget=CheckboxSelectMultiple),
                "tags",
                "related_communities",
                "related_objects",
            ],
            heading=_("Links"),
        ),
        MultiFieldPanel(
            [DepotLinksPanel("depot_links", label=_("depot item"))],
            heading=_("Depot catalogue"),
            permission="depot.link_depotitem",
        ),
    ]
    search_fields = AccessControlledPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("pull_quote"),
        index.SearchField("body"),
    ]
    parent_page_types = ["stories.CommunityPage"]
    subpage_types = []
    base_form_class = ScopedLinksPageForm  # links and people offered only within the editor's scope

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def clean(self):
        super().clean()
        if self.recorded_date_text and self.recorded_year_from is None:
            parsed = parse_fuzzy_date(self.recorded_date_text)
            if parsed:
                self.recorded_year_from, self.recorded_year_to = parsed
        errors = {}
        for start, end, start_field, end_field in (
            (self.recorded_year_from, self.recorded_year_to, "recorded_year_from", "recorded_year_to"),
            (self.period_start_year, self.period_end_year, "period_start_year", "period_end_year"),
        ):
            try:
                validate_year_range(start, end, start_field, end_field)
            except ValidationError as error:
                errors.update(error.message_dict)
        if errors:
            raise ValidationError(errors)

    @property
    def period_display(self) -> str:
        start, end = self.period_start_year, self.period_end_year
        if start and end and start != end:
            return f"{start}–{end}"
        return str(start or end or "")

    def get_context(self, request, *args, **kwargs):
        from stories.services.listings import story_context

        context = super().get_context(request, *args, **kwargs)
        context.update(story_context(self, request.user))
        return context


class StoryNarrator(Orderable):
    story = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="narrators")
    person = models.ForeignKey(
        "stories.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="narrations"
    )

    panels = ["person"]

    class Meta(Orderable.Meta):
        verbose_name = _("narrator")


class StoryDepotLink(Orderable, AbstractDepotLink):
    story = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="depot_links")
    depot_item = models.ForeignKey(
        "depot.DepotItem", verbose_name=_("depot item"), on_delete=models.CASCADE, related_name="story_links"
    )

    class Meta(Orderable.Meta):
        verbose_name = _("depot link")
