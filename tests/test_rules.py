"""One row per rule ID of spec/rules.md that the code implements; each row breaks or keeps it.

A row is a function that builds the smallest case for its rule and checks what the rule says.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest

from tally import (
    EXCLUSION_CATEGORIES,
    Ballot,
    Code,
    Contest,
    Exclusion,
    Member,
    Proxy,
    Reason,
    Reduction,
    RuleError,
    Scribe,
    count,
    meeting,
    preset,
)

from strategies import everyone

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
        (Reason.NO_MEETING_APPROVAL,),
        (Reason.NO_UPPER_APPROVAL,),
        (Reason.NO_UPPER_APPROVAL, Reason.NO_MEETING_APPROVAL),
        (),
    ]
    assert {s.rule for s in m.steps if s.code in (Code.EXCLUDED, Code.NOT_EXCLUDED)} == {"P-8"}


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
    assert [(o.accepted, o.reason) for o in r.proxies] == [(False, Reason.PROXY_NOT_ALLOWED)]
    assert [s.rule for s in r.steps if s.code is Code.PROXY_REJECTED] == ["P-17"]
    assert r.contests == count([c], _papers(5, for_=["M01"]), meeting=m).contests


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
    assert (dict(r["c"].votes), dict(r["c"].void_marks)) == ({"M03": 3, "M01": 0, "M02": 0}, {"write-in-refused": 2})
    assert [(s.rule, s.reason) for s in r["c"].steps if s.code is Code.VOID_MARK] == [("P-19", Reason.WRITE_IN_REFUSED)]


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


# --- villager and residents' committees -----------------------------------------------------------

import datetime  # noqa: E402

from tally import (  # noqa: E402
    RecordError,
    Registration,
    Relative,
    Voter,
    check_committee,
    polling,
    vacancies_may_stay,
)

DAY = datetime.date(2026, 5, 21)
VILLAGE = preset("village-national-2018")
LOOSE = attrs.evolve(VILLAGE, committee_size=None)


def _voters(n: int, **special: Voter) -> list[Voter]:
    return [special.get(f"V{i:02}", Voter(f"V{i:02}")) for i in range(n)]


def _poll(n: int, voted: int, rulebook=LOOSE, **kwargs):  # type: ignore[no-untyped-def]
    roll = kwargs.pop("roll", None) or _voters(n)
    kwargs.setdefault("candidates", everyone(roll, kwargs.get("proxies", ())))
    return polling(roll, present=[v.id for v in roll][:voted], rulebook=rulebook, day=DAY, **kwargs)


def _vpapers(times: int, contest: str = "c", **marks: list[str]) -> list[Ballot]:
    return _papers(times, contest, **marks)


def _size(contests: list[Contest], rulebook) -> tuple[str, str, dict[str, int]]:  # type: ignore[no-untyped-def]
    f = check_committee(contests, rulebook=rulebook)
    return f.rule, f.status, dict(f.numbers)


def v_1() -> None:
    """V-1: a villager committee has 3 to 7 members: a statutory composition finding, never a
    reason to refuse the count (issue 11)."""
    eight = [Contest("chair", seats=1, candidates=[], post="chair"), Contest("m", seats=7, candidates=[])]
    assert _size(eight, VILLAGE) == ("V-1", "not met", {"members": 8, "least": 3, "most": 7})
    assert _size([Contest("c", seats=7, candidates=[])], VILLAGE) == (
        "V-1",
        "met",
        {"members": 7, "least": 3, "most": 7},
    )
    assert check_committee(eight, rulebook=VILLAGE).statutory
    m = _poll(20, 20, rulebook=VILLAGE)
    papers = [Ballot({"m": {"for": [f"V{i:02}" for i in range(1, 8)]}})] * 20
    contests = [
        Contest("chair", seats=1, candidates=["V00", "V08"], post="chair"),
        Contest("m", seats=7, candidates=[f"V{i:02}" for i in range(1, 9)]),
    ]
    assert count(contests, papers, meeting=m)["m"].elected == tuple(f"V{i:02}" for i in range(1, 8))


def v_5() -> None:
    """V-5: 18 or over on the day and not deprived of political rights."""
    roll = [
        Voter("A", born=datetime.date(2008, 5, 21)),
        Voter("B", born=datetime.date(2008, 5, 22)),
        Voter("C", deprived=True),
    ]
    assert _poll(3, 3, roll=roll).turnout.registered == 1


def v_6() -> None:
    """V-6: the three bases of registration all register a voter; nothing else does."""
    roll = [Voter(f"R{i}", registration=r) for i, r in enumerate(Registration)]
    assert _poll(3, 0, roll=roll).turnout.registered == 3
    with pytest.raises(RecordError, match="registration"):
        Voter("X", registration="visitor")


def v_10() -> None:
    """V-10: more candidates than seats in a village (the national law)."""
    m = _poll(10, 10)
    with pytest.raises(RuleError, match="INSUFFICIENT_MARGIN"):
        count([Contest("c", seats=2, candidates=["V00", "V01"])], [], meeting=m)


def v_14() -> None:
    """V-14: a villager may vote for, against, abstain or write in, write-ins with no condition."""
    m = _poll(10, 10)
    r = count([Contest("c", seats=1, candidates=["V00", "V01"])], _vpapers(6, write_in=["V05"]), meeting=m)["c"]
    assert r.votes["V05"] == 6
    # Where a province refuses write-ins, the refusal is the village rule's (V-14), not P-19.
    m = _poll(10, 10, rulebook=attrs.evolve(LOOSE, writein_policy="none"))
    r = count([Contest("c", seats=1, candidates=["V00", "V01"])], _vpapers(6, write_in=["V05"]), meeting=m)["c"]
    assert (dict(r.votes), dict(r.void_marks)) == ({"V00": 0, "V01": 0}, {"write-in-refused": 6})
    assert [(s.rule, s.reason) for s in r.steps if s.code is Code.VOID_MARK] == [("V-14", Reason.WRITE_IN_REFUSED)]


def v_15() -> None:
    """V-15: a written proxy to a near relative on the roll counts as the principal's vote."""
    m = _poll(10, 5, proxies=[Proxy("V09", "V00", relation="sibling")])
    assert (m.turnout.by_proxy, m.turnout.voted) == (1, 6)


