"""Reports: a counted round (or a verification of one) rendered for people, as text, Markdown,
HTML or JSON, in Chinese or English.

This is the edge. A report states only what the engine decided: every line comes from a decision
of the core (a :class:`tally.Step`, a figure of the meeting, polling or contest) and its words from
:mod:`tally.catalogue`. A round that did not take place has no ballot verdict; a column names the
test that was applied; a step cites the rule of the body it is about. Tables go through
``tabulate``, with ``wcwidth`` so that Chinese names line up in text.

>>> from tally import records
>>> from tally.examples import load
>>> rec = records.Record.from_dict(load("branch"))
>>> print(render(rec.verify(), lang="zh", title=rec.title).splitlines()[0])
某社区党支部委员会换届选举（第一轮）
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any, Literal

from tabulate import tabulate
from wcwidth import wcswidth

from ._assembly import Decisions, DecisionsVerification
from ._compliance import Finding
from ._count import ContestResult, Round
from ._explain import Code, Step
from ._meeting import Meeting
from ._polling import Polling
from ._roll import Roll
from ._rulebook import Kind
from ._threshold import Base, decision
from ._verify import Verification
from .catalogue import (
    BASES,
    CATEGORIES,
    CHECKS,
    DISCREPANCIES,
    FIGURES,
    LANGS,
    REASONS,
    RULEBOOKS,
    STAGES,
    STATUSES,
    Lang,
    describe,
    fill,
    label,
    share,
)

__all__ = ["CITES", "FORMATS", "LANGS", "describe", "render"]

Format = Literal["text", "markdown", "html", "json"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "html", "json")
Cite = Literal["rule", "article"]
CITES: tuple[Cite, ...] = ("rule", "article")

_Block = tuple[str, Any]


class _Page:
    """What every part of a report needs to name people and contests."""

    def __init__(self, rnd: Round | Decisions, lang: Lang) -> None:
        self.lang = lang
        if isinstance(rnd, Decisions):
            roll = rnd.assembly.roll
            self.titles = {r.motion.id: r.motion.title or r.motion.id for r in rnd.motions}
        else:
            roll = rnd.meeting.roll
            self.titles = {c.contest.id: c.contest.title or c.contest.id for c in rnd.contests}
        people = roll.members if isinstance(roll, Roll) else roll.voters
        self.names = {m.id: m.name for m in people if m.name}

    def person(self, who: str) -> str:
        return f"{who} {self.names[who]}" if who in self.names else who

    def people(self, ids: Sequence[str]) -> str:
        if not ids:
            return label("none", self.lang)
        return ("、" if self.lang == "zh" else ", ").join(self.person(w) for w in ids)

    def say(self, step: Step) -> str:
        return describe(step, lang=self.lang, names=self.names, titles=self.titles)

    def yes(self, value: bool) -> str:
        return label("yes" if value else "no", self.lang)


def _blocks(
    rnd: Round,
    verification: Verification | None,
    lang: Lang,
    title: str,
    day: str,
    changed: Sequence[str],
    cite: Cite,
) -> list[_Block]:
    page = _Page(rnd, lang)
    body = rnd.meeting
    book = body.rulebook
    name = RULEBOOKS[book.id][lang] if book.id in RULEBOOKS else book.title or book.id
    out: list[_Block] = [("h1", title or label("report", lang))]
    out.append(("p", label("rulebook", lang, name=name, day=day or label("day-unknown", lang))))
    if changed:
        sep = "、" if lang == "zh" else ", "
        out.append(("p", label("rulebook-changed", lang, count=len(changed), fields=sep.join(changed))))
    if isinstance(body, Meeting):
        out.extend(_meeting_blocks(body, page))
    else:
        out.extend(_polling_blocks(body, rnd, page))
    out.extend(("p", page.say(s)) for s in rnd.steps if s.code in _ROUND_VERDICTS)
    for c in rnd.contests:
        out.extend(_contest_blocks(c, rnd, page))
    if verification is not None:
        shown = partial(_value, page=page)
        out.extend(_verification_blocks(verification.agrees, verification.discrepancies, page, "contest", shown))
    steps = [*body.steps, *rnd.steps, *(s for c in rnd.contests for s in c.steps)]
    out.extend(_reasons_blocks(steps, page, cite))
    return out


def _verification_blocks(
    agrees: bool, found: Sequence[Any], page: Any, heading: str, value: Callable[[object], str]
) -> list[_Block]:
    """Whether the recount agrees with what was declared, and each difference (of an election's
    contests or a sitting's motions, named by *heading*)."""
    lang = page.lang
    out: list[_Block] = [("h2", label("verification", lang)), ("p", label("agrees" if agrees else "disagrees", lang))]
    if found:
        rows = [
            (page.titles.get(d.contest, d.contest), DISCREPANCIES[d.what][lang], value(d.declared), value(d.counted))
            for d in found
        ]
        out.append(("table", ([label(k, lang) for k in (heading, "what", "declared", "counted")], rows)))
    return out


def _reasons_blocks(steps: Sequence[Step], page: Any, cite: Cite) -> list[_Block]:
    """Every decision with its rule (and, with ``cite="article"``, the article it comes from)."""
    lang = page.lang
    if cite == "article":
        from .citations import cite as article

        headers = [label("rule", lang), label("source", lang), label("decision", lang)]
        reasons: list[tuple[str, ...]] = [(s.rule, article(s.rule, lang=lang), page.say(s)) for s in steps]
    else:
        headers = [label("rule", lang), label("decision", lang)]
        reasons = [(s.rule, page.say(s)) for s in steps]
    return [("h2", label("reasons", lang)), ("table", (headers, reasons))]


# The decisions about the round as a whole, said beside the attendance or turnout figures.
_ROUND_VERDICTS = frozenset(
    {Code.NOT_HELD_INQUORATE, Code.NOT_HELD_TURNOUT, Code.TURNOUT_NOT_REQUIRED, Code.BALLOTS_WITHIN, Code.BALLOTS_OVER}
)


# Why a round elected nobody, by the decision that stopped it.
_NOT_HELD = {
    Code.NOT_HELD_INQUORATE: "not-held-inquorate",
    Code.NOT_HELD_TURNOUT: "not-held-turnout",
    Code.BALLOTS_OVER: "not-held-void",
}


def _value(value: object, page: _Page) -> str:
    """A declared or counted value of a discrepancy: ids as people, votes as ``id name: n``."""
    if value is None:
        return label("none", page.lang)
    if isinstance(value, Mapping):
        return "; ".join(f"{page.person(str(k))}: {v}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return page.people([str(v) for v in value])
    return str(value)


def _meeting_blocks(m: Meeting, page: _Page) -> list[_Block]:
    lang, q = page.lang, m.quorum
    book = m.rulebook
    needed = label("needed-inclusive" if book.quorum_inclusive else "needed", lang, share=share(book.quorum, lang))
    out: list[_Block] = [("h2", label("attendance", lang))]
    rows = [
        (label("electorate", lang), q.electorate),
        (label("required", lang), q.required),
        (label("present", lang), q.present),
        (needed, q.needed),
        (label("met", lang), label("valid" if q.met else "not-valid", lang)),
    ]
    out.append(("table", ([label("item", lang), label("figure", lang)], rows)))
    if m.exclusions:
        out.append(("h2", label("exclusions", lang)))
        sep = "；" if lang == "zh" else "; "
        rows2 = [
            (
                page.person(o.exclusion.member),
                CATEGORIES[o.exclusion.category][lang] if o.exclusion.category in CATEGORIES else o.exclusion.category,
                label("out", lang)
                if o.excluded
                else label("in", lang, reasons=sep.join(REASONS[r][lang] for r in o.reasons)),
            )
            for o in m.exclusions
        ]
        out.append(("table", ([label(k, lang) for k in ("member", "category", "outcome")], rows2)))
    return out


def _polling_blocks(p: Polling, rnd: Round, page: _Page) -> list[_Block]:
    lang, t = page.lang, p.turnout
    half = share(p.rulebook.turnout, lang)
    out: list[_Block] = [("h2", label("turnout", lang))]
    rows: list[tuple[str, object]] = [
        (label(_REGISTERED.get(p.mode, "registered"), lang), t.registered),
        (label("in_person", lang), t.in_person),
        (label("by_proxy", lang), t.by_proxy),
        (label("mobile", lang), t.mobile),
        (label("voted", lang), t.voted),
        (label("needed-turnout", lang, share=half), t.needed),
        (label("turnout-met", lang, share=half), page.yes(t.valid)),
    ]
    if rnd.turnout_required is False:
        rows.append((label("turnout-required", lang), label("turnout-not-required", lang)))
    out.append(("table", ([label("item", lang), label("figure", lang)], rows)))
    if p.proxies:
        out.append(("h2", label("proxies", lang)))
        numbers = {"cap": p.rulebook.proxy_cap or 0, "days": p.rulebook.proxy_deadline_days}
        rows2 = [
            (
                page.person(o.proxy.principal),
                page.person(o.proxy.agent),
                label("accepted", lang) if o.reason is None else fill(REASONS[o.reason][lang], **numbers),
            )
            for o in p.proxies
        ]
        out.append(("table", ([label(k, lang) for k in ("principal", "agent", "outcome")], rows2)))
    return out


# R-2: whose roll a residents' committee's polling counts, by its mode.
_REGISTERED = {"household": "registered-households", "group-representatives": "registered-representatives"}


def _contest_blocks(c: ContestResult, rnd: Round, page: _Page) -> list[_Block]:
    lang, contest = page.lang, c.contest
    heading = "sheet" if rnd.valid else "contest-heading"  # no tally sheet where nothing is decided
    out: list[_Block] = [("h2c", label(heading, lang, title=page.titles[contest.id]))]
    out.append(("p", label("stage", lang, seats=contest.seats, stage=STAGES[contest.stage.value][lang])))
    if not rnd.valid:
        # A round that could not elect (inquorate, short of turnout, void) has no ballot verdict.
        rule = next((s.rule for s in rnd.steps if s.code is rnd.stopped_by), "")
        out.append(("p", label(_NOT_HELD[rnd.stopped_by or Code.BALLOTS_OVER], lang, rule=rule)))
        return out
    test = c.test
    figures = {"valid": c.valid, "invalid": c.invalid, "threshold": c.threshold}
    if test is None:
        out.append(("p", label("test-tie", lang, **figures)))
        column = None
    elif test.base is Base.BALLOTS:
        out.append(("p", label("test-floor", lang, share=share(test.fraction, lang), ballots=rnd.collected, **figures)))
        column = label("column-floor", lang, share=share(test.fraction, lang))
    else:
        words = BASES[test.base][lang]
        out.append(
            (
                "p",
                label(
                    "test-majority", lang, share=share(test.fraction, lang), base_words=words, base=c.base, **figures
                ),
            )
        )
        column = label("column-majority", lang, share=share(test.fraction, lang))
    withdrawn = {s.subject for s in c.steps if s.code is Code.RELATIVE_WITHDRAWN}
    higher = {s.subject for s in c.steps if s.code is Code.HIGHER_POST}
    rows = []
    for who, n in c.votes.items():
        if who in c.elected:
            result = label("won", lang)
        elif who in c.tied:
            result = label("tied", lang)
        elif who in withdrawn:
            result = label("withdrawn", lang)
        elif who in higher:
            result = label("higher", lang)
        else:
            result = label("lost", lang)
        row: list[object] = [who, page.names.get(who, ""), n]
        if column is not None and c.threshold is not None:
            row.append(page.yes(n >= c.threshold))
        row.append(result)
        rows.append(row)
    headers = [label("candidate", lang), label("name", lang), label("votes", lang)]
    if column is not None:
        headers.append(column)
    headers.append(label("result", lang))
    out.append(("table", (headers, rows)))
    out.append(("chart", (c, page.names, page.titles[contest.id])))  # HTML only: the votes as bars
    if c.next_round is not None:
        nxt = c.next_round
        stage = STAGES[nxt.stage.value][lang]
        out.append(("p", label("next", lang, stage=stage, seats=nxt.seats, candidates=page.people(nxt.candidates))))
    if c.seats_reduced:
        out.append(("p", label("reduced", lang)))
    return out


def _finding_blocks(
    findings: Sequence[Finding], lang: Lang, names: Mapping[str, str], heading: str = "compliance"
) -> list[_Block]:
    rows = []
    for f in findings:
        if f.status == "not applicable":
            continue
        numbers = dict(f.numbers)
        key = "post-band-range" if f.check == "post-band" and "least" in numbers else f.check
        details = ""
        if key in FIGURES and numbers:
            try:
                details = fill(FIGURES[key][lang], **numbers)
            except KeyError:  # a finding that lacks a figure its sentence names: show none
                details = ""
        subject = f.subject or ""
        if subject in names:
            subject = f"{subject} {names[subject]}"
        elif (found := re.fullmatch(r"objections\[(\d+)\]", subject)) is not None:
            subject = label("objection", lang, n=int(found.group(1)) + 1)
        rows.append(
            (
                f.rule,
                fill(CHECKS[f.check][lang], age=numbers.get("age", 35)),
                subject,
                label("statute" if f.statutory else "policy", lang),
                STATUSES[f.status][lang],
                details,
            )
        )
    headers = [label(k, lang) for k in ("rule", "check", "subject", "kind", "finding", "details")]
    return [("h2", label(heading, lang)), ("table", (headers, rows))]


def _width(text: str) -> int:
    """The width of a line on a terminal: Chinese characters count two."""
    w = wcswidth(text)
    return w if w >= 0 else len(text) * 2


def _text(blocks: Sequence[_Block]) -> str:
    parts = []
    for kind, value in blocks:
        if kind == "h1":
            parts.append(f"{value}\n{'=' * _width(str(value))}")
        elif kind in ("h2", "h2c"):
            parts.append(f"{value}\n{'-' * _width(str(value))}")
        elif kind == "p":
            parts.append(str(value))
        elif kind == "table":
            headers, rows = value
            parts.append(tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True))
    return "\n\n".join(parts) + "\n"


def _md_cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _markdown(blocks: Sequence[_Block]) -> str:
    parts = []
    for kind, value in blocks:
        if kind == "h1":
            parts.append(f"# {_md_cell(value)}")
        elif kind in ("h2", "h2c"):
            parts.append(f"## {_md_cell(value)}")
        elif kind == "p":
            parts.append(_md_cell(value))
        elif kind == "table":
            headers, rows = value
            parts.append(
                tabulate(
                    [[_md_cell(x) for x in row] for row in rows],
                    headers=[_md_cell(h) for h in headers],
                    tablefmt="pipe",
                    disable_numparse=True,
                )
            )
    return "\n\n".join(parts) + "\n"


# A clean page on screen and on paper (A4): readable type, tables with borders, no page break
# inside a table row; nothing fetched, no script.
_STYLE = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
       sans-serif; font-size: 11pt; line-height: 1.5; color: #111; max-width: 60em; margin: 2em auto;
       padding: 0 1em; }
