"""Villager and residents' committee elections: roll, proxies, turnout, posts, further rounds."""

from __future__ import annotations

import datetime

import attrs
import pytest

from tally import (
    Ballot,
    Code,
    Contest,
    Proxy,
    Reason,
    RecordError,
    Relative,
    RuleError,
    Stage,
    Voter,
    check_committee,
    count,
    polling,
    preset,
)
from tally.examples import load
from tally.records import Record

from strategies import everyone

DAY = datetime.date(2026, 5, 21)
NATIONAL = preset("village-national-2018")


def _loose(book_id: str) -> object:
    """A preset without the committee-size check (V-1), for small cases about other rules."""
    return attrs.evolve(preset(book_id), committee_size=None)


LOOSE = _loose("village-national-2018")


def _roll(n: int, **special: Voter) -> list[Voter]:
    roll = [Voter(f"V{i:04}") for i in range(n)]
    return [special.get(v.id, v) for v in roll]


def _papers(times: int, **sections: dict) -> list[Ballot]:
    paper = Ballot(
        {cid: {("for" if k == "for_" else k): v for k, v in marks.items()} for cid, marks in sections.items()}
    )
    return [paper] * times


# --- EX-V-01: turnout ------------------------------------------------------------------------


def test_ex_v_01_exactly_half_is_not_enough() -> None:
    """EX-V-01: 1,000 registered; 500 voting is exactly half and the election is not valid;
    501 is valid. A proxy counts as its principal's vote."""
    roll = _roll(1000)
    half = polling(
        roll, candidates=everyone(roll), present=[f"V{i:04}" for i in range(500)], rulebook=NATIONAL, day=DAY
    )
    assert (half.turnout.registered, half.turnout.voted, half.turnout.valid) == (1000, 500, False)
    # The agent voted in person (a proxy is exercised only by an agent who voted, V-15).
    proxies = [Proxy("V0999", "V0000", relation="spouse")]
    more = polling(
        roll,
        candidates=everyone(roll, proxies),
        present=[f"V{i:04}" for i in range(500)],
        proxies=proxies,
        rulebook=NATIONAL,
        day=DAY,
    )
    assert (more.turnout.by_proxy, more.turnout.voted, more.turnout.valid) == (1, 501, True)


def test_invalid_turnout_elects_nobody() -> None:
    """V-19: a round short of turnout counts the papers but elects nobody."""
    p = polling(_roll(10), candidates=everyone(_roll(10)), present=["V0000", "V0001"], rulebook=LOOSE, day=DAY)
    c = Contest("chair", seats=1, candidates=["V0000", "V0001"], post="chair")
    r = count([c], _papers(2, chair={"for_": ["V0000"]}), meeting=p)
    assert (r.valid, r["chair"].votes["V0000"], r["chair"].elected) == (False, 2, ())
    assert (r.held, r.void, r.stopped_by, r.turnout_required) == (False, False, Code.NOT_HELD_TURNOUT, True)
    # A round that did not take place gets no ballot verdict (no V-20 step), and no threshold.
    assert [(s.code, s.rule) for s in r.steps] == [(Code.NOT_HELD_TURNOUT, "V-19")]
    assert [(s.code, s.rule) for s in r["chair"].steps] == [(Code.NO_ELECTION, "V-19")]
    assert (r["chair"].test, r["chair"].threshold) == (None, None)


# --- EX-V-04: the one-third floor of a further election ----------------------------------------


def _further(papers_for_a: int, papers_for_b: int, blank: int, spoiled: int):  # type: ignore[no-untyped-def]
    total = papers_for_a + papers_for_b + blank + spoiled
    p = polling(
        _roll(2000),
        candidates=everyone(_roll(2000)),
        present=[f"V{i:04}" for i in range(total)],
        rulebook=NATIONAL,
        day=DAY,
    )
    c = Contest("m", seats=1, candidates=["V0000", "V0001"], stage="further")
    papers = (
        _papers(papers_for_a, m={"for_": ["V0000"]})
        + _papers(papers_for_b, m={"for_": ["V0001"]})
        + _papers(blank, m={})
        + [Ballot(spoiled=True)] * spoiled
    )
    return count([c], papers, meeting=p)["m"]


