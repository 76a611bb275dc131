"""The real search node's fixtures (tests/search/conftest.py) for the depot's engine tests."""

from tests.search.conftest import engine, search_url  # noqa: F401
