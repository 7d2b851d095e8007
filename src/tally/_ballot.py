"""Ballots as raw marks, and the reading of one section under the rules.

A paper is kept as it was marked: per contest, the ids marked 赞成 (``for_``), 不赞成
(``against``), 弃权 (``abstain``), written in (``write_in``) and those whose mark cannot be read
(``unreadable``). How the marks count is decided by :func:`read_section` under a rulebook, so a
recount under other rules reads the same papers again.

P-21: a section that selects more persons than there are seats is invalid. P-19, OQ-P4: a
write-in counts as the rulebook's write-in policy says. A mark that cannot be read, that names
one person twice, or that writes in someone who cannot be elected is void on its own; the rest
of the section counts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from ._contest import Contest, Stage
from ._explain import Reason
from ._rulebook import Rulebook
from ._values import FrozenMap, boolean, id_reason, shown, valid_id
from .errors import Problem, RecordError

__all__ = ["Ballot", "Marks", "Reading", "Scribe", "read_section"]

_MARK_FIELDS = ("for", "against", "abstain", "write_in", "unreadable")


# Lists of ids already found good. A box of a million papers holds a few thousand distinct
# lists, so each is checked once, not once per paper. Bounded, so that it never grows with the
# papers; a pure cache: what is in it never changes an answer.
_GOOD: dict[tuple[str, ...], None] = {}
_GOOD_MAX = 1 << 16


def _checked_ids(value: Iterable[str], name: str) -> tuple[str, ...]:
    """The ids of one mark list as a tuple; a string, or an item that is not an id, is a
    :class:`RecordError` (every bad item at once, as ``for[2]``)."""
    if isinstance(value, str):
        raise RecordError(Problem("", "not-id-list", {"value": shown(value)}))
    ids = value if type(value) is tuple else tuple(value)
    try:
        if ids in _GOOD:
            return ids
    except TypeError:  # an unhashable item, which is no id: named below
        pass
    # An id holds no control characters, which the canonical key of a paper uses as separators.
    problems = [why.at(f"{name}[{i}]") for i, v in enumerate(ids) if (why := id_reason(v)) is not None]
    if problems:
        raise RecordError(problems)
    if len(_GOOD) >= _GOOD_MAX:
        _GOOD.clear()
    _GOOD[ids] = None
    return ids


# One named converter per mark list (the attrs plugin of mypy needs named functions).
def _for(value: Iterable[str]) -> tuple[str, ...]:
    return _checked_ids(value, "for")


def _against(value: Iterable[str]) -> tuple[str, ...]:
    return _checked_ids(value, "against")


def _abstain(value: Iterable[str]) -> tuple[str, ...]:
    return _checked_ids(value, "abstain")


def _write_in(value: Iterable[str]) -> tuple[str, ...]:
    return _checked_ids(value, "write_in")


def _unreadable(value: Iterable[str]) -> tuple[str, ...]:
    return _checked_ids(value, "unreadable")


@attrs.frozen(cache_hash=True)
class Marks:
    """The marks on one contest's section of a paper, as made.

    >>> Marks(for_=["M01", "M04"], against=["M05"], write_in=["M11"])
    Marks(for_=('M01', 'M04'), against=('M05',), abstain=(), write_in=('M11',), unreadable=())
    """

    for_: tuple[str, ...] = attrs.field(default=(), converter=_for)
    against: tuple[str, ...] = attrs.field(default=(), converter=_against)
    abstain: tuple[str, ...] = attrs.field(default=(), converter=_abstain)
    write_in: tuple[str, ...] = attrs.field(default=(), converter=_write_in)
    unreadable: tuple[str, ...] = attrs.field(default=(), converter=_unreadable)
    key: str = attrs.field(init=False, eq=False, repr=False, hash=False)
    """The marks as one string: equal marks, equal strings (ids hold no control characters)."""

    def __attrs_post_init__(self) -> None:
        lists = (self.for_, self.against, self.abstain, self.write_in, self.unreadable)
        object.__setattr__(self, "key", "\x1f".join("\x1e".join(ids) for ids in lists))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Marks:
        """Marks from the record format's names (``for``, ``against``, ``abstain``,
        ``write_in``, ``unreadable``); an unknown name is a :class:`RecordError`.

        >>> Marks.from_dict({"for": ["M01"], "abstain": ["M02"]})
        Marks(for_=('M01',), against=(), abstain=('M02',), write_in=(), unreadable=())
        """
        if not isinstance(data, Mapping):
            raise RecordError(Problem("", "section-not-marks", {"value": shown(data)}))
        unknown = [Problem(str(k), "unknown-mark-list") for k in data if k not in _MARK_FIELDS]
        if unknown:
            raise RecordError(unknown)
        problems: list[Problem] = []
        kwargs: dict[str, tuple[str, ...]] = {}
        for key, value in data.items():
            if isinstance(value, str) or not isinstance(value, list | tuple):
                problems.append(Problem(key, "not-id-list", {"value": shown(value)}))
                continue
            kwargs["for_" if key == "for" else key] = tuple(value)
        if problems:
            raise RecordError(problems)
        return cls(**kwargs)

    def to_dict(self) -> dict[str, list[str]]:
        """The marks under the record format's names, empty lists left out."""
        out = {
            "for": self.for_,
            "against": self.against,
            "abstain": self.abstain,
            "write_in": self.write_in,
            "unreadable": self.unreadable,
        }
        return {k: list(v) for k, v in out.items() if v}


