"""Print how the project's apps import each other: the numbers behind the layering work.

Run from the repository root: ``python dev/import_graph.py`` (add ``--list`` to see
every import inside a function that crosses apps). It reads the source with ``ast``
only, so it needs no settings and imports nothing of ours.
"""

import ast
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    *("core", "accounts", "search", "media", "depot", "stories", "home"),
    *("editorial", "contributions", "demo", "config"),
]


def modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            yield app, path


def imported_app(node):
    names = []
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        names = [node.module]
    return [name.split(".")[0] for name in names if name.split(".")[0] in APPS]


def walk(tree):
    """Yield (import node, inside a function?) for every import in the module."""

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                yield child, in_function
            yield from visit(child, inner)

    yield from visit(tree, False)


def main():
    edges = Counter()
    in_function_total = 0
    in_function_cross = []
    for app, path in modules():
        tree = ast.parse(path.read_text(), filename=str(path))
        for node, in_function in walk(tree):
            targets = imported_app(node)
            if in_function:
                in_function_total += 1
            for target in targets:
                if target != app:
                    edges[(app, target)] += 1
                    if in_function:
                        in_function_cross.append((path.relative_to(ROOT), node.lineno, target))
    graph = defaultdict(set)
    for a, b in edges:
        graph[a].add(b)
    pairs = sorted({tuple(sorted((a, b))) for (a, b) in edges if (b, a) in edges})
    print("imports between apps (importer -> imported: count)")
    for (a, b), n in sorted(edges.items()):
        print(f"  {a:14} -> {b:14} {n}")
    print(f"pairs of apps importing each other: {len(pairs)} {pairs}")
    print(f"imports inside functions: {in_function_total} (across apps: {len(in_function_cross)})")
    if "--list" in sys.argv:
        for path, line, target in in_function_cross:
            print(f"  {path}:{line} -> {target}")


if __name__ == "__main__":
    main()