def test_ex_v_04_two_hundred_of_six_hundred_wins() -> None:
    """EX-V-04: 600 ballots cast, 15 spoiled: the winner needs most votes and yes*3 >= 600,
    so 200 wins."""
    r = _further(200, 199, 186, 15)
    assert (r.threshold, r.elected) == (200, ("V0000",))


def test_ex_v_04_one_ninety_nine_does_not() -> None:
    """EX-V-04: 199 of 600 is short of the floor, even with the most votes."""
    r = _further(199, 198, 188, 15)
    assert (r.threshold, r.elected, r.next_round.stage) == (200, (), Stage.FURTHER)  # type: ignore[union-attr]


def test_ex_v_04_six_hundred_and_one_ballots() -> None:
    """EX-V-04: with 601 ballots the floor is 201, since 200*3 = 600 < 601."""
    r = _further(200, 199, 187, 15)
    assert (r.threshold, r.elected) == (201, ())


def test_henan_majority_then_floor() -> None:
    """V-25 (河南): in a further election a majority of those voting wins first; the floor only
    when nobody has a majority. The further election also needs its own turnout (V-24)."""
    henan = preset("village-henan-2011")
    p = polling(
        _roll(20), candidates=everyone(_roll(20)), present=[f"V{i:04}" for i in range(11)], rulebook=henan, day=DAY
    )
    c = Contest("m", seats=1, candidates=["V0000", "V0001"], stage="further")
    r = count([c], _papers(6, m={"for_": ["V0000"]}) + _papers(5, m={"for_": ["V0001"]}), meeting=p, issued=11)["m"]
    assert (r.threshold, r.elected) == (6, ("V0000",))
    r = count(
        [c],
        _papers(4, m={"for_": ["V0000"]}) + _papers(3, m={"for_": ["V0001"]}) + _papers(4, m={}),
        meeting=p,
        issued=11,
    )["m"]
    assert (r.threshold, r.elected) == (4, ("V0000",))
    short = polling(
        _roll(20), candidates=everyone(_roll(20)), present=[f"V{i:04}" for i in range(10)], rulebook=henan, day=DAY
    )
    assert not count([c], _papers(10, m={"for_": ["V0000"]}), meeting=short, issued=10).valid


# --- EX-V-06: proxies ----------------------------------------------------------------------------


def _family() -> list[Voter]:
    return [
        Voter("WANG", name="王", relatives=[Relative("LI", "spouse")]),
        Voter("LI", name="李", relatives=[Relative("WANG", "spouse")]),
        *(Voter(f"P{i}") for i in range(1, 5)),
        Voter("CAND", name="候选人"),
        Voter("X1"),
        Voter("X2"),
    ]


def _judge(proxies: list[Proxy], book: str = "village-beijing-2012", present: tuple[str, ...] | None = None):  # type: ignore[no-untyped-def]
    """(accepted, reason, rule) of each proxy. Unless ``present`` says otherwise, every agent on
    the roll who gave no proxy voted in person, so that a proxy fails only for the rule tested
    (a proxy is exercised only by an agent who voted, V-15)."""
    roll = _family()
    if present is None:
        principals = {p.principal for p in proxies}
        present = tuple(v.id for v in roll if v.id in {p.agent for p in proxies} - principals)
    p = polling(roll, present=present, proxies=proxies, candidates=["CAND", "X1"], rulebook=preset(book), day=DAY)
    steps = [s for s in p.steps if s.code in (Code.PROXY_ACCEPTED, Code.PROXY_REJECTED)]
    assert [s.subject for s in steps] == [o.proxy.principal for o in p.proxies]
    assert [s.reason for s in steps] == [o.reason for o in p.proxies]
    return [(o.accepted, o.reason, s.rule) for o, s in zip(p.proxies, steps, strict=True)]


FOUR_DAYS = DAY - datetime.timedelta(days=4)


