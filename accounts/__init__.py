"""Logging in: what the two login pages (the Wagtail admin's and the members') share.

The counting and locking is django-axes (configured in config/settings/base.py); this
package holds only the project's side of it: the page a locked-out visitor sees.
"""
