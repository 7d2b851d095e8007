"""The page: one print stylesheet and the HTML that every form is built of.

Every form is a whole HTML document with its stylesheet embedded: no script, no font, image or
style fetched from anywhere. The stylesheet lays the page out on A4 with margins, starts each
contest's sheet on a new page, never cuts a table row across pages and repeats a table's head on
each page. Chinese text uses the system's CJK fonts (Noto CJK on Debian, ``fonts-noto-cjk``).

The report command can use the same stylesheet: put ``<style>{PRINT_CSS}</style>`` in the head
of its HTML (or call :func:`document`).

>>> "@page" in PRINT_CSS and "break-inside: avoid" in PRINT_CSS
True
>>> cell("<b>") , cell(Html("<b>"))
('&lt;b&gt;', '<b>')
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Sequence
from typing import Literal

__all__ = ["PRINT_CSS", "Html", "Lang", "cell", "date", "document", "table"]

Lang = Literal["zh", "en"]

PRINT_CSS = """\
@page { size: A4; margin: 16mm 16mm 18mm 16mm; }
:root {
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun",
               "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", serif;
  font-size: 11pt; line-height: 1.45; color: #000; background: #fff;
}
body { margin: 0; }
@media screen { body { max-width: 178mm; margin: 10mm auto; padding: 0 4mm; } }
.sheet + .sheet { break-before: page; page-break-before: always; }
h1 { font-size: 20pt; text-align: center; margin: 0 0 1mm; }
:lang(zh) h1 { letter-spacing: 0.15em; }
h2 { font-size: 13.5pt; margin: 5mm 0 2mm; }
h3 { font-size: 12pt; margin: 4mm 0 1.5mm; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
p { margin: 1.5mm 0; }
.subtitle { text-align: center; font-size: 12pt; margin: 0 0 4mm; }
.meta { display: flex; justify-content: space-between; gap: 6mm; margin: 0 0 2mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr, th, td, .keep { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.3mm solid #000; padding: 1.2mm 2mm; vertical-align: middle; }
th { font-weight: bold; text-align: center; }
td.n, th.n { width: 10mm; text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.name { font-size: 13pt; white-space: nowrap; }
:lang(zh) td.name { letter-spacing: 0.1em; }
td.box, th.box { width: 17mm; text-align: center; }
td.box1, th.box1 { width: 26mm; text-align: center; white-space: nowrap; }
td.id, th.id, th.n, td.n { white-space: nowrap; }
tr.tall td { height: 11mm; }
table.ballot tr.tall td, table.writein tr.tall td { height: 9mm; }
td.sign { width: 34mm; }
td.tally { min-width: 70mm; }
table.pairs { width: auto; }
table.pairs th { text-align: left; font-weight: normal; }
.rules { border: 0.3mm solid #000; padding: 1.5mm 3mm; margin: 2mm 0 3mm; break-inside: avoid; }
.rules h3 { margin: 0.5mm 0 1mm; }
.rules ol { margin: 0; padding-left: 6mm; }
.verdict { font-weight: bold; }
.muted { color: #555; }
.fill { display: inline-block; min-width: 18mm; border-bottom: 0.3mm solid #000; }
.block { break-inside: avoid; page-break-inside: avoid; }
table.signatures { margin-top: 8mm; width: auto; }
table.signatures td { border: none; padding: 3mm 5mm 3mm 0; white-space: nowrap; }
table.signatures .line { display: inline-block; width: 28mm; border-bottom: 0.3mm solid #000; }
p.date { text-align: right; margin-top: 4mm; }
svg { max-width: 100%; height: auto; }
svg text { font-family: inherit; }
"""
"""The print stylesheet of every form (A4, margins, a page break between sheets, rows never cut,
table heads repeated)."""


class Html(str):
    """A string that is already HTML: :func:`cell` and :func:`table` put it in as it is."""

    __slots__ = ()


def cell(value: object) -> str:
    """HTML for a value: escaped, unless it is :class:`Html` already."""
    return value if isinstance(value, Html) else html.escape(str(value))


def table(
    headers: Sequence[object],
    rows: Sequence[Sequence[object]],
    *,
    cls: str = "",
    classes: Sequence[str] = (),
    row_cls: str = "",
) -> Html:
    """A table with a head that repeats on each printed page; ``classes`` gives each column's
    cell class (``n``, ``num``, ``name``, ``box``, ``sign``, ``tally``).

    >>> print(table(["#", "name"], [[1, "王芳"]], classes=["n", "name"]))
    <table>
    <thead><tr><th class="n">#</th><th class="name">name</th></tr></thead>
    <tbody>
    <tr><td class="n">1</td><td class="name">王芳</td></tr>
    </tbody>
    </table>
    """

    def attr(i: int) -> str:
        return f' class="{classes[i]}"' if i < len(classes) and classes[i] else ""

    head = "".join(f"<th{attr(i)}>{cell(h)}</th>" for i, h in enumerate(headers))
    tr = f'<tr class="{row_cls}">' if row_cls else "<tr>"
    body = "\n".join(tr + "".join(f"<td{attr(i)}>{cell(v)}</td>" for i, v in enumerate(row)) + "</tr>" for row in rows)
    open_tag = f'<table class="{cls}">' if cls else "<table>"
    return Html(f"{open_tag}\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>")


def document(title: str, sheets: Sequence[str], *, lang: Lang) -> str:
    """A whole HTML document: the stylesheet embedded, each sheet a ``<section class="sheet">``
    that starts on a new printed page.

    >>> text = document("选票", ["<p>一</p>", "<p>二</p>"], lang="zh")
    >>> text.count('<section class="sheet">'), "<script" in text, "http" in text
    (2, False, False)
    """
    body = "\n".join(f'<section class="sheet">\n{s}\n</section>' for s in sheets)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{PRINT_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip


def date(day: datetime.date, lang: Lang) -> str:
    """A date as a form writes it.

    >>> date(datetime.date(2026, 5, 21), "zh"), date(datetime.date(2026, 5, 21), "en")
    ('2026年5月21日', '21 May 2026')
    """
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
