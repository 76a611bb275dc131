"""What every story and heritage object page shares: access level, embargo, tags, licence."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from core import access
from core.choices import AccessLevel
from stories.models.choices import Licence


class TaggedPage(TaggedItemBase):
    """One tag vocabulary shared by stories and objects, so a tag links both."""

    content_object = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("tagged page")


class AccessControlledPage(Page):
    """A page whose readers are limited by access level and embargo date.

    Serving, listings, sitemaps and search all go through core.access.
    """

    access_level = models.CharField(
        _("access level"),
        max_length=16,
        choices=AccessLevel.choices,
        default=AccessLevel.PUBLIC,
        help_text=_("Who may read this once it is published."),
    )
    embargo_until = models.DateField(
        _("embargo until"),
        null=True,
        blank=True,
        help_text=_("Not shown to the public before this date, even when published."),
    )
    text_language = models.CharField(
        _("language of the text"),
        max_length=35,
        default="nl",
        help_text=_(
            "BCP 47 code of the language this page is written in (nl, en, pap, …), "
            "so screen readers pronounce it right."
        ),
    )
    licence = models.CharField(
        _("licence"),
        max_length=80,
        choices=Licence.choices,
        default=Licence.RS_INC,
        error_messages={
            "invalid_choice": _(
                "“%(value)s” is not a licence we know. Choose a Creative Commons licence "
                "or a RightsStatements.org statement from the list."
            )
        },
    )

    settings_panels = Page.settings_panels + [
        MultiFieldPanel(["access_level", "embargo_until", "licence", "text_language"], heading=_("Access and rights")),
    ]
    search_fields = Page.search_fields + [
        index.FilterField("access_level"),
        index.FilterField("embargo_until"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        from stories.models.people import Language

        if self.text_language and not Language.objects.filter(code=self.text_language).exists():
            raise ValidationError(
                {
                    "text_language": _("“%(code)s” is not a language we know. Add it under Settings → Languages first.")
                    % {"code": self.text_language}
                }
            )

    @property
    def community(self):
        """The community page this page lives under (its home community)."""
        from stories.models.communities import CommunityPage

        return CommunityPage.objects.ancestor_of(self).first()

    def serve(self, request, *args, **kwargs):
        if not access.can_read(request.user, self, request=request):
            embargoed = self.embargo_until and self.embargo_until > _today()
            if not request.user.is_authenticated and not embargoed:
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            raise Http404
        response = super().serve(request, *args, **kwargs)
        if not access.is_publicly_readable(self, request=request):
            patch_cache_control(response, private=True, no_store=True)
        return response

    def get_sitemap_urls(self, request=None):
        if not access.is_publicly_readable(self, request=request):
            return []
        return super().get_sitemap_urls(request)


def _today():
    from django.utils import timezone

    return timezone.localdate()


def validate_year_range(start, end, start_field, end_field):
    """Raise a ValidationError on the end field when a range runs backwards."""
    if start is not None and end is not None and end < start:
        raise ValidationError(
            {
                end_field: _("The end year (%(end)s) is before the start year (%(start)s).")
                % {"end": end, "start": start}
            }
        )
