"""Counting a round: ballots, validity, thresholds, ties, further rounds (P-12 … P-26, PC-4)."""

from __future__ import annotations

import attrs
import pytest

from tally import (
    Ballot,
    Code,
    Contest,
    Marks,
    Member,
    Proxy,
    Reason,
    RecordError,
    Reduction,
    RuleError,
    Scribe,
    Stage,
    Totals,
    count,
    meeting,
    preset,
)
from tally._ballot import read_section
from tally._explain import rule_of

PARTY = preset("cpc-basic-2020")


def _meeting(n: int, present: int | None = None, rulebook=PARTY):  # type: ignore[no-untyped-def]
    roll = [Member(f"M{i:02}") for i in range(1, n + 1)]
    return meeting(roll, present=[m.id for m in roll[: n if present is None else present]], rulebook=rulebook)


def _papers(*groups: tuple[int, dict]) -> list[Ballot]:
    return [Ballot(sections) for times, sections in groups for _ in range(times)]


def _for(*ids: str, contest: str = "c") -> dict:
    return {contest: {"for": list(ids)}}


# --- EX-P-03: the winning threshold at exact half ----------------------------------------------


def test_ex_p_03_exact_half_is_not_elected() -> None:
    """EX-P-03: A = 40 needs yes*2 > 40, so 21: 20 votes fail, 21 win."""
    m = _meeting(40)
    contest = Contest("c", seats=1, candidates=["M01", "M02"])
    papers = _papers((21, _for("M01")), (19, _for("M02")))
    r = count([contest], papers, meeting=m)["c"]
    assert (r.base, r.threshold, r.elected) == (40, 21, ("M01",))
    papers = _papers((20, _for("M01")), (20, _for("M02")))
    r = count([contest], papers, meeting=m)["c"]
    assert (r.elected, r.unfilled, r.next_round.stage) == ((), 1, Stage.FURTHER)  # type: ignore[union-attr]


def test_ex_p_03_odd_attendance() -> None:
    """EX-P-03: A = 41 still needs 21, since 20*2 = 40 is not > 41."""
    m = _meeting(41)
    contest = Contest("c", seats=1, candidates=["M01", "M02"])
    r = count([contest], _papers((20, _for("M01")), (21, _for("M02"))), meeting=m)["c"]
    assert (r.threshold, r.elected) == (21, ("M02",))


# --- EX-P-06: the validity of one ballot --------------------------------------------------------

SEVEN = Contest("c", seats=5, candidates=[f"M{i:02}" for i in range(1, 8)])


def _read(marks: Marks, rulebook=PARTY):  # type: ignore[no-untyped-def]
    roll = _meeting(12).roll
    reading, problems = read_section(
        marks, SEVEN, eligible=lambda w: w in roll and roll[w].in_electorate, rulebook=rulebook
    )
    assert problems == []
    return reading


def _void(reading, kind=PARTY.kind):  # type: ignore[no-untyped-def]
    """The void marks of a reading as (id, reason, the rule the reason cites for this body)."""
    return [(who, reason, rule_of(reason, kind)) for who, reason in reading.void]


def test_ex_p_06_five_for_is_valid() -> None:
    """EX-P-06: 5 赞成 on 5 seats: valid, 5 votes."""
    r = _read(Marks(for_=["M01", "M02", "M03", "M04", "M05"]))
    assert (r.valid, len(r.votes)) == (True, 5)


def test_ex_p_06_four_for_one_against_one_write_in_is_valid() -> None:
    """EX-P-06: 4 赞成, 1 不赞成 and 1 write-in select 5: valid, the write-in counts."""
    r = _read(Marks(for_=["M01", "M02", "M03", "M04"], against=["M05"], write_in=["M10"]))
    assert (r.valid, r.votes) == (True, ("M01", "M02", "M03", "M04", "M10"))


def test_ex_p_06_six_selected_is_invalid() -> None:
    """EX-P-06: 5 赞成, 1 不赞成 and 1 write-in select 6 on 5 seats: invalid (P-21)."""
    r = _read(Marks(for_=["M01", "M02", "M03", "M04", "M05"], against=["M06"], write_in=["M10"]))
    assert (r.valid, r.reason, rule_of(r.reason, PARTY.kind), r.votes) == (False, Reason.OVER_SELECTED, "P-21", ())


