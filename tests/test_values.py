"""Members, rolls, rulebooks and errors: the invariants of one value each."""

from __future__ import annotations

import datetime
from fractions import Fraction

import attrs
import pytest

from tally import (
    PRESETS,
    Code,
    Exclusion,
    FrozenMap,
    Kind,
    Member,
    Problem,
    Reason,
    RecordError,
    Rights,
    Roll,
    RuleError,
    Standing,
    Step,
    TallyError,
    preset,
)


def test_member_defaults_are_full_standing_and_rights() -> None:
    """P-1: a member with no standing or rights given is a full member with rights."""
    m = Member("M01")
    assert (m.standing, m.rights, m.in_electorate) == (Standing.FULL, Rights.FULL, True)


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [({"standing": "lapsed"}, "standing"), ({"rights": "none"}, "rights"), ({"born": "1980-01-01"}, "born")],
)
def test_member_rejects_unknown_values(kwargs: dict, path: str) -> None:
    """A value outside its field's range is our RecordError, naming the field."""
    with pytest.raises(RecordError) as caught:
        Member("M01", **kwargs)
    assert caught.value.path == path


@pytest.mark.parametrize("bad", ["", "  ", None, 7])
def test_member_id_must_be_a_nonblank_string(bad: object) -> None:
    """Every id is a non-empty string."""
    with pytest.raises(RecordError, match=r"^id: must be a non-empty string"):
        Member(bad)  # type: ignore[arg-type]


def test_member_born_takes_a_date() -> None:
    """`born` is a date (ages are judged on the election day, C-4)."""
    assert Member("M01", born=datetime.date(1980, 2, 1)).born == datetime.date(1980, 2, 1)


def test_roll_reports_every_duplicate_and_non_member() -> None:
    """A roll lists each id once; all duplicates are reported together with their paths."""
    with pytest.raises(RecordError) as caught:
        Roll([Member("A"), Member("B"), Member("A"), "C", Member("B")])  # type: ignore[list-item]
    assert [str(p) for p in caught.value.problems] == [
        "roll[2].id: duplicate id 'A' (first at roll[0])",
        "roll[3]: must be a Member, not 'C'",
        "roll[4].id: duplicate id 'B' (first at roll[1])",
    ]


def test_roll_lookup_and_electorate_in_roll_order() -> None:
    """A roll finds members by id and lists the electorate in roll order."""
    roll = Roll([Member("B"), Member("A", rights="suspended"), Member("C")])
    assert ("A" in roll, "Z" in roll, roll["C"].id, roll.position("C")) == (True, False, "C", 2)
    assert roll.electorate == ("B", "C")


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"upper_approved": "yes"}, "upper_approved"),
        ({"meeting_approved": 1}, "meeting_approved"),
        ({"category": ""}, "category"),
    ],
)
def test_exclusion_fields_are_typed(kwargs: dict, path: str) -> None:
    """An approval is true or false, never a truthy stand-in; the category is named."""
    args = {"member": "M01", "category": "abroad", **kwargs}
    with pytest.raises(RecordError) as caught:
        Exclusion(**args)
    assert caught.value.path == path


def test_presets_by_id() -> None:
    """Both party presets are addressable by id and carry the national defaults."""
    assert set(PRESETS) == {
        "cpc-basic-2020",
        "cpc-conference-2020",
        "village-national-2018",
        "village-beijing-2012",
        "village-zhejiang-2020",
        "village-shanghai-2020",
        "village-henan-2011",
        "residents-national-2018",
        # meetings that decide by attendance and vote (issue 16)
        "cpc-branch-motion-2018",
        "villager-assembly-2018",
        "representative-assembly-2018",
        "residents-assembly-2018",
        "village-recall-2018",
    }
    for id, book in PRESETS.items():
        assert book.id == id
        if book.kind in (Kind.PARTY_MEETING, Kind.PARTY_CONFERENCE, Kind.PARTY_MOTION):
            assert (book.quorum, book.quorum_inclusive) == (Fraction(4, 5), False)
        else:
            assert (book.turnout, book.majority_base, book.proxies_allowed) == (Fraction(1, 2), "voted", True)
    assert preset("cpc-basic-2020").kind is Kind.PARTY_MEETING
    assert preset("cpc-conference-2020").exclusions_apply is False


def test_unknown_preset_names_the_known_ones() -> None:
    """An unknown preset id is a RuleError at `rulebook` that lists the ids there are."""
    with pytest.raises(RuleError, match="cpc-basic-2020, cpc-conference-2020, village-national-2018") as caught:
        preset("nope")
    assert caught.value.path == "rulebook"


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"quorum": Fraction(0)}, "quorum"),
        ({"quorum": 0.8}, "quorum"),
        ({"quorum": Fraction(1)}, "quorum"),
        ({"exclusion_categories": "abroad"}, "exclusion_categories"),
    ],
)
def test_rulebook_rejects_impossible_fields(change: dict, path: str) -> None:
    """A quorum outside (0, 1], a float, a strict quorum of all, or a bare string for the
    category set are RuleErrors naming the field."""
    with pytest.raises(RuleError) as caught:
        attrs.evolve(preset("cpc-basic-2020"), **change)
    assert caught.value.path == path


def test_rulebook_unknown_kind_is_our_error() -> None:
    """An unknown kind is our error, not a bare ValueError from the enum."""
    with pytest.raises(TallyError):
        attrs.evolve(preset("cpc-basic-2020"), kind="choir")


def test_errors_are_value_errors_with_paths() -> None:
    """RecordError and RuleError are TallyErrors and ValueErrors; `within` prefixes paths."""
    err = RecordError([Problem("id", "empty"), Problem("[2]", "bad")]).within("roll[3]")
    assert isinstance(err, TallyError)
    assert isinstance(err, ValueError)
    assert [p.path for p in err.problems] == ["roll[3].id", "roll[3][2]"]
    with pytest.raises(ValueError, match="at least one problem"):
        RecordError([])


def test_values_are_hashable() -> None:
    """Frozen values hash, steps and their numbers included."""
    s = Step(Code.QUORUM_MET, "P-10", numbers={"present": 1})
    assert hash(s) == hash(Step(Code.QUORUM_MET, "P-10", numbers=FrozenMap({"present": 1})))
    assert len({Member("M01"), Member("M01")}) == 1
    assert s.to_dict() == {"rule": "P-10", "finding": "quorum-met", "numbers": {"present": 1}}
    why = Step(Code.INVALID, "V-20", subject="c", reason=Reason.OVER_SELECTED, numbers={"ballots": 2})
    assert hash(why) == hash(
        Step(Code.INVALID, "V-20", subject="c", reason=Reason.OVER_SELECTED, numbers={"ballots": 2})
    )
    assert why.to_dict() == {
        "rule": "V-20",
        "finding": "invalid",
        "subject": "c",
        "reason": "over-selected",
        "numbers": {"ballots": 2},
    }
