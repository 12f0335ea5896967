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

#: (context, source text) of each.
QT_OWN_TEXTS = (
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Look in:")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown")),
    ("QPageSetupWidget", QT_TRANSLATE_NOOP("QPageSetupWidget", "Page &order:")),
    ("QPageSetupWidget", QT_TRANSLATE_NOOP("QPageSetupWidget", "Pages &per sheet:")),
    ("QPrintSettingsOutput", QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:")),
    ("QIODevice", QT_TRANSLATE_NOOP("QIODevice", "No such file or directory")),
)
