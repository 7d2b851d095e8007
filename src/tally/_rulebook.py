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

from ._values import (
    MOST_AGE,
    MOST_BALLOTS,
    MOST_CANDIDATES,
    MOST_DAYS,
    MOST_SEATS,
    FrozenMap,
    Quoted,
    Word,
    choice,
    shown,
)
from ._voters import Relation
from .errors import Problem, RuleError

__all__ = ["EXCLUSION_CATEGORIES", "PRESETS", "Kind", "Rulebook", "preset"]


class Kind(enum.StrEnum):
    """The kind of meeting a rulebook governs: an election meeting, or (the last five) a meeting
    that decides by attendance and vote."""

    PARTY_MEETING = "party-meeting"
    """党员大会 of a basic-level party organisation (spec section 1)."""
    PARTY_CONFERENCE = "party-conference"
    """党员代表大会 of a basic-level party organisation (spec section 2)."""
    VILLAGE_COMMITTEE = "village-committee"
    """村民委员会, elected by the registered villagers (spec section 3)."""
    RESIDENTS_COMMITTEE = "residents-committee"
    """居民委员会, elected by residents, household or group representatives (spec section 4)."""
    PARTY_MOTION = "party-motion"
    """A motion put to a branch's 党员大会, not an election: an ordinary decision (P-27), such as
    the approval of exclusions from the required attendance (P-8)."""
    VILLAGER_ASSEMBLY = "villager-assembly"
    """村民会议: the villagers aged 18 or over, or one representative per household (V-9)."""
    REPRESENTATIVE_ASSEMBLY = "representative-assembly"
    """村民代表会议: the villager representatives and the villager committee's members (V-9)."""
    RESIDENTS_ASSEMBLY = "residents-assembly"
    """居民会议: residents, household representatives or group representatives (R-4)."""
    VILLAGE_RECALL = "village-recall"
    """罢免: the registered voters' vote on recalling a villager committee member (V-31)."""


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


def _show(value: object) -> Quoted:
    if isinstance(value, Fraction):
        n, d = shown(value.numerator), shown(value.denominator)
        return n if value.denominator == 1 else Quoted(f"{n}/{d}", f"{n.zh}/{d.zh}")
    return shown(value)


def _check_ratio(instance: Rulebook, attribute: attrs.Attribute[Fraction], value: Fraction) -> None:
    if not isinstance(value, Fraction) or not 0 < value <= 1:
        raise RuleError(Problem(attribute.name, "rule-not-ratio", {"value": _show(value)}))


def _check_share(instance: Rulebook, attribute: attrs.Attribute[Fraction], value: Fraction) -> None:
    if not isinstance(value, Fraction) or value < 0:
        raise RuleError(Problem(attribute.name, "rule-not-share", {"value": _show(value)}))


# The most each whole-number field may be (docs/record-format.md, "Bounds"): far above any real
# election, and low enough that date arithmetic never leaves the calendar's years for a day count.
COUNT_BOUNDS: Mapping[str, int] = MappingProxyType(
    {
        "further_extra_candidates": MOST_CANDIDATES,
        "proxy_cap": MOST_SEATS,
        "proxy_deadline_days": MOST_DAYS,
        "vacancy_allowed_at": MOST_SEATS,
        "min_women": MOST_SEATS,
        "min_youth": MOST_SEATS,
        "youth_age": MOST_AGE,
        "list_days_before": MOST_DAYS,
        "objection_days": MOST_DAYS,
        "decision_days": MOST_DAYS,
        "delegates_usual_least": MOST_CANDIDATES,
        "delegates_usual_most": MOST_CANDIDATES,
        "delegates_most": MOST_CANDIDATES,
    }
)


def _check_count(instance: Rulebook, attribute: attrs.Attribute[int], value: int) -> None:
    most = COUNT_BOUNDS[attribute.name]
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= most:
        values = {"least": 0, "most": most, "value": shown(value)}
        raise RuleError(Problem(attribute.name, "not-whole-in-range", values))