def test_ex_p_06_all_abstentions_is_a_valid_ballot_with_no_votes() -> None:
    """EX-P-06: abstaining on every candidate is a valid ballot that adds nothing."""
    r = _read(Marks(abstain=SEVEN.candidates))
    assert (r.valid, r.votes) == (True, ())


def test_ex_p_06_write_in_beside_abstentions_only() -> None:
    """EX-P-06, OQ-P4: with write-ins allowed only beside a 不赞成, a write-in on a section of
    abstentions is void (default) or voids the section (writein_refusal="section")."""
    marks = Marks(abstain=SEVEN.candidates, write_in=["M10"])
    r = _read(marks)
    assert (r.valid, r.votes, _void(r)) == (True, (), [("M10", Reason.WRITE_IN_REFUSED, "P-19")])
    r = _read(marks, attrs.evolve(PARTY, writein_refusal="section"))
    assert (r.valid, r.reason, rule_of(r.reason, PARTY.kind)) == (False, Reason.WRITE_IN_REFUSED, "P-19")
    r = _read(marks, attrs.evolve(PARTY, writein_policy="any"))
    assert (r.valid, r.votes) == (True, ("M10",))


def test_write_in_policy_none_refuses_every_write_in() -> None:
    """OQ-P4: writein_policy="none" refuses write-ins even beside a 不赞成."""
    r = _read(Marks(against=["M01"], write_in=["M10"]), attrs.evolve(PARTY, writein_policy="none"))
    assert (r.valid, r.votes) == (True, ())


def test_void_marks_leave_the_rest_of_the_section() -> None:
    """A mark that names a person twice, cannot be read, or writes in someone who cannot be
    elected is void with its reason; the rest of the section counts."""
    r = _read(
        Marks(
            for_=["M01", "M02", "M03"],
            against=["M02", "M04"],
            unreadable=["M03"],
            write_in=["X99", "M05"],
        )
    )
    assert r.valid
    assert r.votes == ("M01",)
    assert sorted(_void(r)) == [
        ("M02", Reason.DUPLICATE, "P-21"),
        ("M03", Reason.UNREADABLE, "P-21"),
        ("M05", Reason.WRITE_IN_OF_CANDIDATE, "P-21"),
        ("X99", Reason.WRITE_IN_NOT_ELIGIBLE, "P-1"),
    ]


def test_a_person_written_in_twice_gets_no_vote() -> None:
    """The same id twice in one section voids both marks (found by the reference counter)."""
    r = _read(Marks(against=["M01"], write_in=["M10", "M10"]))
    assert (r.valid, r.votes, _void(r)) == (True, (), [("M10", Reason.DUPLICATE, "P-21")] * 2)


def test_tie_break_write_in_of_a_tied_candidate_voids_both_marks() -> None:
    """In a tie-break too, a write-in of a listed candidate voids that candidate's marks."""
    tie = Contest("c", seats=1, candidates=["M01", "M02"], stage="tie-break")
    reading, _ = read_section(Marks(for_=["M01"], write_in=["M01"]), tie, eligible=lambda w: True, rulebook=PARTY)
    assert (reading.valid, reading.votes) == (True, ())


# --- EX-P-09: the margin -----------------------------------------------------------------------


@pytest.mark.parametrize(("seats", "least"), [(3, 4), (4, 5), (5, 6), (6, 8), (7, 9), (9, 11), (10, 12), (11, 14)])
def test_ex_p_09_minimum_margin(seats: int, least: int) -> None:
    """EX-P-09, P-12: the fewest candidates for each number of seats; one fewer is refused."""
    m = _meeting(20)
    ok = Contest("c", seats=seats, candidates=[f"M{i:02}" for i in range(1, least + 1)])
    assert count([ok], [], meeting=m)["c"].contest == ok
    short = attrs.evolve(ok, candidates=ok.candidates[:-1])
    with pytest.raises(RuleError, match="INSUFFICIENT_MARGIN") as caught:
        count([short], [], meeting=m)
    assert caught.value.path == "contests[0].candidates"


