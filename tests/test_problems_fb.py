"""Findings of a review of tally's problems, read as an officer would: each problem told once, in
the words of its language, and nothing guessed from a value tally does not know."""

from __future__ import annotations

import pytest

from tally.errors import Problem, RecordError, RuleError
from tally.examples import load as example
from tally.records import Record, read

Capture = pytest.CaptureFixture[str]


def _problems(data: object) -> list[Problem]:
    """The problems of a record in parsed JSON."""
    with pytest.raises((RecordError, RuleError)) as caught:
        Record.from_dict(data)
    return list(caught.value.problems)


@pytest.mark.parametrize("name", ["village", "branch"])
def test_an_unknown_kind_is_told_once_with_no_guess_about_the_roll(name: str) -> None:
    """Finding 10: `village` is no kind (`village-committee` is). The kind is told once; the roll's
    fields are not said to belong to the voters' roll (or the party's) on a guess of the kind."""
    data = example(name)
    data["kind"] = "village"
    assert [(p.path, p.code) for p in _problems(data)] == [("kind", "not-a-word")]


def test_a_mode_with_an_unknown_kind_is_no_second_problem() -> None:
    """Finding 10: a residents' record with its kind misspelt: its mode is not said to belong to
    residents' committees only."""
    data = example("residents")
    data["kind"] = "residents"
    assert [(p.path, p.code) for p in _problems(data)] == [("kind", "not-a-word")]


def test_a_roll_entry_of_an_unknown_kind_is_still_checked() -> None:
    """An entry's own fields are checked whatever the kind: a bad sex word is still told."""
    data = example("village")
    data["kind"] = "village"
    data["roll"][0]["sex"] = "X"
    assert [(p.path, p.code) for p in _problems(data)] == [("kind", "not-a-word"), ("roll[0].sex", "not-a-word")]


def test_too_few_candidates_says_the_programmers_code_in_english_only() -> None:
    """Finding 1: `INSUFFICIENT_MARGIN`, the name programmers look for, stays in the English; the
    Chinese says it in words. One seat is one seat."""
    data = example("branch")
    data["contests"][0]["candidates"] = data["contests"][0]["candidates"][:3]  # 3 for 3 seats
    p = _problems(data)[0]
    assert p.reason == "3 candidates for 3 seats; the rules require at least 4 (P-12, INSUFFICIENT_MARGIN)"
    assert p.words("zh") == "应选3名，候选人只有3名；规则要求候选人至少4名（P-12，差额不足）"
    assert p.to_dict("zh")["values"]["error"] == "差额不足"
    one = Problem("c", "contest-margin-too-small", {**p.values, "have": 1, "seats": 1})
    assert one.reason.startswith("1 candidate for 1 seat;")


def test_modes_are_listed_with_their_chinese_words() -> None:
    """Findings 3 and 5: the modes a record or a meeting may give, in Chinese as `not-a-word` lists
    words: each canonical word with its Chinese word, not the words flat nor English alone."""
    data = example("residents")
    del data["mode"]
    (p,) = _problems(data)
    assert p.code == "record-mode-missing"
    assert p.words("zh").endswith(
        "可填：direct（直接选举）、household（户代表）、group-representatives（居民小组代表）"
    )
    assert p.reason.endswith(": direct (直接选举), household (户代表), group-representatives (居民小组代表)")
    data = example("villager-assembly")
    del data["mode"]
    with pytest.raises((RecordError, RuleError)) as caught:
        read(data)
    (p,) = caught.value.problems
    assert p.words("zh") == "村民会议须写明到会方式，可选：direct（本人到会）、household（每户派代表到会）"


def test_accepted_values_of_an_enumeration_in_chinese() -> None:
    """Finding 4: a value of an enumeration that is not one of them lists them with their Chinese
    words; a rulebook that is no preset lists the presets with the body each is for."""
    from tally import Contest

    with pytest.raises(RecordError) as caught:
        Contest("c", seats=1, candidates=[], post="boss")
    (p,) = caught.value.problems
    assert p.words("zh") == (
        "'boss'不是可用的值；应为以下之一：member（委员）、secretary（书记）、deputy-secretary（副书记）、"
        "chair（主任）、vice-chair（副主任）、women-member（妇女委员）"
    )
    assert p.reason == "'boss' is not one of member, secretary, deputy-secretary, chair, vice-chair, women-member"
    data = example("branch")
    data["rulebook"] = "cpc-basic-1990"
    (p,) = _problems(data)
    assert p.words("zh").startswith(
        "'cpc-basic-1990'不是可用的值；应为以下之一：cpc-basic-2020（党员大会）、cpc-conference-2020（党员代表大会）、"
    )
    assert p.reason.startswith("'cpc-basic-1990' is not one of cpc-basic-2020, cpc-conference-2020, ")