def _set_of_names(field: str, value: object) -> frozenset[str]:
    if isinstance(value, str) or not hasattr(value, "__iter__"):
        raise RuleError(Problem(field, "rule-not-names", {"value": shown(value)}))
    return frozenset(str(v) for v in value)


def _categories(value: object) -> frozenset[str]:
    return _set_of_names("exclusion_categories", value)


def _names(value: object) -> frozenset[str]:
    return _set_of_names("uncontested_posts", value)


# C-5: near relatives (近亲属, 民法典 Art. 1045): every relation but "other".
NEAR_RELATIVES: frozenset[Relation] = frozenset(r for r in Relation if r.near)

WriteInPolicy = Literal["with-against", "any", "none"]
WriteInRefusal = Literal["mark", "section"]
CollectedBase = Literal["voters", "issued"]
MajorityBase = Literal["present", "voted"]
FurtherRule = Literal["majority", "plurality-floor", "majority-then-floor"]
FurtherCandidates = Literal["all-unelected", "most-votes"]
InvalidScope = Literal["section", "paper"]
Aggregation = Literal["none", "cumulative-down"]
WomenSeatMode = Literal["none", "reserved-post", "reserved-in-rerun"]
RelativesRefill = Literal["qualified", "further"]
ResidentsMode = Literal["direct", "household", "group-representatives"]


def _literal(field: str, allowed: tuple[str, ...], value: object) -> str:
    if value not in allowed:
        raise RuleError(Problem(field, "not-one-of", {"value": shown(value), "accepted": allowed}))
    return str(value)


def _writein_policy(value: object) -> WriteInPolicy:
    return cast(WriteInPolicy, _literal("writein_policy", get_args(WriteInPolicy), value))


def _writein_refusal(value: object) -> WriteInRefusal:
    return cast(WriteInRefusal, _literal("writein_refusal", get_args(WriteInRefusal), value))


def _collected_base(value: object) -> CollectedBase:
    return cast(CollectedBase, _literal("collected_base", get_args(CollectedBase), value))


def _majority_base(value: object) -> MajorityBase:
    return cast(MajorityBase, _literal("majority_base", get_args(MajorityBase), value))


def _further_rule(value: object) -> FurtherRule:
    return cast(FurtherRule, _literal("further_rule", get_args(FurtherRule), value))


def _further_candidates(value: object) -> FurtherCandidates:
    return cast(FurtherCandidates, _literal("further_candidates", get_args(FurtherCandidates), value))


def _invalid_scope(value: object) -> InvalidScope:
    return cast(InvalidScope, _literal("invalid_scope", get_args(InvalidScope), value))


def _aggregation(value: object) -> Aggregation:
    return cast(Aggregation, _literal("cross_post_aggregation", get_args(Aggregation), value))


def _women_seat_mode(value: object) -> WomenSeatMode:
    return cast(WomenSeatMode, _literal("women_seat_mode", get_args(WomenSeatMode), value))


def _relatives_refill(value: object) -> RelativesRefill:
    return cast(RelativesRefill, _literal("relatives_refill", get_args(RelativesRefill), value))


def _relations(value: object) -> frozenset[Relation]:
    if isinstance(value, str) or not hasattr(value, "__iter__"):
        raise RuleError(Problem("proxy_relations", "rule-not-relations", {"value": shown(value)}))
    return frozenset(choice(Relation, "proxy_relations", v, RuleError) for v in value)


