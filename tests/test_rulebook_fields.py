"""Every rulebook field names the rules it implements, and every field can be set from a record."""

import json
from fractions import Fraction
from typing import Any

import attrs
import pytest

from tally import FrozenMap, Post, RecordError, Relation, Rulebook, RuleError, preset
from tally._rulebook import FIELD_RULES
from tally.examples import load
from tally.records import Record


def test_every_field_has_its_rule_ids() -> None:
    """FIELD_RULES covers every field but the id, kind and title."""
    assert set(FIELD_RULES) == {f.name for f in attrs.fields(Rulebook)} - {"id", "kind", "title"}


# --- issue 11: every field settable from a record's `rules`, and written back -------------------


# Per field, a JSON value for `rules` and the value the rulebook must then hold. Each differs from
# the village preset's own value, so that the test sees the override act.
SAMPLES: dict[str, tuple[Any, Any]] = {
    "quorum": ("2/3", Fraction(2, 3)),
    "quorum_inclusive": (True, True),
    "exclusion_categories": (["abroad", "卧床不起"], frozenset({"abroad", "bedridden"})),
    "exclusions_apply": (True, True),
    "margin": ("1/5", Fraction(1, 5)),
    "uncontested_posts": (["书记"], frozenset({Post.SECRETARY})),  # on a party record
    "further_extra_candidates": (2, 2),
    "proxies_allowed": ("否", False),
    "writein_policy": ("with-against", "with-against"),
    "writein_refusal": ("section", "section"),
    "collected_base": ("issued", "issued"),
    "majority": ("3/5", Fraction(3, 5)),
    "majority_base": ("voted", "voted"),  # on a party record: a polling's base is always "voted"
    "reduction_consent": ("2/3", Fraction(2, 3)),
    "reduction_consent_inclusive": (False, False),
    "reduction_by_presidium": (True, True),
    "committee_size": ([4, 6], (4, 6)),
    "post_margins": ({"chair": [1, 1], "*": [1, None]}, FrozenMap({"chair": (1, 1), "*": (1, None)})),
    "turnout": ("2/3", Fraction(2, 3)),
    "further_rule": ("majority", "majority"),
    "further_floor": ("1/4", Fraction(1, 4)),
    "further_turnout_required": (True, True),
    "further_candidates": ("all-unelected", "all-unelected"),
    "proxy_cap": (2, 2),
    "proxy_relations": (["spouse", "父母", "other"], frozenset({Relation.SPOUSE, Relation.PARENT, Relation.OTHER})),
    "proxy_agent_may_be_candidate": (True, True),
    "proxy_deadline_days": (2, 2),
    "proxy_onsite_allowed": (False, False),
    "invalid_scope": ("paper", "paper"),
    "two_posts_voids_paper": (True, True),
    "cross_post_aggregation": ("cumulative-down", "cumulative-down"),
    "women_seat_mode": ("reserved-in-rerun", "reserved-in-rerun"),
    "relatives_exclusive": ("是", True),
    "relatives_refill": ("qualified", "qualified"),
    "vacancy_allowed_at": (3, 3),
    "vacancy_needs_chair": (False, False),
    "min_women": (2, 2),
    "min_youth": (0, 0),
    "youth_age": (40, 40),
    "party_share": ("2/3", Fraction(2, 3)),
    "post_bands": ([[None, 2000, 3, 5], [2000, None, 5, 7]], ((None, 2000, 3, 5), (2000, None, 5, 7))),
    "list_days_before": (15, 15),
    "objection_days": (4, 4),
    "decision_days": (2, 2),
    "period_skips_rest_days": (False, False),
    # meetings that decide by attendance and vote, V-11, V-12, PC-2 (issue 16)
    "assembly_quorum": ("2/3", Fraction(2, 3)),
    "assembly_quorum_inclusive": (True, True),
    "decision_majority": ("2/3", Fraction(2, 3)),
    "household_quorum": ("3/4", Fraction(3, 4)),
    "household_quorum_inclusive": ("否", False),
    "representatives_share": ("3/4", Fraction(3, 4)),
    "women_representatives_share": ("1/4", Fraction(1, 4)),
    "delegates_usual_least": (50, 50),
    "delegates_usual_most": (150, 150),
    "delegates_most": (250, 250),
    "without_candidates_allowed": (True, True),
    "without_candidates": (True, True),  # on the Zhejiang example without candidates
    "nomination_turnout": ("2/3", Fraction(2, 3)),
    "nomination_turnout_required": (True, True),
}


PARTY_SAMPLES = {"majority_base", "uncontested_posts"}


def test_every_field_has_a_sample() -> None:
    """The table below walks every settable field of Rulebook: a new field needs its JSON form."""
    assert set(SAMPLES) == {f.name for f in attrs.fields(Rulebook)} - {"id", "kind", "title"}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_rulebook_field_is_settable_from_rules(name: str) -> None:
    """Issue 11: each field is set from its JSON form (arrays for tuples and sets, objects for
    maps, null for None, fractions as "p/q" or whole numbers), and `to_dict()` writes it back so
    that reading the written record gives the same record."""
    given, expected = SAMPLES[name]
    data = load("branch" if name in PARTY_SAMPLES else "village")
    if name == "without_candidates":
        data = load("without-candidates")  # V-11: needs a rulebook that allows it
    data["rules"] = {name: given}
    if name == "collected_base":
        data["ballots"]["issued"] = data["ballots"]["collected"]  # P-20: compared with those issued
    rec = Record.from_dict(data)
    assert getattr(rec.rulebook, name) == expected
    assert getattr(rec.rulebook, name) != getattr(preset(data["rulebook"]), name)
    written = json.loads(json.dumps(rec.to_dict()))
    assert set(written["rules"]) == {name}
    again = Record.from_dict(written)
    assert again == rec
    assert again.rulebook == rec.rulebook


