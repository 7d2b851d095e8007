"""Small building blocks shared by the value classes: a hashable mapping and enum converters."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

import attrs

from .errors import Problem, RecordError, RuleError

E = TypeVar("E", bound=enum.Enum)
V = TypeVar("V")


class FrozenMap(Mapping[str, V]):
    """A read-only, hashable mapping from names to values, keeping insertion order.

    >>> m = FrozenMap({"present": 34, "required": 42})
    >>> m["present"], dict(m), hash(m) == hash(FrozenMap({"required": 42, "present": 34}))
    (34, {'present': 34, 'required': 42}, True)
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[str, V] | None = None) -> None:
        self._data: dict[str, V] = dict(data or {})
        self._hash: int | None = None

    def __getitem__(self, key: str) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"


def int_map(value: Mapping[str, int] | None) -> FrozenMap[int]:
    """Converter: any mapping of names to counts as a :class:`FrozenMap`."""
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


def choice(cls: type[E], field: str, value: Any, error: type[RecordError | RuleError] = RecordError) -> E:
    """An enum member, or its value, as the member; anything else is an *error* (a
    :class:`~tally.errors.RecordError` unless said) at *field* listing the accepted values.

    Converters call it from a named function (which the attrs plugin of mypy needs)."""
    try:
        found = cls._value2member_map_.get(value)  # a member or its value; fast on large rolls
    except TypeError:  # unhashable
        found = None
    if found is not None:
        return found  # type: ignore[return-value]
    accepted = ", ".join(str(m.value) for m in cls)
    raise error(Problem(field, f"{value!r} is not one of {accepted}"))


def nonblank(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    """Validator: a non-empty string (an id, a category)."""
    if not isinstance(value, str) or not value.strip():
        raise RecordError(Problem(attribute.name, f"must be a non-empty string, not {value!r}"))


def boolean(instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    """Validator: ``True`` or ``False``, never a truthy stand-in such as ``"false"`` or ``1``."""
    if not isinstance(value, bool):
        raise RecordError(Problem(attribute.name, f"must be true or false, not {value!r}"))


def optional_date(instance: object, attribute: attrs.Attribute[datetime.date | None], value: object) -> None:
    """Validator: a date, or ``None``."""
    if value is not None and not isinstance(value, datetime.date):
        raise RecordError(Problem(attribute.name, f"must be a date, not {value!r}"))