def _optional_count(instance: Rulebook, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None:
        _check_count(instance, attribute, value)  # type: ignore[arg-type]


def _size(value: object) -> tuple[int, int] | None:
    if value is None:
        return None
    if (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(type(v) is int and 1 <= v <= MOST_SEATS for v in value)
        and value[0] <= value[1]
    ):
        return (value[0], value[1])
    raise RuleError(Problem("committee_size", "rule-committee-size", {"most": MOST_SEATS, "value": shown(value)}))


def _post_margins(value: object) -> FrozenMap[tuple[int, int | None]]:
    if not isinstance(value, Mapping):
        raise RuleError(Problem("post_margins", "rule-post-margins", {"value": shown(value)}))
    out: dict[str, tuple[int, int | None]] = {}
    for post, pair in value.items():
        ok = isinstance(pair, list | tuple) and len(pair) == 2 and type(pair[0]) is int
        ok = ok and 0 <= pair[0] <= MOST_CANDIDATES
        ok = ok and (pair[1] is None or (type(pair[1]) is int and pair[0] <= pair[1] <= MOST_CANDIDATES))
        if not ok:
            values = {"most": MOST_CANDIDATES, "value": shown(pair)}
            raise RuleError(Problem(f"post_margins.{post}", "rule-post-margin", values))
        out[str(post)] = (pair[0], pair[1])
    return FrozenMap(out)


def _bands(value: object) -> tuple[tuple[int | None, int | None, int, int], ...]:
    out = []
    for i, band in enumerate(value if isinstance(value, list | tuple) else [value]):
        ok = isinstance(band, list | tuple) and len(band) == 4
        ok = ok and all(b is None or (type(b) is int and 0 <= b <= MOST_BALLOTS) for b in band[:2])
        ok = ok and all(type(b) is int and 0 <= b <= MOST_SEATS for b in band[2:])
        if not ok:
            values = {"most_population": MOST_BALLOTS, "most_posts": MOST_SEATS, "value": shown(band)}
            raise RuleError(Problem(f"post_bands[{i}]", "rule-post-band", values))
        out.append((band[0], band[1], band[2], band[3]))
    return tuple(out)


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
    """P-22, V-21: the base of the majority. ``"present"``: the present electorate (实到会有选举权
    的人数), the party rule, not the ballots cast and not the required attendance. ``"voted"``:
    those who voted (参加投票的人数): for a party meeting the papers cast, for a village or
    residents' polling those who voted in person, by proxy or at a mobile box (V-21), the only
    base a polling has (``"present"`` is refused for those kinds)."""
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

    # --- villager and residents' committees ----------------------------------------------
    committee_size: tuple[int, int] | None = attrs.field(default=None, converter=_size)
    """V-1, R-1: the least and most members of the committee (3–7 for a villager committee,
    5–9 for a residents' committee); a regular round whose seats add up to another number is
    refused. ``None`` checks nothing (party kinds)."""
    post_margins: FrozenMap[tuple[int, int | None]] = attrs.field(factory=FrozenMap, converter=_post_margins)
    """V-10, R-6: per post (``chair``, ``vice-chair``, ``member``, ``women-member``, or ``*`` for
    any), the least and the most candidates beyond the seats in a regular contest, ``[1, None]``
    for "more candidates than seats". Provincial: 北京 1–2 more, 上海 exactly one more for chair
    and vice-chair and 1–3 for members, 河南 one and 1–2."""
    turnout: Fraction = attrs.field(default=Fraction(1, 2), validator=_check_ratio)
    """V-19, R-5: the share of the registered voters who must vote (strictly more) for the
    election to be valid (有登记参加选举的村民过半数投票)."""
    further_rule: FurtherRule = attrs.field(default="majority", converter=_further_rule)
    """P-25, V-23, V-25, OQ-V4: who wins a further election (另行选举): ``"majority"`` (the same
    threshold as the first round: party rules), ``"plurality-floor"`` (most votes, and at least
    ``further_floor`` of the ballots cast: the village law), ``"majority-then-floor"`` (河南: a
    majority of those voting first; only when nobody has one, the floor)."""
    further_floor: Fraction = attrs.field(default=Fraction(1, 3), validator=_check_ratio)
    """V-23: the least share of all ballots cast in the further election, spoiled ones included,
    that a winner needs (不得少于已投选票总数的三分之一: ``yes*3 >= ballots``)."""
    further_turnout_required: bool = False
    """V-24, OQ-V3: whether a further election also needs more than half of the registered to
    vote (河南 yes; the national text sets no extra quorum)."""
    further_candidates: FurtherCandidates = attrs.field(default="all-unelected", converter=_further_candidates)
    """P-24, V-23: the candidates of a further election: ``"all-unelected"`` (the candidates not
    elected, in ballot order: the party default) or ``"most-votes"`` (those not elected with the
    most votes, as many as the seats plus ``further_extra_candidates``, ties at the edge included:
    第一次投票未当选的人员得票多的为候选人)."""
    proxy_cap: int | None = attrs.field(default=None, validator=_optional_count)
    """V-16, OQ-V1: the most principals one agent may vote for; later ones (in filing order) are
    rejected. ``None``: no cap (the national law sets none)."""
    proxy_relations: frozenset[Relation] = attrs.field(default=NEAR_RELATIVES, converter=_relations)
    """V-15, C-5: the relations (:class:`~tally.Relation`) an agent may have to the principal: the
    near relatives of the 民法典 (spouse, parent, child, sibling, grandparent, grandchild). An
    unknown relation is a :class:`~tally.errors.RuleError`."""
    proxy_agent_may_be_candidate: bool = False
    """V-16: whether a candidate may act as an agent (北京, 浙江: no)."""
    proxy_deadline_days: int = attrs.field(default=0, validator=_check_count)
    """V-16, OQ-V2, C-6: how many days before the election day a proxy must be filed at the
    latest (浙江 3, 上海 5); ``0``: by the election day."""
    proxy_onsite_allowed: bool = True
    """V-16, OQ-V2: whether a proxy may be filed on the election day itself (上海: no)."""
    invalid_scope: InvalidScope = attrs.field(default="section", converter=_invalid_scope)
    """OQ-V5: what an over-selected section of a one-ballot, many-post paper voids: its own
    section (default) or the whole paper."""
    two_posts_voids_paper: bool = False
    """V-20 (浙江): a paper that elects one person to two posts is invalid."""
    cross_post_aggregation: Aggregation = attrs.field(default="none", converter=_aggregation)
    """V-27, OQ-V8: ``"cumulative-down"`` adds a person's votes for a higher post to their votes
    for each lower post (河南, and one other province); ``"none"`` keeps the posts apart."""
    women_seat_mode: WomenSeatMode = attrs.field(default="none", converter=_women_seat_mode)
    """V-29, V-30, OQ-V9: ``"reserved-post"`` (浙江: a separate women-member post whose
    candidates and write-ins must be women), ``"reserved-in-rerun"`` (山西: when no woman is
    elected, the best-placed woman not elected joins the further election's candidates), or
    ``"none"``."""
    relatives_exclusive: bool = False
    """V-28: near relatives (spouse, parent and child, siblings) may not serve together: of two
    elected, the one in the higher post stays, with equal posts the one with more votes."""
    relatives_refill: RelativesRefill = attrs.field(default="further", converter=_relatives_refill)
    """V-28: a seat freed by that rule goes to the next candidate over the threshold
    (``"qualified"``, 浙江) or to a further election (``"further"``)."""
    vacancy_allowed_at: int | None = attrs.field(default=None, validator=_optional_count)
    """V-26, OQ-V7: after a further election, how many elected members let the village leave the
    other seats empty (北京: more than three, so 4; 浙江, 上海: 3); ``None``: not said."""
    vacancy_needs_chair: bool = False
    """V-26: whether the chair must be among them (北京)."""

    # --- composition and timeline (checks, never a change to who is elected) ----------------
    min_women: int = attrs.field(default=1, validator=_check_count)
    """T-2, V-29 (statutory): the least number of women on the villager committee."""
    min_youth: int = attrs.field(default=1, validator=_check_count)
    """T-3 (policy, UNCONFIRMED): the least number of members aged ``youth_age`` or under on
    the two committees."""
    youth_age: int = attrs.field(default=35, validator=_check_count)
    """T-3: 35周岁以下 is age 35 or under on the election day (C-1, C-4)."""
    party_share: Fraction = attrs.field(default=Fraction(1, 2), validator=_check_ratio)
    """T-4 (policy, UNCONFIRMED): party members must strictly exceed this share of the villager
    committee."""
    post_bands: tuple[tuple[int | None, int | None, int, int], ...] = attrs.field(default=(), converter=_bands)
    """T-5 (local): ``(least population, most population, least posts, most posts)``, bounds
    inclusive (``None``: open). The 新昌 example is ``((None, 2000, 3, 5), (2000, None, 5, 7))``;
    a village of exactly 2,000 falls in both and is flagged, not guessed."""
    list_days_before: int = attrs.field(default=20, validator=_check_count)
    """V-8: the voter list is published at least this many days before the election day."""
    objection_days: int = attrs.field(default=5, validator=_check_count)
    """V-8: objections are filed within this many days of the publication (C-6)."""
    decision_days: int = attrs.field(default=3, validator=_check_count)
    """V-8: the election committee decides within this many days of an objection (C-6)."""
    period_skips_rest_days: bool = True
    """C-6, OQ-V6: a period whose last day is a Saturday or Sunday ends on the next working day
    (weekends as rest days is UNCONFIRMED; statutory holidays are not known to tally)."""

    # --- meetings that decide by attendance and vote (P-27, V-9, V-31, R-4), and more -----------
    # The base of each quorum and decision is the rule's own (``tally.Assembly``): these fields
    # give the shares.
    assembly_quorum: Fraction = attrs.field(default=Fraction(1, 2), validator=_check_ratio)
    """P-27, V-9, R-4: the share of its base that a deciding meeting's attendance must exceed
    (or reach, ``assembly_quorum_inclusive``) before it may decide: 1/2 of the members with a vote
    (P-27), of the villagers aged 18 or over (V-9), of the residents' assembly's base (R-4); 2/3 of
    the 村民代表会议's members (V-9). V-31: the share of the registered voters who must vote for a
    recall to be valid."""
    assembly_quorum_inclusive: bool = False
    """P-27, V-9, C-1: ``True`` where the rule says 以上 (P-27 半数以上, UNCONFIRMED; the 村民代表
    会议's 三分之二以上), ``False`` where it says 过半数 (the 村民会议, the 居民会议, a recall)."""
    decision_majority: Fraction = attrs.field(default=Fraction(1, 2), validator=_check_ratio)
    """P-27, V-9, V-31, R-4: a motion passes with 赞成 votes strictly above this share of its
    base (过半数): the members required to attend (P-27, not those present), those present (V-9,
    R-4), those who voted (V-31)."""
    household_quorum: Fraction = attrs.field(default=Fraction(2, 3), validator=_check_ratio)
    """V-9: a 村民会议 of household representatives sits with this share of the village's
    households represented (本村三分之二以上的户的代表参加)."""
    household_quorum_inclusive: bool = True
    """V-9, C-1: 三分之二以上 includes exactly two thirds."""
    representatives_share: Fraction = attrs.field(default=Fraction(4, 5), validator=_check_ratio)
    """V-9 (a composition finding): villager representatives are at least this share of the
    村民代表会议's members (五分之四以上, inclusive)."""
    women_representatives_share: Fraction = attrs.field(default=Fraction(1, 3), validator=_check_ratio)
    """V-9 (a composition finding): women villager representatives are at least this share of the
    村民代表会议's members (三分之一以上, inclusive)."""
    delegates_usual_least: int | None = attrs.field(default=None, validator=_optional_count)
    """PC-2 (UNCONFIRMED for 2020): a conference generally has at least this many delegates (100);
    ``None``: not checked (every kind but the conference)."""
    delegates_usual_most: int | None = attrs.field(default=None, validator=_optional_count)
    """PC-2 (UNCONFIRMED for 2020): and generally at most this many (200)."""
    delegates_most: int | None = attrs.field(default=None, validator=_optional_count)
    """PC-2 (UNCONFIRMED for 2020): a conference has at most this many delegates (300)."""
    without_candidates_allowed: bool = False
    """V-11 (provincial): whether an election without nominated candidates (自荐直选, 无候选人
    选举) may be held: 浙江 and 河南 yes; the national law and the other presets no."""
    without_candidates: bool = False
    """V-11: this election is held without nominated candidates: every mark is a name written in,
    matched to the roll (``write_in``). Needs ``without_candidates_allowed``."""
    nomination_turnout: Fraction = attrs.field(default=Fraction(1, 2), validator=_check_ratio)
    """V-12: the share of the registered voters that must strictly be exceeded by those who take
    part in the nomination (过半数选民参加提名)."""
    nomination_turnout_required: bool = False
    """V-12 (provincial): whether the nomination is valid only with that turnout: 浙江 (Art. 18)
    and 河南 (Art. 24) yes; the national law sets no such rule."""

    def __attrs_post_init__(self) -> None:
        if self.without_candidates and not self.without_candidates_allowed:
            field = {"field": "without_candidates_allowed"}
            raise RuleError(Problem("without_candidates", "rule-no-election-without-candidates", field))
        usual = (self.delegates_usual_least, self.delegates_usual_most, self.delegates_most)
        bounds = [b for b in usual if b is not None]
        if bounds != sorted(bounds):
            raise RuleError(Problem("delegates_most", "rule-delegates-decrease", {"value": shown(usual)}))
        if self.quorum == 1 and not self.quorum_inclusive:
            raise RuleError(Problem("quorum", "rule-strict-quorum-of-all"))
        if self.kind in (Kind.VILLAGE_COMMITTEE, Kind.RESIDENTS_COMMITTEE) and self.majority_base != "voted":
            raise RuleError(Problem("majority_base", "rule-polling-majority-base"))


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
        "committee_size": "V-1, R-1",
        "post_margins": "V-10, R-6",
        "turnout": "V-19, R-5",
        "further_rule": "P-25, V-23, V-25, OQ-V4",
        "further_floor": "V-23",
        "further_turnout_required": "V-24, OQ-V3",
        "further_candidates": "P-24, V-23",
        "proxy_cap": "V-16, OQ-V1",
        "proxy_relations": "V-15, C-5",
        "proxy_agent_may_be_candidate": "V-16",
        "proxy_deadline_days": "V-16, OQ-V2, C-6",
        "proxy_onsite_allowed": "V-16, OQ-V2",
        "invalid_scope": "OQ-V5",
        "two_posts_voids_paper": "V-20",
        "cross_post_aggregation": "V-27, OQ-V8",
        "women_seat_mode": "V-29, V-30, OQ-V9",
        "relatives_exclusive": "V-28",
        "relatives_refill": "V-28",
        "vacancy_allowed_at": "V-26, OQ-V7",
        "vacancy_needs_chair": "V-26",
        "min_women": "T-2, V-29",
        "min_youth": "T-3",
        "youth_age": "T-3, C-4",
        "party_share": "T-4",
        "post_bands": "T-5",
        "list_days_before": "V-8",
        "objection_days": "V-8, C-6",
        "decision_days": "V-8, C-6",
        "period_skips_rest_days": "C-6, OQ-V6",
        "assembly_quorum": "P-27, V-9, V-31, R-4",
        "assembly_quorum_inclusive": "P-27, V-9, C-1",
        "decision_majority": "P-27, V-9, V-31, R-4",
        "household_quorum": "V-9",
        "household_quorum_inclusive": "V-9, C-1",
        "representatives_share": "V-9",
        "women_representatives_share": "V-9",
        "delegates_usual_least": "PC-2",
        "delegates_usual_most": "PC-2",
        "delegates_most": "PC-2",
        "without_candidates_allowed": "V-11",
        "without_candidates": "V-11",
        "nomination_turnout": "V-12",
        "nomination_turnout_required": "V-12",
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
    delegates_usual_least=100,  # PC-2: 一般为一百名至二百名 (1990 Art. 7; UNCONFIRMED for 2020)
    delegates_usual_most=200,
    delegates_most=300,  # PC-2: 最多不超过三百名
)

