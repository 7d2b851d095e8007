"""The rulebook: every threshold and every provincial choice as a field of one frozen value.

The counting code reads fields; it never asks which province or which preset it is in. A local
variant is ``attrs.evolve(preset("cpc-basic-2020"), quorum_inclusive=True)``.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Literal, cast, get_args

import attrs

from ._values import choice
from .errors import Problem, RuleError

__all__ = ["EXCLUSION_CATEGORIES", "PRESETS", "Kind", "Rulebook", "preset"]


class Kind(enum.StrEnum):
    """The kind of election meeting a rulebook governs."""

    PARTY_MEETING = "party-meeting"
    """党员大会 of a basic-level party organisation (spec section 1)."""
    PARTY_CONFERENCE = "party-conference"
    """党员代表大会 of a basic-level party organisation (spec section 2)."""


# P-7, OQ-P8: the exclusion categories of the 中央组织部 explanations, by the names the record
# format uses. The sixth ("retired-away") is the lower-confidence one; all six are on by default.
EXCLUSION_CATEGORIES: tuple[str, ...] = (
    "mental-incapacity",  # 1. 患有精神病或者因其他疾病导致不能表达本人意志的
    "abroad",  # 2. 自费出国半年以上的
    "serving-sentence",  # 3. 虽未受到留党察看以上党纪处分，但正在服刑的
    "bedridden",  # 4. 年老体弱卧床不起和长期生病生活不能自理的
    "relation-not-transferred",  # 5. 外出学习或工作半年以上…应转走正式组织关系而没有转走的
    "retired-away",  # 6. 退休后回原籍长期居住…确实无法参加选举的 (lower confidence)
)


def _show(value: object) -> str:
    return str(value) if isinstance(value, Fraction) else repr(value)


def _check_ratio(instance: Rulebook, attribute: attrs.Attribute[Fraction], value: Fraction) -> None:
    if not isinstance(value, Fraction) or not 0 < value <= 1:
        raise RuleError(Problem(attribute.name, f"must be a Fraction above 0 and at most 1, not {_show(value)}"))


def _check_share(instance: Rulebook, attribute: attrs.Attribute[Fraction], value: Fraction) -> None:
    if not isinstance(value, Fraction) or value < 0:
        raise RuleError(Problem(attribute.name, f"must be a Fraction of at least 0, not {_show(value)}"))


def _check_count(instance: Rulebook, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RuleError(Problem(attribute.name, f"must be a whole number of at least 0, not {value!r}"))


def _set_of_names(field: str, value: object) -> frozenset[str]:
    if isinstance(value, str) or not hasattr(value, "__iter__"):
        raise RuleError(Problem(field, f"must be a set of names, not {value!r}"))
    return frozenset(str(v) for v in value)


def _categories(value: object) -> frozenset[str]:
    return _set_of_names("exclusion_categories", value)


def _names(value: object) -> frozenset[str]:
    return _set_of_names("uncontested_posts", value)


WriteInPolicy = Literal["with-against", "any", "none"]
WriteInRefusal = Literal["mark", "section"]
CollectedBase = Literal["voters", "issued"]
MajorityBase = Literal["present"]


def _literal(field: str, allowed: tuple[str, ...], value: object) -> str:
    if value not in allowed:
        raise RuleError(Problem(field, f"{value!r} is not one of {', '.join(allowed)}"))
    return str(value)


def _writein_policy(value: object) -> WriteInPolicy:
    return cast(WriteInPolicy, _literal("writein_policy", get_args(WriteInPolicy), value))


def _writein_refusal(value: object) -> WriteInRefusal:
    return cast(WriteInRefusal, _literal("writein_refusal", get_args(WriteInRefusal), value))


def _collected_base(value: object) -> CollectedBase:
    return cast(CollectedBase, _literal("collected_base", get_args(CollectedBase), value))


def _majority_base(value: object) -> MajorityBase:
    return cast(MajorityBase, _literal("majority_base", get_args(MajorityBase), value))


def _kind(value: object) -> Kind:
    return choice(Kind, "kind", value, RuleError)


@attrs.frozen(kw_only=True)
class Rulebook:
    """The rules one election is held under, as data.

    Every field names the rule IDs of ``spec/rules.md`` it implements. Get a preset with
    :func:`preset`, and make a local variant with ``attrs.evolve``:

    >>> import attrs
    >>> from tally import preset
    >>> national = preset("cpc-basic-2020")
    >>> national.quorum, national.quorum_inclusive
    (Fraction(4, 5), False)
    >>> tolerant = attrs.evolve(national, id="local-variant", quorum_inclusive=True)
    >>> tolerant.quorum_inclusive
    True
    """

    id: str
    """The preset's id, or the user's name for a variant."""
    kind: Kind = attrs.field(converter=_kind)
    """Which election meeting these rules govern."""
    title: str = ""
    """A short human name of the rules and their source."""

    # --- attendance -----------------------------------------------------------------------
    quorum: Fraction = attrs.field(default=Fraction(4, 5), validator=_check_ratio)
    """P-10, PC-3: the share of the required attendance (应到会人数) that the present electorate
    must exceed for the meeting to be valid. 4/5 for basic-level party meetings and
    conferences."""
    quorum_inclusive: bool = False
    """P-10a, OQ-P2: ``False`` (the regulation's 超过, strict ``>``) or ``True`` (the tolerated
    reading in which exactly 4/5 also counts, ``>=``). UNCONFIRMED whether the tolerance
    survives the 2020 条例; the default follows the text."""
    exclusion_categories: frozenset[str] = attrs.field(default=frozenset(EXCLUSION_CATEGORIES), converter=_categories)
    """P-7, OQ-P8: the categories of absent members that may be excluded from the required
    attendance. All six of :data:`EXCLUSION_CATEGORIES` by default; a rulebook following the
    five-item lists drops ``"retired-away"``."""
    exclusions_apply: bool = True
    """P-6 … P-8, PC-4: whether the exclusion procedure applies at all. UNCONFIRMED for the
    delegates of a party conference, who are normally replaced rather than excluded, so the
    conference preset sets it to ``False``."""

    # --- candidates ---------------------------------------------------------------------
    margin: Fraction = attrs.field(default=Fraction(1, 5), validator=_check_share)
    """P-12, P-13: the least competitive margin (差额) of a regular contest, as a share of the
    seats: ``(candidates - seats) >= seats * margin`` ("不少于应选人数的20%"). For 5 seats at
    least 6 candidates, for 6 seats at least 8."""
    uncontested_posts: frozenset[str] = attrs.field(
        default=frozenset({"secretary", "deputy-secretary"}), converter=_names
    )
    """P-14, OQ-P7: posts elected with one candidate per seat (等额) at the committee's plenary,
    where the margin does not apply. UNCONFIRMED (quiz-bank evidence only)."""
    further_extra_candidates: int = attrs.field(default=1, validator=_check_count)
    """OQ-P6: how many more candidates than seats a further election (另行选举) needs. The
    party rules are silent; the proposed default is one more (``candidates > seats``)."""

    # --- casting votes ------------------------------------------------------------------
    proxies_allowed: bool = False
    """P-17: whether an absent elector may vote by proxy. Never in a party election: every proxy
    is rejected with the reason "proxy not allowed"."""
    writein_policy: WriteInPolicy = attrs.field(default="with-against", converter=_writein_policy)
    """P-19, OQ-P4: when a write-in (另选他人) counts. ``"with-against"`` (default): only on a
    section with at least one 不赞成 mark, as the 2020 条例 says 投不赞成票者可以另选他人;
    ``"any"``: always; ``"none"``: never."""
    writein_refusal: WriteInRefusal = attrs.field(default="mark", converter=_writein_refusal)
    """P-19, EX-P-06, OQ-P4: what a write-in that the policy refuses does: ``"mark"``
    (default) voids that mark and the rest of the section counts; ``"section"`` makes the
    whole section invalid. The local rules differ."""

    # --- validity and winners -----------------------------------------------------------
    collected_base: CollectedBase = attrs.field(default="voters", converter=_collected_base)
    """P-20: what the ballots collected (收回的选票) are compared with: ``"voters"`` (投票人数,
    default) or ``"issued"`` (发出的选票, some local rules; needs the number issued). More
    ballots than the base voids the whole round."""
    majority: Fraction = attrs.field(default=Fraction(1, 2), validator=_check_ratio)
    """P-22: the share of the base that a candidate's 赞成 votes must strictly exceed
    (超过…的一半; exactly half fails, C-2)."""
    majority_base: MajorityBase = attrs.field(default="present", converter=_majority_base)
    """P-22: the base of the majority: ``"present"``, the present electorate (实到会有选举权的
    人数) for basic-level party meetings; not the ballots cast and not the required
    attendance."""
    reduction_consent: Fraction = attrs.field(default=Fraction(1, 2), validator=_check_ratio)
    """P-24: the share of the present electorate whose consent lets a meeting reduce the seats
    instead of holding a further election."""
    reduction_consent_inclusive: bool = True
    """P-24, C-2: the source says 经半数以上选举人同意, and 半数以上 is "half or more" under C-2,
    so exactly half consents by default. The spec's English paraphrase says "more than half":
    UNCONFIRMED; set ``False`` for the strict reading."""
    reduction_by_presidium: bool = False
    """P-24, PC-4: a party conference's presidium (大会主席团) may decide the reduction instead
    of the electors' consent."""

    def __attrs_post_init__(self) -> None:
        if self.quorum == 1 and not self.quorum_inclusive:
            raise RuleError(Problem("quorum", "a strict quorum of all the required attendance cannot be met"))


