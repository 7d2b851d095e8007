"""Counting at its edges: each test sits on a boundary that a mutant of the counting code moved
(a ``<`` for a ``<=``, a ``>`` for a ``>=``, a dropped finding), and says which rule puts the
boundary there. Everything goes through the public API, so that the tests hold while the
counting code's insides change. See docs/testing.md for the mutation run that found them."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from fractions import Fraction

import attrs
import pytest

from tally import (
    Ballot,
    Code,
    Contest,
    Exclusion,
    Marks,
    Member,
    Proxy,
    RecordError,
    Reduction,
    Relative,
    RuleError,
    Scribe,
    Stage,
    Totals,
    Voter,
    count,
    least_candidates,
    least_winning,
    meeting,
    polling,
    preset,
)

PARTY = preset("cpc-basic-2020")
DAY = datetime.date(2026, 5, 21)


def _meeting(n: int, present: int | None = None, rulebook=PARTY):  # type: ignore[no-untyped-def]
    roll = [Member(f"M{i:02}") for i in range(1, n + 1)]
    return meeting(roll, present=[m.id for m in roll[: n if present is None else present]], rulebook=rulebook)


def _papers(*groups: tuple[int, tuple[str, ...]], contest: str = "c") -> list[Ballot]:
    return [Ballot({contest: {"for": list(ids)}}) for times, ids in groups for _ in range(times)]


# --- P-21 on a tally sheet: the totals a sheet can and cannot hold ----------------------------------

TWO_SEATS = Contest("c", seats=2, candidates=["M01", "M02", "M03"])


def _sheet(valid: int, invalid: int, votes: dict[str, int], collected: int | None = None):  # type: ignore[no-untyped-def]
    totals = {"c": Totals(valid=valid, invalid=invalid, votes=votes)}
    return count([TWO_SEATS], meeting=_meeting(10), totals=totals, collected=collected)["c"]


def test_a_tally_sheet_with_no_invalid_ballot() -> None:
    """P-21: ``invalid: 0`` is a count like any other, not a missing one."""
    r = _sheet(10, 0, {"M01": 6, "M02": 6, "M03": 2}, collected=10)
    assert (r.valid, r.invalid, r.elected) == (10, 0, ("M01", "M02"))


def test_a_tally_sheet_cannot_hold_a_negative_count() -> None:
    """P-21: a count below zero on a tally sheet is an error at its field."""
    with pytest.raises(RecordError, match=r"^invalid: must be a whole number from 0 to 1,000,000,000, not -1$"):
        Totals(valid=10, invalid=-1)
    with pytest.raises(RecordError, match=r"^for\.M01: must be a whole number"):
        Totals(valid=10, invalid=0, votes={"M01": -1})


def test_a_candidate_on_every_valid_paper() -> None:
    """P-21: one vote per valid paper at most: as many votes as valid papers is possible."""
    r = _sheet(10, 0, {"M01": 10, "M02": 0})
    assert (r.votes["M01"], r.elected) == (10, ("M01",))


def test_more_votes_than_valid_papers_is_an_error() -> None:
    """P-21: one vote more than the valid papers cannot be, and says where."""
    with pytest.raises(RecordError, match=r"totals\.c\.for\.M01: 11 votes, more than the 10 valid ballots"):
        _sheet(10, 0, {"M01": 11})


def test_votes_of_exactly_valid_times_seats() -> None:
    """P-21: every valid paper full (valid × seats votes in all) is a possible sheet."""
    r = _sheet(10, 0, {"M01": 10, "M02": 10, "M03": 0})
    assert r.elected == ("M01", "M02")


def test_one_vote_more_than_valid_times_seats_is_an_error() -> None:
    """P-21: valid × seats + 1 votes means some paper selected more persons than seats."""
    with pytest.raises(RecordError, match=r"21 votes in all, more than 10 valid ballots × 2 seats \(P-21\)"):
        _sheet(10, 0, {"M01": 10, "M02": 10, "M03": 1})


def test_a_tally_sheet_must_add_up_to_the_ballots_collected() -> None:
    """P-20, P-21: valid + invalid is the number of papers out of the box."""
    with pytest.raises(RecordError, match=r"valid \+ invalid = 10, but 11 ballots were collected"):
        _sheet(10, 0, {"M01": 6}, collected=11)


# --- P-20: the void round ------------------------------------------------------------------------


def test_as_many_ballots_as_voters_is_not_void() -> None:
    """P-20: 收回的选票等于或少于投票人数: equal is valid."""
    r = count([TWO_SEATS], _papers((9, ("M01", "M02"))), meeting=_meeting(10, present=9))
    assert (r.void, r.valid, r.collected, r.voters) == (False, True, 9, 9)
    assert r["c"].elected == ("M01", "M02")


def test_one_ballot_more_than_voters_is_void() -> None:
    """P-20: one paper more than the voters voids the round, and ``void`` says so."""
    r = count([TWO_SEATS], _papers((10, ("M01", "M02"))), meeting=_meeting(10, present=9))
    assert (r.void, r.valid, r.collected, r.voters) == (True, False, 10, 9)
    assert (r["c"].elected, r["c"].next_round) == ((), None)


def test_an_inquorate_meeting_is_not_void() -> None:
    """P-10, P-20: inquorate and void are two findings: too few present is not too many papers."""
    r = count([TWO_SEATS], _papers((8, ("M01", "M02"))), meeting=_meeting(10, present=8))
    assert (r.void, r.valid) == (False, False)


# --- P-22: a majority other than one half ----------------------------------------------------------


def test_a_two_thirds_majority() -> None:
    """P-22 with ``majority=2/3``: of 30 present, 20 is exactly two thirds (not more), 21 wins."""
    book = attrs.evolve(PARTY, majority=Fraction(2, 3))
    assert [least_winning(n, book) for n in (30, 31, 3, 0)] == [21, 21, 3, 1]
    m = _meeting(30, rulebook=book)
    contest = Contest("c", seats=1, candidates=["M01", "M02"])
    r = count([contest], _papers((21, ("M01",)), (9, ("M02",))), meeting=m)["c"]
    assert (r.threshold, r.elected) == (21, ("M01",))
    r = count([contest], _papers((20, ("M01",)), (10, ("M02",))), meeting=m)["c"]
    assert (r.threshold, r.elected, r.unfilled) == (21, (), 1)


def test_a_three_fifths_majority_of_a_base_that_does_not_divide() -> None:
    """P-22, C-3: x*5 > 7*3 = 21 needs x = 5 (4*5 = 20 is not more)."""
    book = attrs.evolve(PARTY, majority=Fraction(3, 5))
    assert least_winning(7, book) == 5


# --- P-24: the strict reading of the consent to reduce the seats -------------------------------------


def _shortfall(book, consent: int):  # type: ignore[no-untyped-def]
    m = _meeting(10, rulebook=book)
    contest = Contest("c", seats=3, candidates=["M01", "M02", "M03", "M04"])
    papers = _papers((5, ("M01", "M02", "M03")), (5, ("M01", "M04")))
    return count([contest], papers, meeting=m, reductions={"c": Reduction(consent=consent)})["c"]


def test_strict_consent_passes_with_a_bare_majority() -> None:
    """P-24 with ``reduction_consent_inclusive=False``: 6 of 10 is more than half: reduced."""
    r = _shortfall(attrs.evolve(PARTY, reduction_consent_inclusive=False), 6)
    assert (r.seats_reduced, r.next_round, r.elected) == (True, None, ("M01",))
    assert [s.code for s in r.steps if s.rule == "P-24"] == [Code.SEATS_REDUCED]


def test_strict_consent_fails_at_exactly_half() -> None:
    """P-24 with ``reduction_consent_inclusive=False``: 5 of 10 is not more than half."""
    r = _shortfall(attrs.evolve(PARTY, reduction_consent_inclusive=False), 5)
    assert (r.seats_reduced, r.next_round.stage) == (False, Stage.FURTHER)  # type: ignore[union-attr]
    assert [s.code for s in r.steps if s.rule == "P-24"] == [Code.REDUCTION_NOT_APPROVED, Code.FURTHER_ELECTION]


def test_inclusive_consent_fails_below_half() -> None:
    """P-24, C-2 (半数以上, inclusive): 4 of 10 is less than half: a further election."""
    r = _shortfall(PARTY, 4)
    assert r.seats_reduced is False
    assert _shortfall(PARTY, 5).seats_reduced is True


def test_more_consents_than_electors_present_is_an_error() -> None:
    """P-24: consents are counted among the present electors."""
    with pytest.raises(RecordError, match=r"reductions\.c\.consent: 11 consents, but only 10 electors are present"):
        _shortfall(PARTY, 11)


# --- V-28: a seat freed by the near-relatives rule ----------------------------------------------------


def _spouses_count(groups: list[tuple[int, tuple[str, ...]]], refill: str = "qualified"):  # type: ignore[no-untyped-def]
    roll = [
        Voter("H", sex="M", relatives=[Relative("S", "spouse")]),
        Voter("S", sex="F"),
        *(Voter(f"E{i}", sex="M") for i in range(30)),
    ]
    book = attrs.evolve(preset("village-zhejiang-2020"), committee_size=None, relatives_refill=refill)
    contests = [
        Contest("chair", seats=1, candidates=["H", "E0"], post="chair"),
        Contest("member", seats=2, candidates=["S", "E1", "E2"], post="member"),
    ]
    papers = [Ballot({"chair": {"for": ["H"]}, "member": {"for": list(ids)}}) for n, ids in groups for _ in range(n)]
    everyone = {w for c in contests for w in c.candidates}
    body = polling(roll, present=[v.id for v in roll], candidates=everyone, rulebook=book, day=DAY)
    return count(contests, papers, meeting=body)


def test_v28_refill_exactly_at_the_threshold() -> None:
    """V-28 (浙江, refill "qualified"): 32 voted, so 17 wins (V-21); E2 with exactly 17, outside the
    two seats, takes the seat that S leaves to her husband the chair."""
    r = _spouses_count([(15, ("S", "E1")), (5, ("S", "E2")), (12, ("E1", "E2"))])
    member = r["member"]
    assert (dict(member.votes), member.threshold) == ({"E1": 27, "S": 20, "E2": 17}, 17)
    assert (member.elected, member.unfilled, member.next_round) == (("E1", "E2"), 0, None)
    assert [s.code for s in member.steps if s.rule == "V-28"] == [Code.RELATIVE_WITHDRAWN, Code.SEAT_REFILLED]


def test_v28_no_refill_one_vote_below_the_threshold() -> None:
    """V-28: with 16 votes E2 is below the threshold: the seat goes to a further election."""
    r = _spouses_count([(16, ("S", "E1")), (4, ("S", "E2")), (12, ("E1", "E2"))])
    member = r["member"]
    assert dict(member.votes) == {"E1": 28, "S": 20, "E2": 16}
    assert (member.elected, member.unfilled) == (("E1",), 1)
    assert member.next_round is not None
    assert (member.next_round.stage, member.next_round.seats) == (Stage.FURTHER, 1)


# --- V-10: the most candidates a post may have ---------------------------------------------------------


def _beijing_count(candidates: int):  # type: ignore[no-untyped-def]
    roll = [Voter(f"V{i}") for i in range(10)]
    book = attrs.evolve(preset("village-beijing-2012"), committee_size=None)
    contest = Contest("m", seats=2, candidates=[f"V{i}" for i in range(candidates)])
    p = polling(roll, present=[v.id for v in roll], candidates=contest.candidates, rulebook=book, day=DAY)
    return count([contest], [], meeting=p, collected=0)


def test_v10_most_candidates_per_post_is_allowed() -> None:
    """V-10 (北京: one or two more candidates than seats): 2 seats, 4 candidates is the most."""
    assert _beijing_count(4)["m"].contest.candidates == ("V0", "V1", "V2", "V3")
    assert _beijing_count(3)["m"].unfilled == 2


def test_v10_one_candidate_over_the_most_is_refused() -> None:
    """V-10 (北京): 5 candidates for 2 seats is one too many."""
    with pytest.raises(RuleError, match=r"5 candidates for 2 seats; the rules allow at most 4 \(V-10\)"):
        _beijing_count(5)


def test_v10_fewest_candidates_per_post() -> None:
    """V-10 (北京): 2 seats need at least 3 candidates."""
    with pytest.raises(RuleError, match=r"2 candidates for 2 seats; the rules require at least 3 \(V-10"):
        _beijing_count(2)


# --- the API's errors: each at its path, with its words --------------------------------------------
#
# A value built through the API from bad input is a RecordError (or RuleError) whose every problem
# names where it is and why (docs/errors.md); a problem lost, a path dropped or a message emptied
# is a defect these rows catch.


def _problems(make: Callable[[], object]) -> list[tuple[str, str]]:
    with pytest.raises((RecordError, RuleError)) as caught:
        make()
    return [(p.path, p.reason) for p in caught.value.problems]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("make", "problems"),
    [
        (lambda: Marks(for_="M01"), [("", "must be a list of ids, not 'M01'")]),
        (lambda: Marks(for_=["M01", ""]), [("for[1]", "must be a non-empty string, not ''")]),
        (lambda: Marks(against=[" x"]), [("against[0]", "' x' is written 'x' in tally: ids are NFKC and trimmed")]),
        (
            lambda: Marks(unreadable=["M01", "M\t2"]),
            [("unreadable[1]", "holds an invisible character U+0009 (unnamed) at position 2")],
        ),
        (lambda: Marks.from_dict("x"), [("", "a section must be an object of marks, not 'x'")]),
        (lambda: Marks.from_dict({"yes": [], "no": []}), [("yes", "unknown mark list"), ("no", "unknown mark list")]),
        (
            lambda: Marks.from_dict({"for": "M01", "against": 7}),
            [("for", "must be a list of ids, not 'M01'"), ("against", "must be a list of ids, not 7")],
        ),
        (lambda: Ballot("x"), [("", "a paper must map contest ids to marks, not 'x'")]),
        (
            lambda: Ballot({"c\u200b": {}, "d ": {}, "e": {}}),
            [
                ("'c\\u200b'", "a contest id: holds an invisible character U+200B (ZERO WIDTH SPACE) at position 2"),
                ("'d '", "a contest id: 'd ' is written 'd' in tally: ids are NFKC and trimmed"),
            ],
        ),
        (
            lambda: Ballot({"c": {"for": "M01"}, "d": {"x": []}}),
            [("c.for", "must be a list of ids, not 'M01'"), ("d.x", "unknown mark list")],
        ),
        (lambda: Ballot({"c": {}}, spoiled=True), [("spoiled", "a spoiled paper has no readable sections")]),
        (lambda: Contest("c", seats=0, candidates=[]), [("seats", "must be a whole number from 1 to 1,000, not 0")]),
        (
            lambda: Contest("c", seats=True, candidates=[]),
            [("seats", "must be a whole number from 1 to 1,000, not True")],
        ),
        (lambda: Contest("c", seats=1, candidates="M01"), [("candidates", "must be a list of ids, not 'M01'")]),
        (
            lambda: Contest("c", seats=1, candidates=[], post="boss"),
            [("post", "'boss' is not one of member, secretary, deputy-secretary, chair, vice-chair, women-member")],
        ),
        (
            lambda: Contest("c", seats=1, candidates=[], stage="final"),
            [("stage", "'final' is not one of regular, tie-break, further, by-election")],
        ),
        (
            lambda: Contest("c", seats=1, candidates=[" M01", "M02", "M02", 7]),
            [
                ("candidates[0]", "' M01' is written 'M01' in tally: ids are NFKC and trimmed"),
                ("candidates[2]", "duplicate candidate 'M02' (first at candidates[1])"),
                ("candidates[3]", "must be a non-empty string, not 7"),
            ],
        ),
        (
            lambda: count(["x", *[Contest("c", seats=1, candidates=["M01", "M02"])] * 3], [], meeting=_meeting(3)),
            [
                ("contests[0]", "must be a Contest, not 'x'"),
                ("contests[2].id", "duplicate contest id 'c' (first at contests[1])"),
                ("contests[3].id", "duplicate contest id 'c' (first at contests[1])"),
            ],
        ),
        (lambda: count([], [], meeting=_meeting(3)), [("contests", "a round needs at least one contest")]),
    ],
)
def test_api_errors_name_each_problem(make: Callable[[], object], problems: list[tuple[str, str]]) -> None:
    """P-12, P-21 and the id policy: every problem of a value built through the API, at once."""
    assert _problems(make) == problems


def test_a_contest_may_have_ten_thousand_candidates() -> None:
    """P-12: the bound on candidates is 10,000 itself (docs/record-format.md, "Bounds")."""
    assert len(Contest("c", seats=1, candidates=[f"C{i}" for i in range(10_000)]).candidates) == 10_000


@pytest.mark.parametrize(
    ("contest", "book", "least"),
    [
        (Contest("c", seats=2, candidates=[], stage="tie-break"), PARTY, (3, "P-23")),
        (Contest("c", seats=2, candidates=[], stage="tie-break"), preset("village-national-2018"), (3, "V-22")),
        (Contest("c", seats=2, candidates=[], stage="further"), PARTY, (3, "OQ-P6")),
        (Contest("c", seats=2, candidates=[], stage="further"), preset("village-national-2018"), (3, "V-23")),
        (Contest("s", seats=1, candidates=[], post="secretary"), PARTY, (1, "P-14")),
        (Contest("c", seats=3, candidates=[]), PARTY, (4, "P-12")),
        (Contest("c", seats=7, candidates=[]), PARTY, (9, "P-12")),
        (Contest("c", seats=2, candidates=[], post="chair"), preset("village-national-2018"), (3, "V-10")),
    ],
)
def test_least_candidates_and_the_rule_that_says_so(contest: Contest, book: object, least: tuple[int, str]) -> None:
    """P-12 (a fifth more, rounded up: 3 seats need 4), P-14, P-23, V-22, OQ-P6, V-23, V-10."""
    assert least_candidates(contest, book) == least  # type: ignore[arg-type]


def test_marks_write_back_every_list() -> None:
    """A section's marks are written back under the record format's names."""
    marks = Marks(for_=["M04"], unreadable=["M01"], against=["M02"], abstain=["M03"], write_in=["M09"])
    assert marks.to_dict() == {
        "for": ["M04"],
        "against": ["M02"],
        "abstain": ["M03"],
        "write_in": ["M09"],
        "unreadable": ["M01"],
    }


@pytest.mark.parametrize("mark", ["against", "abstain", "unreadable"])
def test_a_mark_for_someone_not_a_candidate_names_its_list(mark: str) -> None:
    """P-21: a mark of any list that names someone not standing is an error at that mark."""
    contest = Contest("c", seats=1, candidates=["M01", "M02"])
    with pytest.raises(RecordError) as caught:
        count([contest], [Ballot({"c": {mark: ["M03"]}})], meeting=_meeting(10))
    assert caught.value.path == f"ballots[0].c.{mark}[0]"


def test_a_write_in_in_a_tie_break_is_void() -> None:
    """P-23: a tie-break is among the tied only: a write-in there is a void mark, with its reason."""
    tie = Contest("c", seats=1, candidates=["M01", "M02"], stage="tie-break")
    papers = [Ballot({"c": {"for": ["M01"]}})] * 6 + [Ballot({"c": {"against": ["M02"], "write_in": ["M05"]}})]
    r = count([tie], papers, meeting=_meeting(10))["c"]
    assert (r.elected, dict(r.void_marks)) == (("M01",), {"write-in-in-tie-break": 1})


# --- P-24, PC-4: the steps that explain a reduction say whom and with what numbers ---------------


def _reduction_steps(book, plan: Reduction) -> list[tuple[object, str, str | None, dict[str, int]]]:  # type: ignore[no-untyped-def]
    m = _meeting(10, rulebook=book)
    contest = Contest("c", seats=3, candidates=["M01", "M02", "M03", "M04"])
    papers = _papers((5, ("M01", "M02", "M03")), (5, ("M01", "M04")))
    r = count([contest], papers, meeting=m, reductions={"c": plan})["c"]
    return [(s.code, s.rule, s.subject, dict(s.numbers)) for s in r.steps if s.rule in ("P-24", "PC-4")]


def test_a_consent_step_states_its_numbers() -> None:
    """P-24: 6 of 10 consent; the least consent is 5 (half, inclusive by default)."""
    assert _reduction_steps(PARTY, Reduction(consent=6)) == [
        (Code.SEATS_REDUCED, "P-24", "c", {"consent": 6, "base": 10, "least": 5, "numerator": 1, "denominator": 2}),
    ]


def test_a_presidium_at_a_branch_meeting_needs_consent() -> None:
    """P-24, PC-4: a branch meeting has no presidium: the decision needs the electors' consent."""
    assert _reduction_steps(PARTY, Reduction(presidium=True)) == [
        (Code.REDUCTION_NEEDS_CONSENT, "P-24", "c", {}),
        (Code.FURTHER_ELECTION, "P-24", "c", {"seats": 2, "candidates": 3}),
    ]


