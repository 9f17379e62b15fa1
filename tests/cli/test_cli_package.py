"""The command line is one package whose verb modules import only the shared helpers.

Before, cli.py and four cli_*.py imported each other's private helpers inside functions
(23 such imports) and formed circles; these checks keep that from coming back.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil

import hostdesk.cli
from tests.conftest import ROOT

CLI = ROOT / "hostdesk" / "cli"
SHARED = "hostdesk.cli.common"


def _modules() -> list[str]:
    return sorted(f"hostdesk.cli.{m.name}" for m in pkgutil.iter_modules(hostdesk.cli.__path__))


def _imports(tree: ast.AST):
    """(module imported, names taken from it, whether inside a function) for every import."""
    local = set()
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            local.update(id(node) for node in ast.walk(fn) if node is not fn)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [a.name for a in node.names]
            # `from hostdesk.cli import reg` imports the module hostdesk.cli.reg
            yield node.module, names, id(node) in local
            for name in names:
                yield f"{node.module}.{name}", [], id(node) in local
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, [], id(node) in local


def test_every_verb_group_is_a_module_of_the_package():
    assert _modules() == [
        "hostdesk.cli.common", "hostdesk.cli.hub", "hostdesk.cli.jobs", "hostdesk.cli.live",
        "hostdesk.cli.reg", "hostdesk.cli.sync",
    ]  # fmt: skip
    for name in _modules():
        importlib.import_module(name)
    assert not list((ROOT / "hostdesk").glob("cli_*.py")), "verb modules belong in hostdesk/cli/"
    # The console script `hostdesk = "hostdesk.cli:main"` and `python -m hostdesk`.
    assert callable(hostdesk.cli.main)


def test_no_module_of_the_package_imports_a_sibling_inside_a_function():
    offenders = []
    for path in sorted(CLI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for module, _names, in_function in _imports(tree):
            if in_function and (module == "hostdesk.cli" or module.startswith("hostdesk.cli.")):
                offenders.append(f"{path.name}: {module}")
    assert offenders == []


def test_verb_modules_import_only_the_shared_helpers_and_no_private_names():
    """No circle: the package imports the verb modules, they import common.py and nothing else."""
    offenders = []
    for path in sorted(CLI.glob("*.py")):
        if path.name in ("__init__.py", "common.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for module, names, _ in _imports(tree):
            shared = module.split(".")[:3] == SHARED.split(".")
            if module.startswith("hostdesk.cli") and not shared:  # the package, a sibling
                offenders.append(f"{path.name}: {module}")
            if module == SHARED:
                offenders += [f"{path.name}: {SHARED}.{n}" for n in names if n.startswith("_")]
    assert offenders == []
    common = ast.parse((CLI / "common.py").read_text(encoding="utf-8"))
    assert [m for m, _, _ in _imports(common) if m.startswith("hostdesk.cli")] == []