# The villager committee under the national law alone (村民委员会组织法, 2018): V-19 turnout,
# V-21 majority of those voting, V-23 further election with the one-third floor, proxies of near
# relatives with no cap, no deadline before the election day.
_VILLAGE = attrs.evolve(
    _PARTY_MEETING,
    id="village-national-2018",
    kind=Kind.VILLAGE_COMMITTEE,
    title="村民委员会: 村民委员会组织法 (2010, 2018)",
    exclusions_apply=False,
    margin=Fraction(0),
    uncontested_posts=frozenset(),
    proxies_allowed=True,
    writein_policy="any",
    majority_base="voted",
    further_rule="plurality-floor",
    further_candidates="most-votes",
    committee_size=(3, 7),
    post_margins={"*": (1, None)},
)
_BEIJING = attrs.evolve(
    _VILLAGE,
    id="village-beijing-2012",
    title="村民委员会: 北京市村民委员会选举办法 (2012)",
    proxy_cap=3,
    post_margins={"*": (1, 2)},
    vacancy_allowed_at=4,
    vacancy_needs_chair=True,
)
_ZHEJIANG = attrs.evolve(
    _VILLAGE,
    id="village-zhejiang-2020",
    title="村民委员会: 浙江省村民委员会选举办法 (2020)",
    without_candidates_allowed=True,
    nomination_turnout_required=True,
    proxy_cap=3,
    proxy_deadline_days=3,
    two_posts_voids_paper=True,
    women_seat_mode="reserved-post",
    relatives_exclusive=True,
    relatives_refill="qualified",
    vacancy_allowed_at=3,
)
_SHANGHAI = attrs.evolve(
    _VILLAGE,
    id="village-shanghai-2020",
    title="村民委员会: 上海市村民委员会选举办法 (2020)",
    proxy_cap=3,
    proxy_deadline_days=5,
    proxy_onsite_allowed=False,
    post_margins={"chair": (1, 1), "vice-chair": (1, 1), "member": (1, 3), "*": (1, None)},
    relatives_exclusive=True,
    vacancy_allowed_at=3,
)
_HENAN = attrs.evolve(
    _VILLAGE,
    id="village-henan-2011",
    title="村民委员会: 河南省实施《村民委员会组织法》办法 (2011)",
    without_candidates_allowed=True,
    nomination_turnout_required=True,
    proxy_cap=3,
    collected_base="issued",
    further_rule="majority-then-floor",
    further_turnout_required=True,
    post_margins={"chair": (1, 1), "vice-chair": (1, 1), "member": (1, 2), "*": (1, None)},
    cross_post_aggregation="cumulative-down",
    relatives_exclusive=True,
)
# The residents' committee: the national law sets no threshold (R-5); the village rules serve as
# the UNCONFIRMED default, with a committee of 5–9 and uncontested elections allowed (R-6).
_RESIDENTS = attrs.evolve(
    _VILLAGE,
    id="residents-national-2018",
    kind=Kind.RESIDENTS_COMMITTEE,
    title="居民委员会: 城市居民委员会组织法 (1989, 2018); thresholds as for villages (R-5, UNCONFIRMED)",
    proxy_cap=3,
    committee_size=(5, 9),
    post_margins={"*": (0, None)},
)


