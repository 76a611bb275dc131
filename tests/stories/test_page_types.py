"""The content tree's shape is enforced: each page type only where it belongs."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from depot.models import DepotIndexPage
from home.models import HomePage
from stories.models import CommunityIndexPage, CommunityPage, HeritageObjectPage, StoryPage


class PageTypeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_holds_the_community_index_the_depot_and_the_contribute_page(self):
        from contributions.models import ContributePage

        self.assertAllowedSubpageTypes(HomePage, {CommunityIndexPage, DepotIndexPage, ContributePage})

    def test_communities_live_only_under_the_community_index(self):
        self.assertAllowedParentPageTypes(CommunityPage, {CommunityIndexPage})
        self.assertAllowedSubpageTypes(CommunityIndexPage, {CommunityPage})

    def test_stories_and_objects_live_only_under_a_community(self):
        self.assertAllowedParentPageTypes(StoryPage, {CommunityPage})
        self.assertAllowedParentPageTypes(HeritageObjectPage, {CommunityPage})
        self.assertAllowedSubpageTypes(CommunityPage, {StoryPage, HeritageObjectPage})

    def test_stories_objects_and_the_depot_have_no_children(self):
        self.assertAllowedSubpageTypes(StoryPage, set())
        self.assertAllowedSubpageTypes(HeritageObjectPage, set())
        self.assertAllowedSubpageTypes(DepotIndexPage, set())

    def test_a_story_cannot_be_created_under_the_home_page(self):
        self.assertCanNotCreateAt(HomePage, StoryPage)
        self.assertCanNotCreateAt(CommunityIndexPage, StoryPage)
        self.assertCanCreateAt(CommunityPage, StoryPage)