def test_ex_v_06_written_proxy_to_a_spouse_is_accepted() -> None:
    """EX-V-06: Wang, away, authorises his wife in writing four days before: accepted."""
    accepted = [(True, None, "V-15")]
    assert _judge([Proxy("WANG", "LI", relation="spouse", filed=FOUR_DAYS)]) == accepted
    assert _judge([Proxy("WANG", "LI", relation="spouse", filed=FOUR_DAYS)], "village-zhejiang-2020") == accepted


def test_ex_v_06_the_fourth_principal_is_over_the_cap() -> None:
    """EX-V-06: the same agent's fourth principal, in filing order, is rejected (cap 3)."""
    proxies = [
        Proxy(f"P{i}", "LI", relation="sibling", filed=DAY - datetime.timedelta(days=10 - i)) for i in range(1, 5)
    ]
    got = _judge(list(reversed(proxies)))  # input order does not matter: filing order does
    assert got == [(False, Reason.AGENT_AT_CAP, "V-16")] + [(True, None, "V-15")] * 3


@pytest.mark.parametrize(
    ("proxy", "reason", "rule"),
    [
        (Proxy("WANG", "CAND", relation="spouse", filed=FOUR_DAYS), Reason.AGENT_IS_CANDIDATE, "V-16"),
        (Proxy("WANG", "LI", relation="other", filed=FOUR_DAYS), Reason.NOT_NEAR_RELATIVE, "C-5"),
        (Proxy("WANG", "OUTSIDER", relation="spouse", filed=FOUR_DAYS), Reason.AGENT_NOT_A_VOTER, "V-15"),
        (Proxy("WANG", "LI", relation="spouse", written=False, filed=FOUR_DAYS), Reason.NOT_WRITTEN, "V-15"),
        (Proxy("WANG", "WANG", relation="spouse", filed=FOUR_DAYS), Reason.AGENT_IS_PRINCIPAL, "V-15"),
    ],
)
def test_ex_v_06_rejections(proxy: Proxy, reason: Reason, rule: str) -> None:
    """EX-V-06: a candidate, a cousin, someone from another village, an oral proxy: rejected."""
    assert _judge([proxy]) == [(False, reason, rule)]


def test_ex_v_06_filed_on_election_day() -> None:
    """EX-V-06: filed on the election day: rejected in 上海 (no on-site proxies) and 浙江 (three
    days ahead), accepted in 北京."""
    proxy = [Proxy("WANG", "LI", relation="spouse", filed=DAY)]
    assert _judge(proxy, "village-shanghai-2020") == [(False, Reason.FILED_ON_DAY, "V-16")]
    assert _judge(proxy, "village-zhejiang-2020") == [(False, Reason.FILED_LATE, "V-16")]
    assert _judge(proxy, "village-beijing-2012") == [(True, None, "V-15")]


def test_ex_v_06_re_delegation_is_rejected() -> None:
    """EX-V-06: an agent who has given a proxy of their own cannot act for another (no chains)."""
    got = _judge(
        [
            Proxy("WANG", "LI", relation="spouse", filed=FOUR_DAYS),
            Proxy("LI", "P1", relation="sibling", filed=FOUR_DAYS),
        ]
    )
    assert got == [(False, Reason.AGENT_GAVE_PROXY, "V-16"), (True, None, "V-15")]


def test_a_principal_who_voted_in_person_has_no_proxy() -> None:
    """V-15: nobody votes twice: a principal present in person keeps that vote only."""
    assert _judge([Proxy("WANG", "LI", relation="spouse", filed=FOUR_DAYS)], present=("WANG", "LI")) == [
        (False, Reason.PRINCIPAL_VOTED, "V-15")
    ]


