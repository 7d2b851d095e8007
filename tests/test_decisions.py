"""One model of thresholds, steps and their words: a report says only what the engine decided.

Each test here breaks a rule the reports or the results broke before (the issue "Reports that state
only what was decided") or one the engine broke ("No silent wrong answer").
"""

from __future__ import annotations

import datetime
import itertools
import json
import random
import re
from collections.abc import Mapping
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tally import (
    Ballot,
    Base,
    Code,
    Contest,
    Member,
    Proxy,
    Reason,
    RecordError,
    RuleError,
    Threshold,
    Voter,
    count,
    meeting,
    polling,
    preset,
)
from tally._explain import RULES
from tally._rulebook import Kind
from tally.catalogue import DISCREPANCIES, REASONS, STEPS, describe
from tally.examples import NAMES, load
from tally.records import Record, dumps, result_to_dict
from tally.report import render

DAY = datetime.date(2026, 5, 21)


# --- the threshold -----------------------------------------------------------------------------------


def oracle_met(count: int, base: int, fraction: Fraction, inclusive: bool) -> bool:
    """C-3 by the definition: compare exact rationals."""
    share = Fraction(count) / 1
    return share >= fraction * base if inclusive else share > fraction * base


@given(
    count=st.integers(0, 10_000),
    base=st.integers(0, 10_000),
    fraction=st.fractions(min_value=0, max_value=1),
    inclusive=st.booleans(),
)
def test_threshold_equals_its_integer_oracle(count: int, base: int, fraction: Fraction, inclusive: bool) -> None:
    """C-1 … C-3: met() is the exact comparison; least() is the least count that meets it."""
    t = Threshold(fraction, inclusive=inclusive, base=Base.PRESENT, rule="P-22")
    assert t.met(count, base) == oracle_met(count, base, fraction, inclusive)
    least = t.least(base)
    assert t.met(least, base)
    assert least == 0 or not t.met(least - 1, base)


def test_threshold_refuses_a_negative_count() -> None:
    """A threshold is of whole numbers of at least 0: anything else is our error."""
    t = Threshold(Fraction(1, 2), inclusive=False, base=Base.VOTED, rule="V-21")
    with pytest.raises(RuleError):
        t.met(-1, 10)


# --- one enumeration, one table, one catalogue -----------------------------------------------------


def test_every_code_and_reason_has_words_in_both_languages() -> None:
    """The catalogue has words for each code and reason, in Chinese and in English."""
    assert set(STEPS) == set(Code)
    assert set(REASONS) == set(Reason)
    for words in [*STEPS.values(), *REASONS.values()]:
        assert words["zh"].strip()
        assert words["en"].strip()


def test_the_rule_table_covers_every_kind_of_body_it_names() -> None:
    """A code in the table has a rule for each kind it applies to, and each rule of a residents'
    committee is an R rule or a general one (C-, OQ-, or a village rule by reference, V-…)."""
    for key, by_kind in RULES.items():
        for kind, rule in by_kind.items():
            assert re.fullmatch(r"(P|PC|V|R|C)-\d+[a-z]?|OQ-[PV]\d+", rule), (key, rule)
            if kind is Kind.PARTY_MEETING:
                assert rule.startswith(("P-", "PC-", "OQ-P")), (key, rule)


# --- the built-in examples, read as an officer would --------------------------------------------


def _report(name: str, lang: str = "zh", fmt: str = "text") -> str:
    rec = Record.from_dict(load(name))
    return render(rec.verify(), lang=lang, fmt=fmt, title=rec.title, day=rec.day.isoformat(), findings=rec.compliance())  # type: ignore[arg-type]


@pytest.mark.parametrize("name", NAMES)
def test_chinese_reports_hold_no_english_word(name: str) -> None:
    """A Chinese report holds no English word but ids and rule IDs (record text aside)."""
    rec = Record.from_dict(load(name))
    text = _report(name)
    # Words that the record itself gives (a category outside the list, say) are the record's.
    given = set(re.findall(r"[A-Za-z]{3,}", json.dumps(load(name), ensure_ascii=False)))
    ids = {m.id for m in (rec.roll.members if hasattr(rec.roll, "members") else rec.roll.voters)}
    words = set(re.findall(r"[A-Za-z]{3,}", text)) - given - ids - {"tally"}
    assert words == set(), words