def v_16() -> None:
    """V-16: the cap per agent, in filing order."""
    book = attrs.evolve(LOOSE, proxy_cap=1)
    m = _poll(
        10, 5, rulebook=book, proxies=[Proxy("V08", "V00", relation="sibling"), Proxy("V09", "V00", relation="sibling")]
    )
    assert [o.accepted for o in m.proxies] == [True, False]


def v_17() -> None:
    """V-17: a candidate may not write another voter's ballot."""
    m = _poll(10, 10)
    r = count(
        [Contest("c", seats=1, candidates=["V00", "V01"])],
        [],
        meeting=m,
        scribes=[Scribe("V05", "V00"), Scribe("V06", "V07")],
    )
    assert [s.accepted for s in r.scribes] == [False, True]


def v_18() -> None:
    """V-18: a mobile ballot box vote counts once, and never beside an in-person vote."""
    roll = _voters(10)
    m = polling(roll, candidates=everyone(roll), present=["V00"], mobile=["V01", "V02"], rulebook=LOOSE, day=DAY)
    assert (m.turnout.mobile, m.turnout.voted) == (2, 3)
    with pytest.raises(RecordError):
        polling(roll, candidates=everyone(roll), present=["V00"], mobile=["V00"], rulebook=LOOSE, day=DAY)


def v_19() -> None:
    """V-19: voted*2 > registered: exactly half is not valid."""
    assert (_poll(10, 5).valid, _poll(10, 6).valid) == (False, True)


def v_20() -> None:
    """V-20: more papers than voters voids the vote; an over-selected paper is invalid."""
    m = _poll(10, 6)
    c = Contest("c", seats=1, candidates=["V00", "V01"])
    void = count([c], _vpapers(7, for_=["V00"]), meeting=m)
    assert (void.valid, [(s.code, s.rule) for s in void.steps]) == (False, [(Code.BALLOTS_OVER, "V-20")])
    r = count([c], _vpapers(6, for_=["V00", "V01"]), meeting=m)["c"]
    assert r.invalid == 6
    # An over-selected village paper cites the village rule (V-20), not the party's P-21.
    assert [(s.rule, s.reason) for s in r.steps if s.code is Code.INVALID] == [("V-20", Reason.OVER_SELECTED)]