h1 { font-size: 17pt; border-bottom: 2px solid #333; padding-bottom: .2em; }
h2 { font-size: 13pt; margin-top: 1.6em; border-bottom: 1px solid #999; break-after: avoid; }
table { border-collapse: collapse; margin: .6em 0 1em; }
th, td { border: 1px solid #888; padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: #eee; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
figure.chart { margin: .4em 0 1.2em; break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } h2.contest { break-before: page; } }
"""


def _html(blocks: Sequence[_Block], lang: Lang) -> str:
    from .forms import PRINT_CSS, bar_chart  # the printed forms' stylesheet and chart

    parts = [f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head><meta charset="utf-8">']
    title = next((str(v) for k, v in blocks if k == "h1"), "tally")
    parts.append(f"<title>{html.escape(title)}</title>\n<style>{PRINT_CSS}{_STYLE}</style></head>\n<body>")
    for kind, value in blocks:
        if kind in ("h1", "h2"):
            parts.append(f"<{kind}>{html.escape(str(value))}</{kind}>")
        elif kind == "h2c":  # a contest: on a page of its own when printed
            parts.append(f'<h2 class="contest">{html.escape(str(value))}</h2>')
        elif kind == "p":
            parts.append(f"<p>{html.escape(str(value))}</p>")
        elif kind == "chart":
            result, names, caption = value
            parts.append(f'<figure class="chart">{bar_chart(result, names=names, lang=lang, title=caption)}</figure>')
        else:
            headers, rows = value
            parts.append(tabulate(rows, headers=headers, tablefmt="html", disable_numparse=True))
    parts.append("</body>\n</html>")
    return "\n".join(parts) + "\n"


def _decision_blocks(
    decisions: Decisions,
    verification: DecisionsVerification | None,
    lang: Lang,
    title: str,
    day: str,
    changed: Sequence[str],
    cite: Cite,
) -> list[_Block]:
    """The report of a meeting that decides (P-27, V-9, R-4) or of a recall (V-31): attendance
    and whether it sat, each motion with its votes and the least that passes it, the
    verification and every reason."""
    page = _Page(decisions, lang)
    a = decisions.assembly
    book = a.rulebook
    name = RULEBOOKS[book.id][lang] if book.id in RULEBOOKS else book.title or book.id
    out: list[_Block] = [("h1", title or label("decisions-report", lang))]
    recall = a.kind is Kind.VILLAGE_RECALL
    when = label("vote-day" if recall else "meeting-day", lang, name=name, day=day or label("day-unknown", lang))
    out.append(("p", when))
    if changed:
        sep = "、" if lang == "zh" else ", "
        out.append(("p", label("rulebook-changed", lang, count=len(changed), fields=sep.join(changed))))
    test = a.test
    said = ("达到" if test.inclusive else "超过") if lang == "zh" else ("at least " if test.inclusive else "more than ")
    test_words = (
        f"{said}{BASES[test.base][lang]}的{share(test.fraction, lang)}"
        if lang == "zh"
        else f"{said}{share(test.fraction, lang)} of {BASES[test.base][lang]}"
    )
    out.append(("h2", label("recall-turnout" if recall else "sitting", lang)))
    rows: list[tuple[str, object]] = []
    if a.mode is not None:
        rows.append((label("sitting-mode", lang), label(f"mode-{a.mode}", lang)))
    attending = "attending-households" if test.base is Base.HOUSEHOLDS else "attending"
    attending = "attending-recall" if recall else attending
    rows += [
        (label("base-of", lang, base_words=BASES[test.base][lang]), a.base),
        (label(attending, lang), a.attending),
        (label("needed-sitting", lang, test=test_words), a.needed),
        (label("recall-valid" if recall else "sits", lang), page.yes(a.sits)),
    ]
    out.append(("table", ([label("item", lang), label("figure", lang)], rows)))
    out.append(("h2", label("motions", lang)))
    rule = decision(book)
    needed_head = label("needed-votes", lang, share=share(rule.fraction, lang), base_words=BASES[rule.base][lang])
    headers = [label(k, lang) for k in ("motion", "for", "against", "abstain", "invalid-papers")]
    headers += [needed_head, label("result", lang)]
    rows2 = []
    for r in decisions.motions:
        m = r.motion
        given = [label("not-given", lang) if v is None else v for v in (m.against, m.abstain, m.invalid)]
        outcome = "passed" if r.passed else ("not-passed" if r.decided else "not-decided")
        rows2.append((page.titles[m.id], m.for_, *given, "—" if r.needed is None else r.needed, label(outcome, lang)))
    out.append(("table", (headers, rows2)))
    if verification is not None:
        shown = partial(_passed, lang=lang)
        out.extend(_verification_blocks(verification.agrees, verification.discrepancies, page, "motion", shown))
    out.extend(_reasons_blocks([*a.steps, *(s for r in decisions.motions for s in r.steps)], page, cite))
    return out


def _passed(value: object, lang: Lang) -> str:
    if value is None:
        return label("none", lang)
    return label("passed" if value else "not-passed", lang)


def render(
    result: Round | Verification | Decisions | DecisionsVerification,
    *,
    fmt: Format = "text",
    lang: Lang = "en",
    title: str = "",
    day: str = "",
    findings: Sequence[Finding] = (),
    changed: Sequence[str] = (),
    cite: Cite = "rule",
) -> str:
    """A counted round, or a verification of one, as a report: ``fmt`` is ``"text"``,
    ``"markdown"``, ``"html"`` or ``"json"`` (the result format, the same in either language);
    ``lang`` is ``"en"`` or ``"zh"``. ``title`` and ``day`` head the report; ``changed`` names the
    rulebook fields the record sets itself; ``findings`` (compliance checks) add a composition
    table; ``cite="article"`` shows beside each rule ID the article it comes from (what an officer
    quotes, from ``docs/rules.md``). A bare round has no verification section."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; the languages are {', '.join(LANGS)}")
    if isinstance(result, Decisions | DecisionsVerification):
        return _render_decisions(result, fmt, lang, title, day, findings, changed, cite)
    verification = result if isinstance(result, Verification) else None
    rnd = result.round if isinstance(result, Verification) else result
    if fmt == "json":
        import datetime

        from .records import dumps, result_to_dict

        when = datetime.date.fromisoformat(day) if day else None
        return dumps(result_to_dict(result, findings, title=title, day=when))
    if cite not in CITES:
        raise ValueError(f"unknown citation style {cite!r}; the styles are {', '.join(CITES)}")
    blocks = _blocks(rnd, verification, lang, title, day, changed, cite)
    if findings:
        blocks.extend(_finding_blocks(findings, lang, _Page(rnd, lang).names))
    if fmt == "text":
        return _text(blocks)
    if fmt == "markdown":
        return _markdown(blocks)
    if fmt == "html":
        return _html(blocks, lang)
    raise ValueError(f"unknown format {fmt!r}; the formats are {', '.join(FORMATS)}")


def _render_decisions(
    result: Decisions | DecisionsVerification,
    fmt: Format,
    lang: Lang,
    title: str,
    day: str,
    findings: Sequence[Finding],
    changed: Sequence[str],
    cite: Cite,
) -> str:
    """:func:`render` of a meeting that decides."""
    verification = result if isinstance(result, DecisionsVerification) else None
    decisions = result.decisions if isinstance(result, DecisionsVerification) else result
    if fmt == "json":
        import datetime

        from .records import dumps
        from .records.assembly import decisions_to_dict

        when = datetime.date.fromisoformat(day) if day else None
        return dumps(decisions_to_dict(result, findings, title=title, day=when))
    if cite not in CITES:
        raise ValueError(f"unknown citation style {cite!r}; the styles are {', '.join(CITES)}")
    blocks = _decision_blocks(decisions, verification, lang, title, day, changed, cite)
    if findings:
        blocks.extend(_finding_blocks(findings, lang, _Page(decisions, lang).names, heading="composition"))
    if fmt == "text":
        return _text(blocks)
    if fmt == "markdown":
        return _markdown(blocks)
    if fmt == "html":
        return _html(blocks, lang)
    raise ValueError(f"unknown format {fmt!r}; the formats are {', '.join(FORMATS)}")
