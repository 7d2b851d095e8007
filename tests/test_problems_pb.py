"""The problems of counting, meetings, pollings, rolls and deciding meetings, in Chinese and in
English (issue 13): each broken through the public functions, with its code, path and words."""

from __future__ import annotations

import datetime

import pytest

from tally import (
    Ballot,
    Contest,
    Exclusion,
    Member,
    Motion,
    RecordError,
    RuleError,
    Voter,
    assembly,
    count,
    decide,
    meeting,
    polling,
    preset,
)
from tally.errors import Problem

PARTY = preset("cpc-basic-2020")
VILLAGE = preset("village-national-2018")
DAY = datetime.date(2026, 5, 21)


def _only(error: RecordError | RuleError) -> Problem:
    assert len(error.problems) == 1, error.problems
    return error.problems[0]


def test_a_candidate_outside_the_electorate_in_both_languages() -> None:
    """P-2: a probationary member put up as a candidate is named at the candidate's place."""
    roll = [Member("M1"), Member("M2"), Member("P1", standing="probationary")]
    m = meeting(roll, present=["M1", "M2"], rulebook=PARTY)
    with pytest.raises(RecordError) as caught:
        count([Contest("committee", seats=1, candidates=["M1", "P1"])], [], meeting=m)
    p = _only(caught.value)
    assert (p.path, p.code, p.values["rule"]) == ("contests[0].candidates[1]", "candidate-not-in-electorate", "P-2")
    assert p.reason == "'P1' has no right to be elected (P-2)"
    assert p.words("zh") == "'P1'没有被选举权（P-2）"
    assert caught.value.words("zh") == "contests[0].candidates[1]: 'P1'没有被选举权（P-2）"


def test_a_deprived_candidate_at_a_polling_in_both_languages() -> None:
    """V-5: a voter deprived of political rights cannot be elected."""
    roll = [Voter("V1"), Voter("V2"), Voter("V3", deprived=True)]
    p_ = polling(roll, present=["V1", "V2"], candidates=["V1", "V3"], rulebook=VILLAGE, day=DAY)
    with pytest.raises(RecordError) as caught:
        count([Contest("chair", seats=1, candidates=["V1", "V3"])], [], meeting=p_)
    p = _only(caught.value)
    assert (p.path, p.code) == ("contests[0].candidates[1]", "candidate-deprived")
    assert p.reason == "'V3' cannot be elected: deprived of political rights (V-5)"
    assert p.words("zh") == "'V3'不能当选：被依法剥夺政治权利（V-5）"


def test_a_bad_paper_that_came_again_is_named_once_with_how_many_more() -> None:
    """A paper for no contest of the round, three alike: one problem, two more papers like it."""
    m = meeting([Member("M1"), Member("M2")], present=["M1", "M2"], rulebook=PARTY)
    paper = Ballot({"committee": {"for": ["M1"]}, "ghost": {"for": ["M2"]}})
    with pytest.raises(RecordError) as caught:
        count([Contest("committee", seats=1, candidates=["M1", "M2"])], [paper] * 3, meeting=m)
    p = _only(caught.value)
    assert (p.path, p.code, p.more, p.unit) == ("ballots[0].ghost", "no-such-contest", 2, "papers")
    assert p.reason == "no contest 'ghost' in this round (and 2 more papers like it)"
    assert p.words("zh") == "本轮没有选举项目'ghost'（另有2张选票有同样的问题）"


def test_a_single_bad_paper_says_no_more() -> None:
    """The same paper given once: no count of more papers, in either language."""
    m = meeting([Member("M1"), Member("M2")], present=["M1", "M2"], rulebook=PARTY)
    paper = Ballot({"ghost": {"for": ["M2"]}})
    with pytest.raises(RecordError) as caught:
        count([Contest("committee", seats=1, candidates=["M1", "M2"])], [paper], meeting=m)
    p = _only(caught.value)
    assert (p.more, p.reason, p.words("zh")) == (0, "no contest 'ghost' in this round", "本轮没有选举项目'ghost'")


