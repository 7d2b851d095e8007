"""Writes the JSON Schemas of the record and the result (src/tally/schema/ and docs/).

Run from the repository root after changing the record format: python tools/make_schema.py
The schemas are data the package ships; this script is how they are kept in step."""

import json
import pathlib

from tally import Base, Code, Reason

ID = {"type": "string", "minLength": 1, "pattern": "\\S"}
IDS = {"type": "array", "items": {"$ref": "#/$defs/id"}}
DATE = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
COUNT = {"type": "integer", "minimum": 0}
EXTRA = {"description": "Anything the writer wants to keep; never read."}


def obj(props, required=(), extra=True, desc=None):
    p = dict(props)
    if extra:
        p["extra"] = EXTRA
    o = {"type": "object", "properties": p, "additionalProperties": False}
    if required:
        o["required"] = list(required)
    if desc:
        o["description"] = desc
    return o


fraction = {"oneOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": "^[0-9]+(/[0-9]+)?$"}]}
rules = obj(
    {
        "quorum": fraction,
        "quorum_inclusive": {"type": "boolean"},
        "exclusion_categories": {"type": "array", "items": {"type": "string"}},
        "exclusions_apply": {"type": "boolean"},
        "margin": fraction,
        "uncontested_posts": {"type": "array", "items": {"type": "string"}},
        "further_extra_candidates": COUNT,
        "proxies_allowed": {"type": "boolean"},
        "writein_policy": {"enum": ["with-against", "any", "none"]},
        "writein_refusal": {"enum": ["mark", "section"]},
        "collected_base": {"enum": ["voters", "issued"]},
        "majority": fraction,
        "majority_base": {"enum": ["present"]},
        "reduction_consent": fraction,
        "reduction_consent_inclusive": {"type": "boolean"},
        "reduction_by_presidium": {"type": "boolean"},
        "committee_size": {
            "oneOf": [
                {"type": "null"},
                {"type": "array", "items": {"type": "integer", "minimum": 1}, "minItems": 2, "maxItems": 2},
            ]
        },
        "post_margins": {
            "type": "object",
            "additionalProperties": {
                "type": "array",
                "minItems": 2,
                "maxItems": 2,
                "items": {"type": ["integer", "null"]},
            },
        },
        "turnout": fraction,
        "further_rule": {"enum": ["majority", "plurality-floor", "majority-then-floor"]},
        "further_floor": fraction,
        "further_turnout_required": {"type": "boolean"},
        "further_candidates": {"enum": ["all-unelected", "most-votes"]},
        "proxy_cap": {"type": ["integer", "null"], "minimum": 0},
        "proxy_relations": {"type": "array", "items": {"type": "string"}},
        "proxy_agent_may_be_candidate": {"type": "boolean"},
        "proxy_deadline_days": COUNT,
        "proxy_onsite_allowed": {"type": "boolean"},
        "invalid_scope": {"enum": ["section", "paper"]},
        "two_posts_voids_paper": {"type": "boolean"},
        "cross_post_aggregation": {"enum": ["none", "cumulative-down"]},
        "women_seat_mode": {"enum": ["none", "reserved-post", "reserved-in-rerun"]},
        "relatives_exclusive": {"type": "boolean"},
        "relatives_refill": {"enum": ["qualified", "further"]},
        "vacancy_allowed_at": {"type": ["integer", "null"], "minimum": 0},
        "vacancy_needs_chair": {"type": "boolean"},
        "min_women": COUNT,
        "min_youth": COUNT,
        "youth_age": COUNT,
        "party_share": fraction,
        "post_bands": {
            "type": "array",
            "items": {"type": "array", "minItems": 4, "maxItems": 4, "items": {"type": ["integer", "null"]}},
        },
        "list_days_before": COUNT,
        "objection_days": COUNT,
        "decision_days": COUNT,
        "period_skips_rest_days": {"type": "boolean"},
    },
    desc="Overrides of the preset's fields, by name (docs/rulebooks.md).",
)
section = {
    "type": "object",
    "properties": dict.fromkeys(("for", "against", "abstain", "write_in", "unreadable"), IDS),
    "additionalProperties": False,
}
record = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://tally.invalid/schema/record.schema.json",
    "title": "tally election record, format tally.record/1",
    "description": "One round of voting at one meeting: roll, sign-in, exclusions, contests, ballots and what was declared. See docs/record-format.md.",
    "$defs": {"id": ID, "date": DATE},
    **obj(
        {
            "format": {"const": "tally.record/1"},
            "title": {"type": "string"},
            "kind": {"enum": ["party-meeting", "party-conference", "village-committee", "residents-committee"]},
            "mode": {
                "enum": ["direct", "household", "group-representatives"],
                "description": "residents' committee only (R-2)",
            },
            "rulebook": {
                "enum": [
                    "cpc-basic-2020",
                    "cpc-conference-2020",
                    "village-national-2018",
                    "village-beijing-2012",
                    "village-zhejiang-2020",
                    "village-shanghai-2020",
                    "village-henan-2011",
                    "residents-national-2018",
                ]
            },
            "rules": rules,
            "day": DATE,
            "roll": {
                "type": "array",
                "items": obj(
                    {
                        "id": ID,
                        "name": {"type": "string"},
                        "sex": {"enum": ["F", "M"]},
                        "born": DATE,
                        "standing": {"enum": ["full", "probationary"]},
                        "rights": {"enum": ["full", "probation", "suspended"]},
                        "registration": {"enum": ["resident", "away-opted-in", "non-hukou-approved"]},
                        "household": {"type": "string", "minLength": 1},
                        "party_member": {"type": "boolean"},
                        "deprived": {
                            "type": "boolean",
                            "description": "deprived of political rights (V-5; a tally addition)",
                        },
                        "relatives": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {"id": ID, "relation": {"type": "string", "minLength": 1}},
                                "required": ["id", "relation"],
                                "additionalProperties": False,
                            },
                        },
                    },
                    required=["id"],
                ),
            },
            "exclusions": {
                "type": "array",
                "items": obj(
                    {
                        "member": ID,
                        "category": {
                            "type": "string",
                            "minLength": 1,
                            "description": "mental-incapacity, abroad, serving-sentence, bedridden, relation-not-transferred, retired-away; any other is reported as not listed (P-7)",
                        },
                        "upper_approved": {"type": "boolean"},
                        "meeting_approved": {"type": "boolean"},
                        "note": {"type": "string"},
                    },
                    required=["member", "category", "upper_approved", "meeting_approved"],
                ),
            },
            "present": IDS,
            "proxies": {
                "type": "array",
                "items": obj(
                    {
                        "principal": ID,
                        "agent": ID,
                        "relation": {"type": "string", "minLength": 1},
                        "written": {"type": "boolean"},
                        "filed": DATE,
                    },
                    required=["principal", "agent", "written"],
                ),
            },
            "mobile": {**IDS, "description": "ids who voted at a mobile ballot box (V-18); empty for party kinds"},
            "scribes": {
                "type": "array",
                "items": obj({"elector": ID, "scribe": ID}, required=["elector", "scribe"], extra=False),
                "description": "P-18: who filled in the ballot for a present elector (a tally addition to the format)",
            },
            "contests": {
                "type": "array",
                "minItems": 1,
                "items": obj(
                    {
                        "id": ID,
                        "title": {"type": "string"},
                        "seats": {"type": "integer", "minimum": 1},
                        "candidates": IDS,
                        "post": {
                            "enum": ["member", "secretary", "deputy-secretary", "chair", "vice-chair", "women-member"]
                        },
                        "stage": {"enum": ["regular", "tie-break", "further"]},
                    },
                    required=["id", "seats", "candidates"],
                ),
            },
            "ballots": {
                "type": "object",
                "properties": {
                    "collected": COUNT,
                    "issued": {
                        **COUNT,
                        "description": "papers issued, for rulebooks whose collected_base is issued (P-20; a tally addition)",
                    },
                    "items": {
                        "type": "array",
                        "items": {
                            "oneOf": [
                                {
                                    "type": "object",
                                    "properties": {"spoiled": {"const": True}},
                                    "required": ["spoiled"],
                                    "additionalProperties": False,
                                },
                                {"type": "object", "not": {"required": ["spoiled"]}, "additionalProperties": section},
                            ]
                        },
                    },
                    "totals": {
                        "type": "object",
                        "additionalProperties": {
                            "type": "object",
                            "properties": {
                                "valid": COUNT,
                                "invalid": COUNT,
                                "for": {"type": "object", "additionalProperties": COUNT},
                            },
                            "required": ["valid", "invalid", "for"],
                            "additionalProperties": False,
                        },
                    },
                    "extra": EXTRA,
                },
                "required": ["collected"],
                "oneOf": [{"required": ["items"]}, {"required": ["totals"]}],
                "additionalProperties": False,
            },
            "reductions": {
                "type": "object",
                "additionalProperties": {
                    "type": "object",
                    "properties": {"consent": COUNT, "presidium": {"type": "boolean"}},
                    "additionalProperties": False,
                },
                "description": "P-24: a decision to reduce the seats instead of a further election (a tally addition)",
            },
            "board": obj(
                {
                    **{
                        side: {
                            "type": "array",
                            "items": obj(
                                {
                                    "id": ID,
                                    "post": {"type": "string", "minLength": 1},
                                    "name": {"type": "string"},
                                    "sex": {"enum": ["F", "M"]},
                                    "born": DATE,
                                    "party_member": {"type": "boolean"},
                                },
                                required=["id", "post"],
                                extra=False,
                            ),
                        }
                        for side in ("village", "party")
                    },
                    "population": COUNT,
                    "party_members": COUNT,
                },
                extra=False,
                desc="The elected boards, for the composition checks (T-1 … T-6, V-1, V-28 … V-30, R-1); a seat's sex, birth date, party membership and relatives come from the roll when not given.",
            ),
            "timeline": obj(
                {
                    "published": DATE,
                    "objections": {
                        "type": "array",
                        "items": obj({"filed": DATE, "decided": DATE}, required=["filed"], extra=False),
                    },
                },
                extra=False,
                desc="The dates of the polling's preparation (V-8).",
            ),
            "declared": {
                "type": "object",
                "additionalProperties": {
                    "type": "object",
                    "properties": {"elected": IDS, "votes": {"type": "object", "additionalProperties": COUNT}},
                    "required": ["elected"],
                    "additionalProperties": False,
                },
            },
        },
        required=["format", "kind", "rulebook", "day", "roll", "present", "contests", "ballots"],
    ),
}
REASONS = {"enum": [r.value for r in Reason]}
TEST = {
    "type": "object",
    "description": "a threshold: a share (fraction) of a base (of) that a count must exceed, or reach where inclusive",
    "properties": {
        "rule": {"type": "string"},
        "fraction": {"type": "string", "pattern": "^[0-9]+(/[0-9]+)?$"},
        "inclusive": {"type": "boolean"},
        "of": {"enum": [b.value for b in Base]},
    },
    "required": ["rule", "fraction", "inclusive", "of"],
    "additionalProperties": False,
}
step = {
    "type": "object",
    "properties": {
        "rule": {"type": "string"},
        "finding": {"enum": [c.value for c in Code], "description": "the decision's code (tally.Code)"},
        "subject": {"type": "string"},
        "reason": {**REASONS, "description": "why, where the decision has a reason (tally.Reason)"},
        "contest": {"type": "string"},
        "numbers": {"type": "object", "additionalProperties": {"type": "integer"}},
        "test": TEST,
    },
    "required": ["rule", "finding", "numbers"],
    "additionalProperties": False,
}
counts = {"type": "object", "additionalProperties": COUNT}