def test_ex_p_09_secretary_with_one_candidate() -> None:
    """EX-P-09, P-14: the secretary may be elected with one candidate (等额)."""
    m = _meeting(7)
    secretary = Contest("s", seats=1, candidates=["M01"], post="secretary")
    r = count([secretary], _papers((5, _for("M01", contest="s")), (2, {})), meeting=m)["s"]
    assert r.elected == ("M01",)


def test_margin_is_checked_before_any_paper_is_read() -> None:
    """P-12: the margin fails first, even when the papers are broken too."""

    def papers():  # type: ignore[no-untyped-def]
        raise AssertionError("papers were read")
        yield

    with pytest.raises(RuleError):
        count([Contest("c", seats=5, candidates=["M01"])], papers(), meeting=_meeting(9))


# --- EX-P-10: proxies and scribes --------------------------------------------------------------


def test_ex_p_10_proxy_and_scribe() -> None:
    """EX-P-10: a proxy is rejected (P-17); a non-candidate scribe is accepted and a candidate
    scribe rejected (P-18); the counts do not change."""
    m = _meeting(10, present=9)
    contest = Contest("c", seats=1, candidates=["M01", "M02"])
    papers = _papers((6, _for("M01")), (3, _for("M02")))
    plain = count([contest], papers, meeting=m)
    r = count(
        [contest],
        papers,
        meeting=m,
        proxies=[Proxy("M10", "M03", relation="spouse")],
        scribes=[Scribe("M04", "staff-1"), Scribe("M05", "M02")],
    )
    assert [(o.accepted, o.reason) for o in r.proxies] == [(False, Reason.PROXY_NOT_ALLOWED)]
    assert [(s.code, s.rule, s.subject, s.reason) for s in r.steps if s.code is Code.PROXY_REJECTED] == [
        (Code.PROXY_REJECTED, "P-17", "M10", Reason.PROXY_NOT_ALLOWED)
    ]
    assert [(s.accepted, s.reason) for s in r.scribes] == [(True, None), (False, Reason.SCRIBE_IS_CANDIDATE)]
    assert [(s.code, s.rule) for s in r.steps if s.subject in ("M04", "M05")] == [
        (Code.SCRIBE_ACCEPTED, "P-18"),
        (Code.SCRIBE_REJECTED, "P-18"),
    ]
    assert r.contests == plain.contests


def test_scribe_for_someone_absent_is_an_error() -> None:
    """P-18: only a present elector has a scribe; anything else is broken input."""
    with pytest.raises(RecordError, match=r"scribes\[0\].elector: 'M10' is not a present elector"):
        count(
            [Contest("c", seats=1, candidates=["M01", "M02"])],
            [],
            meeting=_meeting(10, 9),
            scribes=[Scribe("M10", "x")],
        )


# --- P-20: more ballots than voters ------------------------------------------------------------


def test_more_ballots_than_voters_voids_the_round() -> None:
    """P-20: 10 papers from 9 voters: the round is void and elects nobody."""
    m = _meeting(10, present=9)
    r = count([Contest("c", seats=1, candidates=["M01", "M02"])], _papers((10, _for("M01"))), meeting=m)
    assert (r.valid, r["c"].elected, r["c"].next_round, r["c"].unfilled) == (False, (), None, 1)
    last = r.steps[-1]
    assert (last.code, last.rule, dict(last.numbers)) == (Code.BALLOTS_OVER, "P-20", {"collected": 10, "base": 9})
    assert (r.held, r.void, r.stopped_by) == (True, True, Code.BALLOTS_OVER)
    # A void round gives no ballot verdict: the contest's one step says it elected nobody (P-20).
    assert [(s.code, s.rule) for s in r["c"].steps] == [(Code.NO_ELECTION, "P-20")]
    assert r["c"].test is None


def test_ballots_against_those_issued() -> None:
    """P-20 with collected_base="issued": compared with the papers issued, which must be given."""
    book = attrs.evolve(PARTY, collected_base="issued")
    m = _meeting(10, rulebook=book)
    contest = Contest("c", seats=1, candidates=["M01", "M02"])
    with pytest.raises(RecordError, match="issued"):
        count([contest], _papers((8, _for("M01"))), meeting=m)
    assert count([contest], _papers((8, _for("M01"))), meeting=m, issued=8).valid
    assert not count([contest], _papers((8, _for("M01"))), meeting=m, issued=7).valid