def test_a_conference_presidium_reduces_the_seats() -> None:
    """PC-4: a conference's presidium decides the reduction, and the step says so of the contest."""
    assert _reduction_steps(preset("cpc-conference-2020"), Reduction(presidium=True)) == [
        (Code.REDUCED_BY_PRESIDIUM, "PC-4", "c", {}),
    ]


# --- P-21, P-23: the errors of tally-sheet totals ---------------------------------------------------


def test_totals_that_are_not_a_mapping() -> None:
    """Totals are given per contest id."""
    contest = Contest("c", seats=1, candidates=["M01", "M02"])
    assert _problems(lambda: count([contest], meeting=_meeting(10), totals=[1])) == [  # type: ignore[arg-type]
        ("totals", "must map contest ids to Totals, not [1]")
    ]


def test_every_wrong_sheet_is_reported() -> None:
    """An unknown contest, a sheet of the wrong type, a contest with no sheet: all at once."""
    contests = [Contest("c", seats=1, candidates=["M01", "M02"]), Contest("d", seats=1, candidates=["M01", "M02"])]
    totals = {"x": Totals(valid=1, invalid=0), "y": 1, "c": "no"}
    assert _problems(lambda: count(contests, meeting=_meeting(10), totals=totals)) == [  # type: ignore[arg-type]
        ("totals.x", "no contest 'x' in this round"),
        ("totals.y", "no contest 'y' in this round"),
        ("totals.c", "must be the Totals of the contest, not 'no'"),
        ("totals.d", "must be the Totals of the contest, not None"),
    ]


