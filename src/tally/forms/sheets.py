"""The sign-in sheet (签到表) and the blank tally sheet (计票单)."""

from __future__ import annotations

from .._contest import Contest, Stage
from .._explain import Reason
from .._meeting import Meeting
from .._polling import Polling
from .._roll import Member, Rights, Standing
from .._voters import Voter
from ..catalogue import REASONS
from .context import Context
from .page import Html, cell, table

__all__ = ["sign_in", "signatures", "tally_sheet"]


def signatures(ctx: Context, *roles: str, day: bool = False) -> str:
    """Signature lines for these roles (``teller``, ``scrutineer``, ``chief-scrutineer``), and
    the date where asked."""
    cells = "".join(f'<td>{cell(ctx.w(r))}<span class="line"></span></td>' for r in roles)
    dated = f'<p class="date">{cell(ctx.w("date"))}{cell(ctx.day)}</p>' if day else ""
    return f'<div class="block"><table class="signatures"><tr>{cells}</tr></table>{dated}</div>'


# --- sign-in -----------------------------------------------------------------------------------


def sign_in(ctx: Context) -> list[str]:
    """One sheet: the roll with a signature column and the columns the kind of election needs."""
    m = ctx.meeting()
    head = [f"<h1>{cell(ctx.w('sign-in'))}</h1>", f'<p class="subtitle">{cell(ctx.title)}</p>']
    if isinstance(m, Meeting):
        return [Html("\n".join([*head, *_meeting_roll(ctx, m)]))]
    return [Html("\n".join([*head, *_polling_roll(ctx, m)]))]


def _rights(member: Member, ctx: Context) -> str:
    if member.standing is Standing.PROBATIONARY:
        why = Reason.PROBATIONARY  # P-2
    elif member.rights is Rights.PROBATION:
        why = Reason.UNDER_PROBATION  # P-3
    elif member.rights is Rights.SUSPENDED:
        why = Reason.SUSPENDED  # P-4
    else:
        return ctx.w("rights-full")
    return ctx.w("rights-none", why=REASONS[why][ctx.lang])


_STANDING = {Standing.FULL: "full", Standing.PROBATIONARY: "probationary"}


def _meeting_roll(ctx: Context, m: Meeting) -> list[str]:
    q = m.quorum
    excluded = set(m.excluded)
    noun = ctx.w("delegates" if ctx.record.kind == "party-conference" else "members")
    figures = ctx.w("sign-in-required", required=q.required, electorate=q.electorate, excluded=len(excluded), noun=noun)
    rows = [
        [
            i,
            member.id,
            member.name or "",
            ctx.w(_STANDING[member.standing]),
            _rights(member, ctx),
            ctx.w("excluded-note") if member.id in excluded else "",
            "",
        ]
        for i, member in enumerate(m.roll, 1)
    ]
    headers = ["", *map(ctx.w, ("id", "name", "standing", "vote", "note", "signature"))]
    return [
        f'<p class="meta"><span>{cell(ctx.day)}</span><span>{cell(figures)}</span></p>',
        f"<p>{ctx.blanks('sign-in-present')}</p>",
        table(headers, rows, classes=["n", "id", "name", "", "", "", "sign"], row_cls="tall"),
    ]


def _polling_roll(ctx: Context, p: Polling) -> list[str]:
    held: dict[str, list[str]] = {}
    gave: dict[str, str] = {}
    for outcome in p.proxies:
        if outcome.accepted:  # V-15: only an accepted proxy lets the agent vote for the principal
            held.setdefault(outcome.proxy.agent, []).append(outcome.proxy.principal)
            gave[outcome.proxy.principal] = outcome.proxy.agent
    mobile = set(p.mobile)
    households = any(v.household for v in p.roll)

    def note(v: Voter) -> str:
        if v.id in gave:
            return ctx.w("proxy-given", agent=ctx.name(gave[v.id]))
        if v.id in mobile:
            return ctx.w("mobile-box")
        return ""

    def vote(v: Voter) -> str:
        why = v.ineligible_on(p.day)  # V-5, on the election day (C-4)
        if why is None:
            return ctx.w("rights-full")
        return ctx.w("rights-none", why=REASONS[why][ctx.lang])

    def proxies(v: Voter) -> str:
        return ctx.w("proxy-held", n=len(held[v.id]), names=ctx.names_of(held[v.id])) if v.id in held else ""

    rows = [
        [i, v.id, v.name or "", *([v.household or ""] if households else []), vote(v), proxies(v), note(v), ""]
        for i, v in enumerate(p.roll, 1)
    ]
    keys = ("id", "name", *(("household",) if households else ()), "vote", "proxies-held", "note", "signature")
    classes = ["n", "id", "name", *(["id"] if households else []), "", "", "", "sign"]
    modes = {"household": "sign-in-registered-household", "group-representatives": "sign-in-registered-group"}
    key = modes.get(ctx.record.mode or "direct", "sign-in-registered")  # whose roll it is
    by_proxy = sum(map(len, held.values()))
    figures = ctx.w(key, registered=p.turnout.registered, proxies=by_proxy)
    return [
        f'<p class="meta"><span>{cell(ctx.day)}</span><span>{cell(figures)}</span></p>',
        table(["", *map(ctx.w, keys)], rows, classes=classes, row_cls="tall"),
    ]


# --- tally sheet -------------------------------------------------------------------------------


def tally_sheet(ctx: Context) -> list[str]:
    """One blank sheet per contest for counting by hand: a row per candidate in ballot order,
    two to five rows for the written-in, the papers' totals and the tellers' signatures."""
    contests = ctx.record.contests
    for contest in contests:
        ctx.ballot_order(contest)
    return [_tally(ctx, c) for c in contests]


def _tally(ctx: Context, contest: Contest) -> str:
    stage = "" if contest.stage is Stage.REGULAR else ctx.w(f"stage-{contest.stage.value}")
    heading = ctx.w("ballot-contest", title=ctx.contest_title(contest), seats=contest.seats, stage=stage)
    rows: list[list[object]] = [[i, ctx.name(w), "", ""] for i, w in enumerate(ctx.ballot_order(contest), 1)]
    writeins = contest.stage is not Stage.TIE_BREAK and ctx.record.rulebook.writein_policy != "none"
    if writeins:
        first = len(rows) + 1
        rows += [[i, Html(f'<span class="muted">{cell(ctx.w("write-in"))}</span>'), "", ""] for i in
                 range(first, first + min(max(contest.seats, 2), 5))]  # fmt: skip
    headers = ["", ctx.w("candidate-ordered", order=ctx.order_caption(contest)), ctx.w("tally-marks"), ctx.w("votes")]
    return Html(
        "\n".join(
            [
                f"<h1>{cell(ctx.w('tally-sheet'))}</h1>",
                f'<p class="subtitle">{cell(ctx.title)}</p>',
                f"<h2>{cell(heading)}</h2>",
                table(headers, rows, cls="tally", classes=["n", "name", "tally", "num"], row_cls="tall"),
                f'<p class="keep">{ctx.blanks("papers-blank")}</p>',
                signatures(ctx, "teller", "scrutineer", day=True),
            ]
        )
    )
