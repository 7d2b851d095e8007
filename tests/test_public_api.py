"""The public namespace is explicit and complete; the core does no I/O and loads no edge."""

from __future__ import annotations

import ast
import pathlib
import subprocess
import sys
import types

import tally

SRC = pathlib.Path(tally.__file__).parent
CORE = sorted(p for p in SRC.glob("_*.py") if p.name != "__main__.py")
EDGE = {"tally.report", "tally.cli", "tally.records", "tally.examples", "tally.__main__"}
EDGE |= {"tally.forms", "tally.strokes"}
# Modules whose import in the core would mean I/O, a clock, randomness or logging (STYLE 1).
FORBIDDEN = {
    "os",
    "sys",
    "pathlib",
    "io",
    "logging",
    "random",
    "time",
    "socket",
    "subprocess",
    "shutil",
    "tempfile",
    "tabulate",
    "json",
    "csv",
}
FORBIDDEN_CALLS = {"open", "print", "input"}


def test_all_lists_exactly_the_public_names() -> None:
    """`__all__` names every public attribute of `tally` and nothing that is missing."""
    public = {n for n, v in vars(tally).items() if not n.startswith("_") and not isinstance(v, types.ModuleType)}
    assert set(tally.__all__) == public
    assert all(hasattr(tally, n) for n in tally.__all__)
    assert tally.__all__ == sorted(tally.__all__, key=lambda n: (not n.isupper(), n))


def test_every_public_name_has_a_docstring() -> None:
    """Each public class and function says what it is for."""
    for name in tally.__all__:
        obj = getattr(tally, name)
        if callable(obj):
            assert (obj.__doc__ or "").strip(), name


def _imports(path: pathlib.Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                found.add("tally." + base if base else "tally")
            else:
                found.add(base)
    return found


def test_core_modules_import_no_io_and_no_edge() -> None:
    """STYLE 1: no core module imports an I/O module or an edge module."""
    assert CORE, "no core modules found"
    for path in CORE:
        imported = _imports(path)
        roots = {name.split(".")[0] for name in imported}
        assert not roots & FORBIDDEN, (path.name, roots & FORBIDDEN)
        assert not imported & EDGE, (path.name, imported & EDGE)


def test_core_modules_call_no_io_builtins() -> None:
    """STYLE 1: no core module calls open, print or input."""
    for path in CORE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in FORBIDDEN_CALLS, (path.name, node.func.id)


def test_import_tally_loads_no_edge_module() -> None:
    """`import tally` must not import the edge (report, cli, records) nor tabulate."""
    code = "import sys, tally; print(sorted(m for m in sys.modules if m.startswith(('tally.', 'tabulate'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(eval(out.stdout))
    assert not loaded & (EDGE | {"tabulate"}), loaded & (EDGE | {"tabulate"})


def test_package_ships_type_information() -> None:
    """PEP 561: the package is typed."""
    assert (SRC / "py.typed").is_file()


def test_every_public_function_has_a_runnable_example() -> None:
    """Each public function's docstring carries a doctest."""
    import inspect

    missing = [
        name
        for name in tally.__all__
        if inspect.isfunction(getattr(tally, name)) and ">>>" not in (getattr(tally, name).__doc__ or "")
    ]
    assert missing == []