def test_a_tie_break_sheet_counts_only_the_tied() -> None:
    """P-23: a tie-break's sheet gives votes to the tied only; each other name is an error."""
    tie = Contest("c", seats=1, candidates=["M01", "M02"], stage="tie-break")
    totals = {"c": Totals(valid=5, invalid=0, votes={"M01": 2, "M03": 1, "M04": 1})}
    assert _problems(lambda: count([tie], meeting=_meeting(10), totals=totals)) == [
        ("totals.c.for.M03", "'M03' is not among the tied"),
        ("totals.c.for.M04", "'M04' is not among the tied"),
    ]
    ok = count([tie], meeting=_meeting(10), totals={"c": Totals(valid=5, invalid=0, votes={"M01": 3, "M02": 2})})
    assert ok["c"].elected == ("M01",)


# --- V-28: near relatives, step by step ------------------------------------------------------------


def _steps(result, rule: str) -> list[tuple[object, str | None, dict[str, int]]]:  # type: ignore[no-untyped-def]
    return [(s.code, s.subject, dict(s.numbers)) for s in result.steps if s.rule == rule]


def test_v28_steps_say_who_withdrew_and_who_took_the_seat() -> None:
    """V-28: S (20 votes) withdraws for her husband the chair; E2 (17, at the threshold) takes the seat."""
    r = _spouses_count([(15, ("S", "E1")), (5, ("S", "E2")), (12, ("E1", "E2"))])["member"]
    assert _steps(r, "V-28") == [
        (Code.RELATIVE_WITHDRAWN, "S", {"votes": 20}),
        (Code.SEAT_REFILLED, "E2", {"votes": 17}),
    ]


def test_v28_a_freed_seat_goes_to_a_further_election_of_the_others() -> None:
    """V-28 (refill "further"): the seat S leaves goes to a further election among the candidates
    not elected, S not among them, and a step says how many seats and candidates."""
    r = _spouses_count([(15, ("S", "E1")), (5, ("S", "E2")), (12, ("E1", "E2"))], refill="further")["member"]
    assert (r.elected, r.unfilled) == (("E1",), 1)
    assert r.next_round is not None
    assert (r.next_round.stage, r.next_round.seats, r.next_round.candidates) == (Stage.FURTHER, 1, ("E2",))
    assert _steps(r, "V-23")[-1] == (Code.FURTHER_ELECTION, "member", {"seats": 1, "candidates": 1})


def _members_count(relation: str, groups: list[tuple[int, tuple[str, ...]]], both_sides: bool = False):  # type: ignore[no-untyped-def]
    """Two relatives standing for the same post (member, 3 seats), 浙江 rules."""
    a_relatives = [Relative("B", relation)]
    b_relatives = [Relative("A", relation)] if both_sides else []
    roll = [Voter("A", relatives=a_relatives), Voter("B", relatives=b_relatives), *(Voter(f"E{i}") for i in range(30))]
    book = attrs.evolve(preset("village-zhejiang-2020"), committee_size=None)
    contest = Contest("member", seats=3, candidates=["A", "B", "E1", "E2", "E3"], post="member")
    papers = [Ballot({"member": {"for": list(ids)}}) for n, ids in groups for _ in range(n)]
    body = polling(roll, present=[v.id for v in roll], candidates=contest.candidates, rulebook=book, day=DAY)
    return count([contest], papers, meeting=body)["member"]