def v_21() -> None:
    """V-21: more than half of those who voted, blank and spoiled papers included."""
    m = _poll(20, 12)
    c = Contest("c", seats=1, candidates=["V00", "V01"])
    r = count([c], _vpapers(6, for_=["V00"]) + [Ballot(spoiled=True)] * 6, meeting=m)["c"]
    assert (r.base, r.threshold, r.elected) == (12, 7, ())


def v_22() -> None:
    """V-22: a tie that decides the last seat goes to another vote among the tied."""
    m = _poll(10, 10)
    c = Contest("c", seats=2, candidates=["V00", "V01", "V02"])
    papers = _vpapers(4, for_=["V00", "V01"]) + _vpapers(4, for_=["V00", "V02"]) + _vpapers(2, for_=["V01", "V02"])
    r = count([c], papers, meeting=m)["c"]
    assert (dict(r.votes), r.threshold) == ({"V00": 8, "V01": 6, "V02": 6}, 6)
    assert (r.elected, r.tied, r.next_round.stage) == (("V00",), ("V01", "V02"), "tie-break")  # type: ignore[union-attr]


def v_23() -> None:
    """V-23: the further election: the non-elected with most votes stand; the winner needs most
    votes and at least 1/3 of all ballots cast."""
    m = _poll(30, 30)
    c = Contest("c", seats=1, candidates=["V00", "V01", "V02"])
    r = count([c], _vpapers(12, for_=["V00"]) + _vpapers(10, for_=["V01"]) + _vpapers(8, for_=["V02"]), meeting=m)["c"]
    assert (r.elected, r.next_round.candidates) == ((), ("V00", "V01"))  # type: ignore[union-attr]
    r2 = count([r.next_round], _vpapers(10, for_=["V00"]) + _vpapers(9, for_=["V01"]) + _vpapers(11), meeting=m)["c"]  # type: ignore[list-item]
    assert (r2.threshold, r2.elected) == (10, ("V00",))


def v_24() -> None:
    """V-24: a further election needs no turnout of its own, unless the rulebook says so."""
    c = Contest("c", seats=1, candidates=["V00", "V01"], stage="further")
    papers = _vpapers(3, for_=["V00"])
    assert count([c], papers, meeting=_poll(10, 3)).valid
    assert not count(
        [c], papers, meeting=_poll(10, 3, rulebook=attrs.evolve(LOOSE, further_turnout_required=True))
    ).valid


def v_25() -> None:
    """V-25 (河南): a majority first; the one-third floor only when nobody has one."""
    book = attrs.evolve(LOOSE, further_rule="majority-then-floor")
    c = Contest("c", seats=1, candidates=["V00", "V01"], stage="further")
    r = count([c], _vpapers(4, for_=["V00"]) + _vpapers(3, for_=["V01"]) + _vpapers(3), meeting=_poll(10, 10, book))
    assert (r["c"].threshold, r["c"].elected) == (4, ("V00",))


def v_26() -> None:
    """V-26: after a further election, enough members elected let the seats stay empty."""
    assert vacancies_may_stay(3, chair_elected=False, rulebook=preset("village-shanghai-2020")) is True
    assert vacancies_may_stay(2, chair_elected=True, rulebook=preset("village-shanghai-2020")) is False
    assert vacancies_may_stay(4, chair_elected=False, rulebook=preset("village-beijing-2012")) is False
    assert vacancies_may_stay(5, chair_elected=True, rulebook=VILLAGE) is None


def v_27() -> None:
    """V-27: posts on one paper; a person elected to two keeps the higher."""
    m = _poll(12, 12)
    contests = [
        Contest("chair", seats=1, candidates=["V00", "V01"], post="chair"),
        Contest("m", seats=1, candidates=["V00", "V02"], post="member"),
    ]
    r = count(contests, _papers(12, "chair", for_=["V00"]), meeting=m)
    assert (r["chair"].elected, r["m"].elected) == (("V00",), ())


