"""One row per rule ID of spec/rules.md that the code implements; each row breaks or keeps it.

A row is a function that builds the smallest case for its rule and checks what the rule says.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
import pytest

from tally import EXCLUSION_CATEGORIES, Exclusion, Member, meeting, preset

PARTY = preset("cpc-basic-2020")
CONFERENCE = preset("cpc-conference-2020")


def _full(n: int, prefix: str = "M") -> list[Member]:
    return [Member(f"{prefix}{i:02}") for i in range(1, n + 1)]


def p_1() -> None:
    """P-1: only full members with their rights vote; they make the electorate."""
    m = meeting(_full(3), present=["M01", "M02", "M03"], rulebook=PARTY)
    assert (m.quorum.electorate, m.quorum.present) == (3, 3)


def p_2() -> None:
    """P-2: a probationary member present counts in no base."""
    roll = [*_full(2), Member("P1", standing="probationary")]
    m = meeting(roll, present=["M01", "M02", "P1"], rulebook=PARTY)
    assert (m.quorum.electorate, m.quorum.present, m.not_counted) == (2, 2, ("P1",))
    assert m.steps[1].rule == "P-2"


def p_3() -> None:
    """P-3: a member under 留党察看 has no vote: outside the electorate, not counted present."""
    roll = [*_full(2), Member("K1", rights="probation")]
    m = meeting(roll, present=["K1"], rulebook=PARTY)
    assert (m.quorum.electorate, m.quorum.present, m.not_counted) == (2, 0, ("K1",))
    assert m.steps[1].rule == "P-3"


def p_4() -> None:
    """P-4: a member whose rights are suspended (留置, arrest) is not in the electorate."""
    roll = [*_full(2), Member("S1", rights="suspended")]
    m = meeting(roll, present=["S1", "M01"], rulebook=PARTY)
    assert (m.quorum.electorate, m.quorum.present, m.not_counted) == (2, 1, ("S1",))
    assert m.steps[1].rule == "P-4"


def p_5() -> None:
    """P-5: electorate = full members less P-3 and P-4 members; the step gives each count."""
    roll = [
        *_full(4),
        Member("P1", standing="probationary"),
        Member("K1", rights="probation"),
        Member("S1", rights="suspended"),
    ]
    step = meeting(roll, present=[], rulebook=PARTY).steps[0]
    assert (step.rule, dict(step.numbers)) == (
        "P-5",
        {"roll": 7, "probationary": 1, "probation": 1, "suspended": 1, "electorate": 4},
    )


def p_6() -> None:
    """P-6: a member absent for an unlisted reason stays in the required attendance."""
    excl = [Exclusion("M01", "migrant-work", upper_approved=True, meeting_approved=True)]
    m = meeting(_full(10), present=[], exclusions=excl, rulebook=PARTY)
    assert m.quorum.required == 10


def p_7() -> None:
    """P-7: each listed category, with both approvals, takes the member out."""
    excl = [
        Exclusion(f"M{i + 1:02}", c, upper_approved=True, meeting_approved=True)
        for i, c in enumerate(EXCLUSION_CATEGORIES)
    ]
    m = meeting(_full(10), present=[], exclusions=excl, rulebook=PARTY)
    assert m.quorum.required == 10 - len(EXCLUSION_CATEGORIES)


def p_8() -> None:
    """P-8: only both approvals together exclude; either alone does not."""
    excl = [
        Exclusion("M01", "abroad", upper_approved=True),
        Exclusion("M02", "abroad", meeting_approved=True),
        Exclusion("M03", "abroad"),
        Exclusion("M04", "abroad", upper_approved=True, meeting_approved=True),
    ]
    m = meeting(_full(10), present=[], exclusions=excl, rulebook=PARTY)
    assert m.quorum.required == 9
    assert [o.reasons for o in m.exclusions] == [
        ("no meeting approval",),
        ("no upper-level approval",),
        ("no upper-level approval", "no meeting approval"),
        (),
    ]


def p_9() -> None:
    """P-9: the same exclusion procedure serves another meeting with another quorum: a
    rulebook with quorum 1/2 reuses P-6 … P-8 unchanged."""
    from fractions import Fraction

    admission = attrs.evolve(PARTY, id="admission", quorum=Fraction(1, 2))
    excl = [Exclusion("M01", "bedridden", upper_approved=True, meeting_approved=True)]
    m = meeting(_full(9), present=["M02", "M03", "M04", "M05"], exclusions=excl, rulebook=admission)
    assert (m.quorum.required, m.quorum.needed, m.quorum.met) == (8, 5, False)


def p_10() -> None:
    """P-10: valid only when present*5 > required*4: exactly 4/5 is not enough."""
    at = meeting(_full(10), present=[f"M{i:02}" for i in range(1, 9)], rulebook=PARTY)
    over = meeting(_full(10), present=[f"M{i:02}" for i in range(1, 10)], rulebook=PARTY)
    assert (at.quorum.met, over.quorum.met) == (False, True)


def p_10a() -> None:
    """P-10a: with quorum_inclusive, exactly 4/5 of the required attendance is valid."""
    tolerant = attrs.evolve(PARTY, quorum_inclusive=True)
    at = meeting(_full(10), present=[f"M{i:02}" for i in range(1, 9)], rulebook=tolerant)
    assert (at.quorum.needed, at.quorum.met, at.steps[-1].rule) == (8, True, "P-10a")


def p_11() -> None:
    """P-11: members outside the electorate who attend do not count towards the quorum."""
    roll = [*_full(5), Member("P1", standing="probationary"), Member("K1", rights="probation")]
    m = meeting(roll, present=["M01", "M02", "M03", "M04", "P1", "K1"], rulebook=PARTY)
    assert (m.quorum.present, m.quorum.met) == (4, False)


def pc_3() -> None:
    """PC-3: a conference needs more than 4/5 of its delegates, as P-10."""
    delegates = _full(100, prefix="D")
    at = meeting(delegates, present=[f"D{i:02}" for i in range(1, 81)], rulebook=CONFERENCE)
    over = meeting(delegates, present=[f"D{i:02}" for i in range(1, 82)], rulebook=CONFERENCE)
    assert (at.quorum.met, over.quorum.met, over.steps[-1].rule) == (False, True, "PC-3")


RULES: dict[str, Callable[[], None]] = {
    "P-1": p_1,
    "P-2": p_2,
    "P-3": p_3,
    "P-4": p_4,
    "P-5": p_5,
    "P-6": p_6,
    "P-7": p_7,
    "P-8": p_8,
    "P-9": p_9,
    "P-10": p_10,
    "P-10a": p_10a,
    "P-11": p_11,
    "PC-3": pc_3,
}


@pytest.mark.parametrize("rule", list(RULES))
def test_rule(rule: str) -> None:
    """Each implemented rule ID holds on its smallest case."""
    RULES[rule]()
