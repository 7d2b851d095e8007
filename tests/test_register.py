"""The shared roll container: ordinary people kept as their ids, the same answers as a tuple."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tally import Member, RecordError, Relative, Roll, Voter, VoterRoll, meeting, preset


def test_an_ordinary_member_is_made_again_equal() -> None:
    """A member who is only an id comes back equal to the member given; others come back as given."""
    special = Member("M02", name="李四", standing="probationary")
    roll = Roll([Member("M01"), special, Member("M03")])
    assert roll["M01"] == Member("M01")
    assert roll["M02"] is special
    assert list(roll) == [Member("M01"), special, Member("M03")]
    assert roll.members == (Member("M01"), special, Member("M03"))
    assert list(roll.special()) == [special]


def test_an_ordinary_voter_is_made_again_equal() -> None:
    """A voter who is only an id comes back equal; a voter with a relative or a birth date is kept."""
    kept = Voter("V2", born=datetime.date(2000, 1, 1), relatives=[Relative("V1", "spouse")])
    roll = VoterRoll([Voter("V1"), kept])
    assert roll.voters == (Voter("V1"), kept)
    assert roll["V2"] is kept
    assert list(roll.special()) == [kept]


def test_rolls_compare_by_people_in_order() -> None:
    """Two rolls are equal when they hold the same people in the same order."""
    a = Roll([Member("A"), Member("B", name="x")])
    assert a == Roll([Member("A"), Member("B", name="x")])
    assert hash(a) == hash(Roll([Member("A"), Member("B", name="x")]))
    assert a != Roll([Member("B", name="x"), Member("A")])
    assert a != Roll([Member("A"), Member("B")])


def test_lookups_of_a_roll() -> None:
    """`in`, `[]`, positions and ids answer as a tuple of members would; no member is a KeyError."""
    roll = Roll([Member("B"), Member("A", rights="suspended"), Member("C")])
    assert ("A" in roll, "Z" in roll, ["x"] in roll) == (True, False, False)
    assert dict(roll.positions) == {"B": 0, "A": 1, "C": 2}
    assert list(roll.ids()) == ["B", "A", "C"]
    with pytest.raises(KeyError):
        roll["Z"]


def test_count_by_asks_once_for_all_ordinary_members() -> None:
    """count_by gives the same counts as asking every member."""
    people = [Member("A"), Member("B", standing="probationary"), Member("C"), Member("D", rights="probation")]
    roll = Roll(people)
    assert roll.count_by(lambda m: m.outside_electorate_rule) == {None: 2, "P-2": 1, "P-3": 1}
    assert Roll([]).count_by(lambda m: m.in_electorate) == {}


def test_duplicates_name_their_first_place_among_other_problems() -> None:
    """A duplicate's first place counts the items that were not members and the other duplicates."""
    with pytest.raises(RecordError) as caught:
        Roll(["x", Member("A"), Member("A"), 3, Member("B"), Member("A"), Member("B")])  # type: ignore[list-item]
    assert [str(p) for p in caught.value.problems] == [
        "roll[0]: must be a Member, not 'x'",
        "roll[2].id: duplicate id 'A' (first at roll[1])",
        "roll[3]: must be a Member, not 3",
        "roll[5].id: duplicate id 'A' (first at roll[1])",
        "roll[6].id: duplicate id 'B' (first at roll[4])",
    ]


@given(st.lists(st.sampled_from(["A", "B", "C", "D"]), max_size=8), st.lists(st.booleans(), min_size=8, max_size=8))
def test_first_places_agree_with_a_naive_scan(ids: list[str], plain: list[bool]) -> None:
    """Every duplicate names the first place of its id, as a scan of the input would."""
    people = [Member(who) if p else Member(who, name="n") for who, p in zip(ids, plain, strict=False)]
    firsts = {}
    expected = []
    for i, m in enumerate(people):
        if m.id in firsts:
            expected.append(f"roll[{i}].id: duplicate id {m.id!r} (first at roll[{firsts[m.id]}])")
        else:
            firsts[m.id] = i
    if not expected:
        assert [m.id for m in Roll(people)] == ids
        return
    with pytest.raises(RecordError) as caught:
        Roll(people)
    assert [str(p) for p in caught.value.problems] == expected


