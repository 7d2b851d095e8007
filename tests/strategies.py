"""Hypothesis strategies for tally's inputs: the roll first, then what depends on it."""

from __future__ import annotations

from collections.abc import Iterable

from hypothesis import strategies as st

from tally import EXCLUSION_CATEGORIES, Exclusion, Member

STANDINGS = [("full", "full")] * 6 + [
    ("probationary", "full"),
    ("full", "probation"),
    ("full", "suspended"),
]


@st.composite
def members(draw: st.DrawFn, min_size: int = 0, max_size: int = 40) -> list[Member]:
    """A roll of members with distinct ids and a mix of standing and rights."""
    n = draw(st.integers(min_size, max_size))
    out = []
    for i in range(n):
        standing, rights = draw(st.sampled_from(STANDINGS))
        out.append(Member(f"M{i:03}", standing=standing, rights=rights))
    return out


@st.composite
def exclusions(draw: st.DrawFn, roll: list[Member]) -> list[Exclusion]:
    """Exclusions for some members of the electorate, with any mix of approvals and categories
    (sometimes one that no rulebook lists)."""
    electorate = [m.id for m in roll if m.in_electorate]
    chosen = draw(st.lists(st.sampled_from(electorate), unique=True)) if electorate else []
    categories = st.sampled_from([*EXCLUSION_CATEGORIES, "migrant-work"])
    return [
        Exclusion(who, draw(categories), upper_approved=draw(st.booleans()), meeting_approved=draw(st.booleans()))
        for who in chosen
    ]


@st.composite
def meetings(draw: st.DrawFn, max_size: int = 40) -> tuple[list[Member], list[str], list[Exclusion]]:
    """A roll, a sign-in list (never a member whose exclusion took effect) and exclusions."""
    roll = draw(members(max_size=max_size))
    excl = draw(exclusions(roll))
    effective = {
        e.member for e in excl if e.upper_approved and e.meeting_approved and e.category in EXCLUSION_CATEGORIES
    }
    eligible = [m.id for m in roll if m.id not in effective]
    present = draw(st.lists(st.sampled_from(eligible), unique=True)) if eligible else []
    return roll, present, excl


# --- elections: a meeting, one contest and its papers ---------------------------------------

from tally import Ballot, Contest, Marks, meeting, preset  # noqa: E402

PARTY = preset("cpc-basic-2020")


@st.composite
def sections(draw: st.DrawFn, contest: Contest, write_ins: list[str]) -> Marks:
    """One section: each candidate marked for, against, abstain, unreadable or not at all,
    sometimes twice; sometimes write-ins (some not eligible, some listed candidates)."""
    marks: dict[str, list[str]] = {"for_": [], "against": [], "abstain": [], "unreadable": []}
    for who in contest.candidates:
        kind = draw(st.sampled_from(["for_"] * 4 + ["against", "abstain", "none", "none", "unreadable"]))
        if kind != "none":
            marks[kind].append(who)
        if draw(st.integers(0, 30)) == 0:  # now and then the same person marked twice
            marks[draw(st.sampled_from(["for_", "against", "abstain"]))].append(who)
    pool = write_ins + list(contest.candidates[:1])
    written = draw(st.lists(st.sampled_from(pool), max_size=2)) if pool and draw(st.integers(0, 4)) == 0 else []
    return Marks(write_in=written, **marks)


