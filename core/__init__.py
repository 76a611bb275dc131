"""The bottom layer: what every app may import, importing no app of ours.

Plain modules (time codes, choices, CSV cells, CSP, the client address), the rules every
door asks (core.access, who may read a page; core.admin_scope, which pages the admin may
name to a user), project checks and the publish pipeline. Django and Wagtail are fine
here; our apps are not: they register into core (the publish pipeline's stages), and
where a rule needs a model of an app above, it finds it by a setting
(COMMUNITY_PAGE_MODEL), never by an import.
"""
