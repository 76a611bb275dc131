"""The bottom layer: plain modules that every app may import and that import no app of ours.

Django and Wagtail are fine here; our apps are not (they register into core instead,
as the publish pipeline's stages do).
"""
