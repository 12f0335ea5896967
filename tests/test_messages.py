"""Every message a user reads is a translatable sentence.

An error the user can act on (a `UserError` subclass) or a listed import
`Problem` carries a `Sentence.of("template {name}", name=…)`: the CLI prints
its English text and the GUI translates its template.  A message glued
together with an f-string, `%`, `.format` or `+` has no template, so it
stays English in the Chinese interface.  The same holds for texts the GUI
puts in message boxes, the status bar and labels, and it fills them through
orgdesk.ui.i18n.tr's named placeholders, never a chain of `.replace("%1", …)`.
These tests read every module's syntax tree and refuse such messages where they
are made.
"""
from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "orgdesk"
ENGLISH = re.compile(r"[A-Za-z]{2,}")

#: Where the families start: every class deriving from these carries a sentence.
FAMILY_ROOTS = {"UserError", "Problem"}
#: Qt calls whose text argument the user reads.
UI_TEXT_CALLS = {"showMessage", "setText", "setInformativeText", "setWindowTitle", "setTitle",
                 "setToolTip", "setStatusTip", "setPlaceholderText", "setLabelText",
                 "information", "warning", "critical", "question", "about"}


def _modules() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(ROOT.rglob("*.py")):
        yield path, ast.parse(path.read_text("utf-8"), str(path))


def _message_classes() -> set[str]:
    """The names of every class in the error and problem families, by inheritance."""
    bases: dict[str, set[str]] = {}
    for _path, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(
                    base.id if isinstance(base, ast.Name) else base.attr
                    for base in node.bases if isinstance(base, ast.Name | ast.Attribute))
    family = set(FAMILY_ROOTS)
    while True:
        grown = family | {name for name, parents in bases.items() if parents & family}
        if grown == family:
            return family
        family = grown


def _english(node: ast.AST) -> bool:
    """English words written into the expression itself (a call's own texts, tr's, do not count)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and ENGLISH.search(node.value) is not None
    if isinstance(node, ast.Call):
        return isinstance(node.func, ast.Attribute) and node.func.attr == "format" \
            and _english(node.func.value)
    return any(_english(child) for child in ast.iter_child_nodes(node))


def _glued(node: ast.AST) -> bool:
    """An expression that builds English text without a template: f-string, %, .format, +."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod | ast.Add):
        return _english(node) or _glued(node.left) or _glued(node.right)
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
        and node.func.attr == "format" and isinstance(node.func.value, ast.Constant)


def _glued_english(node: ast.AST) -> bool:
    return _glued(node) and _english(node)


def _assignments(tree: ast.Module) -> dict[ast.AST, dict[str, list[ast.expr]]]:
    """For each function, what each local name is assigned, so `raise E(message)` is judged too."""
    found: dict[ast.AST, dict[str, list[ast.expr]]] = {}
    for func in ast.walk(tree):
        if isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            names: dict[str, list[ast.expr]] = {}
            for node in ast.walk(func):
                if isinstance(node, ast.Assign):
                    for target in node.targets:
                        if isinstance(target, ast.Name):
                            names.setdefault(target.id, []).append(node.value)
                elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
                    names.setdefault(node.target.id, []).append(
                        ast.BinOp(ast.Name(node.target.id), node.op, node.value))
            found[func] = names
    return found


def _enclosing_functions(tree: ast.Module) -> dict[ast.AST, ast.AST]:
    """Each node's innermost function (breadth-first, so an inner function overwrites its outer)."""
    parent: dict[ast.AST, ast.AST] = {}
    for func in ast.walk(tree):
        if isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(func):
                parent[node] = func
    return parent


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) \
        else ""