def test_inquorate_meeting_elects_nobody() -> None:
    """P-10: an inquorate meeting's papers are counted but nobody is elected."""
    m = _meeting(10, present=8)
    r = count([Contest("c", seats=1, candidates=["M01", "M02"])], _papers((8, _for("M01"))), meeting=m)
    assert (r.valid, r["c"].votes["M01"], r["c"].elected) == (False, 8, ())
    assert (r.steps[0].code, r.steps[0].rule) == (Code.NOT_HELD_INQUORATE, "P-10")
    assert (r.held, r.stopped_by) == (False, Code.NOT_HELD_INQUORATE)
    # A round that did not take place gets no ballot verdict (no P-20 step) and no threshold.
    assert Code.BALLOTS_WITHIN not in [s.code for s in r.steps]
    assert [(s.code, s.rule) for s in r["c"].steps] == [(Code.NO_ELECTION, "P-10")]
    assert (r["c"].test, r["c"].threshold) == (None, None)


# --- P-23: more qualifiers than seats, ties -----------------------------------------------------


def test_more_qualifiers_than_seats_fill_from_the_top() -> None:
    """P-23: three pass the threshold for two seats: the two with most votes win."""
    m = _meeting(10)
    contest = Contest("c", seats=2, candidates=["M01", "M02", "M03"])
    papers = _papers((4, _for("M01", "M02")), (3, _for("M01", "M03")), (3, _for("M02", "M03")))
    r = count([contest], papers, meeting=m)["c"]
    assert (dict(r.votes), r.threshold) == ({"M01": 7, "M02": 7, "M03": 6}, 6)
    assert (r.elected, r.tied, r.next_round) == (("M01", "M02"), (), None)


def test_tie_at_the_cut_off_goes_to_a_tie_break() -> None:
    """P-23: a tie across the last seat elects those above it and sends the tied to another
    vote, never a pick by order or id; the tie-break is counted with the same function."""
    m = _meeting(10)
    contest = Contest("c", seats=2, candidates=["M01", "M02", "M03"])
    papers = _papers((4, _for("M01", "M02")), (4, _for("M01", "M03")), (2, _for("M02", "M03")))
    r = count([contest], papers, meeting=m)["c"]
    assert (r.elected, r.tied, r.unfilled) == (("M01",), ("M02", "M03"), 1)
    tie = r.next_round
    assert tie == Contest("c", seats=1, candidates=["M02", "M03"], stage="tie-break")
    again = count([tie], _papers((3, _for("M02")), (3, _for("M03"))), meeting=m)["c"]  # type: ignore[list-item]
    assert (again.elected, again.tied, again.threshold) == ((), ("M02", "M03"), None)
    assert again.next_round == tie  # OQ-P5: repeat while tied
    final = count([tie], _papers((2, _for("M02")), (3, _for("M03"))), meeting=m)["c"]  # type: ignore[list-item]
    assert (final.elected, final.next_round, final.test) == (("M03",), None, None)
    # Among the tied the most votes win: no threshold, so the other has fewer votes (P-23).
    assert [(s.code, s.rule, s.subject, s.test) for s in final.steps if s.subject != "c"] == [
        (Code.ELECTED, "P-23", "M03", None),
        (Code.FEWER_VOTES, "P-23", "M02", None),
    ]


def test_a_tie_break_paper_voting_for_two_tied_on_one_seat_is_invalid() -> None:
    """P-21 in a tie-break: selecting more of the tied than the seats voids the paper."""
    m = _meeting(10)
    tie = Contest("c", seats=1, candidates=["M02", "M03"], stage="tie-break")
    r = count([tie], _papers((2, _for("M02", "M03")), (1, _for("M02"))), meeting=m)["c"]
    assert (r.valid, r.invalid, r.elected) == (1, 2, ("M02",))


# --- P-24, P-25: shortfall, further election, seat reduction -------------------------------------