def test_v28_in_one_post_the_one_with_fewer_votes_withdraws() -> None:
    """V-28: two siblings elected to the same post: the one with more votes stays (32 voted: 17
    wins); E2, over the threshold, takes the seat."""
    r = _members_count("sibling", [(20, ("A", "B", "E1")), (12, ("A", "E1", "E2"))])
    assert dict(r.votes) == {"A": 32, "E1": 32, "B": 20, "E2": 12, "E3": 0}
    assert _steps(r, "V-28") == [(Code.RELATIVE_WITHDRAWN, "B", {"votes": 20})]
    assert (r.elected, r.unfilled) == (("A", "E1"), 1)
    r = _members_count("sibling", [(20, ("A", "B", "E1")), (12, ("B", "E1", "E2"))])
    assert _steps(r, "V-28") == [(Code.RELATIVE_WITHDRAWN, "A", {"votes": 20})]


def test_v28_a_pair_seen_from_both_sides_is_decided_once() -> None:
    """V-28: spouses who list each other: one withdraws, not both."""
    r = _members_count("spouse", [(20, ("A", "B", "E1")), (12, ("A", "E1", "E2"))], both_sides=True)
    assert _steps(r, "V-28") == [(Code.RELATIVE_WITHDRAWN, "B", {"votes": 20})]


def test_v28_relatives_with_equal_votes_in_one_post_both_stay_for_another_vote() -> None:
    """V-28: equal posts and equal votes: the rules call for another vote; both stay, a step says so."""
    r = _members_count("parent", [(20, ("A", "B", "E1")), (12, ("E1", "E2", "E3"))])
    assert _steps(r, "V-28") == [(Code.RELATIVES_TIED, "A", {"votes": 20})]
    assert r.elected == ("E1", "A", "B")


def test_v28_a_grandparent_is_not_a_close_relative() -> None:
    """V-28, C-5: only spouse, parent, child and sibling keep two apart; a grandparent does not."""
    r = _members_count("grandparent", [(20, ("A", "B", "E1")), (12, ("A", "E1", "E2"))])
    assert (_steps(r, "V-28"), r.elected) == ([], ("A", "E1", "B"))


# --- V-30 (reserved in the rerun): the woman who joins the further election -------------------------


def _shanxi(groups: list[tuple[int, tuple[str, ...]]]):  # type: ignore[no-untyped-def]
    book = attrs.evolve(preset("village-national-2018"), committee_size=None, women_seat_mode="reserved-in-rerun")
    roll = [*(Voter(f"M{i}", sex="M") for i in range(1, 6)), Voter("W1", sex="F"), Voter("W2", sex="F")]
    roll += [Voter(f"E{i}") for i in range(25)]
    contest = Contest("member", seats=3, candidates=["M1", "M2", "M3", "M4", "W1", "W2"])
    papers = [Ballot({"member": {"for": list(ids)}}) for n, ids in groups for _ in range(n)]
    body = polling(roll, present=[v.id for v in roll], candidates=contest.candidates, rulebook=book, day=DAY)
    return count([contest], papers, meeting=body)["member"]


def test_v30_the_best_placed_woman_joins_the_further_election() -> None:
    """V-30: no woman elected: W2 (9 votes, ahead of W1's 6) joins, and the step names her."""
    r = _shanxi([(17, ("M1", "M2")), (6, ("M3", "M4", "W1")), (3, ("M3", "W2")), (6, ("M3", "M4", "W2"))])
    assert r.elected == ("M1", "M2")
    assert r.next_round is not None
    assert r.next_round.candidates == ("M3", "M4", "W2")
    assert _steps(r, "V-30") == [(Code.WOMAN_JOINS_FURTHER, "W2", {"votes": 9})]


def test_v30_no_woman_joins_when_a_woman_is_elected() -> None:
    """V-30: a woman elected: the further election keeps its own candidates."""
    r = _shanxi([(17, ("M1", "W1")), (8, ("M3", "M4", "W2")), (7, ("M3", "M4"))])
    assert r.elected == ("M1", "W1")
    assert r.next_round is not None
    assert "W2" not in r.next_round.candidates
    assert _steps(r, "V-30") == []


# --- a round explains itself: the steps and the result's lists say whom, why, with what numbers -------


def test_a_party_round_explains_its_threshold_and_each_candidate() -> None:
    """P-21, P-22: 10 present, so 6 wins (x*2 > 10); the steps say so of the contest and of each
    candidate."""
    contest = Contest("c", seats=1, candidates=["M01", "M02"])
    r = count([contest], _papers((6, ("M01",)), (4, ("M02",))), meeting=_meeting(10))["c"]
    assert [(s.code, s.rule, s.subject, dict(s.numbers)) for s in r.steps] == [
        (Code.CONTEST_BALLOTS, "P-21", "c", {"valid": 10, "invalid": 0}),
        (Code.MAJORITY, "P-22", "c", {"base": 10, "threshold": 6, "numerator": 1, "denominator": 2}),
        (Code.BELOW_THRESHOLD, "P-22", "M02", {"votes": 4, "threshold": 6}),
        (Code.ELECTED, "P-22", "M01", {"votes": 6}),
    ]


def test_an_inquorate_round_says_why_nothing_was_decided() -> None:
    """P-10: 7 of 10 present is not more than 4/5: each contest says "no election" and why."""
    contest = Contest("c", seats=1, candidates=["M01", "M02"])
    r = count([contest], _papers((6, ("M01",))), meeting=_meeting(10, present=7))["c"]
    assert [(s.code, s.rule, s.subject, dict(s.numbers)) for s in r.steps] == [(Code.NO_ELECTION, "P-10", "c", {})]


def test_scribes_and_proxies_in_the_round_as_data() -> None:
    """P-17, P-18: each scribe and proxy of a party round, with its outcome and reason."""
    contest = Contest("c", seats=1, candidates=["M01", "M02"])
    r = count(
        [contest],
        _papers((6, ("M01",)), (4, ("M02",))),
        meeting=_meeting(10),
        scribes=[Scribe("M05", "S1"), Scribe("M06", "M02")],
        proxies=[Proxy("M09", "M10")],
    )
    data = r.to_dict()
    assert data["scribes"] == [
        {"elector": "M05", "scribe": "S1", "accepted": True, "reason": None},
        {"elector": "M06", "scribe": "M02", "accepted": False, "reason": "scribe-is-candidate"},
    ]
    assert data["proxies"] == [{"principal": "M09", "agent": "M10", "accepted": False, "reason": "proxy-not-allowed"}]


def test_proxies_that_are_not_proxies() -> None:
    """P-17: each proxy given to a party round must be a Proxy; every one that is not is reported."""
    contest = Contest("c", seats=1, candidates=["M01", "M02"])
    assert _problems(lambda: count([contest], _papers((6, ("M01",))), meeting=_meeting(10), proxies=["x", 7])) == [  # type: ignore[list-item]
        ("proxies[0]", "must be a Proxy, not 'x'"),
        ("proxies[1]", "must be a Proxy, not 7"),
    ]


def test_only_the_electorate_can_be_excluded() -> None:
    """P-2, P-3, P-4, P-6: a probationary member, one under 留党察看 and a suspended one are not in
    the electorate; an exclusion of any of them is an error that says which."""
    roll = [
        Member("M01"),
        Member("P1", standing="probationary"),
        Member("P2", rights="probation"),
        Member("P3", rights="suspended"),
    ]
    exclusions = [Exclusion(w, "abroad", upper_approved=True, meeting_approved=True) for w in ("P1", "P2", "P3")]
    tail = "only a member of the electorate can be excluded (P-6)"
    assert _problems(lambda: meeting(roll, present=["M01"], exclusions=exclusions, rulebook=PARTY)) == [
        ("exclusions[0].member", f"'P1' is probationary and so not in the electorate (P-2); {tail}"),
        ("exclusions[1].member", f"'P2' is under 留党察看 and so not in the electorate (P-3); {tail}"),
        ("exclusions[2].member", f"'P3' is suspended and so not in the electorate (P-4); {tail}"),
    ]


def test_a_reduction_needs_a_count_or_the_presidium() -> None:
    """P-24: a Reduction says how many consented, or that the presidium decided."""
    assert _problems(lambda: Reduction(consent=-1)) == [
        ("consent", "must be a whole number from 0 to 1,000,000,000, not -1")
    ]
    assert _problems(lambda: Reduction()) == [("consent", "a reduction needs the consent count or the presidium")]


def _codes(result) -> list[tuple[str, str, str | None, dict[str, int]]]:  # type: ignore[no-untyped-def]
    return [(s.code.value, s.rule, s.subject, dict(s.numbers)) for s in result.steps]


