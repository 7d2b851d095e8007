"""Compliance checks: composition (T-1 … T-6, V-1, V-28 … V-30, R-1) and timeline (V-8, C-6)."""

from __future__ import annotations

import datetime

import attrs
import pytest

from tally import (
    Board,
    Objection,
    Proxy,
    Relative,
    Seat,
    Timeline,
    check_board,
    check_timeline,
    period_end,
    preset,
)

DAY = datetime.date(2026, 5, 21)
VILLAGE = preset("village-national-2018")


def _born(age: int) -> datetime.date:
    """Born so as to be exactly *age* on the election day."""
    return DAY.replace(year=DAY.year - age)


def _status(board: Board, check: str, rulebook=VILLAGE) -> str:  # type: ignore[no-untyped-def]
    found = [f for f in check_board(board, rulebook=rulebook, day=DAY) if f.check == check]
    assert len(found) == 1, found
    return found[0].status


def _ex_t_01(party: int = 3, women: int = 1, youngest: int = 30, secretary: str = "C1") -> Board:
    seats = [Seat("C1", post="chair"), *(Seat(f"C{i}", post="member") for i in range(2, 6))]
    seats = [
        attrs.evolve(
            s,
            party_member=i < party,
            sex="F" if i < women else "M",
            born=_born(youngest if i == 0 else 50),
        )
        for i, s in enumerate(seats)
    ]
    return Board(village=seats, party=[Seat(secretary, post="secretary", party_member=True, born=_born(50))])


def test_ex_t_01_everything_met() -> None:
    """EX-T-01: a committee of 5 with 3 party members, a woman, a member of 30, and 一肩挑."""
    found = {f.check: f.status for f in check_board(_ex_t_01(), rulebook=VILLAGE, day=DAY)}
    assert {k: found[k] for k in ("party-share", "women", "youth", "one-shoulder", "committee-size")} == {
        "party-share": "met",
        "women": "met",
        "youth": "met",
        "one-shoulder": "met",
        "committee-size": "met",
    }


def test_ex_t_01_two_party_members_is_a_warning() -> None:
    """EX-T-01: 2 party members of 5 is not more than half (T-4): a policy warning."""
    found = next(f for f in check_board(_ex_t_01(party=2), rulebook=VILLAGE, day=DAY) if f.check == "party-share")
    assert (found.status, found.statutory) == ("not met", False)


def test_ex_t_01_no_woman() -> None:
    """EX-T-01: no woman on the committee: T-2 not met, and it is statutory (组织法 Art. 6)."""
    found = next(f for f in check_board(_ex_t_01(women=0), rulebook=VILLAGE, day=DAY) if f.check == "women")
    assert (found.status, found.statutory) == ("not met", True)


def test_ex_t_01_youngest_is_36() -> None:
    """EX-T-01: the youngest member is 36 on the election day: T-3 warning; at 35 it is met."""
    assert _status(_ex_t_01(youngest=36), "youth") == "not met"
    assert _status(_ex_t_01(youngest=35), "youth") == "met"


def test_ex_t_01_secretary_not_the_chair() -> None:
    """EX-T-01: the party secretary is not the villager committee chair: a T-1 warning."""
    assert _status(_ex_t_01(secretary="X9"), "one-shoulder") == "not met"


def test_missing_data_cannot_tell() -> None:
    """A check whose data is missing says so rather than guessing."""
    board = Board(village=[Seat("A", post="chair"), Seat("B", post="member"), Seat("C", post="member")])
    found = {f.check: f.status for f in check_board(board, rulebook=VILLAGE, day=DAY)}
    assert (found["women"], found["youth"], found["party-share"], found["one-shoulder"]) == (
        "cannot tell",
        "cannot tell",
        "cannot tell",
        "cannot tell",
    )


# --- one row per rule ------------------------------------------------------------------------------


def t_1() -> None:
    """T-1: 一肩挑 is met when the secretary is the chair."""
    assert _status(_ex_t_01(), "one-shoulder") == "met"
    assert _status(_ex_t_01(secretary="Z"), "one-shoulder") == "not met"


def t_2() -> None:
    """T-2: at least one woman (statutory)."""
    assert (_status(_ex_t_01(women=1), "women"), _status(_ex_t_01(women=0), "women")) == ("met", "not met")


def t_3() -> None:
    """T-3: a member aged 35 or under on the election day, on either committee."""
    board = _ex_t_01(youngest=40)
    assert _status(board, "youth") == "not met"
    young_secretary = attrs.evolve(board, party=[Seat("C1", post="secretary", born=_born(35))])
    assert _status(young_secretary, "youth") == "met"


def t_4() -> None:
    """T-4: party members strictly more than half: 3 of 5 yes, 2 of 4 no."""
    assert _status(_ex_t_01(party=3), "party-share") == "met"
    four = Board(village=[Seat(f"A{i}", post="member", party_member=i < 2) for i in range(4)])
    assert _status(four, "party-share") == "not met"


def t_5() -> None:
    """T-5: posts within the band for the population; exactly 2,000 is in both 新昌 bands and is
    flagged, not guessed."""
    book = attrs.evolve(VILLAGE, post_bands=((None, 2000, 3, 5), (2000, None, 5, 7)))
    three = Board(village=[Seat(f"A{i}", post="member") for i in range(3)], population=1500)
    assert _status(three, "post-band", book) == "met"
    assert _status(attrs.evolve(three, population=2500), "post-band", book) == "not met"
    assert _status(attrs.evolve(three, population=2000), "post-band", book) == "cannot tell"
    five = Board(village=[Seat(f"A{i}", post="member") for i in range(5)], population=2000)
    assert _status(five, "post-band", book) == "met"  # five fits both bands: no ambiguity


