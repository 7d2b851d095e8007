"""The problems of the core (rulebooks, contests, ballots, verification, the calendar, surname
strokes, citations, examples and forms) in Chinese and English: each broken through its public way
in, with its code, its path and its words in both languages (issue 13)."""

from __future__ import annotations

import datetime
from fractions import Fraction
from typing import Any

import attrs
import pytest

from tally import Ballot, Contest, Declared, Member, Timeline, check_timeline, count, meeting, preset, verify
from tally._compliance import Objection
from tally.citations import cite
from tally.errors import Problem, RecordError, RuleError, TallyError
from tally.examples import load
from tally.forms import bundle, render
from tally.records import Record
from tally.strokes import by_strokes


def _problems(error: pytest.ExceptionInfo[TallyError]) -> tuple[Problem, ...]:
    return error.value.problems  # type: ignore[attr-defined, no-any-return]


def test_a_rulebook_field_out_of_range_in_both_languages() -> None:
    """A share above one: the fraction is quoted as the rulebook writes it, in both languages."""
    with pytest.raises(RuleError) as caught:
        attrs.evolve(preset("cpc-basic-2020"), quorum=Fraction(3, 2))
    (p,) = _problems(caught)
    assert (p.path, p.code) == ("quorum", "rule-not-ratio")
    assert str(caught.value) == "quorum: must be a Fraction above 0 and at most 1, not 3/2"
    assert caught.value.words("zh") == "quorum: 应为大于0且不超过1的分数，而不是3/2"


def test_an_unknown_preset_lists_the_presets_in_each_language_s_way() -> None:
    """The presets are joined with ", " in English and "、" in Chinese, where each is given with
    the body its rules are for (review finding 4)."""
    with pytest.raises(RuleError) as caught:
        preset("cpc-basic-1990")
    (p,) = _problems(caught)
    assert (p.path, p.code) == ("rulebook", "rule-no-preset")
    assert p.reason.startswith("no preset 'cpc-basic-1990'; the presets are cpc-basic-2020, cpc-conference-2020, ")
    assert p.words("zh").startswith(
        "没有规则集'cpc-basic-1990'；现有规则集：cpc-basic-2020（党员大会）、cpc-conference-2020（党员代表大会）、"
    )


def test_too_few_candidates_in_a_count_in_both_languages() -> None:
    """P-12: a contest without the margin the rules require is refused by count()."""
    m = meeting([Member(x) for x in "ABCDE"], present=list("ABCDE"), rulebook=preset("cpc-basic-2020"))
    with pytest.raises(RuleError) as caught:
        count([Contest("c", seats=3, candidates=["A", "B", "C"])], [Ballot()], meeting=m)
    (p,) = _problems(caught)
    assert (p.path, p.code) == ("contests[0].candidates", "contest-margin-too-small")
    assert p.reason == "3 candidates for 3 seats; the rules require at least 4 (P-12, INSUFFICIENT_MARGIN)"
    assert p.words("zh") == "应选3名，候选人只有3名；规则要求候选人至少4名（P-12，差额不足）"


def test_a_duplicate_candidate_and_a_bad_mark_list() -> None:
    """A contest that lists someone twice; a section with a mark list that does not exist."""
    with pytest.raises(RecordError) as caught:
        Contest("c", seats=1, candidates=["A", "B", "A"])
    assert _problems(caught)[0].code == "duplicate-candidate"
    assert caught.value.words("en") == "candidates[2]: duplicate candidate 'A' (first at candidates[0])"
    assert caught.value.words("zh") == "candidates[2]: 候选人'A'重复（首次出现在candidates[0]）"

    with pytest.raises(RecordError) as caught:
        Ballot({"c": {"for": ["A"], "maybe": ["B"]}})
    (p,) = _problems(caught)
    assert (p.path, p.code) == ("c.maybe", "unknown-mark-list")
    assert (p.reason, p.words("zh")) == ("unknown mark list", "未知的标记类别")


def test_a_declared_name_where_an_id_belongs() -> None:
    """verify(): a name in ``elected`` is said to be one, with the ids that bear it, listed in
    each language's way."""
    roll = [Member("A", name="王芳"), Member("B", name="王芳"), Member("C", name="李娜")]
    m = meeting(roll, present=["A", "B", "C"], rulebook=preset("cpc-basic-2020"))
    r = count([Contest("c", seats=1, candidates=["A", "B"])], [Ballot({"c": {"for": ["A"]}})] * 3, meeting=m)
    with pytest.raises(RecordError) as caught:
        verify(r, {"c": Declared(["王芳"]), "x": Declared([])})
    named, unknown = _problems(caught)
    assert (named.path, named.code) == ("declared.c.elected[0]", "declared-name-not-id")
    assert named.reason == "'王芳' is the name of A, B; give the id"
    assert named.words("zh") == "'王芳'是A、B的姓名；请填写编号"
    assert (unknown.path, unknown.code) == ("declared.x", "no-such-contest")
    assert unknown.words("zh") == "本轮没有选举项目'x'"


