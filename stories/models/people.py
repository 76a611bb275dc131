"""People who tell, interview and bring, and how their name may be shown."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from stories.models.choices import NameDisplay


class Person(index.Indexed, models.Model):
    """A narrator, interviewer or bringer. Public pages only ever use ``public_name``.

    A person belongs to one community, whose curators see and edit them in the admin
    (stories.services.people); without one, only museum staff do. Real names, e-mails
    and biographies are personal data: a curator of another community must not reach them.
    """

    full_name = models.CharField(_("full name"), max_length=200)
    pseudonym = models.CharField(_("pseudonym"), max_length=200, blank=True)
    name_display = models.CharField(
        _("name shown in public"),
        max_length=16,
        choices=NameDisplay.choices,
        default=NameDisplay.FULL,
        help_text=_("What visitors see: the full name, the pseudonym, or nothing."),
    )
    bio = models.TextField(_("short biography"), blank=True, max_length=2000)
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Never shown in public."))
    community = models.ForeignKey(
        "stories.CommunityPage",
        verbose_name=_("community"),
        null=True,
        blank=True,
        # The person stays when a community page goes; museum staff then decide.
        on_delete=models.SET_NULL,
        related_name="people",
        help_text=_("Its curators see and edit this person. Without one, only museum staff do."),
    )

    # Wagtail's search (the admin listing and the person chooser) filters and sorts on the
    # engine when one is configured: every field the admin filters by (the curator's
    # communities, the name display filter) or sorts by (the columns) must be a FilterField
    # there, or the engine refuses the query (FilterFieldError/OrderByFieldError, a 500).
    search_fields = [
        index.SearchField("full_name"),
        index.SearchField("pseudonym"),
        index.AutocompleteField("full_name"),
        index.AutocompleteField("pseudonym"),
        index.FilterField("full_name"),
        index.FilterField("pseudonym"),
        index.FilterField("name_display"),
        index.FilterField("community"),
    ]

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        if self.name_display == NameDisplay.FULL:
            return self.full_name
        return f"{self.full_name} ({self.get_name_display_display().lower()})"

    def clean(self):
        if self.name_display == NameDisplay.PSEUDONYM and not self.pseudonym.strip():
            raise ValidationError({"pseudonym": _("Give the pseudonym to show, or choose another option.")})

    @property
    def public_name(self) -> str:
        """The name a visitor may see, following the person's own choice."""
        return self.name_for_public(self.full_name, self.pseudonym, self.name_display)

    @staticmethod
    def name_for_public(full_name: str, pseudonym: str, name_display: str) -> str:
        """The rule behind public_name, for code that reads rows rather than instances."""
        if name_display == NameDisplay.FULL:
            return full_name
        if name_display == NameDisplay.PSEUDONYM and pseudonym:
            return pseudonym
        return str(_("Anonymous"))

    @property
    def public_bio(self) -> str:
        """The biography is shown only with a full name, as it could identify a person."""
        return self.bio if self.name_display == NameDisplay.FULL else ""


class Place(index.Indexed, models.Model):
    """A place a story is about or where it was told, with coordinates for maps and search."""

    name = models.CharField(_("name"), max_length=200)
    municipality = models.CharField(_("municipality"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True, default="Nederland")
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self):
        return f"{self.name}, {self.municipality}" if self.municipality else self.name

    def clean(self):
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."))


class Language(models.Model):
    """A language a story is told in, by its BCP 47 code."""

    code = models.CharField(_("code"), max_length=35, unique=True, help_text="BCP 47, e.g. nl, pap, zgh")
    name_nl = models.CharField(_("name in Dutch"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100)

    class Meta:
        ordering = ["name_nl"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        from django.utils.translation import get_language

        return self.name_en if (get_language() or "nl").startswith("en") else self.name_nl