@pytest.mark.parametrize("name", NAMES)
def test_reports_render_in_every_format_and_language(name: str) -> None:
    """Every example renders in every format and language; text underlines span their headings."""
    for lang in ("zh", "en"):
        for fmt in ("text", "markdown", "html", "json"):
            assert _report(name, lang, fmt).strip()
    lines = _report(name).splitlines()
    for above, under in itertools.pairwise(lines):
        if under and set(under) <= {"=", "-"} and len(set(under)) == 1 and above and " " not in under:
            from wcwidth import wcswidth

            assert len(under) == wcswidth(above), (above, under)


def test_markdown_tables_have_real_headers() -> None:
    """No Markdown table has an empty first header row."""
    md = _report("branch", fmt="markdown")
    for line in md.splitlines():
        if line.startswith("|") and "---" not in line:
            assert line.replace("|", "").strip(), line


def test_html_report_has_a_stylesheet_and_no_script() -> None:
    """The HTML report is a clean, readable page: styled tables, nothing fetched, no script."""
    page = _report("village", fmt="html")
    assert "<style>" in page
    assert "border" in page
    assert "<script" not in page
    assert "http" not in page.replace("https://", "").split("<style>")[0]


def test_a_further_election_column_names_the_floor_not_a_majority() -> None:
    """V-23, V-25: in a further election the column is the one-third floor, not 是否过半数."""
    text = _report("one-third-floor")
    assert "是否过半数" not in text.split("计票结果报告单")[1]
    assert "是否达到三分之一" in text


def test_a_tie_break_has_no_threshold() -> None:
    """P-23: a vote among the tied has no threshold: nobody is 'over half' there."""
    text = _report("tie-break")
    assert "超过半数" not in text
    assert "名次在应选名额之外" not in text
    assert "少于当选人" in text


@pytest.mark.parametrize("name", ["inquorate", "exact-four-fifths"])
def test_a_round_that_did_not_take_place_has_no_ballot_verdict(name: str) -> None:
    """P-10: an inquorate meeting holds no election: no 'ballots within voters, valid' line."""
    text = _report(name)
    assert "会议无效" in text
    assert "选举有效" not in text
    assert "收回选票" not in text
    steps = [s.code for s in Record.from_dict(load(name)).count().steps]
    assert Code.BALLOTS_WITHIN not in steps


def test_a_failed_turnout_has_no_ballot_verdict() -> None:
    """V-19: a polling short of its turnout elects nobody and judges no ballot."""
    roll = [Voter(f"V{i}") for i in range(10)]
    c = Contest("c", seats=1, candidates=["V0", "V1"])
    p = polling(
        roll,
        present=["V0", "V1", "V2", "V3", "V4"],
        candidates=c.candidates,
        rulebook=preset("village-national-2018"),
        day=DAY,
    )
    r = count([c], [Ballot({"c": {"for": ["V0"]}})] * 5, meeting=p)
    assert (r.held, r.valid, r.void, r.stopped_by) == (False, False, False, Code.NOT_HELD_TURNOUT)
    assert [s.code for s in r.steps] == [Code.NOT_HELD_TURNOUT]
    assert [s.code for s in r["c"].steps] == [Code.NO_ELECTION]
    assert r["c"].steps[0].rule == "V-19"
    text = render(r, lang="zh")
    assert "选举有效" not in text
    assert "收回选票" not in text


def test_a_further_election_without_turnout_says_so_and_the_json_agrees() -> None:
    """V-24: a further election needs no turnout under the national text: the report says so, and
    the result is unambiguous (turnout.valid false, turnout.required false, the election valid)."""
    rec = Record.from_dict(load("one-third-floor"))
    v = rec.verify()
    result = result_to_dict(v, title=rec.title, day=rec.day)
    assert result["turnout"]["required"] is False
    assert result["election_valid"] is True
    assert result["held"] is True
    text = _report("one-third-floor")
    assert "另行选举不以参加投票的选民过半数为有效条件" in text
    assert "选举无效" not in text


