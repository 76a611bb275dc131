"""The public contribution form: every field says plainly what is wrong with it.

Files are not validated here but by contributions.services.uploads (their content
decides); the view adds those messages to the ``files`` field.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from contributions.models import ContributionKind
from editorial.models import ConsentUse
from stories.models import CommunityPage, Language, Licence, NameDisplay

# The consent record's uses, explained more fully for a sender than in the admin.
CONSENT_USE_CHOICES = [
    (ConsentUse.ONLINE.value, _("Online publication on this website")),
    (ConsentUse.EXHIBITION.value, _("Exhibitions in the museum")),
    (ConsentUse.RESEARCH.value, _("Research only (not shown in public)")),
]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked later by the upload service."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        # No per-file checks here: the upload service judges every file, once, by content.
        if isinstance(data, (list, tuple)):
            return [item for item in data if item]
        return [data] if data else []


class ContributionForm(forms.Form):
    community = forms.ModelChoiceField(
        label=_("Community"),
        queryset=CommunityPage.objects.none(),
        empty_label=_("Choose a community"),
        error_messages={
            "required": _("Choose the community your contribution belongs to."),
            "invalid_choice": _("That community is not in the list any more; choose another."),
        },
    )
    kind = forms.ChoiceField(
        label=_("What do you send?"),
        choices=ContributionKind.choices,
        widget=forms.RadioSelect,
        initial=ContributionKind.STORY,
        error_messages={"required": _("Say whether you send a story or an object.")},
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        error_messages={
            "required": _("Give your contribution a title."),
            "max_length": _("Keep the title to %(limit_value)d characters (it has %(show_value)d)."),
        },
    )
    text = forms.CharField(
        label=_("Your story, or about the object"),
        widget=forms.Textarea(attrs={"rows": 12}),
        required=False,
        max_length=50_000,
        error_messages={"max_length": _("Keep the text to %(limit_value)d characters (it has %(show_value)d).")},
    )
    language = forms.ModelChoiceField(
        label=_("Language of your story"),
        queryset=Language.objects.all(),
        empty_label=_("Choose a language"),
        error_messages={"required": _("Choose the language your story is told in.")},
    )
    files = MultipleFileField(
        label=_("Files"),
        required=False,
        help_text=_("Recordings, video, photos or a PDF. You can choose several files."),
    )
    name_display = forms.ChoiceField(
        label=_("How may we show your name?"),
        choices=NameDisplay.choices,
        widget=forms.RadioSelect,
        initial=NameDisplay.FULL,
        error_messages={"required": _("Choose how your name is shown.")},
    )
    full_name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        required=False,
        help_text=_("Only shown if you choose “Full name” above."),
        error_messages={"max_length": _("Keep your name to %(limit_value)d characters.")},
    )
    pseudonym = forms.CharField(
        label=_("Pseudonym"),
        max_length=200,
        required=False,
        error_messages={"max_length": _("Keep the pseudonym to %(limit_value)d characters.")},
    )
    email = forms.EmailField(
        label=_("E-mail address (optional)"),
        required=False,
        help_text=_("Only for a receipt and news about your contribution. Never shown."),
        error_messages={"invalid": _("This is not an e-mail address we can write to; check it or leave it empty.")},
    )
    consent_uses = forms.MultipleChoiceField(
        label=_("You allow us to use your contribution for"),
        choices=CONSENT_USE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one use you allow; without consent we cannot keep your contribution.")
        },
    )
    licence = forms.ChoiceField(
        label=_("Licence"),
        choices=[("", _("Choose a licence"))] + list(Licence.choices),
        error_messages={"required": _("Choose the licence under which we may share it.")},
    )
    consent_agreed = forms.BooleanField(
        label=_("I have read the consent text above and agree with it."),
        error_messages={
            "required": _("Tick this box to agree with the consent text; without it we cannot keep your contribution.")
        },
    )
    consent_text_version = forms.CharField(widget=forms.HiddenInput)
    form_token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    # Hidden from people by CSS and aria-hidden; bots fill every field.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, page=None, has_files=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.has_files = has_files
        self.fields["community"].queryset = CommunityPage.objects.live().order_by("title")
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean_consent_text_version(self):
        version = self.cleaned_data["consent_text_version"]
        if self.page is not None and version != self.page.consent_text_version:
            raise forms.ValidationError(
                _("The consent text changed while you were filling in the form. Read it again and tick the box.")
            )
        return version

    def clean(self):
        data = super().clean()
        display = data.get("name_display")
        if display == NameDisplay.FULL and not data.get("full_name", "").strip():
            self.add_error("full_name", _("Give your name, or choose a pseudonym or anonymous."))
        if display == NameDisplay.PSEUDONYM and not data.get("pseudonym", "").strip():
            self.add_error("pseudonym", _("Give the pseudonym to show, or choose another option."))
        if not data.get("text", "").strip() and not self.has_files:
            self.add_error("text", _("Tell your story or describe the object, or add a file."))
        if "consent_text_version" in self.errors:
            self.add_error("consent_agreed", self.errors["consent_text_version"][0])
            del self.errors["consent_text_version"]
        return data
