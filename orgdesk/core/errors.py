"""Typed errors.

Three families, kept apart on purpose: `UserError` subclasses describe a
problem with the user's input or file and carry one readable sentence
(`str(err)`); anything else that escapes is a bug and may show a traceback.
"""
from __future__ import annotations


class UserError(Exception):
    """A problem the user can understand and fix; its message is one sentence."""


class DomainError(UserError):
    """An edit that would break a rule of the organisation's structure."""


class CycleError(DomainError):
    """A move that would put a position under itself or one of its descendants."""


class UnknownPositionError(DomainError):
    """An operation named a position id that is not in the organisation."""


class UnknownDepartmentError(DomainError):
    """An operation named a department id that is not in the organisation."""


class InvalidValueError(DomainError):
    """A field value outside what the domain allows (negative headcount, bad colour…)."""


class Sentence(str):
    """An English sentence that remembers its template, so an interface can translate it.

    `str(Sentence.of("{file} does not exist.", file="“a.orgdesk”"))` is the
    English text the CLI prints; the GUI translates `template` (context
    "errors") and fills in the same arguments, so a Chinese interface shows
    “a.orgdesk” 不存在。 without the core knowing anything of Qt.
    """

    template: str
    arguments: dict[str, object]

    @classmethod
    def of(cls, template: str, **arguments: object) -> Sentence:
        sentence = cls(template.format(**arguments))
        sentence.template = template
        sentence.arguments = arguments
        return sentence


def sentence_of(error: BaseException) -> str:
    """What `error` says: the `Sentence` it carries (so it can still be translated), else its text.

    `str(error)` would turn a Sentence into a plain string and lose its template.
    """
    text = error.args[0] if len(error.args) == 1 else None
    return text if isinstance(text, Sentence) else str(error)