def test_a_proxy_is_exercised_only_by_an_agent_who_voted() -> None:
    """V-15 (issue 11): an agent who did not vote exercised no proxy, so its principal has not
    voted; an agent who voted at a mobile ballot box did vote (V-18)."""
    proxy = [Proxy("WANG", "LI", relation="spouse", filed=FOUR_DAYS)]
    assert _judge(proxy, present=("P1",)) == [(False, Reason.AGENT_DID_NOT_VOTE, "V-15")]
    p = polling(_family(), present=["P1"], proxies=proxy, candidates=["CAND"], rulebook=NATIONAL, day=DAY)
    assert (p.turnout.in_person, p.turnout.by_proxy, p.turnout.voted) == (1, 0, 1)
    p = polling(_family(), present=[], mobile=["LI"], proxies=proxy, candidates=["CAND"], rulebook=NATIONAL, day=DAY)
    assert (p.proxies[0].accepted, p.turnout.mobile, p.turnout.by_proxy, p.turnout.voted) == (True, 1, 1, 2)


def test_deadline_needs_a_filing_date() -> None:
    """A rulebook with a filing deadline needs the date of every proxy: broken input without it."""
    with pytest.raises(RecordError, match=r"proxies\[0\]\.filed"):
        _judge([Proxy("WANG", "LI", relation="spouse")], "village-zhejiang-2020")


def test_mobile_box_and_in_person_is_an_error() -> None:
    """V-18: the mobile-box list may not overlap those who voted in person."""
    with pytest.raises(RecordError, match=r"mobile\[0\]: 'P1' also voted in person"):
        polling(_family(), candidates=everyone(_family()), present=["P1"], mobile=["P1"], rulebook=NATIONAL, day=DAY)


def test_under_eighteen_is_not_registered() -> None:
    """V-5, C-4: age is judged on the election day: 18 on the day votes, the day before not."""
    born = datetime.date(2008, 5, 21)
    roll = [Voter("A", born=born), Voter("B", born=born + datetime.timedelta(days=1)), Voter("C", deprived=True)]
    p = polling(roll, candidates=everyone(roll), present=["A", "B"], rulebook=NATIONAL, day=DAY)
    assert (p.turnout.registered, p.turnout.in_person, p.not_counted) == (1, 1, ("B",))


# --- EX-V-10: the women's post -------------------------------------------------------------------


def _posts_roll() -> list[Voter]:
    men = [Voter(f"M{i}", sex="M") for i in range(1, 10)]
    women = [Voter(f"W{i}", sex="F") for i in range(1, 4)]
    return men + women + [Voter(f"E{i}") for i in range(20)]


def test_ex_v_10_the_women_post_stays_in_the_further_election() -> None:
    """EX-V-10 (浙江): chair, vice-chair and two members elected, all men; nobody passes for the
    women-member post: the further election keeps the separate post, with the 1/3 floor."""
    zj = preset("village-zhejiang-2020")
    roll = _posts_roll()
    p = polling(roll, candidates=everyone(roll), present=[v.id for v in roll], rulebook=zj, day=DAY)
    contests = [
        Contest("chair", seats=1, candidates=["M1", "M2"], post="chair"),
        Contest("vice", seats=1, candidates=["M3", "M4"], post="vice-chair"),
        Contest("member", seats=2, candidates=["M5", "M6", "M7"], post="member"),
        Contest("women", seats=1, candidates=["W1", "W2"], post="women-member"),
    ]
    papers = _papers(
        20, chair={"for_": ["M1"]}, vice={"for_": ["M3"]}, member={"for_": ["M5", "M6"]}, women={"for_": ["W1"]}
    )[:10] + _papers(22, chair={"for_": ["M1"]}, vice={"for_": ["M3"]}, member={"for_": ["M5", "M6"]}, women={})
    r = count(contests, papers[:32], meeting=p)
    assert [r[c].elected for c in ("chair", "vice", "member")] == [("M1",), ("M3",), ("M5", "M6")]
    women = r["women"]
    assert (women.elected, women.next_round.post, women.next_round.stage) == ((), "women-member", Stage.FURTHER)  # type: ignore[union-attr]
    again = count([women.next_round], _papers(12, women={"for_": ["W1"]}) + _papers(20, women={}), meeting=p)  # type: ignore[list-item]
    assert (again["women"].threshold, again["women"].elected) == (11, ("W1",))  # 12*3 >= 32


