"""The bottom layer: what every app may import, importing no app of ours.

Plain modules (time codes, choices) and the rules every door asks (core.access, who may
read a page; core.admin_scope, which pages the admin may name to a user). Where a rule
needs a model of an app above, it finds it by a setting (COMMUNITY_PAGE_MODEL), never
by an import.
"""