def _shortfall(**kwargs):  # type: ignore[no-untyped-def]
    m = _meeting(10)
    contest = Contest("c", seats=3, candidates=["M01", "M02", "M03", "M04"])
    papers = _papers((5, _for("M01", "M02", "M03")), (5, _for("M01", "M04")))
    return m, contest, count([contest], papers, meeting=m, **kwargs)["c"]


def test_unfilled_seats_go_to_a_further_election() -> None:
    """P-24: two fail the threshold; they are not seated by rank, a further election is held
    among the non-elected with the same threshold (P-25)."""
    m, _, r = _shortfall()
    assert (dict(r.votes), r.threshold) == ({"M01": 10, "M02": 5, "M03": 5, "M04": 5}, 6)
    assert (r.elected, r.unfilled) == (("M01",), 2)
    further = r.next_round
    assert further == Contest("c", seats=2, candidates=["M02", "M03", "M04"], stage="further")
    again = count([further], _papers((6, _for("M02", "M03")), (4, _for("M04"))), meeting=m)["c"]  # type: ignore[list-item]
    assert (again.threshold, again.elected) == (6, ("M02", "M03"))
    assert again.steps[1].rule == "P-25"


def test_seat_reduction_needs_half_of_the_present_electorate() -> None:
    """P-24: with the consent of half or more (半数以上, C-2) of the present electors the seats
    are reduced and no further election is held; with less, the further election stands."""
    _, _, r = _shortfall(reductions={"c": Reduction(consent=5)})
    assert (r.seats_reduced, r.next_round, r.elected) == (True, None, ("M01",))
    _, _, r = _shortfall(reductions={"c": Reduction(consent=4)})
    assert (r.seats_reduced, r.next_round.stage) == (False, Stage.FURTHER)  # type: ignore[union-attr]


def test_strict_reduction_consent() -> None:
    """P-24: with reduction_consent_inclusive=False exactly half is not enough."""
    book = attrs.evolve(PARTY, reduction_consent_inclusive=False)
    m = _meeting(10, rulebook=book)
    contest = Contest("c", seats=3, candidates=["M01", "M02", "M03", "M04"])
    papers = _papers((5, _for("M01", "M02", "M03")), (5, _for("M01", "M04")))
    r = count([contest], papers, meeting=m, reductions={"c": Reduction(consent=5)})["c"]
    assert r.seats_reduced is False


def test_presidium_reduces_only_at_a_conference() -> None:
    """PC-4: a conference's presidium may reduce the seats; a branch meeting has none."""
    _, _, r = _shortfall(reductions={"c": Reduction(presidium=True)})
    assert r.seats_reduced is False
    m = _meeting(10, rulebook=preset("cpc-conference-2020"))
    contest = Contest("c", seats=3, candidates=["M01", "M02", "M03", "M04"])
    papers = _papers((5, _for("M01", "M02", "M03")), (5, _for("M01", "M04")))
    r = count([contest], papers, meeting=m, reductions={"c": Reduction(presidium=True)})["c"]
    assert (r.seats_reduced, r.elected) == (True, ("M01",))


def test_further_election_short_of_candidates_says_so() -> None:
    """OQ-P6: an uncontested secretary who fails leaves one candidate for a further election
    that needs two: the next round is offered, and a step says it needs more candidates."""
    m = _meeting(10)
    secretary = Contest("s", seats=1, candidates=["M01"], post="secretary")
    r = count([secretary], _papers((5, _for("M01", contest="s")), (5, {})), meeting=m)["s"]
    assert r.next_round == Contest("s", seats=1, candidates=["M01"], post="secretary", stage="further")
    last = r.steps[-1]
    assert (last.rule, last.code, dict(last.numbers)) == (
        "OQ-P6",
        Code.FURTHER_NEEDS_CANDIDATES,
        {"candidates": 1, "least": 2},
    )
    with pytest.raises(RuleError, match="INSUFFICIENT_MARGIN"):
        count([r.next_round], [], meeting=m)  # type: ignore[list-item]


