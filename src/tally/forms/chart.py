"""A contest's votes as an inline SVG bar chart, the threshold drawn as a line.

Pure string building: no script, nothing fetched, so it can sit in an HTML report or a printed
form as it is. Bars are drawn to the scale of the base of the majority (the whole bar width is
everyone who could have voted for the candidate), so that a bar that crosses the line is a
candidate over the threshold. The elected are drawn dark, the others light.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from .._count import ContestResult
from .page import Lang
from .words import word

__all__ = ["bar_chart"]

_WIDTH = 640
_ROW = 26
_BAR = 16
_LABEL = 150
_NUMBER = 44
_TOP = 34
_BOTTOM = 10


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def bar_chart(
    result: ContestResult, *, names: Mapping[str, str] | None = None, lang: Lang = "en", title: str | None = None
) -> str:
    """An ``<svg>`` element: one bar per person with votes in ``result.votes`` (in that order),
    labelled with ``names`` where given, and a dashed line at the threshold (none in a
    tie-break, where the most votes win).

    >>> from tally import records
    >>> from tally.examples import load
    >>> rnd = records.Record.from_dict(load("branch")).count()
    >>> svg = bar_chart(rnd["committee"], names={"M01": "张伟"}, lang="zh")
    >>> svg.startswith("<svg") and "当选线6票" in svg and "张伟" in svg and "<script" not in svg
    True
    """
    names = names or {}
    votes = list(result.votes.items())
    scale = max([result.base, result.threshold or 0, 1, *(n for _, n in votes)])
    plot = _WIDTH - _LABEL - _NUMBER - 10
    height = _TOP + _ROW * max(len(votes), 1) + _BOTTOM
    heading = title if title is not None else result.contest.title or result.contest.id
    label = word("chart-title", lang, title=heading)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="tally-chart" role="img" aria-label="{_esc(label)}" '
        f'viewBox="0 0 {_WIDTH} {height}" width="{_WIDTH}" height="{height}" font-size="13">',
        f"<title>{_esc(label)}</title>",
        f'<text x="0" y="16" font-weight="bold">{_esc(label)}</text>',
        f'<line x1="{_LABEL}" y1="{_TOP - 6}" x2="{_LABEL}" y2="{height - _BOTTOM}" stroke="#000" stroke-width="1"/>',
    ]
    elected = set(result.elected)
    for i, (who, n) in enumerate(votes):
        y = _TOP + i * _ROW
        width = n * plot // scale
        fill = "#333" if who in elected else "#bbb"
        parts.append(
            f'<text x="{_LABEL - 8}" y="{y + _BAR - 3}" text-anchor="end">{_esc(names.get(who, who))}</text>'
            f'<rect x="{_LABEL}" y="{y}" width="{width}" height="{_BAR}" fill="{fill}"/>'
            f'<text x="{_LABEL + width + 6}" y="{y + _BAR - 3}">{n}</text>'
        )
    if result.threshold is not None:  # the least number of votes that wins (P-22, V-21, V-23)
        x = _LABEL + result.threshold * plot // scale
        parts.append(
            f'<line class="threshold" x1="{x}" y1="{_TOP - 10}" x2="{x}" y2="{height - _BOTTOM}" '
            f'stroke="#c00" stroke-width="2" stroke-dasharray="6 4"/>'
            f'<text x="{x + 4}" y="{_TOP - 12}" fill="#c00">'
            f"{_esc(word('chart-threshold', lang, n=result.threshold))}</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts)
