"""Demo content for Brengkunst.

Plain data (content), generated media (media_files) and the loader (loader).

Run it with ``manage.py load_demo_data``; the loader is idempotent.
"""