def test_papers_given_two_ways_name_both_in_each_language() -> None:
    """Ballots and totals together: the names given, joined in each language's way."""
    m = meeting([Member("M1"), Member("M2")], present=["M1", "M2"], rulebook=PARTY)
    contest = Contest("c", seats=1, candidates=["M1", "M2"])
    with pytest.raises(RecordError) as caught:
        count([contest], [], totals={}, meeting=m)
    p = _only(caught.value)
    assert p.code == "count-given-several"
    assert p.reason == "give the ballots, the weighted ballots or the totals: one, not ballots and totals"
    assert p.words("zh").endswith("而不是ballots、totals")
    with pytest.raises(RecordError) as none:
        count([contest], meeting=m)
    assert _only(none.value).code == "count-given-none"
    assert "none" not in _only(none.value).words("zh")


def test_a_meeting_names_every_sign_in_problem_in_chinese() -> None:
    """Signed in twice, and an exclusion for a probationary member: each at its path, in Chinese."""
    roll = [Member("M1"), Member("M2"), Member("P1", standing="probationary")]
    with pytest.raises(RecordError) as caught:
        meeting(
            roll,
            present=["M1", "M1"],
            exclusions=[Exclusion("P1", "abroad", upper_approved=True, meeting_approved=True)],
            rulebook=PARTY,
        )
    found = {p.path: p for p in caught.value.problems}
    assert found["present[1]"].code == "signed-in-twice"
    assert found["present[1]"].reason == "'M1' signed in twice (first at present[0])"
    assert found["present[1]"].words("zh") == "'M1'重复签到（首次出现在present[0]）"
    outside = found["exclusions[0].member"]
    assert outside.code == "exclusion-probationary"
    assert outside.reason == (
        "'P1' is probationary and so not in the electorate (P-2); only a member of the electorate can be excluded (P-6)"
    )
    assert outside.words("zh").startswith("'P1'是预备党员，没有选举权（P-2）")


def test_a_polling_names_a_duplicate_roll_id_and_a_double_vote() -> None:
    """A roll with an id twice (the common code, its first place filled in), and a voter both in
    person and at a mobile box."""
    with pytest.raises(RecordError) as caught:
        polling([Voter("V1"), Voter("V2"), Voter("V1")], present=[], candidates=[], rulebook=VILLAGE, day=DAY)
    p = _only(caught.value)
    assert (p.path, p.code, p.values["first"]) == ("roll[2].id", "duplicate-id", "roll[0]")
    assert p.reason == "duplicate id 'V1' (first at roll[0])"
    with pytest.raises(RecordError) as twice:
        polling([Voter("V1"), Voter("V2")], present=["V1"], mobile=["V1"], candidates=[], rulebook=VILLAGE, day=DAY)
    q = _only(twice.value)
    assert (q.path, q.code) == ("mobile[0]", "mobile-also-in-person")
    assert q.reason == "'V1' also voted in person (present[0]): nobody votes twice"
    assert q.words("zh") == "'V1'已在现场投票（present[0]），又列入流动票箱：每人只能投一次票"


def test_a_deciding_meeting_names_its_kind_in_the_catalogue_s_words() -> None:
    """A 村民会议 without its mode: the kind named as the catalogue names it, in each language; in
    Chinese the modes with the words of how such a meeting sits, not those of an election."""
    with pytest.raises(RuleError) as caught:
        assembly([Voter("V1")], present=[], mode=None, rulebook=preset("villager-assembly-2018"), day=DAY)
    p = _only(caught.value)
    assert (p.path, p.code) == ("mode", "assembly-mode-missing")
    assert p.reason == "a villagers' assembly needs its mode, one of direct, household"
    assert p.words("zh") == "村民会议须写明到会方式，可选：direct（本人到会）、household（每户派代表到会）"


def test_a_motion_with_more_votes_than_present() -> None:
    """More votes on a motion than members present and counted: the figures in both languages."""
    a = assembly(
        [Member(f"M{i}") for i in range(1, 5)],
        present=["M1", "M2"],
        mode=None,
        rulebook=preset("cpc-branch-motion-2018"),
        day=DAY,
    )
    with pytest.raises(RecordError) as caught:
        decide([Motion("m1", for_=2, against=1)], assembly=a)
    p = _only(caught.value)
    assert (p.path, p.code) == ("motions[0].votes", "motion-votes-over-present")
    assert p.reason == "3 votes in all, but only 2 were present and counted"
    assert p.words("zh") == "共3票，但实到会并计入的只有2人"
