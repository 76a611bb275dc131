"""The bottom layer: plain Python that every app may import and that imports no app.

Nothing here knows about Django models, pages or requests.
"""
