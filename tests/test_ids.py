"""The id policy (issue: ids that look the same are the same id; invisible ones are refused)."""

import pytest

from tally._ids import canonical_id, id_problem


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [("Ｍ０７", "M07"), (" V04", "V04"), ("V04 ", "V04"), ("m07", "m07"), ("张三", "张三"), ("Ｍ０７　", "M07")],
)
def test_canonical_id_folds_width_and_trims(raw: str, canonical: str) -> None:
    """Full-width letters and digits are ASCII, spaces at the ends go, case stays."""
    assert canonical_id(raw) == canonical


@pytest.mark.parametrize("raw", ["M01\u200b", "\ufeffM01", "M\u200d01", "M01\x00", "M\t01", "M01\u2028"])
def test_invisible_characters_are_refused(raw: str) -> None:
    """An id holding a character nobody can see is refused, and the message names it."""
    problem = id_problem(raw)
    assert problem is not None
    assert problem.code == "invisible"
    assert "U+" in problem.reason
    assert "U+" in problem.words("zh")
    assert "不可见字符" in problem.words("zh")


@pytest.mark.parametrize("raw", ["M01", "张 三", "Ｍ０７", " V04"])
def test_visible_ids_pass(raw: str) -> None:
    """Visible ids, inner spaces included, are accepted."""
    assert id_problem(raw) is None


def test_blank_is_refused() -> None:
    """A blank id is no id."""
    problem = id_problem(" \u3000")
    assert problem is not None
    assert problem.reason == "an id cannot be blank"
    assert problem.words("zh") == "编号不能为空白"
