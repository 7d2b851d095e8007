"""One row per rule ID of spec/rules.md that the code implements; each row breaks or keeps it.

A row is a function that builds the smallest case for its rule and checks what the rule says.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
import pytest

from tally import (
    EXCLUSION_CATEGORIES,
    Ballot,
    Contest,
    Exclusion,
    Member,
    Proxy,
    Reduction,
    RuleError,
    Scribe,
    count,
    meeting,
    preset,
)

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


def _quorate(n: int, rulebook=PARTY):  # type: ignore[no-untyped-def]
    roll = _full(n)
    return meeting(roll, present=[m.id for m in roll], rulebook=rulebook)


def _papers(times: int, contest: str = "c", **marks: list[str]) -> list[Ballot]:
    section = {("for" if k == "for_" else k): v for k, v in marks.items()}
    return [Ballot({contest: section})] * times


def _margin(rulebook, post: str = "member") -> None:  # type: ignore[no-untyped-def]
    m = _quorate(10, rulebook)
    short = Contest("c", seats=5, candidates=[f"M{i:02}" for i in range(1, 6)], post=post)
    with pytest.raises(RuleError, match="INSUFFICIENT_MARGIN"):
        count([short], [], meeting=m)
    enough = Contest("c", seats=5, candidates=[f"M{i:02}" for i in range(1, 7)], post=post)
    assert count([enough], [], meeting=m).valid


def p_12() -> None:
    """P-12: committee members: (candidates - seats)*5 >= seats; 5 seats need 6 candidates."""
    _margin(PARTY)


def p_13() -> None:
    """P-13: delegates at a conference need the same 20% margin."""
    _margin(CONFERENCE)


def p_14() -> None:
    """P-14: a secretary is elected with one candidate per post (等额)."""
    m = _quorate(7)
    r = count([Contest("s", seats=1, candidates=["M01"], post="secretary")], _papers(7, "s", for_=["M01"]), meeting=m)
    assert r["s"].elected == ("M01",)


def p_16() -> None:
    """P-16: a paper records marks only, never who cast it (无记名投票)."""
    import attrs as _attrs

    assert [f.name for f in _attrs.fields(Ballot) if f.init] == ["sections", "spoiled"]


def p_17() -> None:
    """P-17: every proxy in a party election is rejected, and the count does not change."""
    m = _quorate(5)
    c = Contest("c", seats=1, candidates=["M01", "M02"])
    r = count([c], _papers(5, for_=["M01"]), meeting=m, proxies=[Proxy("M05", "M04")])
    assert [(o.accepted, o.reason) for o in r.proxies] == [(False, "proxy not allowed")]


def p_18() -> None:
    """P-18: a candidate may not write the ballot for an elector; a non-candidate may."""
    m = _quorate(5)
    c = Contest("c", seats=1, candidates=["M01", "M02"])
    r = count([c], _papers(5, for_=["M01"]), meeting=m, scribes=[Scribe("M03", "M01"), Scribe("M04", "M05")])
    assert [o.accepted for o in r.scribes] == [False, True]


def p_19() -> None:
    """P-19: a write-in counts beside a 不赞成 (and, by default, only then: OQ-P4)."""
    m = _quorate(5)
    c = Contest("c", seats=1, candidates=["M01", "M02"])
    r = count([c], _papers(3, against=["M01"], write_in=["M03"]) + _papers(2, write_in=["M04"]), meeting=m)
    assert (dict(r["c"].votes), r["c"].void_marks["write-in refused"]) == ({"M03": 3, "M01": 0, "M02": 0}, 2)


def p_20() -> None:
    """P-20: ballots collected ≤ voters: valid; more: the round is void."""
    m = _quorate(5)
    c = Contest("c", seats=1, candidates=["M01", "M02"])
    assert count([c], _papers(5, for_=["M01"]), meeting=m).valid
    assert not count([c], _papers(6, for_=["M01"]), meeting=m).valid


def p_21() -> None:
    """P-21: a section selecting more persons than seats is invalid."""
    m = _quorate(5)
    c = Contest("c", seats=1, candidates=["M01", "M02"])
    r = count([c], _papers(2, for_=["M01", "M02"]) + _papers(3, for_=["M01"]), meeting=m)["c"]
    assert (r.valid, r.invalid, dict(r.invalid_reasons)) == (3, 2, {"over-selected": 2})


def p_22() -> None:
    """P-22: yes*2 > present electorate; exactly half fails, whatever the ballots cast."""
    m = _quorate(10)
    c = Contest("c", seats=1, candidates=["M01", "M02"])
    r = count([c], _papers(5, for_=["M01"]) + _papers(1, for_=["M02"]), meeting=m)["c"]
    assert (r.base, r.threshold, r.elected) == (10, 6, ())


def p_23() -> None:
    """P-23: qualifiers ranked by votes; a tie across the last seat goes to a tie-break."""
    m = _quorate(10)
    c = Contest("c", seats=1, candidates=["M01", "M02"])
    r = count([c], _papers(10, for_=["M01"]), meeting=m)["c"]
    assert r.elected == ("M01",)
    c2 = Contest("c", seats=2, candidates=["M01", "M02", "M03"])
    papers = _papers(4, for_=["M01", "M02"]) + _papers(4, for_=["M01", "M03"]) + _papers(2, for_=["M02", "M03"])
    r2 = count([c2], papers, meeting=m)["c"]
    assert (r2.elected, r2.tied, r2.next_round.stage) == (("M01",), ("M02", "M03"), "tie-break")  # type: ignore[union-attr]


def p_24() -> None:
    """P-24: unfilled seats are never filled from below the line: a further election, or a
    reduction only with the electors' consent."""
    m = _quorate(10)
    c = Contest("c", seats=2, candidates=["M01", "M02", "M03"])
    papers = _papers(6, for_=["M01", "M02"]) + _papers(4, for_=["M03"])
    r = count([c], papers, meeting=m)["c"]
    assert (r.elected, r.unfilled, r.next_round) == (("M01", "M02"), 0, None)
    papers = _papers(6, for_=["M01"]) + _papers(4, for_=["M02", "M03"])
    r = count([c], papers, meeting=m)["c"]
    assert (r.elected, r.unfilled, r.next_round.stage) == (("M01",), 1, "further")  # type: ignore[union-attr]
    reduced = count([c], papers, meeting=m, reductions={"c": Reduction(consent=5)})["c"]
    assert (reduced.seats_reduced, reduced.next_round) == (True, None)


