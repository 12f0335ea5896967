"""Extract the interface's translatable strings into Qt Linguist files, and compile them.

    python tools/i18n.py update    # refresh resources/orgdesk_zh_CN.ts (keeps translations)
    python tools/i18n.py release   # compile it to resources/orgdesk_zh_CN.qm (pyside6-lrelease)
    python tools/i18n.py check     # exit 1 if a string lacks a translation or the .qm is stale

PySide's lupdate only sees literal `self.tr("…")` calls; orgdesk's modules
also use small aliases (`_t("…")`, `tr("…")`) bound to one context, so this
extractor reads the AST: a module-level function whose body returns
`….translate("Context", arg)` or `tr("Context", arg)` is an alias of that
context; `self.tr("…")` inside class C has context C;
`tr("Context", "…", name=…)` and `tr_n("Context", "singular", "plural", n)` are
orgdesk.ui.i18n's helper; `QT_TRANSLATE_NOOP("Context", "…")` marks a text that is translated later
from a variable (`self.tr(label)`).
"""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "orgdesk" / "ui"
TS_FILE = ROOT / "resources" / "orgdesk_zh_CN.ts"
QM_FILE = ROOT / "resources" / "orgdesk_zh_CN.qm"

Message = tuple[str, str]  # (context, source text)


def _alias_context(func: ast.FunctionDef) -> str | None:
    """The fixed context of a one-line translation alias, if `func` is one."""
    if len(func.body) != 1 or not isinstance(func.body[0], ast.Return):
        return None
    call = func.body[0].value
    if not isinstance(call, ast.Call) or len(call.args) < 2:
        return None
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
    first = call.args[0]
    if name in ("translate", "tr") and isinstance(first, ast.Constant) \
            and isinstance(first.value, str) and isinstance(call.args[1], ast.Name):
        return first.value
    return None


def extract_file(path: Path) -> list[Message]:
    tree = ast.parse(path.read_text("utf-8"), str(path))
    aliases = {node.name: ctx for node in tree.body if isinstance(node, ast.FunctionDef)
               if (ctx := _alias_context(node)) is not None}
    found: list[Message] = []

    def literal(node: ast.AST) -> str | None:
        return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) \
            else None

    def visit(node: ast.AST, klass: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call):
                func = child.func
                if isinstance(func, ast.Attribute) and func.attr == "tr" and klass \
                        and isinstance(func.value, ast.Name) and func.value.id == "self" \
                        and child.args and (text := literal(child.args[0])) is not None:
                    found.append((klass, text))
                elif isinstance(func, ast.Attribute) and func.attr == "translate" \
                        and len(child.args) >= 2 and (ctx := literal(child.args[0])) \
                        and (text := literal(child.args[1])) is not None:
                    found.append((ctx, text))
                elif isinstance(func, ast.Name) and func.id in aliases and child.args \
                        and (text := literal(child.args[0])) is not None:
                    found.append((aliases[func.id], text))
                elif isinstance(func, ast.Name) and func.id in ("tr", "tr_n", "QT_TRANSLATE_NOOP") \
                        and len(child.args) >= 2 \
                        and (ctx := literal(child.args[0])) \
                        and (text := literal(child.args[1])) is not None:
                    found.append((ctx, text))
                if isinstance(func, ast.Name) and func.id == "tr_n" and len(child.args) >= 3 \
                        and (ctx := literal(child.args[0])) \
                        and (plural := literal(child.args[2])) is not None:
                    found.append((ctx, plural))  # the singular was found as tr's second argument
            visit(child, klass)

    visit(tree, None)
    return found


#: Exceptions that report a bug to a developer, never a sentence to the user.
DEVELOPER_ERRORS = frozenset({
    "ValueError", "TypeError", "AssertionError", "KeyError", "RuntimeError", "IndexError",
    "NotImplementedError", "AttributeError", "LookupError", "SystemExit", "OSError",
    "FileNotFoundError", "StopIteration"})