def v_28() -> None:
    """V-28: of two near relatives elected, the one in the higher post serves."""
    roll = [Voter("V00", relatives=[Relative("V01", "spouse")]), *(_voters(12)[1:])]
    book = attrs.evolve(LOOSE, relatives_exclusive=True)
    m = polling(roll, candidates=everyone(roll), present=[v.id for v in roll], rulebook=book, day=DAY)
    contests = [
        Contest("chair", seats=1, candidates=["V00", "V02"], post="chair"),
        Contest("m", seats=1, candidates=["V01", "V03"], post="member"),
    ]
    papers = [Ballot({"chair": {"for": ["V00"]}, "m": {"for": ["V01"]}})] * 12
    r = count(contests, papers, meeting=m)
    assert (r["chair"].elected, r["m"].elected) == (("V00",), ())


def v_30() -> None:
    """V-30: a separate women-member post is for women (reserved-post mode)."""
    book = attrs.evolve(LOOSE, women_seat_mode="reserved-post")
    roll = [Voter("W", sex="F"), Voter("M", sex="M"), *_voters(10)]
    m = polling(roll, candidates=everyone(roll), present=[v.id for v in roll], rulebook=book, day=DAY)
    with pytest.raises(RuleError, match="V-30"):
        count([Contest("w", seats=1, candidates=["W", "M"], post="women-member")], [], meeting=m)


def r_1() -> None:
    """R-1: a residents' committee has 5 to 9 members: a finding, and the round is counted."""
    book = preset("residents-national-2018")
    four = [
        Contest("chair", seats=1, candidates=["V00"], post="chair"),
        Contest("m", seats=3, candidates=["V01", "V02", "V03"]),
    ]
    assert _size(four, book) == ("R-1", "not met", {"members": 4, "least": 5, "most": 9})
    assert _size([Contest("c", seats=5, candidates=[])], book) == ("R-1", "met", {"members": 5, "least": 5, "most": 9})
    r = count(four, _papers(6, "m", for_=["V01", "V02", "V03"]), meeting=_poll(10, 6, book))
    assert (r.valid, r["m"].elected) == (True, ("V01", "V02", "V03"))


def r_5() -> None:
    """R-5: residents' thresholds default to the village rules: more than half must vote."""
    book = attrs.evolve(preset("residents-national-2018"), committee_size=None)
    assert (_poll(10, 5, book).valid, _poll(10, 6, book).valid) == (False, True)
    # A residents' polling cites its own rules: R-3 for who votes, R-5 for the turnout.
    steps = _poll(10, 6, book).steps
    assert [(s.code, s.rule) for s in steps] == [(Code.REGISTERED, "R-3"), (Code.TURNOUT_MET, "R-5")]


def r_6() -> None:
    """R-6: a residents' committee may be elected uncontested (等额)."""
    book = attrs.evolve(preset("residents-national-2018"), committee_size=None)
    r = count(
        [Contest("c", seats=2, candidates=["V00", "V01"])], _vpapers(6, for_=["V00", "V01"]), meeting=_poll(10, 6, book)
    )
    assert r["c"].elected == ("V00", "V01")


RULES.update(
    {
        "V-1": v_1,
        "V-5": v_5,
        "V-6": v_6,
        "V-10": v_10,
        "V-14": v_14,
        "V-15": v_15,
        "V-16": v_16,
        "V-17": v_17,
        "V-18": v_18,
        "V-19": v_19,
        "V-20": v_20,
        "V-21": v_21,
        "V-22": v_22,
        "V-23": v_23,
        "V-24": v_24,
        "V-25": v_25,
        "V-26": v_26,
        "V-27": v_27,
        "V-28": v_28,
        "V-30": v_30,
        "R-1": r_1,
        "R-5": r_5,
        "R-6": r_6,
    }
)


# --- the order of names on the papers (edge: tally.strokes, tally.forms) ------------------------