def test_a_tie_at_the_cut_off_in_ballot_order_and_its_tie_break() -> None:
    """P-23: M03 and M01 tie across the last seat: listed in ballot order (M03 first on the paper,
    not by id), and the tie-break elects the one with more votes."""
    contest = Contest("c", seats=2, candidates=["M03", "M01", "M02"])
    r = count([contest], _papers((4, ("M01", "M02")), (4, ("M03", "M02")), (2, ("M01", "M03"))), meeting=_meeting(10))
    assert (r["c"].elected, r["c"].tied) == (("M02",), ("M03", "M01"))
    assert _codes(r["c"])[2:] == [
        ("elected", "P-22", "M02", {"votes": 8}),
        ("tied", "P-23", "c", {"votes": 6, "tied": 2, "seats": 1}),
    ]
    tie = r["c"].next_round
    assert tie == Contest("c", seats=1, candidates=["M03", "M01"], stage="tie-break")
    again = count([tie], _papers((3, ("M01",)), (2, ("M03",))), meeting=_meeting(10))["c"]
    assert _codes(again) == [
        ("contest-ballots", "P-21", "c", {"valid": 5, "invalid": 0}),
        ("tie-break", "P-23", "c", {"seats": 1}),
        ("elected", "P-23", "M01", {"votes": 3}),
        ("fewer-votes", "P-23", "M03", {"votes": 2}),
    ]


def test_a_qualifier_outside_the_seats_is_said() -> None:
    """P-23: three over the threshold for two seats: the third is outside the seats, with its votes."""
    contest = Contest("c", seats=2, candidates=["M01", "M02", "M03"])
    r = count([contest], _papers((4, ("M01", "M02")), (3, ("M01", "M03")), (3, ("M02", "M03"))), meeting=_meeting(10))
    assert _codes(r["c"])[2:] == [
        ("elected", "P-22", "M01", {"votes": 7}),
        ("elected", "P-22", "M02", {"votes": 7}),
        ("outside-seats", "P-23", "M03", {"votes": 6}),
    ]


def test_a_write_in_below_the_threshold_gets_no_step_of_its_own() -> None:
    """P-19, P-22: below the threshold is said of each listed candidate, not of every write-in."""
    book = attrs.evolve(PARTY, writein_policy="any")
    papers = [Ballot({"c": {"for": ["M01"]}})] * 6 + [Ballot({"c": {"write_in": ["M05"]}})] * 2
    r = count([Contest("c", seats=1, candidates=["M01", "M02"])], papers, meeting=_meeting(10, rulebook=book))["c"]
    assert r.votes["M05"] == 2
    assert [s for s in _codes(r) if s[0] == "below-threshold"] == [
        ("below-threshold", "P-22", "M02", {"votes": 0, "threshold": 6})
    ]


VILLAGE = attrs.evolve(preset("village-national-2018"), committee_size=None)


def _village_count(contest: Contest, papers: list[Ballot]):  # type: ignore[no-untyped-def]
    roll = [Voter(f"V{i:02}") for i in range(30)]
    body = polling(roll, present=[v.id for v in roll][:20], candidates=contest.candidates, rulebook=VILLAGE, day=DAY)
    return count([contest], papers, meeting=body)[contest.id]


def test_a_further_election_floor_is_explained() -> None:
    """V-23: 20 ballots cast, 2 of them spoiled: a third is 7 (7*3 >= 20), so 7 votes win."""
    contest = Contest("m", seats=1, candidates=["V01", "V02", "V03"], stage="further")
    papers = [Ballot({"m": {"for": [w]}}) for w, n in (("V01", 7), ("V02", 6), ("V03", 5)) for _ in range(n)]
    r = _village_count(contest, [*papers, Ballot(spoiled=True), Ballot(spoiled=True)])
    assert (r.threshold, r.elected) == (7, ("V01",))
    assert _codes(r)[2:] == [
        ("floor", "V-23", "m", {"ballots": 20, "threshold": 7, "numerator": 1, "denominator": 3}),
        ("below-threshold", "V-23", "V02", {"votes": 6, "threshold": 7}),
        ("below-threshold", "V-23", "V03", {"votes": 5, "threshold": 7}),
        ("elected", "V-23", "V01", {"votes": 7}),
    ]


def test_the_further_election_stands_those_not_elected_with_most_votes() -> None:
    """V-23 (most-votes): one seat left, so two stand (the seat and one more): V02 and V03, and
    never V01, who was elected."""
    contest = Contest("m", seats=2, candidates=["V01", "V02", "V03", "V04"])
    papers = [
        Ballot({"m": {"for": list(ids)}})
        for n, ids in ((12, ("V01",)), (8, ("V02", "V03")), (3, ("V04",)))
        for _ in range(n)
    ]
    r = _village_count(contest, papers[:20])
    assert (dict(r.votes), r.elected) == ({"V01": 12, "V02": 8, "V03": 8, "V04": 0}, ("V01",))
    assert r.next_round is not None
    assert r.next_round.candidates == ("V02", "V03")


# --- P-5 … P-11: a meeting explains its electorate, required attendance and quorum ---------------------


def test_a_meeting_explains_its_quorum_step_by_step() -> None:
    """P-5, P-6, P-11, P-10: 10 in the electorate, none excluded, 9 present: 9 > 4/5 of 10."""
    assert _codes(_meeting(10, present=9)) == [
        ("electorate", "P-5", None, {"roll": 10, "probationary": 0, "probation": 0, "suspended": 0, "electorate": 10}),
        ("required-attendance", "P-6", None, {"electorate": 10, "excluded": 0, "required": 10}),
        ("present-electorate", "P-11", None, {"signed_in": 9, "not_counted": 0, "present": 9}),
        ("quorum-met", "P-10", None, {"present": 9, "required": 10, "needed": 9, "numerator": 4, "denominator": 5}),
    ]


def test_a_meeting_needs_a_party_rulebook_and_exclusions() -> None:
    """P-6: a meeting is held under a party rulebook; each exclusion must be an Exclusion."""
    roll = [Member(f"M{i:02}") for i in range(1, 4)]
    (problem,) = _problems(lambda: meeting(roll, present=[], rulebook=preset("village-national-2018")))
    assert problem[0] == "rulebook"
    assert problem[1].startswith("must be a party rulebook, not Rulebook(id='village-nationa")
    assert _problems(lambda: meeting(roll, present=[], exclusions=["x", 7], rulebook=PARTY)) == [  # type: ignore[list-item]
        ("exclusions[0]", "must be an Exclusion, not 'x'"),
        ("exclusions[1]", "must be an Exclusion, not 7"),
    ]


def test_a_candidate_not_on_the_roll() -> None:
    """P-1: a candidate must be on the roll (and in the electorate) to be elected."""
    contest = Contest("c", seats=1, candidates=["M01", "M99"])
    assert _problems(lambda: count([contest], [], meeting=_meeting(10), collected=0)) == [
        ("contests[0].candidates[1]", "'M99' is not on the roll")
    ]


def test_a_majority_of_those_who_voted() -> None:
    """P-22 with ``majority_base="voted"``: 9 present but 6 papers: the base is 6, so 4 wins."""
    book = attrs.evolve(PARTY, majority_base="voted")
    contest = Contest("c", seats=1, candidates=["M01", "M02"])
    r = count([contest], _papers((4, ("M01",)), (2, ("M02",))), meeting=_meeting(10, present=9, rulebook=book))["c"]
    assert (r.base, r.threshold, r.elected) == (6, 4, ("M01",))


def test_every_sign_in_and_exclusion_problem_at_once() -> None:
    """P-6 … P-8, P-11: an exclusion of someone not on the roll, exclusions given twice, a sign-in
    that is not an id, not on the roll, twice, or of someone excluded as absent: each at its path."""
    roll = [Member(f"M{i:02}") for i in range(1, 6)]

    def excluded(who: str) -> Exclusion:
        return Exclusion(who, "abroad", upper_approved=True, meeting_approved=True)

    exclusions = [excluded("M99"), excluded("M05"), excluded("M05"), excluded("M05"), excluded("M02")]
    present = ["M01", 7, "M99", "M01", "M05", "M02"]
    absent = "excluded them from the required attendance as absent (P-8)"
    assert _problems(lambda: meeting(roll, present=present, exclusions=exclusions, rulebook=PARTY)) == [  # type: ignore[arg-type]
        ("exclusions[0].member", "'M99' is not on the roll"),
        ("exclusions[2].member", "'M05' has another exclusion at exclusions[1]"),
        ("exclusions[3].member", "'M05' has another exclusion at exclusions[1]"),
        ("present[1]", "must be a member id, not 7"),
        ("present[2]", "'M99' is not on the roll"),
        ("present[3]", "'M01' signed in twice (first at present[0])"),
        ("present[4]", f"'M05' signed in, but exclusions[1] {absent}"),
        ("present[5]", f"'M02' signed in, but exclusions[4] {absent}"),
    ]


