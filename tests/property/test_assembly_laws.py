"""The laws of the meetings that decide by attendance and vote (P-27, V-9, V-31, R-4), of the
composition findings (V-9, PC-2, V-12) and of names written in (V-11), stated as properties."""

from __future__ import annotations

import datetime
from fractions import Fraction

import attrs
from hypothesis import example, given
from hypothesis import strategies as st

from tally import (
    Base,
    Kind,
    Member,
    Motion,
    Reason,
    Voter,
    assembly,
    check_delegates,
    check_nomination,
    check_representatives,
    decide,
    preset,
)
from tally._names import resolver
from tally._threshold import decision, sitting

DAY = datetime.date(2026, 4, 12)
MOTION = preset("cpc-branch-motion-2018")
VILLAGERS = preset("villager-assembly-2018")
REPRESENTATIVES = preset("representative-assembly-2018")
RESIDENTS = preset("residents-assembly-2018")
RECALL = preset("village-recall-2018")

# Each kind with its modes and the integer oracle of its quorum (C-1 … C-3): P-27 半数以上
# (2x >= n), V-9 过半数 (2x > n) or 三分之二以上 (3x >= 2n), R-4 and V-31 过半数 (2x > n).
SITTINGS = [
    (MOTION, None, lambda x, n: 2 * x >= n),
    (VILLAGERS, "direct", lambda x, n: 2 * x > n),
    (VILLAGERS, "household", lambda x, n: 3 * x >= 2 * n),
    (REPRESENTATIVES, None, lambda x, n: 3 * x >= 2 * n),
    (RESIDENTS, "direct", lambda x, n: 2 * x > n),
    (RESIDENTS, "household", lambda x, n: 2 * x > n),
    (RESIDENTS, "group-representatives", lambda x, n: 2 * x > n),
    (RECALL, None, lambda x, n: 2 * x > n),
]
BASES = {
    (MOTION.id, None): Base.REQUIRED,
    (VILLAGERS.id, "direct"): Base.VILLAGERS,
    (VILLAGERS.id, "household"): Base.HOUSEHOLDS,
    (REPRESENTATIVES.id, None): Base.ASSEMBLY,
    (RESIDENTS.id, "direct"): Base.RESIDENTS,
    (RESIDENTS.id, "household"): Base.HOUSEHOLDS,
    (RESIDENTS.id, "group-representatives"): Base.GROUP_REPRESENTATIVES,
    (RECALL.id, None): Base.REGISTERED,
}


@given(case=st.sampled_from(SITTINGS), attending=st.integers(0, 3_000), base=st.integers(0, 3_000))
@example(case=SITTINGS[0], attending=5, base=10)  # P-27: exactly half sits
@example(case=SITTINGS[1], attending=5, base=10)  # V-9: exactly half does not
@example(case=SITTINGS[3], attending=10, base=15)  # V-9: exactly two thirds sits
def test_each_quorum_equals_its_integer_oracle(case: tuple, attending: int, base: int) -> None:
    """P-27, V-9, R-4, V-31, C-3: whether a meeting sits is exactly its oracle on integers, and
    `least` is the least attendance that sits."""
    book, mode, oracle = case
    test = sitting(book, BASES[book.id, mode])
    assert test.met(attending, base) is oracle(attending, base)
    needed = test.least(base)
    assert test.met(needed, base)
    assert needed == 0 or not test.met(needed - 1, base)


@given(book=st.sampled_from([MOTION, VILLAGERS, REPRESENTATIVES, RESIDENTS, RECALL]), votes=st.integers(0, 3_000),
       base=st.integers(0, 3_000))  # fmt: skip
@example(book=MOTION, votes=6, base=12)  # exactly half of the required attendance fails
def test_each_decision_equals_its_integer_oracle(book: object, votes: int, base: int) -> None:
    """P-27, V-9, V-31, R-4 (过半数, C-2): a motion passes exactly when 2·for > base."""
    test = decision(book)  # type: ignore[arg-type]
    assert test.met(votes, base) is (2 * votes > base)
    assert test.least(base) == base // 2 + 1