def extract_sentences(path: Path) -> list[Message]:
    """`Sentence.of("…", …)` templates of the core's errors, context "errors"."""
    found: list[Message] = []
    tree = ast.parse(path.read_text("utf-8"), str(path))
    command_line = "cli" in path.parts  # the CLI's own usage errors are printed in English

    def sentence_of(node: ast.AST) -> bool:
        return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and node.func.attr == "of" and isinstance(node.func.value, ast.Name) \
            and node.func.value.id == "Sentence" and bool(node.args)

    # A module function handing one of its parameters to Sentence.of as the template
    # (`_invalid(name, "…", …)`): its callers' literals at that position are templates too.
    forwarders: dict[str, int] = {}
    for func in tree.body:
        if isinstance(func, ast.FunctionDef):
            params = [arg.arg for arg in func.args.args]
            for node in ast.walk(func):
                if sentence_of(node) and isinstance(node.args[0], ast.Name) \
                        and node.args[0].id in params:
                    forwarders[func.name] = params.index(node.args[0].id)
    for node in ast.walk(tree):
        # `raise SpanRulesError("The rules are not valid JSON.")`: a user error whose
        # sentence is fixed text; the interface translates it as it stands (ui/messages.py).
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and not command_line \
                and getattr(node.exc.func, "id", "") not in DEVELOPER_ERRORS:
            for arg in node.exc.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) \
                        and arg.value.endswith((".", "?")) and " " in arg.value:
                    found.append(("errors", arg.value))
        if not isinstance(node, ast.Call):
            continue
        index = 0 if sentence_of(node) else forwarders.get(getattr(node.func, "id", ""), -1)
        if not 0 <= index < len(node.args):
            continue
        template = node.args[index]
        # `Sentence.of("… full." if full else "… read-only.")`: both branches are templates
        for choice in (template.body, template.orelse) if isinstance(template, ast.IfExp) \
                else (template,):
            if isinstance(choice, ast.Constant) and isinstance(choice.value, str):
                found.append(("errors", choice.value))
    return found


def extract() -> dict[str, list[str]]:
    """Context → source texts in first-seen order, over every ui module and every Sentence."""
    contexts: dict[str, list[str]] = {}
    found = [m for path in sorted(SOURCES.rglob("*.py")) for m in extract_file(path)]
    found += [m for path in sorted((ROOT / "orgdesk").rglob("*.py")) for m in extract_sentences(path)]
    for context, text in found:
        texts = contexts.setdefault(context, [])
        if text not in texts:
            texts.append(text)
    return contexts


def read_ts(path: Path = TS_FILE) -> dict[Message, str]:
    if not path.is_file():
        return {}
    translations = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            element = message.find("translation")
            text = element.text if element is not None and element.get("type") is None else None
            translations[(name, message.findtext("source", ""))] = text or ""
    return translations


def write_ts(contexts: dict[str, list[str]], translations: dict[Message, str],
             path: Path = TS_FILE) -> None:
    root = ET.Element("TS", version="2.1", language="zh_CN", sourcelanguage="en")
    for name in sorted(contexts):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for text in contexts[name]:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = text
            translated = translations.get((name, text), "")
            element = ET.SubElement(message, "translation")
            if translated:
                element.text = translated
            else:
                element.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    "utf-8")


def lrelease(source: Path, target: Path) -> None:
    tool = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) \
        or shutil.which("pyside6-lrelease")
    if tool is None:
        raise SystemExit("pyside6-lrelease is not installed (it comes with PySide6).")
    subprocess.run([tool, "-silent", str(source), "-qm", str(target)], check=True)


def missing() -> list[Message]:
    translations = read_ts()
    return [(ctx, text) for ctx, texts in extract().items() for text in texts
            if not translations.get((ctx, text))]


def qm_is_current() -> bool:
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "fresh.qm"
        lrelease(TS_FILE, fresh)
        return QM_FILE.is_file() and fresh.read_bytes() == QM_FILE.read_bytes()


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        write_ts(extract(), read_ts())
        print(f"{TS_FILE.name}: {len(missing())} strings need a translation")
        return 0
    if command == "release":
        lrelease(TS_FILE, QM_FILE)
        return 0
    if command == "check":
        problems = [f"untranslated: [{ctx}] {text}" for ctx, text in missing()]
        if not qm_is_current():
            problems.append(f"{QM_FILE.name} is stale: run `python tools/i18n.py release`")
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