def test_a_residents_committee_cites_its_own_rules() -> None:
    """A step cites the rule of the body it is about: R rules for a residents' committee."""
    rec = Record.from_dict(load("residents"))
    r = rec.count()
    rules = {s.rule for s in (*r.meeting.steps, *r.steps, *(s for c in r.contests for s in c.steps))}
    assert not {"V-5", "V-19", "V-21"} & rules, rules
    assert {"R-3", "R-5"} <= rules


def test_a_conference_cites_pc3_when_inquorate() -> None:
    """PC-3: a party conference's quorum, in the meeting and in the count, cites PC-3."""
    book = preset("cpc-conference-2020")
    m = meeting([Member(f"D{i}") for i in range(10)], present=["D0", "D1"], rulebook=book)
    r = count([Contest("c", seats=1, candidates=["D0", "D1"])], [Ballot()] * 2, meeting=m)
    assert [s.rule for s in r.steps] == ["PC-3"]
    assert m.steps[-1].rule == "PC-3"
    assert r["c"].steps[0].rule == "PC-3"


def test_a_village_ballot_cites_village_rules() -> None:
    """An over-selected village section cites V-20, a refused write-in V-14, not the party's."""
    c = Contest("c", seats=1, candidates=["V0", "V1"])
    book = attrs.evolve(preset("village-national-2018"), writein_policy="none")
    p = polling(
        [Voter(f"V{i}") for i in range(4)],
        present=["V0", "V1", "V2", "V3"],
        candidates=c.candidates,
        rulebook=book,
        day=DAY,
    )
    papers = [Ballot({"c": {"for": ["V0", "V1"]}}), Ballot({"c": {"write_in": ["V2"]}}), Ballot(), Ballot()]
    r = count([c], papers, meeting=p)
    rules = {(s.code, s.reason): s.rule for s in r["c"].steps if s.reason is not None}
    assert rules == {(Code.INVALID, Reason.OVER_SELECTED): "V-20", (Code.VOID_MARK, Reason.WRITE_IN_REFUSED): "V-14"}


# --- results other software can use -------------------------------------------------------------


def test_a_result_and_a_report_come_from_a_bare_round() -> None:
    """No declaration needed: result_to_dict(round), Round.to_dict(), render(round)."""
    r = Record.from_dict(load("branch")).count()
    out = result_to_dict(r, title="t", day=DAY)
    assert out["agrees"] is None
    assert out["discrepancies"] == []
    assert out["rulebook"]["id"] == "cpc-basic-2020"
    assert out["day"] == "2026-05-21"
    assert out["title"] == "t"
    assert out["tally"]
    assert r.to_dict()["contests"][0]["id"] == "committee"
    text = render(r, lang="zh")
    assert "核对结果" not in text


def test_a_round_is_a_mapping_of_its_contests() -> None:
    """Round is a read-only Mapping: contest ids to their results."""
    r = Record.from_dict(load("village")).count()
    assert isinstance(r, Mapping)
    assert list(r) == [c.contest.id for c in r.contests]
    assert len(r) == len(r.contests)
    assert r["chair"].contest.id == "chair"
    with pytest.raises(KeyError):
        r["nobody"]


@pytest.mark.parametrize("name", ["branch", "village", "womens-seat"])
def test_the_same_papers_in_any_order_give_the_same_bytes(name: str) -> None:
    """Reasons and lists come in a fixed order, whatever the order of the papers."""
    data = load(name)
    first = dumps(result_to_dict(Record.from_dict(data).verify()))
    shuffled = json.loads(json.dumps(data))
    random.Random(7).shuffle(shuffled["ballots"]["items"])
    assert dumps(result_to_dict(Record.from_dict(shuffled).verify())) == first


def test_discrepancy_kinds_have_words() -> None:
    """Every kind of discrepancy the verifier reports has words in both languages."""
    assert set(DISCREPANCIES) == {
        *("elected", "votes", "not declared", "void round", "inquorate", "turnout not met"),
        "passed",  # a motion of a meeting that decides (issue 16)
    }