@pytest.mark.parametrize(
    ("rulebook", "name", "given", "expected"),
    [
        ("village-national-2018", "proxy_cap", 3, 3),
        ("village-beijing-2012", "proxy_cap", None, None),
        ("village-beijing-2012", "vacancy_allowed_at", None, None),
        ("village-national-2018", "committee_size", None, None),
        ("village-national-2018", "post_margins", {}, FrozenMap()),
        ("village-national-2018", "post_bands", [], ()),
    ],
)
def test_none_and_empty_values_from_rules(rulebook: str, name: str, given: Any, expected: Any) -> None:
    """`null` sets a field to None and back (the national proxy cap, Beijing's vacancy rule)."""
    data = load("village")
    data["rulebook"] = rulebook
    data["rules"] = {name: given}
    rec = Record.from_dict(data)
    assert getattr(rec.rulebook, name) == expected
    assert Record.from_dict(json.loads(json.dumps(rec.to_dict()))).rulebook == rec.rulebook


@pytest.mark.parametrize(
    ("name", "given", "path"),
    [
        ("post_bands", [[None, 2000, 3]], "rules.post_bands[0]"),
        ("post_bands", "2000", "rules.post_bands[0]"),
        ("committee_size", [7, 3], "rules.committee_size"),
        ("committee_size", "3-7", "rules.committee_size"),
        ("post_margins", {"mayor": [1, 1]}, "rules.post_margins.mayor"),
        ("post_margins", {"chair": [2, 1]}, "rules.post_margins.chair"),
        ("proxy_cap", -1, "rules.proxy_cap"),
        ("proxy_cap", "3", "rules.proxy_cap"),
        ("quorum", "0.8", "rules.quorum"),
        ("quorum", "4/0", "rules.quorum"),
        ("quorum", "5/4", "rules.quorum"),
        ("proxy_relations", ["spouse", "in-law"], "rules.proxy_relations[1]"),
        ("uncontested_posts", ["secertary"], "rules.uncontested_posts[0]"),
        ("exclusion_categories", ["abroad", "holiday"], "rules.exclusion_categories[1]"),
        ("further_rule", "most-votes", "rules.further_rule"),
        ("majority_base", "required", "rules.majority_base"),
        ("relatives_exclusive", "maybe", "rules.relatives_exclusive"),
    ],
)
def test_bad_rules_name_their_path(name: str, given: Any, path: str) -> None:
    """The same checks as the API, each problem at its path under `rules`."""
    data = load("village")
    data["rules"] = {name: given}
    with pytest.raises((RecordError, RuleError)) as caught:
        Record.from_dict(data)
    assert path in [p.path for p in caught.value.problems], caught.value


def test_every_bad_rule_at_once() -> None:
    """Several bad fields in `rules`: every problem in one run."""
    data = load("village")
    data["rules"] = {"post_bands": [[1]], "committee_size": [9, 1], "quorum": "x", "proxy_cap": "3"}
    with pytest.raises((RecordError, RuleError)) as caught:
        Record.from_dict(data)
    assert sorted(p.path for p in caught.value.problems) == [
        "rules.committee_size",
        "rules.post_bands[0]",
        "rules.proxy_cap",
        "rules.quorum",
    ]


def test_a_strict_quorum_of_one_is_refused_but_an_inclusive_one_is_not() -> None:
    """Fields are checked together too: quorum 1 needs quorum_inclusive (P-10a)."""
    data = load("branch")
    data["rules"] = {"quorum": 1}
    with pytest.raises(RuleError, match=r"rules\.quorum: a strict quorum"):
        Record.from_dict(data)
    data["rules"] = {"quorum": 1, "quorum_inclusive": True}
    assert Record.from_dict(data).rulebook.quorum == 1


def test_uncontested_posts_on_a_village_record() -> None:
    """A villager committee whose rules make the vice-chair uncontested reads and counts."""
    data = load("village")
    data["rules"] = {"uncontested_posts": ["副主任"]}
    rec = Record.from_dict(data)
    assert rec.rulebook.uncontested_posts == {Post.VICE_CHAIR}
    vice = [c for c in rec.verify().round.contests if c.contest.post is Post.VICE_CHAIR]
    assert vice[0].elected  # counted: no margin is asked of an uncontested post


def test_an_extra_in_rules_is_kept() -> None:
    """`extra` inside `rules` is never read and written back unchanged."""
    data = load("branch")
    data["rules"] = {"quorum_inclusive": True, "extra": {"why": ["县委组织部函"]}}
    out = Record.from_dict(data).to_dict()
    assert out["rules"] == {"quorum_inclusive": True, "extra": {"why": ["县委组织部函"]}}
