"""The ballot paper (选票): one sheet per contest, its rules of marking as the rulebook sets them.

How a paper is marked follows the kind of election:

- **Party meetings and conferences: three boxes per candidate**, 赞成, 不赞成 and 弃权 (P-19 names
  the three choices). A 不赞成 mark must be told apart from an abstention, because under the
  default write-in policy only a paper with a 不赞成 mark may write another person in (OQ-P4);
  an explicit 弃权 box leaves nothing to a blank box's guess.
- **Villager and residents' committees: one box per candidate**, ○ for, × against, left blank
  to abstain. V-14 gives the same four choices (for, against, write-in, abstain), but the count
  (V-21) turns only on the 赞成 marks, so one box carries every choice the count needs, as the
  village ballots of the provinces usually do.

Write-in lines are printed where the rulebook's ``writein_policy`` lets a write-in count, as many
as the seats (more would make the paper invalid, P-21, V-20), in three columns when there are more
than five; none in a tie-break (P-23: only among the tied).
"""

from __future__ import annotations

from .._contest import Contest, Post, Stage
from .context import Context
from .page import Html, cell, table

__all__ = ["ballot"]


def ballot(ctx: Context) -> list[str]:
    """One sheet per contest of the record."""
    contests = ctx.record.contests
    for contest in contests:  # every name checked before anything is drawn
        ctx.ballot_order(contest)
    return [_sheet(ctx, contest, several=len(contests) > 1) for contest in contests]


def _writeins(ctx: Context, contest: Contest) -> bool:
    return contest.stage is not Stage.TIE_BREAK and ctx.record.rulebook.writein_policy != "none"


def _rules(ctx: Context, contest: Contest, several: bool) -> list[str]:
    book = ctx.record.rulebook
    seats = contest.seats
    out = [ctx.w("rule-seats", seats=seats, candidates=len(contest.candidates), order=ctx.order_caption(contest))]
    if contest.stage is Stage.TIE_BREAK:
        out.append(ctx.w("rule-tie-break"))  # P-23
    out.append(ctx.w("rule-mark-party" if ctx.party else "rule-mark-one-box"))  # P-19, V-14
    # P-21, V-20, OQ-V5: over the seats, the section (or the whole paper) is invalid.
    scope = "paper" if several and book.invalid_scope == "paper" else "section" if several else "single"
    out.append(ctx.w(f"rule-valid-{scope}", seats=seats))
    if _writeins(ctx, contest):
        if book.writein_policy == "with-against":  # P-19, OQ-P4
            out.append(ctx.w("rule-writein-with-against"))
            out.append(ctx.w(f"rule-writein-refused-{book.writein_refusal}"))
        else:
            out.append(ctx.w("rule-writein-any"))
        if book.women_seat_mode == "reserved-post" and contest.post is Post.WOMEN_MEMBER:
            out.append(ctx.w("rule-women-post"))  # V-30
    elif contest.stage is not Stage.TIE_BREAK:
        out.append(ctx.w("rule-writein-none"))
    if several and book.two_posts_voids_paper:
        out.append(ctx.w("rule-two-posts"))  # V-20 (浙江)
    out.append(ctx.w("rule-unreadable"))
    out.append(ctx.w("rule-secret"))  # P-16, V-13
    return out


def _sheet(ctx: Context, contest: Contest, *, several: bool) -> str:
    order = ctx.ballot_order(contest)
    stage = "" if contest.stage is Stage.REGULAR else ctx.w(f"stage-{contest.stage.value}")
    heading = ctx.w("ballot-contest", title=ctx.contest_title(contest), seats=contest.seats, stage=stage)
    rules = "".join(f"<li>{cell(r)}</li>" for r in _rules(ctx, contest, several))
    parts = [
        f"<h1>{cell(ctx.w('ballot'))}</h1>",
        f'<p class="subtitle">{cell(ctx.title)}</p>',
        f"<h2>{cell(heading)}</h2>",
        f'<div class="rules"><h3>{cell(ctx.w("how-to-mark"))}</h3><ol>{rules}</ol></div>',
    ]
    if ctx.party:
        caption = ctx.w("candidate-ordered", order=ctx.order_caption(contest))
        headers = ["", caption, *map(ctx.w, ("yes", "no", "abstain"))]
        rows = [[i, ctx.name(who), "", "", ""] for i, who in enumerate(order, 1)]
        classes = ["n", "name", "box", "box", "box"]
    else:
        headers = ["", ctx.w("candidate-ordered", order=ctx.order_caption(contest)), ctx.w("mark")]
        rows = [[i, ctx.name(who), ""] for i, who in enumerate(order, 1)]
        classes = ["n", "name", "box1"]
    parts.append(table(headers, rows, cls="ballot", classes=classes, row_cls="tall"))
    if _writeins(ctx, contest):
        # As many lines as seats, in three columns when there are many, to keep the paper short.
        across = 1 if contest.seats <= 5 else 3
        down = -(-contest.seats // across)
        lines: list[list[object]] = []
        for row in range(down):
            numbers = [col * down + row + 1 for col in range(across)]
            lines.append([x for n in numbers for x in ((n, "") if n <= contest.seats else ("", ""))])
        headers = ["", ctx.w("write-in-name")] * across
        parts.append(table(headers, lines, cls="writein", classes=["n", "name"] * across, row_cls="tall"))
    parts.append(f'<p class="meta"><span>{cell(ctx.day)}</span></p>')
    return Html("\n".join(parts))