def _branch_record(contests: list[dict[str, Any]]) -> Any:
    from tally.records import Record

    names = ["孔伟", "王芳", "丁一", "李娜", "张伟"]
    roll = [{"id": f"M{i}", "name": n} for i, n in enumerate(names)]
    return Record.from_dict(
        {
            "format": "tally.record/1",
            "kind": "party-meeting",
            "rulebook": "cpc-basic-2020",
            "day": "2026-05-21",
            "roll": roll,
            "present": [m["id"] for m in roll],
            "contests": contests,
            # marks for the first contest's candidates only: a record is checked when read
            "ballots": {"collected": 5, "items": [{"c": {"for": contests[0]["candidates"][:3]}}] * 5},
        }
    )


def p_15() -> None:
    """P-15: committee candidates by surname stroke order on the ballot (丁 2 strokes, then 王 and
    孔 of 4, 横 before 折); a secretary's candidates in the approved order."""
    from tally.forms import render

    member = _branch_record([{"id": "c", "seats": 3, "candidates": ["M0", "M1", "M2", "M3"]}])
    page = render(member, "ballot")
    assert page.index("丁一") < page.index("王芳") < page.index("孔伟") < page.index("李娜")
    secretary = _branch_record([{"id": "c", "post": "secretary", "seats": 1, "candidates": ["M0"]}])
    assert "按批准的顺序" in render(secretary, "ballot")


def p_26() -> None:
    """P-26: the published result lists the elected by surname strokes."""
    from tally.forms import render

    rec = _branch_record([{"id": "c", "seats": 3, "candidates": ["M0", "M1", "M2", "M3"]}])
    assert "当选（按姓氏笔画为序）：丁一、王芳、孔伟" in render(rec, "result")


RULES.update({"P-15": p_15, "P-26": p_26})


# --- meetings that decide by attendance and vote, and the rest of issue 16 ----------------------

from tally import Motion, assembly, check_delegates, check_nomination, check_representatives, decide  # noqa: E402


def _sitting(kind: str, n: int, present: int, *, mode: str | None = None, **kwargs):  # type: ignore[no-untyped-def]
    roll = _full(n) if kind == "cpc-branch-motion-2018" else _voters(n)
    ids = [m.id for m in roll]
    return assembly(roll, present=ids[:present], mode=mode, rulebook=preset(kind), day=DAY, **kwargs)


def p_27() -> None:
    """P-27: the meeting sits with half or more (半数以上: exactly half sits) of the members with a
    vote; a motion passes with more than half of the required attendance, not of those present."""
    assert (_sitting("cpc-branch-motion-2018", 12, 6).sits, _sitting("cpc-branch-motion-2018", 12, 5).sits) == (
        True,
        False,
    )
    a = _sitting("cpc-branch-motion-2018", 12, 8)
    d = decide([Motion("yes", for_=7), Motion("no", for_=6)], assembly=a)  # 6 of 8 present: not of 12
    assert (d["yes"].passed, d["no"].passed, d["no"].base) == (True, False, 12)
    assert d["no"].steps[0].rule == "P-27"


def v_9() -> None:
    """V-9: a 村民会议 sits with more than half of the villagers aged 18 or over, or two thirds or
    more of the households; a 村民代表会议 with two thirds or more of its members; both decide by
    more than half of those present; the representative assembly is 4/5 representatives and 1/3
    women representatives."""
    assert (
        _sitting("villager-assembly-2018", 10, 5, mode="direct").sits,
        _sitting("villager-assembly-2018", 10, 6, mode="direct").sits,
    ) == (False, True)
    homes = [Voter(f"V{i:02}", household=f"H{i}") for i in range(9)]
    by_home = assembly(
        homes, present=[v.id for v in homes[:6]], mode="household", rulebook=preset("villager-assembly-2018"), day=DAY
    )
    assert (by_home.base, by_home.needed, by_home.sits) == (9, 6, True)  # exactly two thirds
    assert (
        _sitting("representative-assembly-2018", 15, 10).sits,
        _sitting("representative-assembly-2018", 15, 9).sits,
    ) == (True, False)
    d = decide([Motion("m", for_=5)], assembly=_sitting("representative-assembly-2018", 15, 10))
    assert (d["m"].base, d["m"].passed) == (10, False)  # exactly half of those present fails
    roll = [Voter(f"R{i}", sex="F" if i < 4 else "M") for i in range(15)]
    roles = {f"R{i}": "representative" if i < 12 else "committee-member" for i in range(15)}
    found = check_representatives(roll, roles=roles, rulebook=preset("representative-assembly-2018"))
    assert [f.status for f in found] == ["met", "not met"]  # 12 of 15 is 4/5; 4 women are fewer than 5


