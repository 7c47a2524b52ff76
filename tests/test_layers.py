"""The layers keep to their imports: matcher is a pure library, web/services has no Flask."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth (functions, TYPE_CHECKING blocks too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the file's package
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def offending(folder: str, forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    """Files under `folder` importing any of the `forbidden` top-level packages."""
    bad: dict[str, list[str]] = {}
    for path in sorted((ROOT / folder).rglob("*.py")):
        hits = sorted(
            m for m in imported_modules(path) if m.split(".")[0] in forbidden or m in forbidden
        )
        if hits:
            bad[str(path.relative_to(ROOT))] = hits
    return bad


def test_the_matcher_imports_nothing_of_the_web_the_database_or_flask() -> None:
    assert offending("matcher", ("web", "models", "flask", "sqlalchemy", "alembic")) == {}


def test_services_import_no_flask() -> None:
    flask_side = ("flask", "flask_wtf", "wtforms", "werkzeug")
    assert offending("web/services", flask_side) == {}


def test_services_import_no_views_commands_or_app_glue() -> None:
    bad = {}
    for path in sorted((ROOT / "web/services").rglob("*.py")):
        hits = sorted(
            m
            for m in imported_modules(path)
            if m.startswith("web.") and not m.startswith("web.services")
        )
        if hits:
            bad[str(path.relative_to(ROOT))] = hits
    assert bad == {}


def test_importing_every_service_loads_no_flask() -> None:
    """Transitively too: a service module never pulls Flask in through another module."""
    modules = [
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in sorted((ROOT / "web/services").rglob("*.py"))
    ]
    # web/__init__.py is the Flask app factory: stand in an empty `web` package so
    # only what the services themselves import is loaded.
    code = (
        "import importlib, sys, types\n"
        "web = types.ModuleType('web')\n"
        f"web.__path__ = [{str(ROOT / 'web')!r}]\n"
        "sys.modules['web'] = web\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('flask', 'flask_wtf', 'wtforms', 'werkzeug')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_the_web_uses_only_the_matchers_public_names() -> None:
    """web/ imports `matcher` itself or names its __all__ lists, never a submodule:
    everything else in matcher/ is free to change (PRODUCT.md §4)."""
    import matcher

    public = set(matcher.__all__)
    bad: dict[str, list[str]] = {}
    for path in sorted((ROOT / "web").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        hits = []
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                hits += [a.name for a in node.names if a.name.startswith("matcher.")]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                if node.module.startswith("matcher."):
                    hits.append(node.module)
                elif node.module == "matcher":
                    hits += [f"matcher.{a.name}" for a in node.names if a.name not in public]
        if hits:
            bad[str(path.relative_to(ROOT))] = sorted(hits)
    assert bad == {}