@st.composite
def sittings(draw: st.DrawFn) -> tuple:
    """A kind and mode, a roll for it, and who came (a subset, one per household where the
    meeting sits by households)."""
    book, mode, oracle = draw(st.sampled_from(SITTINGS))
    n = draw(st.integers(0, 30))
    if book is MOTION:
        kinds = st.sampled_from([("full", "full")] * 4 + [("probationary", "full"), ("full", "probation")])
        roll: list = []
        for i in range(n):
            standing, rights = draw(kinds)
            roll.append(Member(f"M{i:02}", standing=standing, rights=rights))
    else:
        homes = draw(st.integers(1, 10))
        roll = []
        for i in range(n):
            young = draw(st.integers(0, 9)) == 0
            born = datetime.date(2010, 1, 1) if young else None
            roll.append(Voter(f"V{i:02}", household=f"H{draw(st.integers(1, homes))}", born=born))
    ids = [p.id for p in roll]
    present = draw(st.lists(st.sampled_from(ids), unique=True)) if ids else []
    if mode == "household":
        seen: set[str | None] = set()
        kept = []
        for who in present:
            home = next(v.household for v in roll if v.id == who)
            if home not in seen:
                seen.add(home)
                kept.append(who)
        present = kept
    return book, mode, oracle, roll, present


@given(data=sittings())
def test_a_whole_sitting_agrees_with_its_oracle(data: tuple) -> None:
    """The sitting's own figures: it sits exactly when its oracle says so, those counted never
    exceed the base, and `needed` is where sitting begins."""
    book, mode, oracle, roll, present = data
    a = assembly(roll, present=present, mode=mode, rulebook=book, day=DAY)
    assert a.sits is oracle(a.attending, a.base)
    assert a.sits is (a.attending >= a.needed)
    assert 0 <= a.attending <= a.base
    assert a.steps[-1].rule == a.test.rule


@given(data=sittings(), extra=st.data())
def test_one_more_present_never_unseats_a_meeting(data: tuple, extra: st.DataObject) -> None:
    """Attendance is monotone: one more person signing in never turns a sitting meeting into one
    that may not decide."""
    book, mode, _, roll, present = data
    if mode == "household":
        taken = {v.household for v in roll if v.id in present}
        absent = [v.id for v in roll if v.id not in present and v.household not in taken]
    else:
        absent = [p.id for p in roll if p.id not in present]
    if not absent:
        return
    before = assembly(roll, present=present, mode=mode, rulebook=book, day=DAY)
    after = assembly(roll, present=[*present, extra.draw(st.sampled_from(absent))], mode=mode, rulebook=book, day=DAY)
    assert not before.sits or after.sits


@given(data=sittings(), votes=st.lists(st.integers(0, 30), min_size=1, max_size=4), seed=st.randoms())
def test_decisions_agree_with_the_oracle_in_any_order(data: tuple, votes: list[int], seed: object) -> None:
    """A motion passes exactly when the meeting sits and 2·for > its base; the order of the
    motions changes no decision."""
    book, mode, _, roll, present = data
    a = assembly(roll, present=present, mode=mode, rulebook=book, day=DAY)
    motions = [Motion(f"m{i}", for_=min(v, a.attending)) for i, v in enumerate(votes)]
    d = decide(motions, assembly=a)
    base = a.base if decision(book).base is Base.REQUIRED else a.attending
    for r in d.motions:
        assert r.passed is (a.sits and 2 * r.motion.for_ > base)
        assert r.decided is a.sits
    shuffled = list(motions)
    seed.shuffle(shuffled)  # type: ignore[attr-defined]
    again = decide(shuffled, assembly=a)
    assert {k: v.passed for k, v in again.items()} == {k: v.passed for k, v in d.items()}