def test_a_write_in_can_be_elected() -> None:
    """P-19: a write-in beside a 不赞成 counts like any vote and can win."""
    m = _meeting(10)
    contest = Contest("c", seats=1, candidates=["M01", "M02"])
    papers = _papers((6, {"c": {"against": ["M01"], "write_in": ["M09"]}}), (4, _for("M01")))
    r = count([contest], papers, meeting=m)["c"]
    assert (r.elected, dict(r.votes)) == (("M09",), {"M09": 6, "M01": 4, "M02": 0})


# --- totals from a tally sheet -------------------------------------------------------------------


def test_totals_from_a_tally_sheet() -> None:
    """Per-contest totals: validity taken as given, thresholds and ranking checked."""
    m = _meeting(40, present=34)
    contest = Contest("committee", seats=5, candidates=["M01", "M04", "M05", "M06", "M08", "M09"])
    sheet = Totals(valid=32, invalid=2, votes={"M01": 30, "M04": 25, "M05": 18, "M06": 17, "M08": 10})
    r = count([contest], totals={"committee": sheet}, meeting=m)
    c = r["committee"]
    assert (r.collected, c.threshold, c.elected, c.unfilled) == (34, 18, ("M01", "M04", "M05"), 2)
    assert c.next_round.candidates == ("M06", "M08", "M09")  # type: ignore[union-attr]


def test_totals_that_cannot_be_are_errors() -> None:
    """A tally sheet with more votes than valid ballots allow, or that disagrees with the
    ballots collected, is broken input: every problem at once."""
    m = _meeting(10)
    contest = Contest("c", seats=1, candidates=["M01", "M02"])
    with pytest.raises(RecordError) as caught:
        count([contest], totals={"c": Totals(valid=5, invalid=1, votes={"M01": 6})}, meeting=m, collected=7)
    assert [p.path for p in caught.value.problems] == ["totals.c", "totals.c.for.M01", "totals.c.for"]


# --- broken input ------------------------------------------------------------------------------


def test_broken_ballots_report_every_problem_with_its_path() -> None:
    """Unknown candidates and unknown contests are RecordErrors naming the first paper like it."""
    m = _meeting(10)
    contest = Contest("c", seats=2, candidates=["M01", "M02", "M03"])
    papers = [
        Ballot(_for("M01")),
        Ballot({"c": {"for": ["M01", "M99"]}}),
        Ballot({"c": {"for": ["M01", "M99"]}}),
        Ballot({"x": {}}),
        "not a ballot",
    ]
    with pytest.raises(RecordError) as caught:
        count([contest], papers, meeting=m)  # type: ignore[arg-type]
    assert [str(p) for p in caught.value.problems] == [
        "ballots[4]: must be a Ballot, not 'not a ballot'",
        "ballots[1].c.for[1]: 'M99' is not a candidate in 'c' (and 1 more papers like it)",
        "ballots[3].x: no contest 'x' in this round",
    ]


def test_collected_must_match_the_papers() -> None:
    """ballots.collected must equal the number of papers given."""
    with pytest.raises(RecordError, match="collected: 3 ballots collected, but 2 papers"):
        count([Contest("c", seats=1, candidates=["M01", "M02"])], _papers((2, {})), meeting=_meeting(5), collected=3)


def test_candidates_must_have_the_right_to_be_elected() -> None:
    """P-1, P-2: a candidate not on the roll, or outside the electorate, is broken input."""
    roll = [Member("M01"), Member("M02"), Member("P1", standing="probationary")]
    m = meeting(roll, present=["M01", "M02"], rulebook=PARTY)
    with pytest.raises(RecordError) as caught:
        count([Contest("c", seats=1, candidates=["M01", "P1", "Z"])], [], meeting=m)
    assert [p.path for p in caught.value.problems] == ["contests[0].candidates[1]", "contests[0].candidates[2]"]


def test_ballots_or_totals_not_both() -> None:
    """Exactly one of ballots, weighted ballots and totals."""
    c = Contest("c", seats=1, candidates=["M01", "M02"])
    with pytest.raises(RecordError, match="the ballots, the weighted ballots or the totals: one, not none"):
        count([c], meeting=_meeting(5))
    with pytest.raises(RecordError, match="one, not ballots and weighted"):
        count([c], [Ballot()], weighted=[(Ballot(), 1)], meeting=_meeting(5))