def test_describe_names_people_and_contests() -> None:
    """A step's subject is shown as a person (id and name) or a contest (its title)."""
    rec = Record.from_dict(load("branch"))
    r = rec.count()
    step = r["committee"].steps[0]
    assert describe(step, lang="zh", titles={"committee": "支部委员会委员"}).startswith("支部委员会委员：")


# --- no silent wrong answer (the engine) ----------------------------------------------------------


def test_a_proxy_whose_agent_never_voted_is_not_exercised() -> None:
    """V-15: a proxy is exercised only by an agent who voted; it cannot make turnout."""
    roll = [Voter(f"V{i}") for i in range(6)]
    book = preset("village-national-2018")
    proxy = Proxy("V3", "V4", relation="spouse")
    p = polling(roll, present=["V0", "V1", "V2"], proxies=[proxy], candidates=["V0", "V1"], rulebook=book, day=DAY)
    assert p.proxies[0].reason is Reason.AGENT_DID_NOT_VOTE
    assert (p.turnout.by_proxy, p.turnout.voted, p.turnout.valid) == (0, 3, False)
    voted = polling(
        roll, present=["V0", "V1", "V2", "V4"], proxies=[proxy], candidates=["V0", "V1"], rulebook=book, day=DAY
    )
    assert (voted.turnout.by_proxy, voted.turnout.voted, voted.turnout.valid) == (1, 5, True)


def test_polling_needs_its_candidates_and_count_checks_them() -> None:
    """V-16: no default switches the candidate-agent rule off; count() checks its contests."""
    roll = [Voter(f"V{i}") for i in range(4)]
    book = preset("village-national-2018")
    with pytest.raises(TypeError):
        polling(roll, present=["V0"], rulebook=book, day=DAY)  # type: ignore[call-arg]
    p = polling(roll, present=["V0", "V1", "V2"], candidates=["V0"], rulebook=book, day=DAY)
    with pytest.raises(RecordError) as caught:
        count([Contest("c", seats=1, candidates=["V0", "V1"])], [Ballot()] * 3, meeting=p)
    assert caught.value.path == "contests[0].candidates[1]"


def test_the_agent_who_is_a_candidate_is_refused_through_the_api_as_through_a_record() -> None:
    """V-16: the same election gives the same result through the API and through a record."""
    rec = Record.from_dict(load("village"))
    agents = {o.proxy.agent for o in rec.meeting().proxies}
    candidates = {w for c in rec.contests for w in c.candidates}
    assert not (agents & candidates) or any(o.reason is Reason.AGENT_IS_CANDIDATE for o in rec.meeting().proxies)


def test_majority_base_acts() -> None:
    """P-22: majority_base 'voted' on a party rulebook takes the majority of the papers cast."""
    roll = [Member(f"M{i}") for i in range(10)]
    c = Contest("c", seats=1, candidates=["M0", "M1"])
    papers = [Ballot({"c": {"for": ["M0"]}})] * 5 + [Ballot()] * 1  # 6 of 10 present voted
    present = meeting(roll, present=[m.id for m in roll], rulebook=preset("cpc-basic-2020"))
    voted = meeting(
        roll, present=[m.id for m in roll], rulebook=attrs.evolve(preset("cpc-basic-2020"), majority_base="voted")
    )
    assert count([c], papers, meeting=present)["c"].elected == ()  # 5 of 10 is not more than half
    r = count([c], papers, meeting=voted)["c"]
    assert (r.base, r.threshold, r.elected) == (6, 4, ("M0",))
    assert r.test is not None
    assert r.test.base is Base.VOTED


def test_a_polling_has_no_base_but_those_who_voted() -> None:
    """V-21: majority_base 'present' is refused for a village rulebook, not ignored."""
    with pytest.raises(RuleError) as caught:
        attrs.evolve(preset("village-national-2018"), majority_base="present")
    assert caught.value.path == "majority_base"