def test_those_present_but_outside_the_electorate_are_not_counted() -> None:
    """P-2, P-4, P-11: a probationary and a suspended member sign in; neither counts as present,
    and each step says why; 4 of 5 is not more than 4/5."""
    roll = [Member(f"M{i:02}") for i in range(1, 6)] + [
        Member("Y1", standing="probationary"),
        Member("S1", rights="suspended"),
    ]
    m = meeting(roll, present=["M01", "M02", "M03", "M04", "Y1", "S1"], rulebook=PARTY)
    assert [(s.code.value, s.rule, s.subject, s.reason and s.reason.value, dict(s.numbers)) for s in m.steps] == [
        (
            "electorate",
            "P-5",
            None,
            None,
            {"roll": 7, "probationary": 1, "probation": 0, "suspended": 1, "electorate": 5},
        ),
        ("present-not-counted", "P-2", "Y1", "probationary", {}),
        ("present-not-counted", "P-4", "S1", "suspended", {}),
        ("required-attendance", "P-6", None, None, {"electorate": 5, "excluded": 0, "required": 5}),
        ("present-electorate", "P-11", None, None, {"signed_in": 6, "not_counted": 2, "present": 4}),
        (
            "quorum-not-met",
            "P-10",
            None,
            None,
            {"present": 4, "required": 5, "needed": 5, "numerator": 4, "denominator": 5},
        ),
    ]


def test_a_section_without_write_ins_stands_when_refusal_voids_sections() -> None:
    """P-19 (writein_refusal="section"): only a section with a refused write-in is void; the others count."""
    book = attrs.evolve(PARTY, writein_refusal="section")
    papers = [Ballot({"c": {"for": ["M01"]}})] * 6 + [Ballot({"c": {"for": ["M02"], "write_in": ["M05"]}})] * 2
    r = count([Contest("c", seats=1, candidates=["M01", "M02"])], papers, meeting=_meeting(10, rulebook=book))["c"]
    assert (r.valid, r.invalid, dict(r.votes), r.elected) == (6, 2, {"M01": 6, "M02": 0}, ("M01",))


ONE_SEAT = Contest("c", seats=1, candidates=["M01", "M02"])


@pytest.mark.parametrize(
    ("kwargs", "problems"),
    [
        ({"meeting": "m"}, [("meeting", "must be a Meeting or a Polling, not 'm'")]),
        (
            {"totals": {}},
            [("ballots", "give the ballots, the weighted ballots or the totals: one, not ballots and totals")],
        ),
        (
            {"collected": -1, "issued": "x"},
            [
                ("collected", "must be a whole number from 0 to 1,000,000,000, not -1"),
                ("issued", "must be a whole number from 0 to 1,000,000,000, not 'x'"),
            ],
        ),
        ({"reductions": [1]}, [("reductions", "must map contest ids to a Reduction, not [1]")]),
        (
            {"reductions": {"x": Reduction(consent=1), "c": 3}},
            [("reductions.x", "no contest 'x' in this round"), ("reductions.c", "must be a Reduction, not 3")],
        ),
        (
            {"reductions": {"c": Reduction(consent=11)}},
            [("reductions.c.consent", "11 consents, but only 10 electors are present")],
        ),
        (
            {"scribes": ["s", Scribe("M03", "S1"), Scribe("M03", "S2"), Scribe("M03", "S3"), Scribe("M99", "S4")]},
            [
                ("scribes[0]", "must be a Scribe, not 's'"),
                ("scribes[2].elector", "'M03' has another scribe at scribes[1]"),
                ("scribes[3].elector", "'M03' has another scribe at scribes[1]"),
                ("scribes[4].elector", "'M99' is not a present elector (P-18)"),
            ],
        ),
    ],
)
def test_every_problem_of_a_count(kwargs: dict[str, object], problems: list[tuple[str, str]]) -> None:
    """P-18, P-20, P-24: every problem of the arguments of a count, at its path, with its words."""
    args: dict[str, object] = {"meeting": _meeting(10), **kwargs}
    assert _problems(lambda: count([ONE_SEAT], [], **args)) == problems  # type: ignore[arg-type]


def test_neither_ballots_nor_totals() -> None:
    """A count needs the papers or the tally sheet."""
    assert _problems(lambda: count([ONE_SEAT], meeting=_meeting(10))) == [
        ("ballots", "give the ballots, the weighted ballots or the totals: one, not none")
    ]


def test_papers_against_those_issued_need_the_number_issued() -> None:
    """P-20 with ``collected_base="issued"``: the number of papers issued must be given."""
    m = _meeting(10, rulebook=attrs.evolve(PARTY, collected_base="issued"))
    assert _problems(lambda: count([ONE_SEAT], [], meeting=m)) == [
        ("issued", "the rulebook compares the ballots with those issued (P-20): give them")
    ]


def test_every_present_elector_may_consent() -> None:
    """P-24: all 10 present consent: as many consents as electors is possible."""
    papers = _papers((5, ("M01",)), (5, ("M02",)))
    r = count([ONE_SEAT], papers, meeting=_meeting(10), reductions={"c": Reduction(consent=10)})["c"]
    assert (r.elected, r.seats_reduced) == ((), True)


def test_void_marks_add_up_over_distinct_papers() -> None:
    """P-21: the same void reason on two kinds of paper counts every paper."""
    papers = [Ballot({"c": {"for": ["M01"], "unreadable": ["M02"]}})] * 3 + [Ballot({"c": {"unreadable": ["M02"]}})] * 2
    assert dict(count([ONE_SEAT], papers, meeting=_meeting(10))["c"].void_marks) == {"unreadable": 5}


def test_a_women_member_post_stands_women_only() -> None:
    """V-30 (浙江, reserved post): a man, and someone whose sex is not recorded, cannot stand for
    the women-member post; each is a RuleError at the candidate."""
    book = attrs.evolve(preset("village-zhejiang-2020"), committee_size=None)
    roll = [Voter("W1", sex="F"), Voter("M1", sex="M"), Voter("X1"), *(Voter(f"E{i}") for i in range(10))]
    contest = Contest("w", seats=1, candidates=["W1", "M1", "X1"], post="women-member")
    body = polling(roll, present=[v.id for v in roll], candidates=contest.candidates, rulebook=book, day=DAY)
    why = "is not recorded as a woman: the women-member post is for women (V-30)"
    assert _problems(lambda: count([contest], [], meeting=body, collected=0)) == [
        ("contests[0].candidates[1]", f"'M1' {why}"),
        ("contests[0].candidates[2]", f"'X1' {why}"),
    ]


# --- more edges that mutants moved ------------------------------------------------------------------


def test_a_write_in_tied_with_a_candidate_at_the_cut_off() -> None:
    """P-19, P-23: a write-in (allowed by the rulebook) ties with a listed candidate across the last
    seat: both go to the tie-break, the listed one first (ballot order), the write-in after."""
    book = attrs.evolve(PARTY, writein_policy="any")
    contest = Contest("c", seats=2, candidates=["M01", "M02", "M03"])
    papers = (
        [Ballot({"c": {"for": ["M02", "M01"]}})] * 4
        + [Ballot({"c": {"for": ["M02"], "write_in": ["M05"]}})] * 4
        + [Ballot({"c": {"for": ["M01"], "write_in": ["M05"]}})] * 2
    )
    r = count([contest], papers, meeting=_meeting(10, rulebook=book))["c"]
    assert (dict(r.votes), r.elected, r.tied) == ({"M02": 8, "M01": 6, "M05": 6, "M03": 0}, ("M02",), ("M01", "M05"))


def test_every_paper_that_is_not_a_ballot_is_reported() -> None:
    """Each item given as a paper must be a Ballot; every one that is not is an error."""
    assert _problems(lambda: count([ONE_SEAT], ["x", Ballot({}), 7], meeting=_meeting(10))) == [  # type: ignore[list-item]
        ("ballots[0]", "must be a Ballot, not 'x'"),
        ("ballots[2]", "must be a Ballot, not 7"),
    ]


def test_a_tally_sheet_of_no_papers() -> None:
    """P-20: a sheet of 0 valid and 0 invalid papers collected none."""
    r = count([ONE_SEAT], meeting=_meeting(10), totals={"c": Totals(valid=0, invalid=0)})
    assert (r.collected, r["c"].elected) == (0, ())


def test_the_further_floor_with_few_ballots() -> None:
    """V-23: 3 ballots, 2 of them spoiled: a third of 3 is 1, so one vote wins (and never none)."""
    roll = [Voter(f"V{i:02}") for i in range(4)]
    contest = Contest("m", seats=1, candidates=["V01", "V02"], stage="further")
    body = polling(roll, present=["V00", "V01", "V02"], candidates=contest.candidates, rulebook=VILLAGE, day=DAY)
    r = count([contest], [Ballot({"m": {"for": ["V01"]}}), Ballot(spoiled=True), Ballot(spoiled=True)], meeting=body)
    assert (r["m"].threshold, r["m"].elected) == (1, ("V01",))


