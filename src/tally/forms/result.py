"""The result report (选举结果报告单): what the count decided, for the tellers and scrutineers to
sign.

It states only what the engine decided, and the decisions of the count in the words of the one
catalogue (``tally.catalogue``) that the reports use. A round that was not held (an inquorate
meeting, P-10; a turnout of half or less where it is required, V-19, V-24) or is void (more papers
than voters, P-20, V-20) has no winners and no verdict on its papers: the report says why, and no
more. In a valid round every contest shows its valid and invalid papers, the test a winner had to
meet, every person's votes, who is elected in surname-stroke order (P-26; the secretary and
deputies in the approved order), and the next round where one is needed.
"""

from __future__ import annotations

from .._contest import POST_RANK, Post, Stage
from .._count import ContestResult, Round
from .._explain import Code, Step
from .._meeting import Meeting
from .._polling import Polling
from ..catalogue import describe, label
from .context import APPROVED_ORDER, Context
from .page import Html, cell, table
from .sheets import signatures

__all__ = ["result"]


def result(ctx: Context) -> list[str]:
    """One report, on as many pages as it takes."""
    rnd = ctx.record.count()
    people = [w for c in rnd.contests for w in (*c.contest.candidates, *c.votes)]
    ctx.check_names(people)
    m = rnd.meeting
    parts = [
        f"<h1>{cell(ctx.w('result'))}</h1>",
        f'<p class="subtitle">{cell(ctx.title)}</p>',
        f'<p class="meta"><span>{cell(ctx.day)}</span><span>{cell(ctx.record.rulebook.title)}</span></p>',
        *(_attendance(ctx, m) if isinstance(m, Meeting) else _turnout(ctx, m)),
        # P-10, V-19, V-24: whether the round was held; P-20, V-20: whether its papers void it
        *(f'<p class="verdict">{cell(_say(ctx, s))}</p>' for s in rnd.steps if s.code in _ROUND),
    ]
    if rnd.valid:
        for c in rnd.contests:
            parts.append(f'<div class="block">{"".join(_contest(ctx, c))}</div>')
        parts.extend(_elected(ctx, rnd))
    else:  # nobody is elected, and nothing is said of the papers
        for c in rnd.contests:
            heading = ctx.w("ballot-contest", title=ctx.contest_title(c.contest), seats=c.contest.seats, stage="")
            parts.append(f"<h2>{cell(heading)}</h2>")
            parts.append(f"<p>{cell(ctx.w('nobody-elected-invalid'))}</p>")
    parts.append(signatures(ctx, "teller", "scrutineer", "chief-scrutineer", day=True))
    return [Html("\n".join(parts))]


# The decisions a report states in the catalogue's words, by where they are made.
_MEETING = frozenset({Code.QUORUM_MET, Code.QUORUM_NOT_MET, Code.TURNOUT_MET, Code.TURNOUT_NOT_MET})
_ROUND = frozenset(
    {Code.NOT_HELD_INQUORATE, Code.NOT_HELD_TURNOUT, Code.TURNOUT_NOT_REQUIRED, Code.BALLOTS_WITHIN, Code.BALLOTS_OVER}
)
_CONTEST = frozenset({Code.CONTEST_BALLOTS, Code.INVALID, Code.MAJORITY, Code.FLOOR, Code.TIE_BREAK})
_INSTEAD = frozenset({Code.SEATS_REDUCED, Code.REDUCED_BY_PRESIDIUM})


def _say(ctx: Context, step: Step, under: str = "") -> str:
    """A decision of the count in the catalogue's words; under the heading of a contest (*under*,
    its title), without the title before each line."""
    titles = {step.subject: under} if under and step.subject else None
    text = describe(step, lang=ctx.lang, names=ctx.names, titles=titles)
    if not under:
        return text
    text = text.removeprefix(under + ("：" if ctx.lang == "zh" else ": "))
    return text[:1].upper() + text[1:]


def _pairs(rows: list[tuple[str, object]]) -> str:
    body = "\n".join(f'<tr><th>{cell(k)}</th><td class="num">{cell(v)}</td></tr>' for k, v in rows)
    return f'<table class="pairs keep">\n{body}\n</table>'


def _attendance(ctx: Context, m: Meeting) -> list[str]:
    q = m.quorum
    noun = ctx.w("delegates" if ctx.record.kind == "party-conference" else "members")
    return [
        f"<h2>{cell(ctx.w('attendance'))}</h2>",
        _pairs(
            [
                (ctx.w("on-roll", noun=noun), len(m.roll)),
                (ctx.w("electorate", noun=noun), q.electorate),
                (ctx.w("required"), q.required),
                (ctx.w("present"), q.present),
            ]
        ),
        *(f'<p class="verdict">{cell(_say(ctx, s))}</p>' for s in m.steps if s.code in _MEETING),  # P-10
    ]


def _registered(ctx: Context) -> str:
    """R-2: whose roll a residents' committee's polling counts, by its mode."""
    key = {"household": "registered-households", "group-representatives": "registered-representatives"}
    mode = ctx.record.mode or "direct"
    return label(key[mode], ctx.lang) if mode in key else ctx.w("registered")


