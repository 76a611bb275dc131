"""The people transcript speaker labels may name, as media reads them.

``media.speakers`` decides what the public sees for each label, but media sits below
stories and cannot import ``Person``; this is the directory stories registers with it in
``StoriesConfig.ready``. It keeps the read media needs small: the two name columns and
the person's choice of display, as plain rows in primary-key order.
"""

from stories.models import Person
from stories.models.choices import NameDisplay


class PersonDirectory:
    """``media.speakers.PeopleDirectory`` over stories' people."""

    def rows(self):
        return Person.objects.order_by("pk").values_list("full_name", "pseudonym", "name_display")

    def shown_by_full_name(self, row) -> bool:
        return row[2] == NameDisplay.FULL

    def public_name(self, row) -> str:
        return Person.name_for_public(*row)
