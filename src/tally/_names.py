"""Names written in an election without candidates (自荐直选, 无候选人选举, V-11).

In such an election nobody is nominated: every mark on a paper is a person written in, and what
the voter writes is a name, not the roll's id. Counting needs the id, so each written name is
matched to the roll, and the rules say nothing about a name that cannot be matched: tally never
guesses one. What is written (a ``write_in`` entry of the record) is read as

- a roll id, when it is one (a paper that gives the voter's number: ``V07``);
- otherwise a name, matched **exactly** to the roll's names (the same characters once NFKC and
  trimming are applied, as for ids: ``王伟`` is not ``王 伟`` and not ``王炜``), optionally with a
  detail in brackets that tells two people of the same name apart (同名同姓):
  ``王伟（三组）`` or ``王伟(1975)``. The detail is compared exactly with each same-named
  person's id, household, date of birth (``1975-03-02``) and year of birth (``1975``).

A name on nobody of the roll, a detail that fits none of those named so, and a name that fits two
or more people and is not told apart are each a void mark with its reason (the rest of the paper
counts): :attr:`~tally.Reason.NAME_NOT_ON_ROLL`, :attr:`~tally.Reason.NAME_DETAIL_MISMATCH`,
:attr:`~tally.Reason.NAME_AMBIGUOUS`. The specification has no rule for an ambiguous name; a
void mark is tally's reading, and the docs say so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ._explain import Reason
from ._ids import canonical_id
from ._roll import Member
from ._voters import Voter

__all__ = ["Resolver", "resolver", "written"]

Resolver = Callable[[str], tuple[str | None, Reason | None]]
"""What reads a written mark: the roll id it names, or ``None`` with the reason it is void."""

# A name, then a detail in half- or full-width brackets at the end: 王伟（三组）, 王伟(1975).
_DETAIL = re.compile(r"^(?P<name>[^()（）]+?)\s*[(（](?P<detail>[^()（）]+)[)）]$")


def written(text: str) -> tuple[str, str | None]:
    """A written mark as (name, detail): the detail is what the brackets at its end hold.

    >>> written("王伟（三组）"), written("王伟(1975)"), written(" 李娜 ")
    (('王伟', '三组'), ('王伟', '1975'), ('李娜', None))
    """
    text = canonical_id(text)
    found = _DETAIL.match(text)
    if found is None:
        return text, None
    return canonical_id(found["name"]), canonical_id(found["detail"])


def _details(person: Voter | Member) -> set[str]:
    """What a detail on a paper may name of this person: the id, the household, the date and
    the year of birth."""
    out = {person.id}
    household = getattr(person, "household", None)
    if household:
        out.add(canonical_id(household))
    if person.born is not None:
        out.update({person.born.isoformat(), str(person.born.year)})
    return out


def resolver(people: Iterable[Voter | Member]) -> Resolver:
    """The reader of written marks for this roll (V-11).

    >>> import datetime
    >>> from tally import Voter
    >>> read = resolver([Voter("V07", name="王伟", household="三组"),
    ...                  Voter("V19", name="王伟", household="五组", born=datetime.date(1975, 3, 2)),
    ...                  Voter("V20", name="李娜")])
    >>> read("李娜"), read("V19"), read("王伟（三组）"), read("王伟(1975)")
    (('V20', None), ('V19', None), ('V07', None), ('V19', None))
    >>> read("王伟")
    (None, <Reason.NAME_AMBIGUOUS: 'name-ambiguous'>)
    >>> read("王伟（七组）")
    (None, <Reason.NAME_DETAIL_MISMATCH: 'name-detail-mismatch'>)
    >>> read("张三")
    (None, <Reason.NAME_NOT_ON_ROLL: 'name-not-on-roll'>)
    """
    roll = list(people)
    ids = {p.id for p in roll}
    by_name: dict[str, list[Voter | Member]] = {}
    for person in roll:
        if person.name:
            by_name.setdefault(canonical_id(person.name), []).append(person)

    def resolve(text: str) -> tuple[str | None, Reason | None]:
        if text in ids:
            return text, None  # the voter's number, written on the paper
        name, detail = written(text)
        same = by_name.get(name, [])
        if not same:
            return None, Reason.NAME_NOT_ON_ROLL
        if detail is not None:
            same = [p for p in same if detail in _details(p)]
            if not same:
                return None, Reason.NAME_DETAIL_MISMATCH
        if len(same) > 1:
            return None, Reason.NAME_AMBIGUOUS  # 同名同姓, not told apart: never guessed
        return same[0].id, None

    return resolve