def test_a_further_election_with_enough_candidates_says_nothing_more() -> None:
    """P-24, OQ-P6: one seat left and two candidates (one more than the seat): enough, no warning."""
    contest = Contest("c", seats=2, candidates=["M01", "M02", "M03"])
    papers = _papers((6, ("M01",)), (4, ("M02",)))
    r = count([contest], papers, meeting=_meeting(10))["c"]
    assert [s for s in _codes(r) if s[0].startswith("further")] == [
        ("further-election", "P-24", "c", {"seats": 1, "candidates": 2})
    ]


def test_a_further_election_short_of_candidates_says_how_many_it_needs() -> None:
    """OQ-P6: the uncontested secretary fails; the further election has 1 candidate of the 2 it needs."""
    contest = Contest("s", seats=1, candidates=["M01"], post="secretary")
    papers = [Ballot({"s": {"for": ["M01"]}})] * 4 + [Ballot({"s": {"against": ["M01"]}})] * 6
    r = count([contest], papers, meeting=_meeting(10))["s"]
    assert _codes(r)[-2:] == [
        ("further-election", "P-24", "s", {"seats": 1, "candidates": 1}),
        ("further-needs-candidates", "OQ-P6", "s", {"candidates": 1, "least": 2}),
    ]


def test_v27_votes_carried_down_and_the_higher_post_kept() -> None:
    """V-27 (河南, cumulative-down): M1's 12 chair votes count for the member post too (20 in all);
    elected chair, M1 keeps the higher post and the member seat goes to M3."""
    book = attrs.evolve(preset("village-henan-2011"), committee_size=None)
    roll = [Voter(f"M{i}", sex="M") for i in range(1, 6)] + [Voter(f"E{i}") for i in range(15)]
    chair = Contest("chair", seats=1, candidates=["M1", "M2"], post="chair")
    member = Contest("member", seats=1, candidates=["M3", "M4"], post="member")
    body = polling(roll, present=[v.id for v in roll], candidates={"M1", "M2", "M3", "M4"}, rulebook=book, day=DAY)
    papers = [Ballot({"chair": {"for": ["M1"]}, "member": {"for": ["M3"]}})] * 12 + [
        Ballot({"chair": {"for": ["M2"]}, "member": {"write_in": ["M1"]}})
    ] * 8
    r = count([chair, member], papers, meeting=body, issued=20)
    assert [s for s in _codes(r) if s[0] == "votes-carried-down"] == [
        ("votes-carried-down", "V-27", "member", {"votes": 20})
    ]
    assert (r["member"].votes["M1"], r["member"].elected) == (20, ("M3",))
    assert [s for s in _codes(r["member"]) if s[0] == "higher-post"] == [("higher-post", "V-27", "M1", {"votes": 20})]


def _posts(book, papers: list[Ballot]):  # type: ignore[no-untyped-def]
    roll = [Voter(f"V{i:02}") for i in range(20)]
    contests = [
        Contest("c1", seats=1, candidates=["V01", "V02"], post="chair"),
        Contest("c2", seats=1, candidates=["V03", "V04"], post="vice-chair"),
        Contest("c3", seats=1, candidates=["V05", "V06"], post="member"),
    ]
    everyone = {w for c in contests for w in c.candidates}
    return count(
        contests,
        papers,
        meeting=polling(roll, present=[v.id for v in roll], candidates=everyone, rulebook=book, day=DAY),
    )


def test_oq_v5_an_over_selected_post_voids_the_other_posts_of_the_paper() -> None:
    """OQ-V5 (``invalid_scope="paper"``): the over-selected section keeps its reason, the others are
    void for it; papers with no over-selection are not touched."""
    book = attrs.evolve(VILLAGE, invalid_scope="paper")
    bad = Ballot({"c1": {"for": ["V01", "V02"]}, "c2": {"for": ["V03"]}, "c3": {"for": ["V05"]}})
    good = Ballot({"c1": {"for": ["V01"]}, "c2": {"for": ["V03"]}, "c3": {"for": ["V05"]}})
    r = _posts(book, [bad] * 3 + [good] * 17)
    assert [(c.valid, c.invalid, dict(c.invalid_reasons)) for c in r.contests] == [
        (17, 3, {"over-selected": 3}),
        (17, 3, {"over-selected-other-post": 3}),
        (17, 3, {"over-selected-other-post": 3}),
    ]


def test_v20_one_person_in_the_first_and_the_third_post_voids_the_paper() -> None:
    """V-20 (浙江): V01 voted chair and written in as member, two posts apart: the paper is void."""
    book = attrs.evolve(preset("village-zhejiang-2020"), committee_size=None)
    twice = Ballot({"c1": {"for": ["V01"]}, "c2": {"for": ["V03"]}, "c3": {"against": ["V05"], "write_in": ["V01"]}})
    good = Ballot({"c1": {"for": ["V01"]}, "c2": {"for": ["V03"]}, "c3": {"for": ["V05"]}})
    r = _posts(book, [twice] * 2 + [good] * 18)
    assert [(c.valid, c.invalid, dict(c.invalid_reasons)) for c in r.contests] == [(18, 2, {"two-posts": 2})] * 3


def _relatives_count(roll: list[Voter], contests: list[Contest], groups, book=None):  # type: ignore[no-untyped-def]
    book = book or attrs.evolve(preset("village-zhejiang-2020"), committee_size=None)
    papers = [Ballot({c: {"for": list(ids)} for c, ids in g.items()}) for n, g in groups for _ in range(n)]
    everyone = {w for c in contests for w in c.candidates}
    body = polling(roll, present=[v.id for v in roll], candidates=everyone, rulebook=book, day=DAY)
    return count(contests, papers, meeting=body)


OTHERS = [Voter(f"E{i}") for i in range(30)]


def test_v28_a_relative_listed_after_one_who_is_not_near() -> None:
    """V-28: A lists a grandparent (not elected, not a near relative here) and then a spouse: the
    spouse pair is still decided."""
    roll = [Voter("A", relatives=[Relative("E3", "grandparent"), Relative("B", "spouse")]), Voter("B"), *OTHERS]
    contest = Contest("m", seats=3, candidates=["A", "B", "E1", "E2", "E3"])
    r = _relatives_count(roll, [contest], [(20, {"m": ["A", "B", "E1"]}), (12, {"m": ["A", "E1", "E2"]})])["m"]
    assert (r.elected, _steps(r, "V-28")) == (("A", "E1"), [(Code.RELATIVE_WITHDRAWN, "B", {"votes": 20})])


def test_v28_one_who_withdrew_keeps_no_one_else_out() -> None:
    """V-28: A's spouse B withdraws; B's sibling C then serves with nobody near: C stays."""
    roll = [
        Voter("A", relatives=[Relative("B", "spouse")]),
        Voter("B", relatives=[Relative("C", "sibling")]),
        Voter("C"),
        *OTHERS,
    ]
    contest = Contest("m", seats=3, candidates=["A", "B", "C", "E1"])
    groups = [(20, {"m": ["A", "B", "C"]}), (6, {"m": ["A", "B", "E1"]}), (6, {"m": ["A", "E1"]})]
    r = _relatives_count(roll, [contest], groups)["m"]
    assert (dict(r.votes), r.elected) == ({"A": 32, "B": 26, "C": 20, "E1": 12}, ("A", "C"))
    assert _steps(r, "V-28") == [(Code.RELATIVE_WITHDRAWN, "B", {"votes": 26})]


def test_v28_a_withdrawal_adds_a_seat_to_the_further_election() -> None:
    """V-28 (refill "further") with a further election already due: the seat B leaves is added to
    it (two seats), among the same candidates."""
    roll = [Voter("A", relatives=[Relative("B", "spouse")]), Voter("B"), *OTHERS]
    contest = Contest("m", seats=3, candidates=["A", "B", "E1", "E2", "E3"])
    book = attrs.evolve(preset("village-zhejiang-2020"), committee_size=None, relatives_refill="further")
    groups = [(20, {"m": ["A", "B"]}), (8, {"m": ["A", "E1", "E2"]}), (4, {"m": ["A", "E3"]})]
    r = _relatives_count(roll, [contest], groups, book)["m"]
    assert (r.elected, r.unfilled) == (("A",), 2)
    assert r.next_round == Contest("m", seats=2, candidates=["E1", "E2"], stage="further")  # E3 had too few