@given(
    reps=st.integers(0, 40),
    committee=st.integers(0, 10),
    women=st.integers(0, 40),
    unknown=st.integers(0, 5),
)
@example(reps=12, committee=3, women=5, unknown=0)  # exactly 4/5 and exactly 1/3
def test_representative_composition_agrees_with_the_oracle(reps: int, committee: int, women: int, unknown: int) -> None:
    """V-9 (以上, inclusive): representatives 5r >= 4n and women representatives 3w >= n; with
    members whose role is not recorded, "cannot tell" exactly where they could decide it."""
    women = min(women, reps)
    roll = [Voter(f"R{i}", sex="F" if i < women else "M") for i in range(reps)]
    roll += [Voter(f"C{i}", sex="M") for i in range(committee)]
    roll += [Voter(f"U{i}", sex="M") for i in range(unknown)]
    roles = {f"R{i}": "representative" for i in range(reps)} | {f"C{i}": "committee-member" for i in range(committee)}
    n = reps + committee + unknown
    shares, female = check_representatives(roll, roles=roles, rulebook=REPRESENTATIVES)
    if 5 * reps >= 4 * n:
        assert shares.status == "met"
    elif unknown and 5 * (reps + unknown) >= 4 * n:
        assert shares.status == "cannot tell"
    else:
        assert shares.status == "not met"
    assert female.status == ("met" if 3 * women >= n else "not met")  # the unknown are men here


@given(delegates=st.integers(0, 1_000))
def test_delegates_agree_with_the_oracle(delegates: int) -> None:
    """PC-2: at most 300 (not met above), generally 100 to 200."""
    most, usual = check_delegates(delegates, rulebook=preset("cpc-conference-2020"))
    assert (most.status == "met") is (delegates <= 300)
    assert (usual.status == "met") is (100 <= delegates <= 200)


@given(registered=st.integers(0, 3_000), share=st.integers(0, 100))
def test_nomination_agrees_with_the_oracle(registered: int, share: int) -> None:
    """V-12: the nomination is valid exactly when 2·took part > registered (浙江, 河南)."""
    took = registered * share // 100
    f = check_nomination(took, registered=registered, rulebook=preset("village-henan-2011"))
    assert (f.status == "met") is (2 * took > registered)


NAMES = ["王伟", "李娜", "张敏", "刘洋"]


@given(
    people=st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(["一组", "二组", "三组"])), max_size=12),
    written=st.sampled_from([*NAMES, "赵强", *(f"{n}({g})" for n in NAMES for g in ("一组", "二组", "九组"))]),
    seed=st.randoms(),
)
def test_a_written_name_is_never_guessed(people: list, written: str, seed: object) -> None:
    """V-11: a name is read as a roll id only when exactly one person on the roll has that name
    (and, where the paper gives one, that detail); otherwise it is void with its reason, the same
    whatever the order of the roll."""
    roll = [Voter(f"V{i:02}", name=n, household=g) for i, (n, g) in enumerate(people)]
    name, _, rest = written.partition("(")
    detail = rest.rstrip(")") or None
    same = [v for v in roll if v.name == name]
    fitting = [v for v in same if detail is None or detail in (v.id, v.household)]
    got = resolver(roll)(written)
    if len(fitting) == 1:
        assert got == (fitting[0].id, None)
    elif not same:
        assert got == (None, Reason.NAME_NOT_ON_ROLL)
    elif not fitting:
        assert got == (None, Reason.NAME_DETAIL_MISMATCH)
    else:
        assert got == (None, Reason.NAME_AMBIGUOUS)
    shuffled = list(roll)
    seed.shuffle(shuffled)  # type: ignore[attr-defined]
    assert resolver(shuffled)(written) == got


def test_the_strategies_reach_every_kind() -> None:
    """The table of sittings covers every kind of meeting that decides."""
    assert {book.kind for book, _, _ in SITTINGS} == {
        Kind.PARTY_MOTION,
        Kind.VILLAGER_ASSEMBLY,
        Kind.REPRESENTATIVE_ASSEMBLY,
        Kind.RESIDENTS_ASSEMBLY,
        Kind.VILLAGE_RECALL,
    }
    assert attrs.evolve(VILLAGERS, household_quorum=Fraction(3, 4)).household_quorum == Fraction(3, 4)
