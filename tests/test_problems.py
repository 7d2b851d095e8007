"""The problems of a broken input carry a code and values; their words live in the catalogue, in
Chinese and in English (issue 13: the command line in Chinese)."""

from __future__ import annotations

import ast
import json
import pickle
import re
import string
from pathlib import Path

import pytest

from tally._values import shown, typed
from tally.catalogue import PROBLEM_WORDS, PROBLEMS, problem_words
from tally.errors import Problem, RecordError

SRC = Path(__file__).resolve().parents[1] / "src" / "tally"

_SOURCES = sorted(p for p in SRC.rglob("*.py") if p.name != "catalogue.py")


def _fields(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_problem_has_words_in_both_languages_with_the_same_values() -> None:
    """Each code has Chinese and English words that name the same values."""
    for code, words in PROBLEMS.items():
        assert set(words) == {"zh", "en"}, code
        assert words["zh"].strip(), code
        assert words["en"].strip(), code
        assert _fields(words["zh"]) == _fields(words["en"]), code


# Latin words a Chinese problem may hold: JSON's words, file formats and the names of tally's own
# fields, sheets and rule IDs are values, not template words.
_LATIN_ALLOWED = {"true", "false", "null", "JSON", "CSV", "UTF", "GB18030", "GBK", "BOM", "Excel", "WPS", "xlsx"}


def test_chinese_problems_hold_no_english_word() -> None:
    """A Chinese problem's words hold no English word but JSON's, formats' and rule IDs."""
    for code, words in PROBLEMS.items():
        template = re.sub(r"\{[^}]*\}", "", words["zh"])
        latin = set(re.findall(r"[A-Za-z]{3,}", template)) - _LATIN_ALLOWED
        assert latin == set(), (code, latin)


def _codes_in(path: Path) -> list[tuple[int, str]]:
    """The literal codes of each ``Problem(path, code, ...)`` and ``….bad(path, code, ...)`` in a
    source file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        name = getattr(node, "func", None) and getattr(node.func, "id", getattr(node.func, "attr", ""))  # type: ignore[attr-defined]
        if isinstance(node, ast.Call) and name in ("Problem", "bad") and len(node.args) >= 2:
            arg = node.args[1]
            found.append((node.lineno, arg.value if isinstance(arg, ast.Constant) else None))
    return found


@pytest.mark.parametrize("path", _SOURCES, ids=lambda p: str(p.relative_to(SRC)))
def test_every_problem_made_has_a_known_code(path: Path) -> None:
    """Every problem tally makes names a code of the catalogue, literally (so that this test and
    a reader can find it)."""
    for line, code in _codes_in(path):
        assert code in PROBLEMS, f"{path.name}:{line}: {code!r} is not a code of tally.catalogue.PROBLEMS"


def test_every_code_is_used() -> None:
    """No words for a problem that tally never makes."""
    used = {code for path in _SOURCES for _, code in _codes_in(path)}
    assert set(PROBLEMS) - used == set()


def test_a_problem_renders_in_both_languages() -> None:
    """The same problem in Chinese and English, its quoted value in each language's words."""
    p = Problem("roll[2].id", "not-text", {"value": typed({})})
    assert p.reason == "must be a non-empty string, not an object"
    assert p.words("zh") == "应为非空白的字符串，而不是对象"
    assert str(p) == "roll[2].id: must be a non-empty string, not an object"


def test_a_long_value_is_cut_in_both_languages() -> None:
    """A long value is quoted in part, with its length in the language's words."""
    p = Problem("x", "not-one-of", {"value": shown("a" * 100), "accepted": ("F", "M")})
    assert "(100 characters)" in p.reason
    assert "（共100个字符）" in p.words("zh")


def test_a_problem_within_a_problem_is_in_the_same_language() -> None:
    """Why an id is wrong, inside the problem of the cell that holds it."""
    inner = Problem("", "blank-id")
    p = Problem("名册!A3", "bad-id-cell", {"value": shown(" "), "why": inner})
    assert p.words("zh") == "' '：编号不能为空白"
    assert p.reason == "' ': an id cannot be blank"


def test_a_repeated_problem_says_how_many_more() -> None:
    """A bad paper that came again is named once, with how many more were like it."""
    p = Problem("ballots.items[3]", "not-text", {"value": shown(1)}).again(4, "papers")
    assert p.reason.endswith(" (and 4 more papers like it)")
    assert p.words("zh").endswith(PROBLEM_WORDS["more.papers"]["zh"].format(n=4))


def test_an_error_pickles_with_its_problems() -> None:
    """A batch runs across processes: an error and its problems come back whole."""
    error = RecordError([Problem("roll[1].id", "duplicate-id", {"id": shown("M01"), "first": "roll[0]"})])
    again = pickle.loads(pickle.dumps(error))
    assert again.problems == error.problems
    assert again.words("zh") == error.words("zh") == "roll[1].id: 编号'M01'重复（首次出现在roll[0]）"


def test_problems_are_frozen_and_hashable() -> None:
    """A problem is a value: kept in sets, never changed."""
    p = Problem("a", "not-one-of", {"value": shown("x"), "accepted": ["F", "M"]})
    assert p in {p}
    with pytest.raises(TypeError):
        p.values["value"] = "y"  # type: ignore[index]


def test_words_of_an_unknown_language_are_english() -> None:
    """Anything but Chinese is English, as elsewhere in the catalogue."""
    p = Problem("", "blank-id")
    assert problem_words(p, "fr") == problem_words(p, "en") == "an id cannot be blank"


def test_an_enumerated_value_is_in_the_language_s_words() -> None:
    """A kind of body given as a value is named in the catalogue's words for it."""
    from tally import Kind
    from tally.catalogue import KINDS

    p = Problem("kind", "bad-id-cell", {"value": Kind.PARTY_MEETING, "why": Problem("", "blank-id")})
    assert p.words("zh").startswith(KINDS[Kind.PARTY_MEETING]["zh"])
    assert p.reason.startswith(KINDS[Kind.PARTY_MEETING]["en"])


# --- every broken record of the test suite, read in Chinese ------------------------------------

BROKEN = Path(__file__).resolve().parent / "broken"
_BROKEN = sorted(p for p in BROKEN.iterdir() if p.name != "expected.json")


@pytest.mark.parametrize("path", _BROKEN, ids=lambda p: p.stem)
def test_a_broken_record_is_told_in_chinese(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`tally check --lang zh`: each problem's words are Chinese (English words only where the
    record itself holds them), its path as the record format names it; and `--format json` gives
    each problem's code, values and Chinese reason."""
    from tally.cli import main

    assert main(["check", "--lang", "zh", str(path)]) == 2
    lines = [line.removeprefix(f"tally: {path}: ") for line in capsys.readouterr().err.splitlines()]
    assert main(["check", "--lang", "zh", "--format", "json", str(path)]) == 2
    found = json.loads(capsys.readouterr().out)["problems"]
    assert found
    assert [f"{p['path']}: {p['reason']}" if p["path"] else p["reason"] for p in found] == lines
    given = set(re.findall(r"[A-Za-z]{3,}", path.read_text(encoding="utf-8", errors="replace")))
    for p in found:
        assert p["code"] in PROBLEMS
        # Words of the values (an accepted word such as `tie-break`, a character's Unicode name)
        # are the record format's or the input's, not the message's.
        quoted = set(re.findall(r"[A-Za-z]{3,}", json.dumps(p["values"], ensure_ascii=False)))
        latin = set(re.findall(r"[A-Za-z]{3,}", p["reason"])) - given - quoted - _LATIN_ALLOWED
        assert latin == set(), p


def test_a_problem_as_json_quotes_its_values_in_the_language() -> None:
    """`--format json` in Chinese: the reason and the quoted values in Chinese, the code as is."""
    p = Problem("roll[0].id", "not-text", {"value": typed(7)})
    assert p.to_dict("zh") == {
        "path": "roll[0].id",
        "code": "not-text",
        "values": {"value": "数字 7"},
        "reason": "应为非空白的字符串，而不是数字 7",
    }
    assert p.to_dict("en")["values"] == {"value": "the number 7"}


def test_an_election_without_candidates_the_rules_refuse_says_what_to_do() -> None:
    """V-11 refused by the rulebook: one problem, which says to choose rules that allow it."""
    found = json.loads((BROKEN / "without-candidates-not-allowed.json").read_text(encoding="utf-8"))
    from tally.records import Record

    problems = Record.check(found)
    assert [p.code for p in problems] == ["rule-no-election-without-candidates"]
    assert "请选用允许的规则集" in problems[0].words("zh")
    assert "choose rules that have it" in problems[0].reason