def test_women_post_candidates_and_write_ins_must_be_women() -> None:
    """V-30 (浙江): a man as a candidate for the women-member post is refused; a man written in
    there gets no vote."""
    zj = preset("village-zhejiang-2020")
    roll = _posts_roll()
    p = polling(roll, candidates=everyone(roll), present=[v.id for v in roll], rulebook=zj, day=DAY)
    with pytest.raises(RuleError, match="women-member post is for women"):
        count([Contest("w", seats=1, candidates=["W1", "M1"], post="women-member")], [], meeting=p)
    r = count(
        [Contest("w", seats=1, candidates=["W1", "W2"], post="women-member")],
        _papers(5, w={"write_in": ["M9"]}) + _papers(5, w={"write_in": ["W3"]}),
        meeting=p,
    )["w"]
    assert ("M9" not in r.votes, r.votes["W3"], dict(r.void_marks)) == (True, 5, {"write-in-not-eligible": 5})
    # A village step cites the village rule (V-5: the right to be elected), not the party's P-1.
    assert [(s.rule, s.reason) for s in r.steps if s.code is Code.VOID_MARK] == [("V-5", Reason.WRITE_IN_NOT_ELIGIBLE)]


def test_ex_v_10_shanxi_a_woman_joins_the_further_election() -> None:
    """EX-V-10, 山西 mode: no woman elected, so the best-placed woman not elected joins the further
    election's candidates."""
    shanxi = attrs.evolve(NATIONAL, id="shanxi", women_seat_mode="reserved-in-rerun")
    roll = _posts_roll()
    p = polling(roll, candidates=everyone(roll), present=[v.id for v in roll], rulebook=shanxi, day=DAY)
    c = Contest("member", seats=3, candidates=["M1", "M2", "M3", "M4", "W1", "W2"])
    papers = (
        _papers(17, member={"for_": ["M1", "M2"]})
        + _papers(8, member={"for_": ["M3", "M4", "W1"]})
        + _papers(7, member={"for_": ["M3", "M4"]})
    )
    r = count([c], papers, meeting=p)["member"]
    assert r.elected == ("M1", "M2")
    assert r.next_round.candidates == ("M3", "M4", "W1")  # type: ignore[union-attr]


# --- posts, aggregation, relatives ---------------------------------------------------------------


def test_a_person_elected_to_two_posts_keeps_the_higher() -> None:
    """V-27: elected chair and member in one vote, M1 keeps the chair; the member seat goes to
    the next over the threshold."""
    roll = _posts_roll()
    p = polling(roll, candidates=everyone(roll), present=[v.id for v in roll], rulebook=LOOSE, day=DAY)
    contests = [
        Contest("chair", seats=1, candidates=["M1", "M2"], post="chair"),
        Contest("member", seats=1, candidates=["M1", "M3", "M4"], post="member"),
    ]
    papers = _papers(20, chair={"for_": ["M1"]}, member={"for_": ["M1"]}) + _papers(12, member={"for_": ["M3"]})
    r = count(contests, papers, meeting=p)
    assert (r["chair"].elected, r["member"].elected) == (("M1",), ())
    assert [(s.code, s.rule) for s in r["member"].steps if s.subject == "M1"] == [(Code.HIGHER_POST, "V-27")]
    assert r["member"].next_round.candidates == ("M3", "M4")  # type: ignore[union-attr]


def test_one_elected_higher_does_not_stand_again_under_all_unelected() -> None:
    """V-27: with further_candidates "all-unelected" too, one who kept a higher post in this round
    does not stand in the lower post's further election."""
    roll = _posts_roll()
    book = attrs.evolve(LOOSE, further_candidates="all-unelected")
    p = polling(roll, candidates=everyone(roll), present=[v.id for v in roll], rulebook=book, day=DAY)
    contests = [
        Contest("chair", seats=1, candidates=["M1", "M2"], post="chair"),
        Contest("member", seats=1, candidates=["M1", "M3", "M4"], post="member"),
    ]
    papers = _papers(20, chair={"for_": ["M1"]}, member={"for_": ["M1"]}) + _papers(12, member={"for_": ["M3"]})
    r = count(contests, papers, meeting=p)
    assert r["member"].next_round.candidates == ("M3", "M4")  # type: ignore[union-attr]