def test_v30_a_woman_joins_only_the_further_election_that_has_none() -> None:
    """V-30 (reserved in the rerun): the vice-chair's further election already has W1; the member's
    has no woman, so W2, the best placed, joins it."""
    book = attrs.evolve(preset("village-national-2018"), committee_size=None, women_seat_mode="reserved-in-rerun")
    roll = [
        *(Voter(f"M{i}", sex="M") for i in range(1, 7)),
        *(Voter(f"W{i}", sex="F") for i in range(1, 4)),
        *(Voter(f"E{i}") for i in range(23)),
    ]
    chair = Contest("chair", seats=1, candidates=["M6", "M1"], post="chair")
    vice = Contest("vice", seats=1, candidates=["M1", "W1", "M2"], post="vice-chair")
    member = Contest("member", seats=2, candidates=["M3", "M4", "M5", "W2", "W3"], post="member")
    groups = [
        (10, {"chair": ["M6"], "vice": ["M1"], "member": ["M3", "M4"]}),
        (12, {"chair": ["M6"], "vice": ["W1"], "member": ["M3"]}),
        (10, {"chair": ["M6"], "vice": ["M2"], "member": ["M3", "M5"]}),
    ]
    r = _relatives_count(roll, [chair, vice, member], groups, book)
    assert (r["chair"].elected, r["chair"].next_round) == (("M6",), None)
    assert r["vice"].next_round is not None
    assert r["member"].next_round is not None
    assert (r["vice"].next_round.candidates, _steps(r["vice"], "V-30")) == (("W1", "M1", "M2"), [])
    assert r["member"].next_round.candidates == ("M4", "M5", "W2")
    assert _steps(r["member"], "V-30") == [(Code.WOMAN_JOINS_FURTHER, "W2", {"votes": 0})]


def test_an_inquorate_round_says_so_with_its_numbers() -> None:
    """P-10: 7 present of 10 required, 9 needed: the round is not held, and its step says why."""
    r = count([ONE_SEAT], _papers((7, ("M01",))), meeting=_meeting(10, present=7))
    assert _codes(r) == [("not-held-inquorate", "P-10", None, {"present": 7, "needed": 9})]


def test_a_sign_in_that_is_a_list() -> None:
    """P-11: a sign-in entry must be an id; a list there is an error, not a crash."""
    roll = [Member(f"M{i:02}") for i in range(1, 4)]
    assert _problems(lambda: meeting(roll, present=[["M01"], "M02"], rulebook=PARTY)) == [  # type: ignore[list-item]
        ("present[0]", "must be a member id, not ['M01']")
    ]


def test_a_round_as_data_states_its_quorum_test_and_order() -> None:
    """P-10, P-18, P-20, P-22: a round's own steps (the scribe rejected, the papers within the
    voters), its quorum, each contest's test, and votes laid out by votes then ballot order."""
    contest = Contest("c", seats=1, candidates=["M03", "M02", "M01"])
    papers = _papers((6, ("M03",)), (2, ("M02",)), (2, ("M01",)))
    r = count([contest], papers, meeting=_meeting(10), scribes=[Scribe("M06", "M02")])
    assert [(s.code.value, s.rule, s.subject, s.reason and s.reason.value) for s in r.steps] == [
        ("scribe-rejected", "P-18", "M06", "scribe-is-candidate"),
        ("ballots-within", "P-20", None, None),
    ]
    data = r.to_dict()
    assert data["quorum"] == {"electorate": 10, "required": 10, "present": 10, "needed": 9, "met": True}
    assert data["contests"][0]["test"] == {"rule": "P-22", "fraction": "1/2", "inclusive": False, "of": "present"}
    assert list(r["c"].votes) == ["M03", "M02", "M01"]  # M02 and M01 tie on 2: ballot order, not id
    with pytest.raises(KeyError, match="nope"):
        r["nope"]


def test_a_contest_as_data_names_its_next_round() -> None:
    """P-24: a contest's data says the further election it leaves."""
    contest = Contest("c", seats=2, candidates=["M01", "M02", "M03"])
    data = count([contest], _papers((6, ("M01",)), (4, ("M02",))), meeting=_meeting(10))["c"].to_dict()
    assert data["next_round"] == {"stage": "further", "seats": 1, "candidates": ["M02", "M03"]}


def test_a_polling_as_data_states_its_turnout() -> None:
    """V-19: a polling's round gives its turnout, not a quorum."""
    roll = [Voter(f"V{i:02}") for i in range(10)]
    contest = Contest("m", seats=1, candidates=["V01", "V02"])
    body = polling(roll, present=[v.id for v in roll], candidates=contest.candidates, rulebook=VILLAGE, day=DAY)
    data = count([contest], [Ballot({"m": {"for": ["V01"]}})] * 6, meeting=body).to_dict()
    assert data["quorum"] is None
    assert data["turnout"] == {
        "registered": 10,
        "in_person": 10,
        "by_proxy": 0,
        "mobile": 0,
        "voted": 10,
        "needed": 6,
        "valid": True,
        "required": True,
        "proxies": [],
    }
    assert _problems(
        lambda: count([contest], [], meeting=body, collected=0, reductions={"m": Reduction(consent=1)})
    ) == [("reductions", "a reduction of the seats (P-24) belongs to party meetings; see V-26")]


def test_papers_issued_do_not_count_where_the_base_is_the_voters() -> None:
    """P-20 (``collected_base="voters"``): 10 papers from 10 voters are within, whatever was issued."""
    r = count([ONE_SEAT], _papers((10, ("M01",))), meeting=_meeting(10), issued=8)
    assert (r.void, r.valid) == (False, True)


def test_v27_a_higher_post_given_after_a_lower_one_is_still_decided_first() -> None:
    """V-27: contests given member first, chair second: the chair is decided first, and M1, elected
    to both, keeps the chair."""
    book = attrs.evolve(VILLAGE, committee_size=None)
    roll = [Voter(f"M{i}") for i in range(1, 6)] + [Voter(f"E{i}") for i in range(15)]
    member = Contest("member", seats=1, candidates=["M1", "M3"], post="member")
    chair = Contest("chair", seats=1, candidates=["M1", "M2"], post="chair")
    body = polling(roll, present=[v.id for v in roll], candidates={"M1", "M2", "M3"}, rulebook=book, day=DAY)
    papers = [Ballot({"member": {"for": ["M1"]}, "chair": {"for": ["M1"]}})] * 14 + [
        Ballot({"member": {"for": ["M3"]}, "chair": {"for": ["M2"]}})
    ] * 6
    r = count([member, chair], papers, meeting=body)
    assert (r["chair"].elected, r["member"].elected) == (("M1",), ())


def test_v28_does_not_apply_where_the_rulebook_does_not_say_so() -> None:
    """V-28 is provincial: under the national law alone spouses may both serve."""
    roll = [Voter("A", relatives=[Relative("B", "spouse")]), Voter("B"), *OTHERS]
    contest = Contest("m", seats=3, candidates=["A", "B", "E1", "E2"])
    r = _relatives_count(roll, [contest], [(20, {"m": ["A", "B", "E1"]}), (12, {"m": ["A", "E1", "E2"]})], VILLAGE)
    assert (r["m"].elected, _steps(r["m"], "V-28")) == (("A", "E1", "B"), [])


def test_v28_a_higher_post_seen_first_from_the_other_side() -> None:
    """V-28: W (chair) and A (member) list each other, and W also lists B (member): each pair is
    decided once, both A and B leave the lower post, and neither comes back to refill the other's
    seat (a withdrawn relative once took the seat the other left)."""
    roll = [
        Voter("W", relatives=[Relative("A", "spouse"), Relative("B", "sibling")]),
        Voter("A", relatives=[Relative("W", "spouse")]),
        Voter("B"),
        *OTHERS,
    ]
    chair = Contest("chair", seats=1, candidates=["W", "E0"], post="chair")
    member = Contest("member", seats=3, candidates=["A", "B", "E1", "E2"], post="member")
    groups = [(20, {"chair": ["W"], "member": ["A", "B", "E1"]}), (12, {"chair": ["W"], "member": ["A", "B", "E2"]})]
    r = _relatives_count(roll, [chair, member], groups)
    assert (r["chair"].elected, r["member"].elected, r["member"].unfilled) == (("W",), ("E1",), 2)
    assert [s[:2] for s in _steps(r["member"], "V-28")] == [
        (Code.RELATIVE_WITHDRAWN, "B"),
        (Code.RELATIVE_WITHDRAWN, "A"),
    ]
    assert r["member"].next_round is not None
    assert r["member"].next_round.candidates == ("E2",)


def test_a_further_election_without_turnout_stops_nothing() -> None:
    """V-24: a village further election needs no turnout of its own; the round is held, and
    nothing is named as having stopped it."""
    roll = [Voter(f"V{i:02}") for i in range(20)]
    contest = Contest("m", seats=1, candidates=["V01", "V02"], stage="further")
    body = polling(roll, present=[v.id for v in roll][:6], candidates=contest.candidates, rulebook=VILLAGE, day=DAY)
    r = count([contest], [Ballot({"m": {"for": ["V01"]}})] * 6, meeting=body)
    assert (r.valid, r.stopped_by, r["m"].elected) == (True, None, ("V01",))
