"""The laws of counting, stated as properties over generated elections."""

from __future__ import annotations

import random

import attrs
from hypothesis import given
from hypothesis import strategies as st

from tally import Ballot, Code, Contest, Marks, Member, Reason, Round, count, meeting

from reference import assert_agrees
from strategies import elections


def _count(data: tuple) -> tuple[Round, Contest, list[Ballot]]:
    m, contest, papers = data
    return count([contest], papers, meeting=m), contest, papers


@given(elections())
def test_elected_never_exceeds_seats(data: tuple) -> None:
    """P-23: never more elected than seats; elected + unfilled = seats."""
    r, contest, _ = _count(data)
    c = r["c"]
    assert len(c.elected) <= contest.seats
    assert len(c.elected) + c.unfilled == contest.seats


@given(elections())
def test_every_elected_candidate_is_over_the_threshold(data: tuple) -> None:
    """P-22: every winner's 赞成 votes strictly exceed half the present electorate; a void
    round (P-20) applies no threshold and elects nobody."""
    r, _, _ = _count(data)
    c = r["c"]
    assert all(c.votes[w] * 2 > c.base for w in c.elected)
    assert c.threshold == (c.base // 2 + 1 if r.valid else None)


@given(elections())
def test_nobody_over_the_threshold_and_inside_the_seats_is_left_out(data: tuple) -> None:
    """P-23: whoever passes the threshold with fewer than `seats` people at or above their vote
    is elected; P-24: nobody below it is."""
    r, contest, _ = _count(data)
    c = r["c"]
    if not r.valid:
        return
    for who, got in c.votes.items():
        at_or_above = sum(1 for v in c.votes.values() if v >= got)
        if got >= c.threshold and at_or_above <= contest.seats:  # type: ignore[operator]
            assert who in c.elected
        if got < c.threshold:  # type: ignore[operator]
            assert who not in c.elected


@given(elections())
def test_a_tie_across_the_last_seat_always_goes_to_a_tie_break(data: tuple) -> None:
    """P-23: when qualifiers tie across the last seat, none of the tied is elected and the next
    round is a tie-break among exactly the tied, for the seats left."""
    r, contest, _ = _count(data)
    c = r["c"]
    if not r.valid:
        return
    qualified = sorted((v for v in c.votes.values() if v >= c.threshold), reverse=True)  # type: ignore[operator]
    s = contest.seats
    if len(qualified) > s and qualified[s] == qualified[s - 1]:
        cut = qualified[s - 1]
        tied = {w for w, v in c.votes.items() if v == cut}
        assert set(c.tied) == tied
        assert not tied & set(c.elected)
        assert c.next_round is not None
        assert c.next_round.stage == "tie-break"
        assert set(c.next_round.candidates) == tied
        assert c.next_round.seats == s - len(c.elected)
    else:
        assert c.tied == ()


@given(elections())
def test_valid_plus_invalid_is_every_paper(data: tuple) -> None:
    """Conservation: every paper counted is valid or invalid for the contest."""
    r, _, papers = _count(data)
    assert r["c"].valid + r["c"].invalid == len(papers) == r.collected
    assert sum(r["c"].invalid_reasons.values()) == r["c"].invalid


@given(elections())
def test_votes_never_exceed_valid_ballots_times_seats(data: tuple) -> None:
    """Conservation: a valid ballot gives at most `seats` votes, and nobody more than one."""
    r, contest, _ = _count(data)
    c = r["c"]
    assert sum(c.votes.values()) <= c.valid * contest.seats
    assert all(v <= c.valid for v in c.votes.values())


@given(elections(), st.randoms(use_true_random=False))
def test_ballot_order_never_changes_the_result(data: tuple, rnd: random.Random) -> None:
    """Order independence: shuffled papers give the same result, steps included."""
    m, contest, papers = data
    shuffled = list(papers)
    rnd.shuffle(shuffled)
    assert count([contest], shuffled, meeting=m).contests == count([contest], papers, meeting=m).contests


def _relabel_marks(marks: Marks, f: dict[str, str]) -> Marks:
    def g(ids: tuple[str, ...]) -> list[str]:
        return [f.get(i, i) for i in ids]

    return Marks(g(marks.for_), g(marks.against), g(marks.abstain), g(marks.write_in), g(marks.unreadable))


@given(elections(), st.randoms(use_true_random=False))
def test_relabelling_candidates_relabels_the_result(data: tuple, rnd: random.Random) -> None:
    """Neutrality: renaming the members renames the winners, the tied and the votes."""
    m, contest, papers = data
    ids = [x.id for x in m.roll]
    new = [f"N{i:02}" for i in range(len(ids))]
    rnd.shuffle(new)
    f = dict(zip(ids, new, strict=True))
    roll2 = [attrs.evolve(x, id=f[x.id]) for x in m.roll]
    m2 = meeting(roll2, present=[f[i] for i in m.present], rulebook=m.rulebook)
    contest2 = attrs.evolve(contest, candidates=[f[c] for c in contest.candidates])
    papers2 = [Ballot({"c": _relabel_marks(p.sections["c"], f)}) if "c" in p.sections else p for p in papers]
    a = count([contest], papers, meeting=m)["c"]
    b = count([contest2], papers2, meeting=m2)["c"]
    assert {f.get(w, w) for w in a.elected} == set(b.elected)
    assert {f.get(w, w) for w in a.tied} == set(b.tied)
    assert {f.get(w, w): v for w, v in a.votes.items()} == dict(b.votes)
    assert (a.valid, a.invalid, a.unfilled) == (b.valid, b.invalid, b.unfilled)


@given(elections(), st.data())
def test_turning_an_against_into_a_for_never_makes_a_winner_lose(data: tuple, draw: st.DataObject) -> None:
    """Monotonicity: moving one candidate's 不赞成 to 赞成 on a paper (that stays within its
    seats) never makes that candidate lose if they won."""
    m, contest, papers = data
    before = count([contest], papers, meeting=m)["c"]
    options = [
        (i, who)
        for i, p in enumerate(papers)
        if "c" in p.sections
        for who in p.sections["c"].against
        if who in before.elected
        and len(set(p.sections["c"].for_) | set(p.sections["c"].write_in) | {who}) <= contest.seats
    ]
    if not options:
        return
    i, who = draw.draw(st.sampled_from(options))
    s = papers[i].sections["c"]
    against = list(s.against)
    against.remove(who)
    changed = Marks([*s.for_, who], against, s.abstain, s.write_in, s.unreadable)
    papers2 = [*papers[:i], Ballot({"c": changed}), *papers[i + 1 :]]
    after = count([contest], papers2, meeting=m)["c"]
    assert who in after.elected


@given(elections())
def test_reference_counter_agrees(data: tuple) -> None:
    """A naive counter written straight from the rules agrees with the engine: validity,
    votes, winners and ties."""
    m, contest, papers = data
    assert_agrees(count([contest], papers, meeting=m)["c"], contest, papers, m)


@given(elections())
def test_weighted_papers_count_as_the_papers_one_by_one(data: tuple) -> None:
    """Grouping equal papers into (paper, n) pairs changes nothing in the count."""
    m, contest, papers = data
    groups: dict[str, list] = {}
    for paper in papers:
        groups.setdefault(paper.key, [paper, 0])[1] += 1
    weighted = [(paper, n) for paper, n in groups.values()]
    assert count([contest], weighted=weighted, meeting=m) == count([contest], papers, meeting=m)


@given(elections(stage="tie-break"))
def test_reference_counter_agrees_on_tie_breaks(data: tuple) -> None:
    """In a tie-break (plurality among the tied, no write-ins) the naive counter agrees too."""
    m, contest, papers = data
    r = count([contest], papers, meeting=m)["c"]
    assert_agrees(r, contest, papers, m)
    assert r.threshold is None


@given(elections())
def test_explanation_agrees_with_the_result(data: tuple) -> None:
    """The steps' numbers are the result's: ballots, reasons, threshold, each winner and their
    votes; a round that could not elect has one step, and no ballot verdict."""
    r, _, _ = _count(data)
    c = r["c"]
    if not r.valid:
        assert [(s.code, s.rule) for s in c.steps] == [(Code.NO_ELECTION, "P-20")]
        assert (r.stopped_by, c.test, c.threshold, c.elected) == (Code.BALLOTS_OVER, None, None, ())
        return
    by = {(s.code, s.subject, s.reason): s for s in c.steps}
    assert len(by) == len(c.steps)
    ballots = by[(Code.CONTEST_BALLOTS, "c", None)]
    assert (ballots.numbers["valid"], ballots.numbers["invalid"]) == (c.valid, c.invalid)
    assert [s.reason for s in c.steps if s.code is Code.INVALID] == [Reason(k) for k in c.invalid_reasons]
    for reason, n in c.invalid_reasons.items():
        assert by[(Code.INVALID, "c", Reason(reason))].numbers["ballots"] == n
    assert [s.reason for s in c.steps if s.code is Code.VOID_MARK] == [Reason(k) for k in c.void_marks]
    for reason, n in c.void_marks.items():
        assert by[(Code.VOID_MARK, "c", Reason(reason))].numbers["marks"] == n
    majority = by[(Code.MAJORITY, "c", None)]
    assert (majority.numbers["threshold"], majority.numbers["base"]) == (c.threshold, c.base)
    assert (majority.test, majority.rule) == (c.test, "P-22")
    assert [s.subject for s in c.steps if s.code is Code.ELECTED] == list(c.elected)
    for w in c.elected:
        assert by[(Code.ELECTED, w, None)].numbers["votes"] == c.votes[w]
    if c.next_round is not None and c.next_round.stage == "further":
        assert by[(Code.FURTHER_ELECTION, "c", None)].numbers["seats"] == c.unfilled


@given(st.integers(0, 500), st.integers(0, 500))
def test_threshold_equals_its_integer_oracle(base: int, votes: int) -> None:
    """P-22, C-3: `votes >= least_winning(base)` exactly when `votes*2 > base`."""
    from tally import least_winning, preset

    assert (votes >= least_winning(base, preset("cpc-basic-2020"))) is (votes * 2 > base)


def test_roll_with_write_ins_only_from_the_roll() -> None:
    """A write-in of someone outside the electorate never gets a vote (P-1)."""
    roll = [Member(f"M{i}") for i in range(5)] + [Member("P", standing="probationary")]
    m = meeting(roll, present=[x.id for x in roll], rulebook=__import__("tally").preset("cpc-basic-2020"))
    contest = Contest("c", seats=1, candidates=["M0", "M1"])
    papers = [Ballot({"c": {"against": ["M0"], "write_in": ["P"]}})] * 5
    r = count([contest], papers, meeting=m)["c"]
    assert "P" not in r.votes
    assert dict(r.void_marks) == {"write-in-not-eligible": 5}
    assert [(s.rule, s.reason) for s in r.steps if s.code is Code.VOID_MARK] == [("P-1", Reason.WRITE_IN_NOT_ELIGIBLE)]


@given(elections(), elections())
def test_papers_are_grouped_exactly_by_their_key(a: tuple, b: tuple) -> None:
    """The fast path groups papers by `Ballot.key`: two papers have the same key exactly when
    they are equal, so grouping never merges different papers nor splits equal ones."""
    papers = a[2] + b[2]
    for x in papers[:30]:
        for y in papers[:30]:
            assert (x.key == y.key) is (x == y)


def test_a_stand_in_with_a_key_is_not_a_ballot() -> None:
    """Anything but a Ballot in the stream is reported, even with a `key` attribute."""
    import pytest

    from tally import RecordError, preset

    class Fake:
        key = ""

    m = meeting([Member("A"), Member("B")], present=["A", "B"], rulebook=preset("cpc-basic-2020"))
    with pytest.raises(RecordError, match=r"ballots\[0\]: must be a Ballot"):
        count([Contest("c", seats=1, candidates=["A", "B"])], [Fake(), Ballot()], meeting=m)  # type: ignore[list-item]
    with pytest.raises(RecordError, match=r"ballots\[1\]: must be a Ballot"):
        count([Contest("c", seats=1, candidates=["A", "B"])], [Ballot(), Fake()], meeting=m)  # type: ignore[list-item]