def test_cumulative_down_aggregation() -> None:
    """V-27 (河南): votes for chair count for vice-chair and member too, never the reverse."""
    henan = _loose("village-henan-2011")
    roll = _posts_roll()
    p = polling(roll, candidates=everyone(roll), present=[v.id for v in roll], rulebook=henan, day=DAY)
    contests = [
        Contest("chair", seats=1, candidates=["M1", "M2"], post="chair"),
        Contest("member", seats=1, candidates=["M3", "M4"], post="member"),
    ]
    papers = _papers(10, chair={"for_": ["M2"]}, member={"for_": ["M3"]}) + _papers(
        22, chair={"for_": ["M1"]}, member={"write_in": ["M2"]}
    )
    r = count(contests, papers, meeting=p, issued=32)
    assert r["chair"].elected == ("M1",)
    assert r["member"].votes["M2"] == 32  # 22 written in + 10 carried down from the chair vote
    assert r["member"].elected == ("M2",)


def _spouses() -> list[Voter]:
    return [
        Voter("H", sex="M", relatives=[Relative("S", "spouse")]),
        Voter("S", sex="F"),
        *(Voter(f"E{i}", sex="M") for i in range(30)),
    ]


SPOUSE_CONTESTS = [
    Contest("chair", seats=1, candidates=["H", "E0"], post="chair"),
    Contest("member", seats=2, candidates=["S", "E1", "E2"], post="member"),
]


def _spouse_count(book: object, papers: list[Ballot]):  # type: ignore[no-untyped-def]
    roll = _spouses()
    return count(
        SPOUSE_CONTESTS,
        papers,
        meeting=polling(roll, candidates=everyone(roll), present=[v.id for v in roll], rulebook=book, day=DAY),
    )


def test_near_relatives_do_not_serve_together() -> None:
    """V-28: spouses both elected: the one in the higher post (the chair) stays, the other does
    not take the seat; with nobody else over the threshold, the seat goes to a further election."""
    # 32 voted: a majority is 17. Member votes: E1 32, S 20, E2 12.
    papers = _papers(20, chair={"for_": ["H"]}, member={"for_": ["S", "E1"]}) + _papers(
        12, chair={"for_": ["H"]}, member={"for_": ["E2", "E1"]}
    )
    r = _spouse_count(_loose("village-zhejiang-2020"), papers)
    assert (dict(r["member"].votes), r["member"].threshold) == ({"E1": 32, "S": 20, "E2": 12}, 17)
    assert (r["chair"].elected, r["member"].elected, r["member"].unfilled) == (("H",), ("E1",), 1)
    assert r["member"].next_round.stage == Stage.FURTHER  # type: ignore[union-attr]
    assert [(s.code, s.subject) for s in r["member"].steps if s.rule == "V-28"] == [(Code.RELATIVE_WITHDRAWN, "S")]


def test_near_relative_seat_refilled_from_the_qualified() -> None:
    """V-28 (浙江): the freed seat goes to the next candidate over the threshold; with the
    "further" refill it goes to a further election."""
    # Member votes: E1 26, S 20, E2 18: all over 17, E2 outside the two seats.
    papers = (
        _papers(14, chair={"for_": ["H"]}, member={"for_": ["S", "E1"]})
        + _papers(6, chair={"for_": ["H"]}, member={"for_": ["S", "E2"]})
        + _papers(12, chair={"for_": ["H"]}, member={"for_": ["E1", "E2"]})
    )
    zj = _loose("village-zhejiang-2020")
    r = _spouse_count(zj, papers)
    assert dict(r["member"].votes) == {"E1": 26, "S": 20, "E2": 18}
    assert (r["member"].elected, r["member"].unfilled, r["member"].next_round) == (("E1", "E2"), 0, None)
    r2 = _spouse_count(attrs.evolve(zj, relatives_refill="further"), papers)
    assert (r2["member"].elected, r2["member"].unfilled) == (("E1",), 1)


