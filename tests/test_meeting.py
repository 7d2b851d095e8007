"""The meeting: exclusions, required attendance and quorum (P-5 … P-11, PC-3)."""

from __future__ import annotations

import attrs
import pytest

from tally import Code, Exclusion, Member, Reason, RecordError, RuleError, meeting, preset
from tally._meeting import least_present, quorum_met
from tally.examples import ex_p_01, ex_p_01_roll

PARTY = preset("cpc-basic-2020")


def _full(n: int) -> list[Member]:
    return [Member(f"M{i:02}") for i in range(1, n + 1)]


def _present(n: int) -> list[str]:
    return [f"M{i:02}" for i in range(1, n + 1)]


def test_ex_p_01_required_attendance() -> None:
    """EX-P-01: 50 on the roll, E = 44, two approved exclusions, R = 42."""
    m = ex_p_01()
    assert (m.quorum.electorate, m.quorum.required) == (44, 42)
    assert m.excluded == ("M01", "M02")
    outcomes = {o.exclusion.member: o.reasons for o in m.exclusions}
    assert outcomes == {
        "M01": (),
        "M02": (),
        "M03": (Reason.NO_MEETING_APPROVAL,),
        "M04": (Reason.CATEGORY_NOT_LISTED,),
    }


def test_ex_p_01_quorum_at_34_and_33() -> None:
    """EX-P-01: A*5 > 168, so 34 present make a valid meeting and 33 do not; the three
    probationary members present are not counted."""
    valid, invalid = ex_p_01(present=34), ex_p_01(present=33)
    assert (valid.quorum.present, valid.quorum.needed, valid.quorum.met) == (34, 34, True)
    assert (invalid.quorum.present, invalid.quorum.needed, invalid.quorum.met) == (33, 34, False)
    assert valid.not_counted == ("P1", "P2", "P3")


def test_ex_p_01_roll_has_the_stated_standing() -> None:
    """EX-P-01's roster: 4 probationary, 1 under 留党察看, 1 suspended, 44 full with rights."""
    roll = ex_p_01_roll()
    assert len(roll) == 50
    assert sum(m.in_electorate for m in roll) == 44
    assert sorted(m.outside_electorate_rule or "" for m in roll if not m.in_electorate) == [
        "P-2",
        "P-2",
        "P-2",
        "P-2",
        "P-3",
        "P-4",
    ]


@pytest.mark.parametrize(
    ("required", "strict_needed", "inclusive_needed"),
    [(0, 1, 0), (1, 1, 1), (4, 4, 4), (5, 5, 4), (10, 9, 8), (40, 33, 32), (42, 34, 34)],
)
def test_least_present_strict_and_inclusive(required: int, strict_needed: int, inclusive_needed: int) -> None:
    """P-10 and P-10a: the least attendance for a valid meeting, at and around exact 4/5."""
    inclusive = attrs.evolve(PARTY, quorum_inclusive=True)
    assert least_present(required, PARTY) == strict_needed
    assert least_present(required, inclusive) == inclusive_needed


def test_exactly_four_fifths_fails_strict_and_passes_inclusive() -> None:
    """P-10: 32 of 40 is exactly 4/5 and not 超过; P-10a tolerates it."""
    assert quorum_met(32, 40, PARTY) is False
    assert quorum_met(33, 40, PARTY) is True
    assert quorum_met(32, 40, attrs.evolve(PARTY, quorum_inclusive=True)) is True


def test_meeting_reports_every_problem_at_once() -> None:
    """Malformed input: all problems come back in one RecordError, each with its path."""
    roll = [*_full(3), Member("P1", standing="probationary")]
    with pytest.raises(RecordError) as caught:
        meeting(
            roll,
            present=["M01", "M99", "M01", 7],
            exclusions=[
                Exclusion("M88", "abroad"),
                Exclusion("P1", "abroad", upper_approved=True, meeting_approved=True),
                Exclusion("M02", "abroad"),
                Exclusion("M02", "bedridden"),
            ],
            rulebook=PARTY,
        )
    assert [p.path for p in caught.value.problems] == [
        "exclusions[0].member",
        "exclusions[1].member",
        "exclusions[3].member",
        "present[1]",
        "present[2]",
        "present[3]",
    ]
    assert "probationary" in caught.value.problems[1].reason
    assert "signed in twice" in caught.value.problems[4].reason