def _offences(judge: str) -> list[str]:
    family = _message_classes()
    found: list[str] = []
    for path, tree in _modules():
        in_ui = path.relative_to(ROOT).parts[0] == "ui"
        if judge == "ui" and not in_ui:
            continue
        local = _assignments(tree)
        where = _enclosing_functions(tree)
        forwarders = _template_forwarders(tree)
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            name = _call_name(call)
            if judge == "errors" and name in family:
                args = [*call.args, *(keyword.value for keyword in call.keywords)]
                test = _glued
            elif judge == "errors" and _is_sentence_of(call):
                func = where.get(call)
                if func is not None and call.args and isinstance(call.args[0], ast.Name) \
                        and call.args[0].id in forwarders.get(func.name, ()):
                    continue  # a helper handing its caller's literal template on
                args = call.args[:1]
                test = _not_literal
            elif judge == "errors" and name in forwarders and isinstance(call.func, ast.Name):
                index = forwarders[name][1]
                args = call.args[index:index + 1]
                test = _not_literal
            elif judge == "ui" and name == "replace" and call.args \
                    and isinstance(call.args[0], ast.Constant) \
                    and re.fullmatch(r"%\d", str(call.args[0].value)):
                found.append(f"{path.relative_to(ROOT.parent)}:{call.lineno}: .replace(\"%N\", …)")
                continue
            elif judge == "ui" and name in UI_TEXT_CALLS:
                args = [*call.args, *(keyword.value for keyword in call.keywords)]
                test = _glued_english
            else:
                continue
            names = local.get(where.get(call, tree), {})
            for arg in args:
                values = names.get(arg.id, []) \
                    if isinstance(arg, ast.Name) and test is not _not_literal else []
                if test(arg) or any(test(value) for value in values):
                    found.append(f"{path.relative_to(ROOT.parent)}:{call.lineno}: {name}(…)")
                    break
    return found


def _is_sentence_of(call: ast.Call) -> bool:
    return isinstance(call.func, ast.Attribute) and call.func.attr == "of" \
        and isinstance(call.func.value, ast.Name) and call.func.value.id == "Sentence"


def _template_forwarders(tree: ast.Module) -> dict[str, tuple[str, int]]:
    """Module functions that pass one of their parameters to `Sentence.of` as its template.

    name → (parameter, position); their callers must then give a literal template,
    which tools/i18n.py extracts like a `Sentence.of` call's.
    """
    found: dict[str, tuple[str, int]] = {}
    for func in tree.body:
        if isinstance(func, ast.FunctionDef):
            params = [arg.arg for arg in func.args.args]
            for call in ast.walk(func):
                if isinstance(call, ast.Call) and _is_sentence_of(call) and call.args \
                        and isinstance(call.args[0], ast.Name) and call.args[0].id in params:
                    found[func.name] = (call.args[0].id, params.index(call.args[0].id))
    return found


def _not_literal(node: ast.AST) -> bool:
    """Not a literal template (a choice between two literal templates counts as literal)."""
    if isinstance(node, ast.IfExp):
        return _not_literal(node.body) or _not_literal(node.orelse)
    return not (isinstance(node, ast.Constant) and isinstance(node.value, str))


def test_errors_and_problems_carry_sentences_not_glued_text() -> None:
    offences = _offences("errors")
    assert not offences, f"{len(offences)} messages bypass Sentence.of:\n" + "\n".join(offences)


def test_interface_texts_are_translated_with_arguments_not_glued() -> None:
    offences = _offences("ui")
    assert not offences, \
        f"{len(offences)} interface texts are glued English:\n" + "\n".join(offences)


def test_the_judge_recognises_each_glued_form() -> None:
    """The checks above find nothing only if they can find something."""
    for text in ('f"{x} is bad."', '"%s is bad." % x', '"{} is bad.".format(x)',
                 '"Cannot write " + name', 'x + " is bad."', 'f"{tr(x)} is bad."'):
        assert _glued_english(ast.parse(text, mode="eval").body), text
    for text in ('"A plain sentence."', 'Sentence.of("{x} is bad.", x=x)', 'name', 'f"{a}{b}"',
                 'sentence + "\\n\\n" + tr("Recover?")', '"{a}, {b}".format(a=a, b=b)'):
        assert not _glued_english(ast.parse(text, mode="eval").body), text