def test_two_posts_on_one_paper_voids_it_in_zhejiang() -> None:
    """V-20 (浙江): a paper voting one person into two posts is invalid as a whole."""
    zj = _loose("village-zhejiang-2020")
    roll = _posts_roll()
    p = polling(roll, candidates=everyone(roll), present=[v.id for v in roll], rulebook=zj, day=DAY)
    contests = [
        Contest("chair", seats=1, candidates=["M1", "M2"], post="chair"),
        Contest("member", seats=1, candidates=["M1", "M3"], post="member"),
    ]
    r = count(contests, _papers(5, chair={"for_": ["M1"]}, member={"for_": ["M1"]}), meeting=p)
    assert (r["chair"].invalid, r["member"].invalid) == (5, 5)
    assert dict(r["chair"].invalid_reasons) == {"two-posts": 5}
    assert [(s.rule, s.reason, dict(s.numbers)) for s in r["chair"].steps if s.code is Code.INVALID] == [
        ("V-20", Reason.TWO_POSTS, {"ballots": 5})
    ]


def test_an_over_selected_post_voids_the_paper_when_the_rulebook_says_so() -> None:
    """OQ-V5: by default only the over-selected section is invalid; invalid_scope="paper" voids
    the whole paper."""
    roll = _posts_roll()
    contests = [
        Contest("chair", seats=1, candidates=["M1", "M2"], post="chair"),
        Contest("member", seats=1, candidates=["M3", "M4"], post="member"),
    ]
    papers = _papers(5, chair={"for_": ["M1", "M2"]}, member={"for_": ["M3"]})
    for scope, member_invalid in (("section", 0), ("paper", 5)):
        book = attrs.evolve(LOOSE, invalid_scope=scope)
        p = polling(roll, candidates=everyone(roll), present=[v.id for v in roll], rulebook=book, day=DAY)
        assert count(contests, papers, meeting=p)["member"].invalid == member_invalid


# --- EX-R-03 and margins --------------------------------------------------------------------------


@pytest.mark.parametrize(("seats", "ok"), [(4, False), (5, True), (9, True), (10, False)])
def test_ex_r_03_residents_committee_size(seats: int, ok: bool) -> None:
    """EX-R-03, R-1: a residents' committee of 4 or 10 breaks the law's 5 to 9 (a statutory
    finding, "not met"); 5 to 9 are "met". Either way the round is counted (issue 11)."""
    book = preset("residents-national-2018")
    roll = [Voter(f"R{i:02}") for i in range(30)]
    p = polling(roll, candidates=everyone(roll), present=[v.id for v in roll], rulebook=book, day=DAY)
    # One vote for the whole committee: a chair, and the rest as members (uncontested, R-6).
    contests = [
        Contest("chair", seats=1, candidates=["R00"], post="chair"),
        Contest("members", seats=seats - 1, candidates=[f"R{i:02}" for i in range(1, seats)]),
    ]
    finding = check_committee(contests, rulebook=book)
    assert (finding.check, finding.rule, finding.statutory) == ("committee-size", "R-1", True)
    assert (finding.status, dict(finding.numbers)) == (
        "met" if ok else "not met",
        {"members": seats, "least": 5, "most": 9},
    )
    members = [f"R{i:02}" for i in range(1, seats)]
    r = count(contests, _papers(30, chair={"for_": ["R00"]}, members={"for_": members}), meeting=p)
    assert (r.valid, r["chair"].elected, r["members"].elected) == (True, ("R00",), tuple(members))


def test_a_village_committee_of_the_wrong_size_is_counted() -> None:
    """V-1: eight seats break the 3 to 7 of the law: check_committee says "not met", and count()
    still counts the round (a composition finding, never a reason to refuse a count)."""
    roll = _posts_roll()
    p = polling(roll, candidates=everyone(roll), present=[v.id for v in roll], rulebook=NATIONAL, day=DAY)
    contests = [
        Contest("chair", seats=1, candidates=["M1", "M2"], post="chair"),
        Contest("member", seats=7, candidates=["M3", "M4", "M5", "M6", "M7", "M8", "M9", "W1"]),
    ]
    finding = check_committee(contests, rulebook=NATIONAL)
    assert (finding.rule, finding.status, dict(finding.numbers)) == (
        "V-1",
        "not met",
        {"members": 8, "least": 3, "most": 7},
    )
    members = ["M3", "M4", "M5", "M6", "M7", "M8", "M9"]
    r = count(contests, _papers(32, chair={"for_": ["M1"]}, member={"for_": members}), meeting=p)
    assert (r.valid, r["chair"].elected, r["member"].elected) == (True, ("M1",), tuple(members))