def test_an_excluded_member_who_signs_in_is_a_contradiction() -> None:
    """P-8: an approved exclusion is for an absent member; signing in contradicts it."""
    with pytest.raises(RecordError, match=r"present\[0\]: 'M01' signed in, but exclusions\[0\]"):
        meeting(
            _full(5),
            present=["M01"],
            exclusions=[Exclusion("M01", "abroad", upper_approved=True, meeting_approved=True)],
            rulebook=PARTY,
        )


def test_an_unapproved_exclusion_may_sign_in() -> None:
    """P-8: an exclusion without both approvals leaves the member in the base, present or not."""
    m = meeting(_full(5), present=["M01"], exclusions=[Exclusion("M01", "abroad")], rulebook=PARTY)
    assert (m.quorum.required, m.quorum.present) == (5, 1)


def test_exclusion_without_category_listed_by_the_rulebook() -> None:
    """OQ-P8: a rulebook that follows the five-item list does not exclude "retired-away"."""
    five = attrs.evolve(PARTY, exclusion_categories=PARTY.exclusion_categories - {"retired-away"})
    excl = [Exclusion("M01", "retired-away", upper_approved=True, meeting_approved=True)]
    assert meeting(_full(5), present=[], exclusions=excl, rulebook=PARTY).quorum.required == 4
    kept = meeting(_full(5), present=[], exclusions=excl, rulebook=five)
    assert kept.quorum.required == 5
    assert kept.exclusions[0].reasons == (Reason.CATEGORY_NOT_LISTED,)
    assert [(s.code, s.rule, s.reason) for s in kept.steps if s.subject == "M01"] == [
        (Code.NOT_EXCLUDED, "P-7", Reason.CATEGORY_NOT_LISTED)
    ]


def test_conference_does_not_exclude_delegates() -> None:
    """PC-4: the conference preset keeps every delegate in the base and says why."""
    excl = [Exclusion("M01", "bedridden", upper_approved=True, meeting_approved=True)]
    m = meeting(_full(10), present=_present(9)[1:], exclusions=excl, rulebook=preset("cpc-conference-2020"))
    assert m.quorum.required == 10
    assert m.exclusions[0].reasons == (Reason.EXCLUSIONS_DO_NOT_APPLY,)
    assert [(s.code, s.rule, s.reason) for s in m.steps if s.subject == "M01"] == [
        (Code.NOT_EXCLUDED, "PC-4", Reason.EXCLUSIONS_DO_NOT_APPLY)
    ]
    assert m.steps[-1].rule == "PC-3"


def test_meeting_needs_a_party_rulebook() -> None:
    """A rulebook that is not a Rulebook is our error, named at `rulebook`."""
    with pytest.raises(RuleError, match="rulebook: must be a party rulebook"):
        meeting(_full(3), present=[], rulebook="cpc-basic-2020")  # type: ignore[arg-type]


def test_steps_name_the_rule_of_each_decision() -> None:
    """Every decision of a meeting is a step with its code and rule ID, in order."""
    m = ex_p_01()
    assert [(s.code, s.rule, s.subject, s.reason) for s in m.steps] == [
        (Code.ELECTORATE, "P-5", None, None),
        (Code.EXCLUDED, "P-8", "M01", None),
        (Code.EXCLUDED, "P-8", "M02", None),
        (Code.NOT_EXCLUDED, "P-8", "M03", Reason.NO_MEETING_APPROVAL),
        (Code.NOT_EXCLUDED, "P-7", "M04", Reason.CATEGORY_NOT_LISTED),
        (Code.PRESENT_NOT_COUNTED, "P-2", "P1", Reason.PROBATIONARY),
        (Code.PRESENT_NOT_COUNTED, "P-2", "P2", Reason.PROBATIONARY),
        (Code.PRESENT_NOT_COUNTED, "P-2", "P3", Reason.PROBATIONARY),
        (Code.REQUIRED_ATTENDANCE, "P-6", None, None),
        (Code.PRESENT_ELECTORATE, "P-11", None, None),
        (Code.QUORUM_MET, "P-10", None, None),
    ]
    assert dict(m.steps[-1].numbers) == {
        "present": 34,
        "required": 42,
        "needed": 34,
        "numerator": 4,
        "denominator": 5,
    }


def test_empty_roll_is_inquorate() -> None:
    """P-10: with nobody to attend, nothing exceeds 4/5 of 0; the meeting is not valid."""
    m = meeting([], present=[], rulebook=PARTY)
    assert (m.quorum.required, m.quorum.present, m.quorum.needed, m.quorum.met) == (0, 0, 1, False)