# Sections already read, by their raw marks, so that a million equal sections given as plain
# dictionaries make one Marks value (bounded; a pure cache, like _GOOD).
_SECTIONS: dict[tuple[tuple[str, tuple[str, ...]], ...], Marks] = {}


def _raw_key(marks: object) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    """A plain dictionary of lists of strings as a hashable key, or ``None`` for anything else."""
    if type(marks) is not dict:
        return None
    try:
        raw = tuple((k, tuple(v)) for k, v in marks.items() if type(v) is list or type(v) is tuple)
        if len(raw) != len(marks):
            return None
        hash(raw)
    except TypeError:
        return None
    return raw


def _sections(value: Mapping[str, Marks | Mapping[str, Any]] | None) -> FrozenMap[Marks]:
    if value is None:
        return FrozenMap()
    if not isinstance(value, Mapping):
        raise RecordError(Problem("", "paper-not-sections", {"value": shown(value)}))
    out: dict[str, Marks] = {}
    problems: list[Problem] = []
    for key, marks in value.items():
        why = id_reason(key)
        if why is not None:
            problems.append(Problem(shown(key), "bad-contest-id", {"why": why}))
            continue
        if isinstance(marks, Marks):
            out[key] = marks
            continue
        raw = _raw_key(marks)
        known = _SECTIONS.get(raw) if raw is not None else None
        if known is not None:
            out[key] = known
            continue
        try:
            out[key] = Marks.from_dict(marks)
            if raw is not None:
                if len(_SECTIONS) >= _GOOD_MAX:
                    _SECTIONS.clear()
                _SECTIONS[raw] = out[key]
        except RecordError as error:
            problems.extend(p.within(str(key)) for p in error.problems)
    if problems:
        raise RecordError(problems)
    return FrozenMap(out)


@attrs.frozen(cache_hash=True)
class Ballot:
    """One paper out of the box: a section of marks per contest, or ``spoiled`` when it cannot
    be read at all. A contest missing from ``sections`` is an unmarked section (valid, no
    votes).

    >>> paper = Ballot({"committee": {"for": ["M01", "M04"], "against": ["M05"]}})
    >>> paper.sections["committee"].for_
    ('M01', 'M04')
    >>> Ballot(spoiled=True).spoiled
    True
    """

    sections: FrozenMap[Marks] = attrs.field(factory=FrozenMap, converter=_sections)
    spoiled: bool = attrs.field(default=False, validator=boolean, kw_only=True)
    key: str = attrs.field(init=False, eq=False, repr=False, hash=False)
    """The paper as one string, equal exactly for equal papers: counting groups papers by it,
    and a string keeps its hash, so grouping a million papers costs little more than a bare
    ``Counter`` pass."""

    def __attrs_post_init__(self) -> None:
        if self.spoiled and self.sections:
            raise RecordError(Problem("spoiled", "spoiled-with-sections"))
        key = "\x00" if self.spoiled else "\x1d".join(f"{cid}\x1f{m.key}" for cid, m in sorted(self.sections.items()))
        object.__setattr__(self, "key", key)


@attrs.frozen
class Scribe:
    """P-18: a present elector who cannot fill in the ballot has ``scribe`` (who must not be a
    candidate) fill it in for them. It changes no count.

    >>> Scribe("M12", "staff-1")
    Scribe(elector='M12', scribe='staff-1')
    """

    elector: str = attrs.field(validator=valid_id)
    scribe: str = attrs.field(validator=valid_id)