@pytest.mark.parametrize("book", ["village-national-2018", "residents-national-2018"])
def test_the_chair_vote_alone_is_counted(book: str) -> None:
    """Issue 11: a record of one vote, the chair's contest alone (one seat), is counted under a
    preset that keeps its committee size (V-1, R-1); the size is a finding of the whole
    election, "not met" for one seat on its own."""
    rulebook = preset(book)
    assert rulebook.committee_size is not None
    roll = _roll(10)
    p = polling(roll, candidates=everyone(roll), present=[v.id for v in roll], rulebook=rulebook, day=DAY)
    chair = [Contest("chair", seats=1, candidates=["V0000", "V0001"], post="chair")]
    r = count(chair, _papers(7, chair={"for_": ["V0000"]}) + _papers(3, chair={"for_": ["V0001"]}), meeting=p)
    assert (r.valid, r["chair"].threshold, r["chair"].elected) == (True, 6, ("V0000",))
    assert check_committee(chair, rulebook=rulebook).status == "not met"


def test_a_record_of_the_chair_vote_alone_is_counted() -> None:
    """Issue 11: the built-in village record cut down to the chair's contest (its papers' chair
    sections, its declared chair) reads, counts and agrees with what was declared."""
    data = load("village")
    data["contests"] = [c for c in data["contests"] if c["id"] == "chair"]
    data["ballots"]["items"] = [
        {"spoiled": True} if paper.get("spoiled") else {"chair": paper["chair"]} for paper in data["ballots"]["items"]
    ]
    data["declared"] = {"chair": data["declared"]["chair"]}
    verification = Record.from_dict(data).verify()
    assert verification.agrees
    assert (verification.round.valid, verification.round["chair"].elected) == (True, ("V01",))


def test_village_margins_per_post() -> None:
    """V-10: the national law wants more candidates than seats; 上海 exactly one more for chair."""
    roll = _posts_roll()
    sh = preset("village-shanghai-2020")
    p = polling(roll, candidates=everyone(roll), present=[v.id for v in roll], rulebook=sh, day=DAY)
    with pytest.raises(RuleError, match="at most 2"):
        count(
            [
                Contest("chair", seats=1, candidates=["M1", "M2", "M3"], post="chair"),
                Contest("m", seats=2, candidates=["M4", "M5", "M6"]),
            ],
            [],
            meeting=p,
        )
    pn = polling(roll, candidates=everyone(roll), present=[v.id for v in roll], rulebook=NATIONAL, day=DAY)
    with pytest.raises(RuleError, match="INSUFFICIENT_MARGIN"):
        count([Contest("m", seats=3, candidates=["M4", "M5", "M6"])], [], meeting=pn)


def test_household_mode_gives_one_vote_per_household() -> None:
    """R-2: in the household mode the roll lists one representative per household; a second
    member of a household on it, or a voter with no household, is broken input."""
    book = attrs.evolve(preset("residents-national-2018"), committee_size=None)
    roll = [Voter("A", household="h1"), Voter("B", household="h2"), Voter("C", household="h1"), Voter("D")]
    with pytest.raises(RecordError) as caught:
        polling(roll, candidates=everyone(roll), present=["A"], mode="household", rulebook=book, day=DAY)
    assert [p.path for p in caught.value.problems] == ["roll[2].household", "roll[3].household"]
    ok = polling(roll[:2], candidates=everyone(roll[:2]), present=["A", "B"], mode="household", rulebook=book, day=DAY)
    assert ok.turnout.registered == 2
    with pytest.raises(RecordError, match="only a residents' committee"):
        polling(roll[:2], candidates=everyone(roll[:2]), present=[], mode="household", rulebook=NATIONAL, day=DAY)