def r_4() -> None:
    """R-4: the 居民会议 sits with more than half of its base by mode, decides by more than half of
    those present."""
    assert _sitting("residents-assembly-2018", 10, 5, mode="group-representatives").sits is False
    a = _sitting("residents-assembly-2018", 10, 6, mode="direct")
    assert a.sits
    assert decide([Motion("m", for_=4)], assembly=a)["m"].passed  # 4 of 6 present
    assert not decide([Motion("m", for_=3)], assembly=a)["m"].passed  # exactly half


def v_31() -> None:
    """V-31: a recall is valid with more than half of the registered voting, and passes with more
    than half of the votes of those who voted."""
    assert _sitting("village-recall-2018", 10, 5).sits is False
    a = _sitting("village-recall-2018", 10, 6)
    d = decide([Motion("r", for_=4, against=2), Motion("s", for_=3, against=3)], assembly=a)
    assert (d["r"].passed, d["s"].passed) == (True, False)
    assert a.steps[-1].rule == "V-31"


def v_32() -> None:
    """V-32: a by-election is counted as an election for the seats it fills, and its step cites
    the by-election; the committee's size is not checked on it."""
    m = _poll(10, 8)
    c = Contest("c", seats=1, candidates=["V00", "V01"], stage="by-election")
    r = count([c], _vpapers(5, for_=["V00"]) + _vpapers(3, for_=["V01"]), meeting=m)
    assert r["c"].elected == ("V00",)
    assert r["c"].steps[0].rule == "V-32"
    assert check_committee([c], rulebook=VILLAGE).status == "not applicable"


def v_11() -> None:
    """V-11: an election without candidates (浙江, 河南) counts names written in, matched to the
    roll; a name two people share and the paper does not tell apart is void, never guessed."""
    book = attrs.evolve(preset("village-zhejiang-2020"), without_candidates=True, committee_size=None)
    roll = [Voter("V00", name="王伟", household="三组"), Voter("V01", name="王伟", household="五组"), *_voters(8)[2:]]
    m = polling(roll, present=[v.id for v in roll], candidates=(), rulebook=book, day=DAY)
    papers = _vpapers(5, write_in=["王伟(三组)"]) + _vpapers(3, write_in=["王伟"])
    r = count([Contest("c", seats=1, candidates=[])], papers, meeting=m)
    assert (dict(r["c"].votes), r["c"].elected, dict(r["c"].void_marks)) == (
        {"V00": 5},
        ("V00",),
        {"name-ambiguous": 3},
    )
    with pytest.raises(RuleError, match="V-11"):
        attrs.evolve(VILLAGE, without_candidates=True)


def v_12() -> None:
    """V-12 (浙江, 河南): the nomination is valid when more than half of the voters take part."""
    book = preset("village-zhejiang-2020")
    assert [check_nomination(n, registered=10, rulebook=book).status for n in (5, 6)] == ["not met", "met"]
    assert check_nomination(5, registered=10, rulebook=VILLAGE).status == "not applicable"


def pc_2() -> None:
    """PC-2: a conference has at most 300 delegates, generally 100 to 200 (findings)."""
    book = preset("cpc-conference-2020")
    assert [f.status for f in check_delegates(301, rulebook=book)] == ["not met", "not met"]
    assert [f.status for f in check_delegates(300, rulebook=book)] == ["met", "not met"]
    assert [f.status for f in check_delegates(100, rulebook=book)] == ["met", "met"]


RULES.update(
    {"P-27": p_27, "V-9": v_9, "R-4": r_4, "V-31": v_31, "V-32": v_32, "V-11": v_11, "V-12": v_12, "PC-2": pc_2}
)


@pytest.mark.parametrize("rule", list(RULES))
def test_rule(rule: str) -> None:
    """Each implemented rule ID holds on its smallest case."""
    RULES[rule]()