@st.composite
def elections(
    draw: st.DrawFn, *, max_members: int = 14, stage: str = "regular"
) -> tuple[object, Contest, list[Ballot]]:
    """A quorate meeting (all of the electorate present), one contest with enough candidates,
    and papers for it: blank, unmarked, spoiled, over-selected, with write-ins. Sometimes more
    papers than voters."""
    n = draw(st.integers(3, max_members))
    roll = [Member(f"M{i:02}") for i in range(n)]
    roll.append(Member("P01", standing="probationary"))
    m = meeting(roll, present=[x.id for x in roll], rulebook=PARTY)
    seats = draw(st.integers(1, max(1, (n - 1) * 5 // 6)))
    least = seats + -(-seats // 5) if stage == "regular" else seats + 1
    k = draw(st.integers(min(least, n), n))
    if k < least:
        seats = 1
    people = draw(st.permutations([x.id for x in roll if x.in_electorate]))
    contest = Contest("c", seats=seats, candidates=people[:k], stage=stage)
    write_ins = [*people[k:], "P01", "X99"]
    return m, contest, draw(papers_for(contest, write_ins, m.quorum.present))


@st.composite
def papers_for(draw: st.DrawFn, contest: Contest, write_ins: list[str], voters: int) -> list[Ballot]:
    """Up to one paper per voter (now and then one more): marked, unmarked, blank or spoiled."""
    size = draw(st.integers(0, voters + (1 if draw(st.integers(0, 9)) == 0 else 0)))
    papers = []
    for _ in range(size):
        shape = draw(st.sampled_from(["marked"] * 8 + ["unmarked", "spoiled", "blank"]))
        if shape == "spoiled":
            papers.append(Ballot(spoiled=True))
        elif shape == "unmarked":
            papers.append(Ballot())
        elif shape == "blank":
            papers.append(Ballot({contest.id: Marks()}))
        else:
            papers.append(Ballot({contest.id: draw(sections(contest, write_ins))}))
    return papers


# --- village pollings ------------------------------------------------------------------------------

import datetime  # noqa: E402

from tally import PRESETS, Proxy, Voter, polling  # noqa: E402

DAY = datetime.date(2026, 5, 21)
VILLAGE_BOOKS = [b for b in PRESETS.values() if b.kind in ("village-committee", "residents-committee")]
RELATIONS = ["spouse", "parent", "child", "sibling", "grandparent", "grandchild", "other", None]


@st.composite
def village_inputs(draw: st.DrawFn, *, book=None):  # type: ignore[no-untyped-def]
    """A voter roll (some under 18 or deprived, with relatives), who voted in person and at a
    mobile box, and proxies of every kind, filed on various days."""
    book = book or draw(st.sampled_from(VILLAGE_BOOKS))
    n = draw(st.integers(3, 24))
    roll = []
    for i in range(n):
        under = draw(st.integers(0, 12)) == 0
        roll.append(
            Voter(
                f"V{i:02}",
                sex=draw(st.sampled_from(["F", "M"])),
                born=datetime.date(2009, 1, 1) if under else datetime.date(1970, 1, 1),
                deprived=draw(st.integers(0, 20)) == 0,
            )
        )
    ids = [v.id for v in roll]
    present = draw(st.lists(st.sampled_from(ids), unique=True, max_size=n))
    others = [i for i in ids if i not in present]
    mobile = draw(st.lists(st.sampled_from(others), unique=True, max_size=3)) if others else []
    proxies = [
        Proxy(
            draw(st.sampled_from(ids)),
            draw(st.sampled_from([*ids, "OUTSIDER"])),
            relation=draw(st.sampled_from(RELATIONS)),
            written=draw(st.integers(0, 9)) > 0,
            filed=DAY - datetime.timedelta(days=draw(st.integers(-1, 7))),
        )
        for _ in range(draw(st.integers(0, 8)))
    ]
    return book, roll, present, mobile, proxies


@st.composite
def village_elections(draw: st.DrawFn, *, stage: str = "regular"):  # type: ignore[no-untyped-def]
    """A polling under any village or residents' preset, one member contest that meets the
    preset's margins, and papers for it (sometimes more than voters)."""
    book, roll, present, mobile, proxies = draw(village_inputs())
    book = attrs.evolve(book, committee_size=None, collected_base="voters")
    eligible = [v.id for v in roll if v.ineligible_on(DAY) is None]
    if len(eligible) < 2:
        eligible = [v.id for v in roll[:2]]
        roll = [attrs.evolve(v, born=None, deprived=False) if v.id in eligible else v for v in roll]
    seats = draw(st.integers(1, max(1, len(eligible) - 1)))
    lo, hi = book.post_margins.get("member", book.post_margins.get("*", (1, None)))
    extra = 1 if stage != "regular" else max(lo, 1 if lo == 0 and draw(st.booleans()) else lo)
    if hi is not None:
        extra = min(extra, hi)
    if seats + extra > len(eligible):
        seats = max(1, len(eligible) - extra)
    candidates = draw(st.permutations(eligible))[: seats + extra]
    contest = Contest("c", seats=seats, candidates=candidates, stage=stage)
    p = polling(roll, present=present, mobile=mobile, proxies=proxies, candidates=candidates, rulebook=book, day=DAY)
    write_ins = [*(w for w in eligible if w not in candidates), "X99"]
    return p, contest, draw(papers_for(contest, write_ins, p.turnout.voted))


import attrs  # noqa: E402


def everyone(roll: Iterable[Voter], proxies: Iterable[Proxy] = ()) -> list[str]:
    """Candidates for a test polling: every voter on the roll but the proxies' agents (tests of
    V-16, an agent who is a candidate, name their candidates)."""
    agents = {p.agent for p in proxies}
    return [v.id for v in roll if v.id not in agents]
