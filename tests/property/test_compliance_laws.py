"""The laws of the compliance checks."""

from __future__ import annotations

import datetime
import json

import attrs
from hypothesis import given
from hypothesis import strategies as st

from tally import Board, Seat, Voter, check_board, polling, preset
from tally.examples import load
from tally.records import Record, result_to_dict

from strategies import everyone

DAY = datetime.date(2026, 5, 21)
VILLAGE = preset("village-national-2018")

seats = st.builds(
    Seat,
    st.sampled_from([f"S{i}" for i in range(12)]),
    post=st.sampled_from(["chair", "vice-chair", "member", "women-member"]),
    sex=st.sampled_from([None, "F", "M"]),
    born=st.one_of(st.none(), st.dates(datetime.date(1950, 1, 1), datetime.date(2008, 12, 31))),
    party_member=st.sampled_from([None, True, False]),
)
boards = st.builds(
    Board,
    village=st.lists(seats, max_size=8),
    party=st.lists(seats, max_size=4),
    population=st.one_of(st.none(), st.integers(0, 5000)),
)


@given(boards, st.sampled_from(["village", "party"]))
def test_a_check_never_changes_the_count(board: Board, side: str) -> None:
    """Adding a board to a record changes its findings, never its count or its verification."""
    data = load("village")
    plain = Record.from_dict(data)
    data["board"] = {
        side: [{"id": s.id, "post": s.post, **({"sex": s.sex} if s.sex else {})} for s in getattr(board, side)]
    }
    with_board = Record.from_dict(json.loads(json.dumps(data)))
    a, b = result_to_dict(plain.verify()), result_to_dict(with_board.verify(), with_board.compliance())
    assert a.pop("compliance") == []
    assert b.pop("compliance")  # the board brings findings ...
    assert a == b  # ... and nothing else changes


@given(boards)
def test_adding_a_woman_never_undoes_the_women_target(board: Board) -> None:
    """T-2: one more woman on the committee never turns the women target from met to not met."""
    before = next(f for f in check_board(board, rulebook=VILLAGE, day=DAY) if f.check == "women")
    more = attrs.evolve(board, village=[*board.village, Seat("NEW", post="member", sex="F")])
    after = next(f for f in check_board(more, rulebook=VILLAGE, day=DAY) if f.check == "women")
    assert before.status != "met" or after.status == "met"
    assert after.status == "met"


@given(st.dates(datetime.date(1960, 3, 1), datetime.date(2008, 12, 31)))
def test_ages_are_judged_on_the_election_day_exactly(born: datetime.date) -> None:
    """C-4: the day before an 18th birthday no vote, on it a vote; the day before a 36th birthday
    still 35 or under (T-3), on it not."""
    if born.month == 2 and born.day == 29:
        return
    eighteenth = born.replace(year=born.year + 18)
    for day, registered in ((eighteenth - datetime.timedelta(days=1), 0), (eighteenth, 1)):
        p = polling(
            [Voter("A", born=born)], candidates=everyone([Voter("A", born=born)]), present=[], rulebook=VILLAGE, day=day
        )
        assert p.turnout.registered == registered
    thirty_sixth = born.replace(year=born.year + 36)
    # T-3 reads both committees: the party committee's secretary here is well over 35.
    secretary = Seat("S", post="secretary", born=datetime.date(1950, 1, 1))
    board = Board(village=[Seat("A", post="member", born=born)], party=[secretary])
    for day, status in ((thirty_sixth - datetime.timedelta(days=1), "met"), (thirty_sixth, "not met")):
        youth = next(f for f in check_board(board, rulebook=VILLAGE, day=day) if f.check == "youth")
        assert youth.status == status
    # Without the party committee, nobody young on the village board cannot settle it.
    alone = attrs.evolve(board, party=())
    youth = next(f for f in check_board(alone, rulebook=VILLAGE, day=thirty_sixth) if f.check == "youth")
    assert youth.status == "cannot tell"
