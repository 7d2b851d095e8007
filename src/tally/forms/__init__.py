"""The paper forms of an election, made from its record, ready to print.

Before the vote, staff print the ballot papers (``ballot``, 选票) and the sign-in sheet
(``sign-in``, 签到表); during the count they fill in the tally sheet (``tally-sheet``, 计票单);
after it they sign the result report (``result``, 选举结果报告单). Each is one HTML document with
its print stylesheet embedded (A4; each contest on its own page; rows never cut across pages), in
Chinese or English; :func:`~tally.forms.pdf.print_pdfs` turns it into PDF with headless Chromium.

This is the edge: ``import tally`` does not load it.

>>> from tally import records
>>> from tally.examples import load
>>> rec = records.Record.from_dict(load("branch"))
>>> page = render(rec, "ballot", lang="zh")
>>> page.startswith("<!DOCTYPE html>") and "选　票" in page and "<script" not in page
True
>>> page.index("王芳") < page.index("刘洋") < page.index("李娜") < page.index("张伟")  # P-15
True

For the report command: :data:`PRINT_CSS` is the stylesheet, :func:`bar_chart` draws a contest's
votes as inline SVG with its threshold line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from .._values import shown
from ..errors import Problem, RuleError
from ..records import Record
from .ballot import ballot
from .chart import bar_chart
from .context import Context
from .page import PRINT_CSS, Lang, document
from .pdf import PrintError, find_chromium, print_pdf, print_pdfs
from .result import result
from .sheets import sign_in, tally_sheet
from .words import WORDS, word

__all__ = [
    "FORMS",
    "PRINT_CSS",
    "WORDS",
    "PrintError",
    "bar_chart",
    "bundle",
    "find_chromium",
    "print_pdf",
    "print_pdfs",
    "render",
]

_MAKERS: Mapping[str, tuple[str, Callable[[Context], list[str]]]] = {
    "ballot": ("ballot", ballot),
    "sign-in": ("sign-in", sign_in),
    "tally-sheet": ("tally-sheet", tally_sheet),
    "result": ("result", result),
}
FORMS: tuple[str, ...] = tuple(_MAKERS)
"""The forms by name: ``ballot``, ``sign-in``, ``tally-sheet``, ``result``."""


def render(record: Record, form: str, *, lang: Lang = "zh") -> str:
    """The form *form* of the election in *record*, as a whole HTML document in *lang*.

    A person the form lists by name must have one whose characters the stroke table knows
    (P-15, P-26); else a :class:`~tally.errors.RecordError` names each ``roll[i].name``. An
    unknown form or language is a :class:`~tally.errors.RuleError`.

    >>> from tally import records
    >>> from tally.examples import load
    >>> rec = records.Record.from_dict(load("village"))
    >>> "Ballot paper" in render(rec, "ballot", lang="en")
    True
    >>> render(rec, "poster")
    Traceback (most recent call last):
      ...
    tally.errors.RuleError: form: no form 'poster'; the forms are ballot, sign-in, tally-sheet, result
    """
    _check([form], lang)
    key, make = _MAKERS[form]
    ctx = Context.of(record, lang)
    title = f"{word(key, lang).replace('　', '')} · {ctx.title}"
    return document(title, make(ctx), lang=lang)


def bundle(record: Record, forms: Sequence[str] = FORMS, *, lang: Lang = "zh") -> str:
    """Several forms of one election in one HTML document, each sheet on its own pages: the whole
    paperwork printed in one go (and in one browser call).

    >>> from tally import records
    >>> from tally.examples import load
    >>> page = bundle(records.Record.from_dict(load("branch")), ["ballot", "result"])
    >>> page.count('<section class="sheet">')
    2
    """
    _check(forms, lang)
    ctx = Context.of(record, lang)
    sheets = [sheet for form in forms for sheet in _MAKERS[form][1](ctx)]
    return document(ctx.title, sheets, lang=lang)


def _check(forms: Sequence[str], lang: str) -> None:
    problems = [
        Problem("form", "no-form", {"value": shown(f), "forms": tuple(FORMS)}) for f in forms if f not in _MAKERS
    ]
    if lang not in ("zh", "en"):
        problems.append(Problem("lang", "no-language", {"value": shown(lang)}))
    if problems:
        raise RuleError(problems)
