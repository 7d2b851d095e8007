"""The laws of attendance and quorum, stated as properties."""

from __future__ import annotations

import attrs
from hypothesis import example, given
from hypothesis import strategies as st

from tally import Code, Exclusion, Member, meeting, preset
from tally._meeting import least_present, quorum_met

from strategies import meetings

PARTY = preset("cpc-basic-2020")
BOOKS = st.sampled_from([PARTY, attrs.evolve(PARTY, quorum_inclusive=True)])


@given(present=st.integers(0, 2_000), required=st.integers(0, 2_000), book=BOOKS)
@example(present=0, required=0, book=PARTY)
@example(present=32, required=40, book=PARTY)
def test_quorum_equals_its_integer_oracle(present: int, required: int, book: object) -> None:
    """P-10, P-10a, C-3: met is exactly `present*5 > required*4` (`>=` when inclusive), and
    `needed` is the least attendance that meets it."""
    assert isinstance(book, type(PARTY))
    oracle = present * 5 >= required * 4 if book.quorum_inclusive else present * 5 > required * 4
    assert quorum_met(present, required, book) is oracle
    needed = least_present(required, book)
    assert quorum_met(needed, required, book)
    assert needed == 0 or not quorum_met(needed - 1, required, book)


@given(data=meetings(), book=BOOKS)
def test_meeting_quorum_agrees_with_oracle(data: tuple, book: object) -> None:
    """P-10 on whole meetings: the result's `met` equals the oracle on its own figures."""
    roll, present, excl = data
    q = meeting(roll, present=present, exclusions=excl, rulebook=book).quorum  # type: ignore[arg-type]
    inclusive = book.quorum_inclusive  # type: ignore[attr-defined]
    oracle = q.present * 5 >= q.required * 4 if inclusive else q.present * 5 > q.required * 4
    assert q.met is oracle
    assert q.met is (q.present >= q.needed)
    assert 0 <= q.present <= q.electorate
    assert 0 <= q.required <= q.electorate


@given(data=meetings(), book=BOOKS, newcomer=st.data())
def test_adding_a_present_member_never_breaks_quorum(data: tuple, book: object, newcomer: st.DataObject) -> None:
    """One more member signing in never turns a valid meeting invalid."""
    roll, present, excl = data
    before = meeting(roll, present=present, exclusions=excl, rulebook=book)  # type: ignore[arg-type]
    excluded = set(before.excluded)
    absent = [m.id for m in roll if m.id not in set(present) and m.id not in excluded]
    if not absent:
        return
    extra = newcomer.draw(st.sampled_from(absent))
    after = meeting(roll, present=[*present, extra], exclusions=excl, rulebook=book)  # type: ignore[arg-type]
    assert after.quorum.present >= before.quorum.present
    assert not before.quorum.met or after.quorum.met


@given(data=meetings())
def test_an_exclusion_without_both_approvals_changes_nothing(data: tuple) -> None:
    """P-8: dropping every exclusion that lacks an approval leaves the required attendance as
    it was; so does adding one more that lacks an approval."""
    roll, present, excl = data
    full = meeting(roll, present=present, exclusions=excl, rulebook=PARTY)
    approved = [e for e in excl if e.upper_approved and e.meeting_approved]
    assert meeting(roll, present=present, exclusions=approved, rulebook=PARTY).quorum == full.quorum
    spare = [m.id for m in roll if m.in_electorate and m.id not in {e.member for e in excl}]
    if spare:
        half = [*excl, Exclusion(spare[0], "abroad", upper_approved=True)]
        assert meeting(roll, present=present, exclusions=half, rulebook=PARTY).quorum.required == full.quorum.required


@given(data=meetings(), order=st.randoms(use_true_random=False))
def test_shuffling_the_roll_changes_nothing(data: tuple, order: object) -> None:
    """The order of the roll, of the sign-in and of the exclusions never changes the quorum."""
    import random

    assert isinstance(order, random.Random)
    roll, present, excl = data
    before = meeting(roll, present=present, exclusions=excl, rulebook=PARTY)
    roll2, present2, excl2 = list(roll), list(present), list(excl)
    order.shuffle(roll2)
    order.shuffle(present2)
    order.shuffle(excl2)
    after = meeting(roll2, present=present2, exclusions=excl2, rulebook=PARTY)
    assert after.quorum == before.quorum
    assert sorted(after.excluded) == sorted(before.excluded)
    assert sorted(after.not_counted) == sorted(before.not_counted)


@given(data=meetings(), book=BOOKS)
def test_explanation_numbers_equal_the_result(data: tuple, book: object) -> None:
    """The steps' numbers are the result's numbers: P-5 electorate, P-6 required, P-11
    present, the quorum step's needed and code, and the test it applied."""
    roll, present, excl = data
    m = meeting(roll, present=present, exclusions=excl, rulebook=book)  # type: ignore[arg-type]
    by_code = {s.code: s for s in m.steps if s.subject is None}
    q = m.quorum
    assert by_code[Code.ELECTORATE].numbers["electorate"] == q.electorate
    assert by_code[Code.REQUIRED_ATTENDANCE].numbers["required"] == q.required
    assert by_code[Code.REQUIRED_ATTENDANCE].numbers["excluded"] == len(m.excluded)
    assert by_code[Code.PRESENT_ELECTORATE].numbers["present"] == q.present
    assert (Code.QUORUM_MET in by_code, Code.QUORUM_NOT_MET in by_code) == (q.met, not q.met)
    final = by_code[Code.QUORUM_MET if q.met else Code.QUORUM_NOT_MET]
    assert (final.numbers["present"], final.numbers["required"], final.numbers["needed"]) == (
        q.present,
        q.required,
        q.needed,
    )
    assert final.test is not None
    assert (final.rule, final.test.met(q.present, q.required), final.test.least(q.required)) == (
        final.test.rule,
        q.met,
        q.needed,
    )
    subjects = [s.subject for s in m.steps if s.code is Code.PRESENT_NOT_COUNTED]
    assert subjects == list(m.not_counted)
    assert [s.subject for s in m.steps if s.code is Code.EXCLUDED] == list(m.excluded)
    kept = [o for o in m.exclusions if not o.excluded]
    assert [(s.subject, s.reason) for s in m.steps if s.code is Code.NOT_EXCLUDED] == [
        (o.exclusion.member, r) for o in kept for r in o.reasons
    ]


@given(n=st.integers(1, 30), data=st.data())
def test_required_is_electorate_less_effective_exclusions(n: int, data: st.DataObject) -> None:
    """P-6: required = electorate − the exclusions with a listed category and both approvals."""
    roll = [Member(f"M{i:02}") for i in range(n)]
    chosen = data.draw(st.lists(st.sampled_from([m.id for m in roll]), unique=True))
    excl = [
        Exclusion(i, "bedridden", upper_approved=data.draw(st.booleans()), meeting_approved=data.draw(st.booleans()))
        for i in chosen
    ]
    q = meeting(roll, present=[], exclusions=excl, rulebook=PARTY).quorum
    assert q.required == n - sum(e.upper_approved and e.meeting_approved for e in excl)