def _turnout(ctx: Context, p: Polling) -> list[str]:
    t = p.turnout
    out = [
        f"<h2>{cell(ctx.w('turnout'))}</h2>",
        _pairs(
            [
                (_registered(ctx), t.registered),
                (ctx.w("in-person"), t.in_person),
                (ctx.w("by-proxy"), t.by_proxy),
                (ctx.w("at-mobile-box"), t.mobile),
                (ctx.w("voted"), t.voted),
            ]
        ),
    ]
    rejected = sum(1 for o in p.proxies if not o.accepted)
    if p.proxies:
        out.append(f"<p>{cell(ctx.w('proxies-judged', accepted=len(p.proxies) - rejected, rejected=rejected))}</p>")
    out.extend(f'<p class="verdict">{cell(_say(ctx, s))}</p>' for s in p.steps if s.code in _MEETING)  # V-19
    return out


def _order(ctx: Context, c: ContestResult) -> list[str]:
    """Everyone with a line in the contest: the candidates as on the ballot, then the written-in."""
    listed = ctx.ballot_order(c.contest)
    return listed + ctx.by_strokes(w for w in c.votes if w not in set(listed))


def _elected_in_order(ctx: Context, c: ContestResult) -> list[str]:
    """P-26: the elected by surname strokes; a secretary's or deputies' contest in the approved order."""
    if c.contest.post in APPROVED_ORDER:
        return [w for w in c.contest.candidates if w in c.elected]
    return ctx.by_strokes(c.elected)


def _contest(ctx: Context, c: ContestResult) -> list[str]:
    contest = c.contest
    stage = "" if contest.stage is Stage.REGULAR else ctx.w(f"stage-{contest.stage.value}")
    heading = ctx.w("ballot-contest", title=ctx.contest_title(contest), seats=contest.seats, stage=stage)
    title = ctx.contest_title(contest)
    candidates = set(contest.candidates)
    tied = set(c.tied)

    def outcome(who: str) -> str:
        if who in c.elected:
            return ctx.w("elected")
        return ctx.w("tied" if who in tied else "not-elected")

    rows = [
        [
            i,
            ctx.name(who) if who in candidates else f"{ctx.name(who)}{ctx.w('written-in-mark')}",
            c.votes.get(who, 0),
            outcome(who),
        ]
        for i, who in enumerate(_order(ctx, c), 1)
    ]
    headers = ["", ctx.w("name"), ctx.w("votes"), ctx.w("outcome")]
    elected = _elected_in_order(ctx, c)
    order = ctx.w("order-approved" if contest.post in APPROVED_ORDER else "order-strokes")
    out = [
        f"<h2>{cell(heading)}</h2>",
        # the papers of this contest, why some are invalid, and the test a winner had to meet
        *(f"<p>{cell(_say(ctx, s, title))}</p>" for s in c.steps if s.code in _CONTEST),
        table(headers, rows, cls="votes", classes=["n", "name", "num", ""]),
    ]
    if len(elected) > 1:
        verdict = ctx.w("elected-list", order=order, names=ctx.names_of(elected))
    else:
        verdict = ctx.w("elected-one", names=ctx.names_of(elected)) if elected else ctx.w("nobody")
    out.append(f'<p class="verdict">{cell(verdict)}</p>')
    nxt = c.next_round
    if nxt is not None and nxt.stage is Stage.TIE_BREAK:  # P-23, V-22
        out.append(f"<p>{cell(ctx.w('next-tie-break', names=ctx.names_of(nxt.candidates), seats=nxt.seats))}</p>")
    elif nxt is not None:  # P-24, V-23
        names = ctx.names_of(ctx.ballot_order(nxt))
        out.append(f"<p>{cell(ctx.w('next-further', seats=nxt.seats, names=names, order=ctx.order_caption(nxt)))}</p>")
    elif c.seats_reduced:  # P-24: the meeting consented to fewer seats, or the presidium decided
        out.extend(f"<p>{cell(_say(ctx, s, title))}</p>" for s in c.steps if s.code in _INSTEAD)
    elif c.unfilled:
        out.append(f"<p>{cell(ctx.w('left-vacant', n=c.unfilled))}</p>")
    return out


def _elected(ctx: Context, rnd: Round) -> list[str]:
    """P-26: the published list: posts from the highest, the secretary and deputies in the
    approved order, every other post in surname-stroke order."""
    lines = []
    for c in sorted(rnd.contests, key=lambda c: POST_RANK[c.contest.post]):
        elected = _elected_in_order(ctx, c)
        if not elected:
            continue
        post = ctx.contest_title(c.contest) if c.contest.post is Post.MEMBER else ctx.w(f"post-{c.contest.post.value}")
        if c.contest.post in APPROVED_ORDER or len(elected) == 1:
            lines.append(ctx.w("elected-line", post=post, names=ctx.names_of(elected)))
        else:
            order = ctx.w("order-strokes")
            lines.append(ctx.w("elected-line-ordered", post=post, order=order, names=ctx.names_of(elected)))
    if not lines:
        return []
    items = "".join(f"<li>{cell(line)}</li>" for line in lines)
    return [f'<div class="keep"><h2>{cell(ctx.w("elected-heading"))}</h2><ul>{items}</ul></div>']