# --- meetings that decide by attendance and vote -------------------------------------------------
# P-27 (UNCONFIRMED, a quiz bank only): a branch meeting deciding ordinary matters sits with
# 半数以上 (half or more, C-1) of the members with a vote, and a motion passes with 赞成 votes
# above half of the members required to attend (应到会), not of those present. The exclusions of
# P-6 … P-8 make the required attendance as for an election.
_PARTY_MOTION = attrs.evolve(
    _PARTY_MEETING,
    id="cpc-branch-motion-2018",
    kind=Kind.PARTY_MOTION,
    title="党员大会议事: 中国共产党支部工作条例（试行）(2018); P-27, UNCONFIRMED",
    assembly_quorum=Fraction(1, 2),
    assembly_quorum_inclusive=True,
)
# V-9 (村民委员会组织法 Arts. 22, 25, 26): the 村民会议 sits with more than half of the villagers
# aged 18 or over, or with the representatives of two thirds or more of the households; the
# 村民代表会议 with two thirds or more of its members; both decide by more than half of those
# present.
_VILLAGER_ASSEMBLY = attrs.evolve(
    _VILLAGE,
    id="villager-assembly-2018",
    kind=Kind.VILLAGER_ASSEMBLY,
    title="村民会议: 村民委员会组织法 (2010, 2018) 第二十二条",
    committee_size=None,
    post_margins={},
)
_REPRESENTATIVE_ASSEMBLY = attrs.evolve(
    _VILLAGER_ASSEMBLY,
    id="representative-assembly-2018",
    kind=Kind.REPRESENTATIVE_ASSEMBLY,
    title="村民代表会议: 村民委员会组织法 (2010, 2018) 第二十五条、第二十六条",
    assembly_quorum=Fraction(2, 3),
    assembly_quorum_inclusive=True,
)
# R-4 (城市居民委员会组织法 Art. 9): the 居民会议 sits with more than half of its base, decides by
# more than half of those present.
_RESIDENTS_ASSEMBLY = attrs.evolve(
    _VILLAGER_ASSEMBLY,
    id="residents-assembly-2018",
    kind=Kind.RESIDENTS_ASSEMBLY,
    title="居民会议: 城市居民委员会组织法 (1989, 2018) 第九条",
)
# V-31 (村民委员会组织法 Art. 16): a recall is valid with more than half of the registered voters
# voting, and passes with more than half of the votes of those who voted.
_RECALL = attrs.evolve(
    _VILLAGER_ASSEMBLY,
    id="village-recall-2018",
    kind=Kind.VILLAGE_RECALL,
    title="罢免村民委员会成员: 村民委员会组织法 (2010, 2018) 第十六条",
)