def test_weighted_papers_count_as_that_many_papers() -> None:
    """`weighted` pairs count as the papers they stand for; equal papers given twice add up, and a
    problem on a paper names its pair."""
    m = _meeting(5)
    c = Contest("c", seats=1, candidates=["M01", "M02"])
    one, two = Ballot({"c": {"for": ["M01"]}}), Ballot({"c": {"for": ["M02"]}})
    papers = [one, two, one, Ballot({"c": {"for": ["M01"]}}), two]
    assert count([c], weighted=[(one, 2), (two, 2), (Ballot({"c": {"for": ["M01"]}}), 1)], meeting=m) == count(
        [c], papers, meeting=m
    )
    with pytest.raises(RecordError) as caught:
        count([c], weighted=[(one, 3), (Ballot({"c": {"for": ["M09"]}}), 2)], meeting=m, collected=5)
    assert [str(p) for p in caught.value.problems] == [
        "weighted[1][0].c.for[0]: 'M09' is not a candidate in 'c' (and 1 more papers like it)"
    ]


@pytest.mark.parametrize(
    ("weighted", "problem"),
    [
        ([(Ballot(), True)], "weighted[0][1]: must be a whole number of papers, at least 1, not True"),
        ([(Ballot(), -2)], "weighted[0][1]: must be a whole number of papers, at least 1, not -2"),
        ([(Ballot(), 1.5)], "weighted[0][1]: must be a whole number of papers, at least 1, not 1.5"),
        ([("paper", 2)], "weighted[0][0]: must be a Ballot, not 'paper'"),
        ([(Ballot(), 1, 1)], "weighted[0]: must be a (Ballot, number) pair, not"),
        ([Ballot()], "weighted[0]: must be a (Ballot, number) pair, not"),
        ({"paper": 2}, "weighted: must be (Ballot, number) pairs, not"),
        (12, "weighted: must be (Ballot, number) pairs, not 12"),
    ],
)
def test_weighted_pairs_are_checked(weighted: object, problem: str) -> None:
    """A pair that is not (Ballot, whole number >= 1) is our error, with its path."""
    with pytest.raises(RecordError) as caught:
        count([Contest("c", seats=1, candidates=["M01", "M02"])], weighted=weighted, meeting=_meeting(5))  # type: ignore[arg-type]
    assert str(caught.value.problems[0]).startswith(problem)


def test_marks_from_the_record_names() -> None:
    """Marks read the record format's names; an unknown list name is an error."""
    assert Marks.from_dict({"for": ["M01"], "write_in": ["M02"]}).to_dict() == {"for": ["M01"], "write_in": ["M02"]}
    with pytest.raises(RecordError, match=r"c\.yes: unknown mark list"):
        Ballot({"c": {"yes": ["M01"]}})
    with pytest.raises(RecordError, match="spoiled paper has no readable sections"):
        Ballot({"c": {}}, spoiled=True)


def test_count_streams_a_generator_once() -> None:
    """Ballots may come from any iterable, read once and not kept."""
    m = _meeting(50)
    contest = Contest("c", seats=1, candidates=["M01", "M02"])
    papers = (Ballot(_for("M01" if i % 3 else "M02")) for i in range(50))
    r = count([contest], papers, meeting=m)
    assert (r.collected, dict(r["c"].votes)) == (50, {"M01": 33, "M02": 17})


def test_checked_lists_and_sections_are_remembered_without_hiding_a_bad_one() -> None:
    """Equal lists and sections are checked once and share one value; a bad list is refused every
    time, with its path."""
    first = Ballot({"c": {"for": ["M01", "M02"]}})
    again = Ballot({"c": {"for": ["M01", "M02"]}})
    assert first.sections["c"] is again.sections["c"]
    for _ in range(2):
        with pytest.raises(RecordError) as caught:
            Ballot({"c": {"for": ["M01", " "]}})
        assert [p.path for p in caught.value.problems] == ["c.for[1]"]
        with pytest.raises(RecordError, match=r"against\[0\]"):
            Marks(against=["\x1f"])