def test_a_word_pickles_with_its_field() -> None:
    """A batch runs across processes: a listed word keeps its vocabulary."""
    import pickle

    from tally._values import Word

    p = Problem("mode", "not-one-of", {"value": "'x'", "accepted": (Word("mode", "direct"),)})
    again = pickle.loads(pickle.dumps(p))
    assert again.words("zh") == p.words("zh") == "'x'不是可用的值；应为以下之一：direct（直接选举）"


def test_the_command_line_names_an_unknown_preset_in_chinese(capsys: Capture) -> None:
    """Finding 14: `tally rulebooks nope`: 规则集, the value quoted with no space before it, the
    presets joined with "、" and given with the body each is for."""
    from tally.cli import main

    assert main(["rulebooks", "--lang", "zh", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tally: 没有规则集'nope'；现有规则集：cpc-basic-2020（党员大会）、")
    assert ", " not in err
    assert main(["rulebooks", "nope"]) == 2
    assert capsys.readouterr().err.startswith("tally: no preset 'nope'; the presets are cpc-basic-2020, ")


def test_the_command_line_s_own_misuse_is_told_in_chinese(capsys: Capture) -> None:
    """Finding 14: an unknown kind of template, and argparse's own messages, in Chinese."""
    from tally.cli import main

    assert main(["template", "choir", "--lang", "zh", "-o", "x.xlsx"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "tally: KIND: 'choir'不是可用的值；应为以下之一：party-meeting（党员大会）、party-conference（党员代表大会）、"
        "village-committee（村民委员会）、residents-committee（居民委员会）\n"
    )
    with pytest.raises(SystemExit) as caught:
        main(["check", "--lang", "zh", "--format", "xml", "x.json"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：tally check")
    assert err.endswith("tally check：错误：参数--format：'xml'不是可用的值；应为以下之一：'text'、'json'\n")
    with pytest.raises(SystemExit):
        main(["check", "--lang", "zh"])
    assert capsys.readouterr().err.endswith("tally check：错误：缺少参数：RECORD\n")
    with pytest.raises(SystemExit):
        main(["check", "--format", "xml", "x.json"])
    assert "argument --format: invalid choice: 'xml'" in capsys.readouterr().err


@pytest.mark.parametrize("stream", [False, True])
def test_a_duplicate_id_is_quoted_as_the_file_writes_it(stream: bool, tmp_path: object) -> None:
    """Finding 14: `Ｍ０１` on the roll after `M01`: the problem quotes what is in the file, and the
    id tally reads it as, whether the record is read whole or as a stream."""
    import json
    import pathlib

    from tally.records import load

    data = example("branch")
    data["roll"][1]["id"] = "Ｍ０１"
    if stream:
        path = pathlib.Path(str(tmp_path)) / "r.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        with pytest.raises((RecordError, RuleError)) as caught:
            load(path)
        p = caught.value.problems[0]
    else:
        p = _problems(data)[0]
    assert (p.path, p.code) == ("roll[1].id", "duplicate-id-as-written")
    assert p.words("zh") == "编号'Ｍ０１'（即'M01'）重复（首次出现在roll[0]）"
    assert p.reason == "duplicate id 'Ｍ０１', which is 'M01' (first at roll[0])"
    data["roll"][1]["id"] = "M01"
    assert _problems(data)[0].code == "duplicate-id"  # written as read: said once


def test_compliance_says_the_first_problem_with_one_kind_of_colon(capsys: Capture) -> None:
    """Finding 14: `tally compliance` in Chinese names the first problem of a broken record with
    full-width colons only; in English as before."""
    import pathlib

    from tally.cli import main

    broken = str(pathlib.Path(__file__).parent / "broken" / "contest-margin.json")
    assert main(["compliance", "--lang", "zh", broken]) == 2
    err = capsys.readouterr().err
    assert "2个问题；第一个：contests[0].candidates：应选3名，" in err
    assert ": " not in err.split("2个问题")[1]
    assert main(["compliance", "--lang", "en", broken]) == 2
    assert "2 problems; the first: contests[0].candidates: 3 candidates" in capsys.readouterr().err


def test_a_character_without_strokes_is_named_in_the_language_s_way() -> None:
    """Finding 14: the character and its code point in Chinese with full-width parentheses and no
    space; in English as before."""
    from tally.strokes import strokes

    with pytest.raises(RecordError) as caught:
        strokes("𠮷")
    assert caught.value.words("zh").startswith("char: 没有'𠮷'（U+20BB7）的笔画数据，")
    assert str(caught.value).startswith("char: no stroke data for '𠮷' (U+20BB7); ")
