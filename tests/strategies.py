"""Hypothesis strategies for tally's inputs: the roll first, then what depends on it."""

from __future__ import annotations

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
