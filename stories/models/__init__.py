"""Stories, communities, objects, people and places. Split by concern; public names re-exported here."""

from stories.models.base import AccessControlledPage, TaggedPage
from stories.models.choices import Licence, NameDisplay, ObjectStatus
from stories.models.communities import CommunityIndexPage, CommunityPage
from stories.models.objects import HeritageObjectImage, HeritageObjectPage, ObjectDepotLink
from stories.models.people import Language, Person, Place
from stories.models.stories import StoryDepotLink, StoryNarrator, StoryPage

__all__ = [
    "AccessControlledPage",
    "CommunityIndexPage",
    "CommunityPage",
    "HeritageObjectImage",
    "HeritageObjectPage",
    "Language",
    "Licence",
    "NameDisplay",
    "ObjectDepotLink",
    "ObjectStatus",
    "Person",
    "Place",
    "StoryDepotLink",
    "StoryNarrator",
    "StoryPage",
    "TaggedPage",
]