def test_a_record_of_the_chairs_vote_alone_is_counted() -> None:
    """V-1, V-27: a record of one vote (the chair's contest only) is counted; the committee's size is
    a composition finding, never a reason to refuse the count."""
    data = load("village")
    data["contests"] = [c for c in data["contests"] if c["id"] == "chair"]
    for paper in data["ballots"]["items"]:
        for key in [k for k in paper if k not in ("chair", "spoiled")]:
            del paper[key]
    data["declared"] = {"chair": data["declared"]["chair"]}
    v = Record.from_dict(data).verify()
    assert v.agrees
    assert v.round["chair"].elected == ("V01",)


def test_html_report_draws_each_decided_contest_as_a_chart() -> None:
    """Issue 14: each contest decided in the round has an inline SVG chart, none where nothing was
    decided; a contest starts a printed page of its own."""
    assert _report("village", fmt="html").count("<svg") == 3
    assert "<svg" not in _report("inquorate", fmt="html")
    assert 'class="contest"' in _report("village", fmt="html")
    assert "break-before: page" in _report("village", fmt="html")


# Decisions the count can make for any kind of body: each has its rule for every kind.
_ANY_BODY = [
    Code.MARGIN,
    Code.FURTHER_MARGIN,
    Code.TIE_BREAK_CANDIDATES,
    Code.UNCONTESTED,
    Code.CONTEST_BALLOTS,
    Code.TIE_BREAK,
    Code.OUTSIDE_SEATS,
    Code.FEWER_VOTES,
    Code.TIED,
    Code.FURTHER_ELECTION,
    Code.BALLOTS_WITHIN,
    Code.BALLOTS_OVER,
    Code.SCRIBE_ACCEPTED,
    Code.SCRIBE_REJECTED,
    Reason.SCRIBE_IS_CANDIDATE,
    Reason.OVER_SELECTED,
    Reason.SPOILED,
    Reason.WRITE_IN_REFUSED,
    Reason.SHEET_INVALID,
    Reason.UNREADABLE,
    Reason.DUPLICATE,
    Reason.WRITE_IN_OF_CANDIDATE,
    Reason.WRITE_IN_IN_TIE_BREAK,
    Reason.WRITE_IN_NOT_ELIGIBLE,
    Reason.PROXY_NOT_ALLOWED,
]


@pytest.mark.parametrize("key", _ANY_BODY)
def test_decisions_of_any_body_cite_a_rule_for_every_kind(key: Code | Reason) -> None:
    """A decision the count makes for any body has a rule for each kind that elects (no KeyError
    later); the meetings that decide by attendance and vote count no ballots."""
    from tally._assembly import DECIDING

    assert set(RULES[key]) == set(Kind) - DECIDING


def test_a_reduction_at_a_polling_is_our_error() -> None:
    """P-24 is a party meeting's answer to a shortfall: a polling given one is told so (V-26)."""
    from tally import Reduction

    c = Contest("c", seats=2, candidates=["V0", "V1", "V2"])
    p = polling(
        [Voter(f"V{i}") for i in range(4)],
        present=["V0", "V1", "V2", "V3"],
        candidates=c.candidates,
        rulebook=preset("village-national-2018"),
        day=DAY,
    )
    with pytest.raises(RecordError) as caught:
        count([c], [Ballot({"c": {"for": ["V0"]}})] * 4, meeting=p, reductions={"c": Reduction(consent=3)})
    assert caught.value.path == "reductions"


def test_a_members_sex_is_f_m_or_unknown() -> None:
    """A member's sex is F, M or not known; any other value is our error, not a silent 'not a woman'."""
    assert Member("M1", sex="F").sex == "F"
    with pytest.raises(RecordError) as caught:
        Member("M1", sex="female")
    assert caught.value.path == "sex"


def test_every_category_the_reader_knows_has_words() -> None:
    """Every exclusion case a record may name has words in both languages (no English in zh)."""
    from tally.catalogue import CATEGORIES
    from tally.records.vocabulary import VOCABULARIES

    assert set(VOCABULARIES["category"]) == set(CATEGORIES)
