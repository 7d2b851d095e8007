"""One id-indexed container for every kind of roll: party members and voters alike.

A roll of a county's villages holds millions of people, and almost all of them are ordinary: an
id and nothing else (a full member with rights in force; a resident voter with no birth date on
the list, not deprived, with no household or relatives given). Such a person is not kept as an
object: the register keeps their id, in roll order, and makes the value again when asked
(``roll["V0001"]``, iteration). Everyone with anything more (a name, a standing, a birth date, a
relative) is kept as given. So an ordinary person costs their id and one slot of a dictionary,
and the register answers ``id in roll``, ``roll[id]``, ``len`` and iteration as a tuple would.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, KeysView, Mapping
from types import MappingProxyType
from typing import Generic, TypeVar, cast

from ._values import shown
from .errors import Problem, RecordError

__all__ = ["Register"]

P = TypeVar("P")
K = TypeVar("K", bound=Hashable)


class Register(Generic[P]):
    """The people of a roll by id, in roll order; ordinary people kept as their id alone.

    ``plain(person)`` says whether a person equals ``make(person.id)``, the value made again on
    access. With ``bare_ids``, an item may be an id alone, for an ordinary person (the record
    reader gives them so, having checked the id). Every item that is not a *kind*, and every id that comes again, is a
    :class:`~tally.errors.RecordError` naming ``roll[i]`` (all at once).
    """

    __slots__ = ("_make", "_people", "_positions", "_special")

    def __init__(
        self,
        items: Iterable[P | str],
        *,
        kind: type,
        plain: Callable[[P], bool],
        make: Callable[[str], P],
        bare_ids: bool = False,
    ) -> None:
        people: dict[str, P | None] = {}
        problems: list[Problem] = []
        skipped: list[int] = []  # places of the items that are not a *kind*
        twice: list[tuple[int, str]] = []
        special = 0
        for i, item in enumerate(items):
            if bare_ids and type(item) is str:  # an ordinary person given as their id (the record reader)
                if item in people:
                    twice.append((i, item))
                    problems.append(Problem(f"roll[{i}].id", "duplicate-id"))  # its values: _name_first_places
                else:
                    people[item] = None
                continue
            if not isinstance(item, kind):
                problems.append(Problem(f"roll[{i}]", "not-instance", {"type": kind.__name__, "value": shown(item)}))
                skipped.append(i)
                continue
            person = cast(P, item)
            who: str = person.id  # type: ignore[attr-defined]
            if who in people:
                twice.append((i, who))
                problems.append(Problem(f"roll[{i}].id", "duplicate-id"))
                continue
            if plain(person):
                people[who] = None
            else:
                people[who] = person
                special += 1
        if problems:
            raise RecordError(_name_first_places(problems, twice, people, skipped))
        self._people = people
        self._make = make
        self._special = special
        self._positions: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self._people)

    def __contains__(self, id: object) -> bool:
        try:
            return id in self._people
        except TypeError:  # unhashable: no such id
            return False

    def __getitem__(self, id: str) -> P:
        """The person with this id; a :class:`KeyError` if there is none."""
        person = self._people[id]
        return self._make(id) if person is None else person

    def __iter__(self) -> Iterator[P]:
        make = self._make
        for who, person in self._people.items():
            yield make(who) if person is None else person

    def ids(self) -> KeysView[str]:
        """The ids in roll order, as a set-like view; no value made."""
        return self._people.keys()

    def special(self) -> Iterator[P]:
        """The people kept as given (anything more than an id), in roll order."""
        return (p for p in self._people.values() if p is not None)

    def count_by(self, key: Callable[[P], K]) -> Counter[K]:
        """How many people have each value of ``key(person)``, for a *key* that does not look at
        the id (a standing, an eligibility): ordinary people are all alike, so *key* is asked
        once for all of them."""
        counts: Counter[K] = Counter(key(p) for p in self.special())
        ordinary = len(self._people) - self._special
        if ordinary:
            first = next(who for who, p in self._people.items() if p is None)
            counts[key(self._make(first))] += ordinary
        return counts

    def positions(self) -> Mapping[str, int]:
        """Every id with its place in the roll (read-only), made on the first call and kept."""
        if self._positions is None:
            self._positions = {who: i for i, who in enumerate(self._people)}
        return MappingProxyType(self._positions)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Register):
            return NotImplemented
        # Ordinary people are None on both sides, so equal rolls hold equal entries in equal order.
        return self._people == other._people and list(self._people) == list(other._people)

    def __hash__(self) -> int:
        return hash(tuple(self._people.items()))

    def __repr__(self) -> str:
        return repr(list(self))


def _name_first_places(
    problems: list[Problem], twice: list[tuple[int, str]], people: Mapping[str, object], skipped: list[int]
) -> list[Problem]:
    """Fill in each duplicate id's problem with the place where that id came first; worked out
    only when a roll is wrong, so that a right roll keeps no place per person."""
    if not twice:
        return problems
    first: dict[str, int] = {}
    gaps = iter(sorted([*skipped, *(i for i, _ in twice)]))
    gap = next(gaps, None)
    place = 0
    for who in people:  # the kept ids in order; the places between went to skipped or repeated items
        while gap is not None and gap == place:
            place += 1
            gap = next(gaps, None)
        first[who] = place
        place += 1
    values = iter({"id": shown(who), "first": f"roll[{first[who]}]"} for _, who in twice)
    return [Problem(p.path, "duplicate-id", next(values)) if p.code == "duplicate-id" else p for p in problems]