def nullable(s):
    return {"oneOf": [{"type": "null"}, s]}


result = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://tally.invalid/schema/result.schema.json",
    "title": "tally verification result, format tally.result/1",
    "description": "What tally verify --format json prints. See docs/record-format.md.",
    "type": "object",
    "properties": {
        "format": {"const": "tally.result/1"},
        "tally": {"type": "string", "description": "the version of tally that counted"},
        "title": {"type": "string"},
        "kind": {"enum": ["party-meeting", "party-conference", "village-committee", "residents-committee"]},
        "rulebook": {
            "type": "object",
            "properties": {"id": {"type": "string"}, "title": {"type": "string"}},
            "required": ["id", "title"],
            "additionalProperties": False,
        },
        "day": {"type": ["string", "null"], "format": "date"},
        "agrees": {
            "type": ["boolean", "null"],
            "description": "null when nothing was declared to compare with (a bare count)",
        },
        "election_valid": {"type": "boolean", "description": "held and not void: the round could elect"},
        "held": {
            "type": "boolean",
            "description": "the meeting was quorate (P-10), or the turnout met or not required (V-19, V-24)",
        },
        "void": {"type": "boolean", "description": "more ballots collected than voters (P-20, V-20)"},
        "collected": COUNT,
        "quorum": nullable(
            {
                "type": "object",
                "properties": dict.fromkeys(("electorate", "required", "present", "needed"), COUNT)
                | {"met": {"type": "boolean"}},
                "required": ["electorate", "required", "present", "needed", "met"],
                "additionalProperties": False,
            }
        ),
        "turnout": nullable(
            {
                "type": "object",
                "properties": {
                    **dict.fromkeys(("registered", "in_person", "by_proxy", "mobile", "voted", "needed"), COUNT),
                    "valid": {"type": "boolean", "description": "more than half of the registered voted (V-19)"},
                    "required": {
                        "type": ["boolean", "null"],
                        "description": "whether this round needs that turnout (false: a further election, V-24)",
                    },
                    "proxies": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "principal": ID,
                                "agent": ID,
                                "accepted": {"type": "boolean"},
                                "reason": {"enum": [None, *REASONS["enum"]]},
                            },
                            "required": ["principal", "agent", "accepted", "reason"],
                            "additionalProperties": False,
                        },
                    },
                },
                "required": ["registered", "in_person", "by_proxy", "mobile", "voted", "valid", "required", "proxies"],
                "additionalProperties": False,
            }
        ),
        "proxies": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "principal": ID,
                    "agent": ID,
                    "accepted": {"type": "boolean"},
                    "reason": {"enum": [None, *REASONS["enum"]]},
                },
                "required": ["principal", "agent", "accepted", "reason"],
                "additionalProperties": False,
            },
        },
        "scribes": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "elector": ID,
                    "scribe": ID,
                    "accepted": {"type": "boolean"},
                    "reason": {"enum": [None, *REASONS["enum"]]},
                },
                "required": ["elector", "scribe", "accepted", "reason"],
                "additionalProperties": False,
            },
        },
        "contests": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": ID,
                    "title": {"type": "string"},
                    "post": {"type": "string"},
                    "stage": {"enum": ["regular", "tie-break", "further"]},
                    "seats": {"type": "integer", "minimum": 1},
                    "test": nullable(TEST),
                    "base": COUNT,
                    "threshold": {"type": ["integer", "null"], "minimum": 1},
                    "ballots": {
                        "type": "object",
                        "properties": {
                            "valid": COUNT,
                            "invalid": COUNT,
                            "reasons": {"type": "object", "propertyNames": REASONS, "additionalProperties": COUNT},
                        },
                        "required": ["valid", "invalid", "reasons"],
                        "additionalProperties": False,
                    },
                    "void_marks": {"type": "object", "propertyNames": REASONS, "additionalProperties": COUNT},
                    "votes": counts,
                    "elected": IDS,
                    "tied": IDS,
                    "unfilled": COUNT,
                    "seats_reduced": {"type": "boolean"},
                    "next_round": nullable(
                        {
                            "type": "object",
                            "properties": {
                                "stage": {"enum": ["tie-break", "further"]},
                                "seats": {"type": "integer", "minimum": 1},
                                "candidates": IDS,
                            },
                            "required": ["stage", "seats", "candidates"],
                            "additionalProperties": False,
                        }
                    ),
                },
                "required": [
                    "id",
                    "seats",
                    "base",
                    "threshold",
                    "ballots",
                    "votes",
                    "elected",
                    "tied",
                    "unfilled",
                    "next_round",
                ],
                "additionalProperties": False,
            },
        },
        "discrepancies": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "contest": ID,
                    "what": {
                        "enum": ["elected", "votes", "not declared", "void round", "inquorate", "turnout not met"]
                    },
                    "declared": {},
                    "counted": {},
                },
                "required": ["contest", "what", "declared", "counted"],
                "additionalProperties": False,
            },
        },
        "compliance": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "check": {"type": "string"},
                    "rule": {"type": "string"},
                    "statutory": {"type": "boolean"},
                    "status": {"enum": ["met", "not met", "not applicable", "cannot tell"]},
                    "detail": {"type": "string"},
                    "subject": {"type": "string"},
                    "numbers": {"type": "object", "additionalProperties": {"type": "integer"}},
                },
                "required": ["check", "rule", "statutory", "status", "detail", "numbers"],
                "additionalProperties": False,
            },
        },
        "steps": {"type": "array", "items": step},
    },
    "required": [
        "format",
        "tally",
        "title",
        "kind",
        "rulebook",
        "day",
        "agrees",
        "election_valid",
        "held",
        "void",
        "quorum",
        "turnout",
        "contests",
        "discrepancies",
        "steps",
    ],
    "additionalProperties": False,
    "$defs": {"id": ID},
}
for name, sch in (("record", record), ("result", result)):
    text = json.dumps(sch, ensure_ascii=False, indent=2) + "\n"
    pathlib.Path(f"src/tally/schema/{name}.schema.json").write_text(text, encoding="utf-8")
    pathlib.Path(f"docs/{name}.schema.json").write_text(text, encoding="utf-8")
