"""Red-team fixtures: the real search node fixtures are re-exported from the search tests."""

from tests.search.conftest import engine, private_node, search_url  # noqa: F401  (fixtures)