@attrs.frozen
class Reading:
    """How one section counts: ``valid`` or not (with the ``reason``), the ids it gives a vote
    to, and the void marks with their reasons."""

    valid: bool
    votes: tuple[str, ...] = ()
    reason: Reason | None = None
    void: tuple[tuple[str, Reason], ...] = ()
    """(id, reason) of each void mark."""


BLANK = Reading(valid=True)


def read_section(
    marks: Marks,
    contest: Contest,
    *,
    eligible: Callable[[str], bool],
    rulebook: Rulebook,
    resolve: Callable[[str], tuple[str | None, Reason | None]] | None = None,
) -> tuple[Reading, list[Problem]]:
    """Read one section of a paper for ``contest``.

    Returns the reading and the problems of the input (an id in ``for``, ``against``,
    ``abstain`` or ``unreadable`` that is not a candidate of the contest), with paths relative
    to the section. ``eligible`` says whether a written-in id may be elected. ``resolve``, in an
    election without candidates (V-11), reads what is written (a name) as a roll id, or says why
    it is void (:mod:`tally._names`); without it a write-in is a roll id as written.
    """
    candidates = set(contest.candidates)
    problems = [
        Problem(f"{name}[{i}]", "not-a-candidate", {"who": shown(who), "contest": shown(contest.id)})
        for name, ids in (
            ("for", marks.for_),
            ("against", marks.against),
            ("abstain", marks.abstain),
            ("unreadable", marks.unreadable),
        )
        for i, who in enumerate(ids)
        if who not in candidates
    ]
    if problems:
        return BLANK, problems

    # P-21: persons selected = those marked 赞成 and those written in, each person once.
    selected = set(marks.for_) | set(marks.write_in)
    if len(selected) > contest.seats:
        return Reading(valid=False, reason=Reason.OVER_SELECTED), []

    void: list[tuple[str, Reason]] = []
    if resolve is not None:
        # V-11: a name written in is matched to the roll; one that cannot be is void, never guessed.
        found = [(text, *resolve(text)) for text in marks.write_in]
        void.extend((text, why) for text, _, why in found if why is not None)
        marks = attrs.evolve(marks, write_in=[who for _, who, _ in found if who is not None])
    # A mark that cannot be read gives nothing and voids every other mark for that person.
    unreadable = set(marks.unreadable)
    void.extend((who, Reason.UNREADABLE) for who in marks.unreadable)

    # The same person marked twice on the section: those marks are void, the rest counts.
    listed = [*marks.for_, *marks.against, *marks.abstain]
    seen: set[str] = set()
    twice: set[str] = set()
    for who in listed:
        (twice if who in seen else seen).add(who)

    written: list[str] = []
    refused = False
    for who in marks.write_in:
        if who in candidates:
            twice.add(who)  # written in while listed: the write-in and the listed mark are void
            void.append((who, Reason.WRITE_IN_OF_CANDIDATE))
        elif marks.write_in.count(who) > 1:
            void.append((who, Reason.DUPLICATE))  # written in twice: both void
        elif contest.stage is Stage.TIE_BREAK:
            void.append((who, Reason.WRITE_IN_IN_TIE_BREAK))  # P-23: only among the tied
        elif not _writein_allowed(marks, rulebook):
            refused = True
            void.append((who, Reason.WRITE_IN_REFUSED))
        elif not eligible(who):
            void.append((who, Reason.WRITE_IN_NOT_ELIGIBLE))  # no right to be elected
        else:
            written.append(who)
    if refused and rulebook.writein_refusal == "section":
        return Reading(valid=False, reason=Reason.WRITE_IN_REFUSED), []

    void.extend((who, Reason.DUPLICATE) for who in sorted(twice & seen))
    votes = tuple(who for who in marks.for_ if who not in twice and who not in unreadable) + tuple(written)
    return Reading(valid=True, votes=votes, void=tuple(void)), []


def _writein_allowed(marks: Marks, rulebook: Rulebook) -> bool:
    """P-19, OQ-P4: may this section write anyone in?"""
    policy = rulebook.writein_policy
    if policy == "any":
        return True
    if policy == "none":
        return False
    return bool(marks.against)  # 投不赞成票者可以另选他人: only beside a 不赞成 mark
