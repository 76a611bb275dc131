"""Admin forms of stories and objects: person fields offer only the user's own people.

The person chooser lists only people_visible_to(user), but a chooser is a widget: the
form field behind it accepted any person's id, so a hand-made POST could make another
community's person the interviewer of one's own story, and the editor then showed
their real name. Every person field (on the page and in its inline forms) accepts the
user's people, plus whoever is chosen already, so editing a page keeps its people.
"""

from django import forms
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.snippets.widgets import AdminSnippetChooser


class LimitedSnippetChooser(AdminSnippetChooser):
    """The snippet chooser that shows a chosen id only when it is in ``queryset``: a form
    shown again with a refused id must not print that person's name."""

    def __init__(self, model, queryset, **kwargs):
        super().__init__(model, **kwargs)
        self.queryset = queryset

    def get_instance(self, value):
        if value is None or isinstance(value, self.model_class):
            return value
        try:
            return self.queryset.get(pk=value)
        except (self.model_class.DoesNotExist, TypeError, ValueError):
            return None


def limit_person_fields(form, user) -> None:
    """Limit each person field of the form and of its inline forms (stories.services.people)."""
    from stories.models import Person
    from stories.services.people import people_visible_to

    visible = people_visible_to(user)
    inline_forms = [f for formset in getattr(form, "formsets", {}).values() for f in formset.forms]
    for each in (form, *inline_forms):
        for name, field in each.fields.items():
            if isinstance(field, forms.ModelChoiceField) and field.queryset.model is Person:
                current = each.initial.get(name)
                current = getattr(current, "pk", current)
                allowed = Q(pk__in=visible.values("pk"))
                if current:
                    allowed |= Q(pk=current)
                field.queryset = Person.objects.filter(allowed)
                if isinstance(field.widget, AdminSnippetChooser):
                    field.widget = LimitedSnippetChooser(Person, field.queryset, attrs=field.widget.attrs)


class PeopleLimitedPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_person_fields(self, self.for_user)