def t_6() -> None:
    """T-6: the party organisation for its size: 3 a branch, over 50 a general branch, 100 a committee."""

    def detail(n: int) -> tuple[str, str]:
        f = [
            f for f in check_board(Board(party_members=n), rulebook=VILLAGE, day=DAY) if f.check == "party-organisation"
        ]
        return f[0].status, f[0].detail

    assert detail(2) == ("not met", "fewer than 3 members: no branch")
    assert detail(3) == ("met", "a branch")
    assert detail(51) == ("met", "may form a general branch")
    assert detail(100) == ("met", "may form a party committee")


def v_1() -> None:
    """V-1, R-1: the committee's size within the law's band (statutory)."""
    assert _status(_ex_t_01(), "committee-size") == "met"
    assert _status(Board(village=[Seat("A", post="chair")]), "committee-size") == "not met"
    six = Board(village=[Seat(f"A{i}", post="member") for i in range(4)])
    assert _status(six, "committee-size", preset("residents-national-2018")) == "not met"


def v_8() -> None:
    """V-8: the list 20 days ahead; objections within 5 days; decisions within 3 (C-6)."""
    book = VILLAGE
    late = check_timeline(Timeline(published=DAY - datetime.timedelta(days=19)), rulebook=book, day=DAY)
    ok = check_timeline(Timeline(published=DAY - datetime.timedelta(days=20)), rulebook=book, day=DAY)
    assert (late[0].status, ok[0].status) == ("not met", "met")
    published = datetime.date(2026, 4, 27)  # a Monday: five days end on Saturday 2 May, so Monday 4 May
    objections = [
        Objection(datetime.date(2026, 5, 4), decided=datetime.date(2026, 5, 7)),  # Thursday: 3 days
        Objection(datetime.date(2026, 5, 5), decided=datetime.date(2026, 5, 11)),  # too late, and 6 days
    ]
    found = check_timeline(Timeline(published=published, objections=objections), rulebook=book, day=DAY)
    assert [(f.check, f.status) for f in found] == [
        ("list-published", "met"),
        ("objection-filed", "met"),
        ("objection-decided", "met"),
        ("objection-filed", "not met"),
        ("objection-decided", "not met"),
    ]


def v_28() -> None:
    """V-28: near relatives on the committee are a finding, statutory where the rulebook says so."""
    board = Board(
        village=[
            Seat("A", post="chair", relatives=[Relative("B", "sibling")]),
            Seat("B", post="member"),
            Seat("C", post="member"),
        ]
    )
    found = [f for f in check_board(board, rulebook=preset("village-zhejiang-2020"), day=DAY) if f.check == "relatives"]
    assert [(f.status, f.statutory, f.subject) for f in found] == [("not met", True, "A")]


def v_30() -> None:
    """V-30: the women-member post is held by a woman (reserved-post rulebooks)."""
    zj = preset("village-zhejiang-2020")
    board = Board(village=[Seat("A", post="chair"), Seat("W", post="women-member", sex="F"), Seat("C", post="member")])
    assert _status(board, "women-post", zj) == "met"
    assert (
        _status(
            attrs.evolve(board, village=[*board.village[:1], Seat("W", post="women-member", sex="M")]), "women-post", zj
        )
        == "not met"
    )


ROWS = {
    "T-1": t_1,
    "T-2": t_2,
    "T-3": t_3,
    "T-4": t_4,
    "T-5": t_5,
    "T-6": t_6,
    "V-1 size": v_1,
    "V-8": v_8,
    "V-28 board": v_28,
    "V-30 post": v_30,
}


@pytest.mark.parametrize("rule", list(ROWS))
def test_rule(rule: str) -> None:
    """Each compliance rule holds on its smallest case."""
    ROWS[rule]()


def test_period_end_counts_from_the_next_day_and_skips_a_weekend() -> None:
    """C-6: the start day is not counted; a period ending on a rest day ends on the next working
    day, unless the rulebook says otherwise."""
    friday = datetime.date(2026, 5, 1)
    assert period_end(friday, 1, rulebook=VILLAGE) == datetime.date(2026, 5, 4)  # Saturday -> Monday
    plain = attrs.evolve(VILLAGE, period_skips_rest_days=False)
    assert period_end(friday, 1, rulebook=plain) == datetime.date(2026, 5, 2)


def test_proxies_filed_in_time() -> None:
    """V-16: proxies filed by the rulebook's deadline (浙江: 3 days ahead)."""
    zj = preset("village-zhejiang-2020")
    proxies = [
        Proxy("A", "B", filed=DAY - datetime.timedelta(days=3)),
        Proxy("C", "D", filed=DAY - datetime.timedelta(days=2)),
    ]
    found = check_timeline(Timeline(published=DAY - datetime.timedelta(days=30)), rulebook=zj, day=DAY, proxies=proxies)
    assert [(f.check, f.subject, f.status) for f in found[1:]] == [
        ("proxy-filed", "A", "met"),
        ("proxy-filed", "C", "not met"),
    ]
