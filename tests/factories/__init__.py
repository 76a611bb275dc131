"""Factories for every model the tests build, one place so tests read as sentences."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone
from factory.django import DjangoModelFactory

from depot.models import DepotCollection, DepotIndexPage, DepotItem
from stories.models import (
    CommunityIndexPage,
    CommunityPage,
    HeritageObjectPage,
    Person,
    Place,
    StoryPage,
)


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)


class PersonFactory(DjangoModelFactory):
    full_name = factory.Sequence(lambda n: f"Maria Fernandes {n}")
    name_display = "full"

    class Meta:
        model = Person


class PlaceFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Katendrecht {n}")
    municipality = "Rotterdam"
    latitude = "51.900000"
    longitude = "4.480000"

    class Meta:
        model = Place


class DepotCollectionFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Textiel {n}")
    slug = factory.Sequence(lambda n: f"textiel-{n}")

    class Meta:
        model = DepotCollection


class DepotItemFactory(DjangoModelFactory):
    inventory_number = factory.Sequence(lambda n: f"BK-2000-{n:04d}")
    title = factory.Sequence(lambda n: f"Draagdoek {n}")
    collection = factory.SubFactory(DepotCollectionFactory)

    class Meta:
        model = DepotItem


class CommunityIndexPageFactory(wagtail_factories.PageFactory):
    title = "Gemeenschappen"
    slug = "gemeenschappen"

    class Meta:
        model = CommunityIndexPage


class CommunityPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Gemeenschap {n}")

    class Meta:
        model = CommunityPage


class StoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Verhaal {n}")
    summary = "Een verhaal over de haven."
    first_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = StoryPage


class HeritageObjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Voorwerp {n}")
    summary = "Een voorwerp dat werd meegebracht."

    class Meta:
        model = HeritageObjectPage


class DepotIndexPageFactory(wagtail_factories.PageFactory):
    title = "Depot"
    slug = "depot"

    class Meta:
        model = DepotIndexPage
