"""Nothing loaded before the window's first paint touches the Qt namespace at import.

PySide makes all of a class's enums the first time one is used, and the Qt namespace has about
95 of them: a module-level ``Qt.FocusReason...`` in a module the window imports added some 17 ms
to every start (startup_ratio 1.3 where the target is 1.2). Those modules use it inside their
functions, after the first paint.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _loaded_at_start() -> list[Path]:
    """The app's own modules a start loads before its window is built."""
    probe = (
        "import sys, desktop.app, desktop.shell.main_window;"
        "print('\\n'.join(m.__file__ for n, m in sys.modules.items()"
        " if n.split('.')[0] == 'desktop' and getattr(m, '__file__', None)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return [Path(line) for line in done.stdout.split()]


def _run_at_import(tree: ast.Module) -> list[ast.AST]:
    """The nodes Python evaluates when the module is imported: not function bodies (their
    defaults are), not annotations (``from __future__ import annotations``)."""
    found: list[ast.AST] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for default in (*node.args.defaults, *node.args.kw_defaults, *node.decorator_list):
                if default is not None:
                    visit(default)
            return
        if isinstance(node, ast.Lambda):
            return
        if isinstance(node, ast.AnnAssign):
            if node.value is not None:
                visit(node.value)
            return
        found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def test_no_module_loaded_before_the_first_paint_uses_the_qt_namespace_at_import() -> None:
    modules = _loaded_at_start()
    assert any(path.name == "main_window.py" for path in modules)
    uses = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in modules
        for node in _run_at_import(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "Qt"
    ]
    assert uses == [], "the Qt namespace used at import, before the first paint: " + ", ".join(uses)