def test_a_period_off_the_calendar_in_both_languages() -> None:
    """C-6: periods that would end after the calendar's last day, each at the date it starts from."""
    book = preset("village-national-2018")
    filed = Objection(datetime.date(9999, 12, 30), decided=datetime.date(9999, 12, 31))
    timeline = Timeline(published=datetime.date(9999, 12, 29), objections=[filed])
    with pytest.raises(RecordError) as caught:
        check_timeline(timeline, rulebook=book, day=datetime.date(9999, 12, 31))
    published, decided = _problems(caught)
    assert (published.path, published.code) == ("timeline.published", "date-off-calendar-after")
    assert (decided.path, decided.code) == ("timeline.objections[0].filed", "date-off-calendar-after")
    days = book.decision_days
    assert decided.reason == f"9999-12-30: the day {days} days after it is not in the calendar (years 1 to 9999)"
    assert decided.words("zh") == f"9999-12-30：往后推{days}天的日期超出了日历范围（公元1年至9999年）"


def test_strokes_missing_for_a_name_nested_in_both_languages() -> None:
    """A name with characters the stroke table lacks: why, within the problem of the name."""
    with pytest.raises(RecordError) as caught:
        by_strokes(["王芳", "Al"])
    (p,) = _problems(caught)
    assert (p.path, p.code) == ("[1]", "strokes-of-name")
    assert p.values["why"].code == "no-stroke-data"
    assert p.reason == (
        "'Al': no stroke data for 'A' (U+0041), 'l' (U+006C); it is never guessed: give its strokes, "
        "e.g. extra={'A': '...'} (1 横 2 竖 3 撇 4 点 5 折)"
    )
    assert p.words("zh") == (
        "'Al'：没有'A'（U+0041）、'l'（U+006C）的笔画数据，本程序从不猜测笔画：请给出其笔画，"
        "例如extra={'A': '...'}（1 横 2 竖 3 撇 4 点 5 折）"
    )


def test_a_form_of_a_record_with_a_name_without_strokes() -> None:
    """A form lists people by name: the stroke problem of a name is placed at the roll's name,
    in both languages."""
    data: dict[str, Any] = load("branch")
    data["roll"][0]["name"] = "𠮷"
    rec = Record.from_dict(data)
    with pytest.raises(RecordError) as caught:
        render(rec, "ballot")
    (p,) = _problems(caught)
    assert (p.path, p.code) == ("roll[0].name", "strokes-of-name")
    assert p.words("zh").startswith("'𠮷'：没有'𠮷'（U+20BB7）的笔画数据，")
    assert p.reason.startswith("'𠮷': no stroke data for '𠮷' (U+20BB7); ")


def test_an_unknown_form_and_language() -> None:
    """Both at once, each in both languages."""
    with pytest.raises(RuleError) as caught:
        bundle(Record.from_dict(load("branch")), ["ballot", "minutes"], lang="fr")  # type: ignore[arg-type]
    assert [(p.path, p.code) for p in _problems(caught)] == [("form", "no-form"), ("lang", "no-language")]
    assert caught.value.words("zh") == (
        "输入中有2个问题：\n"
        "  form: 没有表格'minutes'；现有表格：ballot、sign-in、tally-sheet、result\n"
        "  lang: 没有语言'fr'；可用语言：zh、en"
    )
    assert (
        str(caught.value).splitlines()[1]
        == "  form: no form 'minutes'; the forms are ballot, sign-in, tally-sheet, result"
    )


def test_an_unknown_rule_suggests_close_ones() -> None:
    """cite(): the close rule IDs, in each language's list."""
    with pytest.raises(RuleError) as caught:
        cite("P10")
    (p,) = _problems(caught)
    assert (p.path, p.code) == ("rule_id", "no-rule-close")
    assert p.reason == "no rule 'P10' in tally's table of rules; did you mean P-10, P-10a, P-1?"
    assert p.words("zh") == "规则表中没有规则'P10'；是否要找：P-10、P-10a、P-1？"