def p_25() -> None:
    """P-25: the further election keeps the majority threshold: no one-third fallback."""
    m = _quorate(10)
    further = Contest("c", seats=1, candidates=["M02", "M03"], stage="further")
    r = count([further], _papers(4, for_=["M02"]) + _papers(3, for_=["M03"]) + _papers(3), meeting=m)["c"]
    assert (r.threshold, r.elected, r.next_round.stage) == (6, (), "further")  # type: ignore[union-attr]


def pc_4() -> None:
    """PC-4: a conference has the same threshold, and its presidium may reduce the seats."""
    m = _quorate(10, CONFERENCE)
    c = Contest("c", seats=2, candidates=["M01", "M02", "M03"])
    papers = _papers(6, for_=["M01"]) + _papers(4, for_=["M02", "M03"])
    r = count([c], papers, meeting=m, reductions={"c": Reduction(presidium=True)})["c"]
    assert (r.threshold, r.elected, r.seats_reduced) == (6, ("M01",), True)


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
    "P-12": p_12,
    "P-13": p_13,
    "P-14": p_14,
    "P-16": p_16,
    "P-17": p_17,
    "P-18": p_18,
    "P-19": p_19,
    "P-20": p_20,
    "P-21": p_21,
    "P-22": p_22,
    "P-23": p_23,
    "P-24": p_24,
    "P-25": p_25,
    "PC-4": pc_4,
}


@pytest.mark.parametrize("rule", list(RULES))
def test_rule(rule: str) -> None:
    """Each implemented rule ID holds on its smallest case."""
    RULES[rule]()