# The rule IDs each field implements, for listings (``tally rulebooks ID``) and the docs.
FIELD_RULES: Mapping[str, str] = MappingProxyType(
    {
        "quorum": "P-10, PC-3",
        "quorum_inclusive": "P-10a, OQ-P2",
        "exclusion_categories": "P-7, OQ-P8",
        "exclusions_apply": "P-6 … P-8, PC-4",
        "margin": "P-12, P-13",
        "uncontested_posts": "P-14, OQ-P7",
        "further_extra_candidates": "OQ-P6",
        "proxies_allowed": "P-17",
        "writein_policy": "P-19, OQ-P4",
        "writein_refusal": "P-19, OQ-P4",
        "collected_base": "P-20",
        "majority": "P-22",
        "majority_base": "P-22",
        "reduction_consent": "P-24",
        "reduction_consent_inclusive": "P-24, C-2",
        "reduction_by_presidium": "P-24, PC-4",
    }
)

_PARTY_MEETING = Rulebook(
    id="cpc-basic-2020",
    kind=Kind.PARTY_MEETING,
    title="党员大会: 中国共产党基层组织选举工作条例 (2020)",
)

_PARTY_CONFERENCE = attrs.evolve(
    _PARTY_MEETING,
    id="cpc-conference-2020",
    kind=Kind.PARTY_CONFERENCE,
    title="党员代表大会: 中国共产党基层组织选举工作条例 (2020)",
    exclusions_apply=False,
    reduction_by_presidium=True,
)

PRESETS: Mapping[str, Rulebook] = MappingProxyType({book.id: book for book in (_PARTY_MEETING, _PARTY_CONFERENCE)})
"""Every built-in rulebook by id."""


def preset(id: str) -> Rulebook:
    """The built-in rulebook with this id.

    >>> preset("cpc-conference-2020").kind
    <Kind.PARTY_CONFERENCE: 'party-conference'>
    >>> preset("cpc-basic-1990")
    Traceback (most recent call last):
      ...
    tally.errors.RuleError: rulebook: no preset 'cpc-basic-1990'; the presets are cpc-basic-2020, cpc-conference-2020
    """
    try:
        return PRESETS[id]
    except KeyError:
        known = ", ".join(PRESETS)
        raise RuleError(Problem("rulebook", f"no preset {id!r}; the presets are {known}")) from None
