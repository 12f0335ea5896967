"""Texts of Qt's own dialogs that Qt's zh_CN translations (qtbase_zh_CN.qm) lack.

Qt 6 added mnemonics to some labels ("&Look in:", "Files of &type:") whose
translations in the qtbase catalogue still have the old source text, so a
Chinese interface showed them in English.  Declared here in Qt's own
contexts, they are extracted into orgdesk's catalogue (tools/i18n.py), which
is installed beside Qt's: Qt asks its own catalogue first and falls back to
orgdesk's for these.  tests/ui/test_language_switch.py finds every text Qt's
dialogs ask for that neither catalogue answers.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_OWN_TEXTS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Page &order:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Pages &per sheet:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
    QT_TRANSLATE_NOOP("QIODevice", "No such file or directory"),
)
