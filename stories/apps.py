from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    """Communities, stories, heritage objects, people, places and who may read them."""

    name = "stories"
    verbose_name = _("Stories and communities")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: Django loads apps.py before any models, and these
        # modules import models. ready() is where Django says cross-app wiring belongs.
        from depot import linked_pages
        from media.speakers import register_people
        from stories import search_documents
        from stories.people_history import install
        from stories.services.links import communities_linked_to_collection, depot_item_links
        from stories.services.speaker_people import PersonDirectory

        post_migrate.connect(_ensure_roles)
        search_documents.register()  # the index's stories, objects and communities, and their receivers
        install()  # the admin's history of people: only the people the reader may see
        # The depot's pages show which stories and communities link to them; depot cannot import stories.
        linked_pages.register(communities_linked_to_collection, depot_item_links)
        # Transcript speaker labels are shown by people's public names; media cannot import stories.
        register_people(PersonDirectory())


def _ensure_roles(sender, using="default", **kwargs):
    """The Museum staff group exists, with its permissions, after every migrate, and
    existing curator groups have every right their collection should give.

    Permissions are only created after migrations have run, so this cannot be a data migration.
    """
    from django.apps import apps

    last = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender.label != last.label:
        return  # wait until every app's permissions exist
    from stories.services.roles import ensure_curator_collection_rights, ensure_museum_staff_group

    ensure_museum_staff_group()
    ensure_curator_collection_rights()