def test_sign_in_from_a_list_or_an_iterator_and_its_problems() -> None:
    """A right sign-in list gives the same meeting from a list or an iterator, probationary members
    present and not counted (P-11); a wrong one names every problem in order."""
    roll = [Member(f"M{i}") for i in range(50)] + [Member("P1", standing="probationary")]
    book = preset("cpc-basic-2020")
    present = ["P1", *(f"M{i}" for i in range(0, 50, 2))]
    quick = meeting(roll, present=present, rulebook=book)
    walked = meeting(roll, present=iter(present), rulebook=book)
    assert quick == walked
    assert (quick.present, quick.not_counted) == (tuple(present), ("P1",))
    with pytest.raises(RecordError) as caught:
        meeting(roll, present=[*present, "M0", "ZZ"], rulebook=book)
    assert [str(p) for p in caught.value.problems] == [
        "present[26]: 'M0' signed in twice (first at present[1])",
        "present[27]: 'ZZ' is not on the roll",
    ]


def test_a_roll_pickles_and_copies() -> None:
    """A roll crosses to a worker process (pickle) and copies as the same roll."""
    import copy
    import pickle

    roll = Roll([Member("A"), Member("B", name="x")])
    voters = VoterRoll([Voter("V1"), Voter("V2", household="H1")])
    assert pickle.loads(pickle.dumps(roll)) == roll == copy.deepcopy(roll)
    assert pickle.loads(pickle.dumps(voters)) == voters == copy.deepcopy(voters)
    assert pickle.loads(pickle.dumps(roll))["A"] == Member("A")


def test_declared_ids_are_checked_against_a_roll_as_against_its_people() -> None:
    """A declaration checked against a Roll gives what it gives against the list of its people:
    a name where an id belongs, an id not on the roll."""
    from tally import Declared
    from tally._verify import declared_problems

    people = [Member("V07", name="张伟"), Member("V08"), Member("V09", standing="probationary")]
    said = {"chair": Declared(["张伟", "V08"], votes={"V99": 3, "V09": 1})}
    expected = declared_problems(said, contests=["chair"], roll=people)
    assert [p.path for p in expected] == ["declared.chair.elected[0]", "declared.chair.votes.V99"]
    assert declared_problems(said, contests=["chair"], roll=Roll(people)) == expected


# Each field of a person, with a value that is not its default: a person with any of them is
# kept as given. A field added to Member or Voter must be added here (the test says so).
_NOT_DEFAULT = {
    Member: {
        "name": "张三",
        "standing": "probationary",
        "rights": "suspended",
        "sex": "F",
        "born": datetime.date(1980, 1, 1),
    },
    Voter: {
        "name": "王大",
        "sex": "M",
        "born": datetime.date(2000, 1, 1),
        "registration": "away-opted-in",
        "household": "H1",
        "party_member": False,
        "deprived": True,
        "relatives": [Relative("V9", "spouse")],
    },
}


@pytest.mark.parametrize("cls", [Member, Voter])
def test_anyone_with_more_than_an_id_is_kept_as_given(cls: type) -> None:
    """Every field but the id, set to anything but its default, keeps the person as given, so
    that the roll gives back exactly the person it was given; plain_member and plain_voter make
    exactly Member(id) and Voter(id)."""
    import attrs

    from tally._roll import plain_member
    from tally._voters import plain_voter

    fields = {f.name for f in attrs.fields(cls)} - {"id"}
    assert set(_NOT_DEFAULT[cls]) == fields
    make = Roll if cls is Member else VoterRoll
    for name, value in _NOT_DEFAULT[cls].items():
        person = cls("X1", **{name: value})
        roll = make([person, cls("X2")])
        assert roll["X1"] is person, name
        assert list(roll.special()) == [person]
    plain = plain_member if cls is Member else plain_voter
    assert plain("X3") == cls("X3")
    assert attrs.asdict(plain("X3")) == attrs.asdict(cls("X3"))