PRESETS: Mapping[str, Rulebook] = MappingProxyType(
    {
        book.id: book
        for book in (
            _PARTY_MEETING,
            _PARTY_CONFERENCE,
            _VILLAGE,
            _BEIJING,
            _ZHEJIANG,
            _SHANGHAI,
            _HENAN,
            _RESIDENTS,
            _PARTY_MOTION,
            _VILLAGER_ASSEMBLY,
            _REPRESENTATIVE_ASSEMBLY,
            _RESIDENTS_ASSEMBLY,
            _RECALL,
        )
    }
)
"""Every built-in rulebook by id."""


def preset(id: str) -> Rulebook:
    """The built-in rulebook with this id.

    >>> preset("cpc-conference-2020").kind
    <Kind.PARTY_CONFERENCE: 'party-conference'>
    >>> preset("cpc-basic-1990")
    Traceback (most recent call last):
      ...
    tally.errors.RuleError: rulebook: no preset 'cpc-basic-1990'; the presets are cpc-basic-2020, ...
    """
    try:
        return PRESETS[id]
    except KeyError:
        raise RuleError(
            Problem(
                "rulebook",
                "rule-no-preset",
                {"value": shown(id), "presets": tuple(Word("rulebook", p) for p in PRESETS)},
            )
        ) from None
