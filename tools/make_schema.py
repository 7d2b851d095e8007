"""Writes the JSON Schemas of the record and the result (src/tally/schema/ and docs/).

Run from the repository root after changing the record format or an enumeration of the code:
python tools/make_schema.py. The schemas are data the package ships; this script is how they are
kept in step, and tests/test_schema.py fails when running it would change them.

Every enumeration comes from the code: the kinds, posts, stages, standings and the other words
from tally.records.vocabulary (so the schema accepts the Chinese words the reader accepts), the
rulebook ids from PRESETS, each rulebook field's JSON form from tally.records.rules."""

import json
import pathlib
import typing

import attrs

from tally import PRESETS, Base, Code, Reason, Rulebook, Stage
from tally._assembly import DECIDING
from tally._compliance import Status
from tally._rulebook import COUNT_BOUNDS
from tally._values import MOST_BALLOTS, MOST_CANDIDATES, MOST_ID_LENGTH, MOST_SEATS
from tally.records.rules import FIXED, form
from tally.records.vocabulary import BOOLEAN_FIELDS, VOCABULARIES, accepted

ROOT = pathlib.Path(__file__).resolve().parent.parent
# The bounds are those of tally._values and tally._rulebook (docs/record-format.md, "Bounds").
ID = {
    "type": "string",
    "minLength": 1,
    "maxLength": MOST_ID_LENGTH,
    "pattern": "^\\S(.*\\S)?$",
    "description": "an id as tally writes it: visible characters, no space at either end, at most 100 characters, NFKC (ASCII letters and digits, not full-width ones). tally also reads an id with spaces at the ends or full-width characters, as its canonical form, with a note; it refuses invisible characters (docs/record-format.md, Ids)",
}
IDS = {"type": "array", "items": {"$ref": "#/$defs/id"}}
DATE = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "YYYY-MM-DD, and no other form"}
COUNT = {"type": "integer", "minimum": 0, "maximum": MOST_BALLOTS}
SEATS = {"type": "integer", "minimum": 1, "maximum": MOST_SEATS}
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


WORDS = {}  # the $defs of the enumerated fields, filled as they are used


def words(field):
    """The words the reader accepts for an enumerated field (tally.records.vocabulary), defined
    once under $defs."""
    if field not in WORDS:
        values = [True, False] if field in BOOLEAN_FIELDS else []
        WORDS[field] = {"enum": [*values, *accepted(field)]}
    return {"$ref": f"#/$defs/{field}"}


def canonical(field):
    """The canonical values of an enumerated field, as tally writes them."""
    return {"enum": [str(v) for v in VOCABULARIES[field]]}


BOOLEAN = words("boolean")
SPOILED = words("spoiled")


def rule_schema(name):
    """The JSON Schema of one rulebook field, from its JSON form (tally.records.rules.form)."""
    kind = form(name)
    if kind == "boolean":
        return BOOLEAN
    if kind == "fraction":
        return fraction
    if kind == "count":
        return {"type": "integer", "minimum": 0, "maximum": COUNT_BOUNDS[name]}
    if kind == "optional-count":
        return {"type": ["integer", "null"], "minimum": 0, "maximum": COUNT_BOUNDS[name]}
    if kind.startswith("words:"):
        return words(kind[len("words:") :])
    if kind.startswith("set:"):
        return {"type": "array", "items": words(kind[len("set:") :])}
    if kind == "size":
        return {
            "oneOf": [
                {"type": "null"},
                {"type": "array", "items": SEATS, "minItems": 2, "maxItems": 2},
            ]
        }
    if kind == "margins":
        return {
            "type": "object",
            "propertyNames": {"enum": ["*", *accepted("post")]},
            "additionalProperties": {
                "type": "array",
                "minItems": 2,
                "maxItems": 2,
                "items": {"type": ["integer", "null"], "minimum": 0, "maximum": MOST_CANDIDATES},
            },
        }
    if kind == "bands":
        return {
            "type": "array",
            "items": {
                "type": "array",
                "minItems": 4,
                "maxItems": 4,
                "items": {"type": ["integer", "null"], "minimum": 0, "maximum": MOST_BALLOTS},
                "description": "[least population, most population, least posts, most posts]; posts at most 1,000",
            },
        }
    raise TypeError(kind)


rules = obj(
    {f.name: rule_schema(f.name) for f in attrs.fields(Rulebook) if f.name not in FIXED},
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
    "description": "One round of voting at one meeting: roll, sign-in, exclusions, contests, ballots and what was declared. See docs/record-format.md. An enumerated field accepts the words listed (Chinese or English); tally also reads them in any case and width, and without spaces, hyphens or underscores, and writes the first of each value's words.",
    "$defs": {"id": ID, "date": DATE},
    **obj(
        {
            "format": {"const": "tally.record/1"},
            "title": {"type": "string"},
            "kind": words("kind"),
            "mode": {
                **words("mode"),
                "description": "a residents' committee's election (R-2); how a 村民会议 (direct, household; V-9) or a 居民会议 (R-4) sits",
            },
            "rulebook": {"enum": list(PRESETS)},
            "rules": rules,
            "day": DATE,
            "roll": {
                "type": "array",
                "items": obj(
                    {
                        "id": ID,
                        "name": {"type": "string"},
                        "sex": words("sex"),
                        "born": DATE,
                        "standing": words("standing"),
                        "rights": words("rights"),
                        "registration": words("registration"),
                        "household": ID,
                        "party_member": BOOLEAN,
                        "deprived": {
                            **BOOLEAN,
                            "description": "deprived of political rights (V-5; a tally addition)",
                        },
                        "role": {**words("role"), "description": "V-9: a 村民代表会议 member's role (村民代表会议 records only)"},
                        "relatives": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {"id": ID, "relation": words("relation")},
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
                            **words("category"),
                            "description": "the six categories of P-7, or migrant-work or other, which are not listed: the member stays in the required attendance (P-6)",
                        },
                        "upper_approved": BOOLEAN,
                        "meeting_approved": BOOLEAN,
                        "note": {"type": "string"},
                        "motion": {
                            **ID,
                            "description": "P-8: where the motion that approved it is (its record or result, such as party-motion.json#m1); meeting_approved is what counts",
                        },
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
                        "relation": words("relation"),
                        "written": BOOLEAN,
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
                        "seats": SEATS,
                        "candidates": {**IDS, "maxItems": MOST_CANDIDATES},
                        "post": words("post"),
                        "stage": words("stage"),
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
                                    "properties": {"spoiled": SPOILED},
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
                    "properties": {"consent": COUNT, "presidium": BOOLEAN},
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
                                    "post": words("post"),
                                    "name": {"type": "string"},
                                    "sex": words("sex"),
                                    "born": DATE,
                                    "party_member": BOOLEAN,
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
            "motions": {
                "type": "array",
                "minItems": 1,
                "description": "a meeting that decides (P-27, V-9, V-31, R-4): each question put to the vote, with its votes",
                "items": obj(
                    {
                        "id": ID,
                        "title": {"type": "string"},
                        "subject": ID,
                        "for": COUNT,
                        "against": COUNT,
                        "abstain": COUNT,
                        "invalid": COUNT,
                    },
                    required=["id", "for"],
                ),
            },
            "declared": {"type": "object", "description": "what was declared: per contest (elections) or per motion (meetings that decide)"},
        },
        required=["format", "kind", "rulebook", "day", "roll", "present"],
    ),
}
DECIDING_WORDS = [w for kind in DECIDING for w in VOCABULARIES["kind"][kind]]
DECLARED_ELECTED = {
    "type": "object",
    "additionalProperties": {
        "type": "object",
        "properties": {"elected": IDS, "votes": {"type": "object", "additionalProperties": COUNT}},
        "required": ["elected"],
        "additionalProperties": False,
    },
}
DECLARED_PASSED = {
    "type": "object",
    "additionalProperties": {
        "type": "object",
        "properties": {"passed": BOOLEAN},
        "required": ["passed"],
        "additionalProperties": False,
    },
}
# A record is an election (contests and ballots) or a sitting of a meeting that decides
# (motions), by its kind; the fields of the one are not allowed in the other.
ELECTION_ONLY = ("contests", "ballots", "scribes", "reductions", "board", "timeline")
record["if"] = {"properties": {"kind": {"enum": sorted(DECIDING_WORDS)}}, "required": ["kind"]}
record["then"] = {
    "required": ["motions"],
    "properties": {**dict.fromkeys(ELECTION_ONLY, False), "declared": DECLARED_PASSED},
}
record["else"] = {
    "required": ["contests", "ballots"],
    "properties": {"motions": False, "declared": DECLARED_ELECTED},
}
record["$defs"].update(sorted(WORDS.items()))  # every vocabulary the record uses, once
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
        "motion": {"type": "string"},
        "numbers": {"type": "object", "additionalProperties": {"type": "integer"}},
        "test": TEST,
    },
    "required": ["rule", "finding", "numbers"],
    "additionalProperties": False,
}
counts = {"type": "object", "additionalProperties": COUNT}


def nullable(s):
    return {"oneOf": [{"type": "null"}, s]}


election_result = {
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
                    "post": canonical("post"),
                    "stage": {"enum": [s.value for s in Stage]},
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
                                "stage": {"enum": [s.value for s in Stage if s is not Stage.REGULAR]},
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
                    "status": {"enum": list(typing.get_args(Status))},
                    "detail": {"type": "string"},
                    "subject": {"type": "string"},
                    "numbers": {"type": "object", "additionalProperties": {"type": "integer"}},
                },
                "required": ["check", "rule", "statutory", "status", "detail", "numbers"],
                "additionalProperties": False,
            },
        },
        "steps": {"type": "array", "items": step},
        "notes": {
            "type": "array",
            "items": {"type": "string"},
            "description": "What the loading changed or assumed (a file read as GB18030, full-width characters "
            "folded, an id read under the id policy: 'Ｍ０７' read as 'M07'): written by the command line, absent "
            "when there is nothing to say.",
        },
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
}
COMPLIANCE = election_result["properties"]["compliance"]
NOTES = election_result["properties"]["notes"]
decisions_result = {
    "type": "object",
    "description": "The result of a meeting that decides by attendance and vote (P-27, V-9, V-31, R-4).",
    "properties": {
        "format": {"const": "tally.result/1"},
        "tally": {"type": "string", "description": "the version of tally that counted"},
        "title": {"type": "string"},
        "kind": {"enum": sorted(k.value for k in DECIDING)},
        "rulebook": election_result["properties"]["rulebook"],
        "day": {"type": "string", "format": "date"},
        "agrees": {"type": ["boolean", "null"], "description": "null when nothing was declared to compare with"},
        "held": {"type": "boolean", "description": "the meeting sat (P-27, V-9, R-4), or the recall's vote was valid (V-31)"},
        "attendance": {
            "type": "object",
            "properties": {
                "mode": {"enum": [None, "direct", "household", "group-representatives"]},
                "base": COUNT,
                "attending": COUNT,
                "needed": COUNT,
                "sits": {"type": "boolean"},
                "test": TEST,
            },
            "required": ["mode", "base", "attending", "needed", "sits", "test"],
            "additionalProperties": False,
        },
        "motions": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": ID,
                    "title": {"type": "string"},
                    "subject": {"type": ["string", "null"]},
                    "votes": {
                        "type": "object",
                        "properties": {key: {"type": ["integer", "null"], "minimum": 0} for key in ("for", "against", "abstain", "invalid")},
                        "required": ["for", "against", "abstain", "invalid"],
                        "additionalProperties": False,
                    },
                    "decided": {"type": "boolean", "description": "false when the meeting could not decide"},
                    "passed": {"type": "boolean"},
                    "test": nullable(TEST),
                    "base": COUNT,
                    "needed": {"type": ["integer", "null"], "minimum": 0},
                },
                "required": ["id", "title", "subject", "votes", "decided", "passed", "test", "base", "needed"],
                "additionalProperties": False,
            },
        },
        "discrepancies": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "contest": {**ID, "description": "the motion's id"},
                    "what": {"enum": ["passed", "not declared", "inquorate", "turnout not met"]},
                    "declared": {"type": ["boolean", "null"]},
                    "counted": {"type": "boolean"},
                },
                "required": ["contest", "what", "declared", "counted"],
                "additionalProperties": False,
            },
        },
        "compliance": COMPLIANCE,
        "steps": {"type": "array", "items": step},
        "notes": NOTES,
    },
    "required": [
        "format",
        "tally",
        "title",
        "kind",
        "rulebook",
        "day",
        "agrees",
        "held",
        "attendance",
        "motions",
        "discrepancies",
        "compliance",
        "steps",
    ],
    "additionalProperties": False,
}
result = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://tally.invalid/schema/result.schema.json",
    "title": "tally verification result, format tally.result/1",
    "description": "What tally verify --format json prints: the result of an election, or of a meeting that decides. See docs/record-format.md.",
    "oneOf": [{"$ref": "#/$defs/election"}, {"$ref": "#/$defs/decisions"}],
    "$defs": {"id": ID, "election": election_result, "decisions": decisions_result},
}


def build():
    """The schemas as the code makes them, by name, as the text written to disk."""
    return {name: json.dumps(sch, ensure_ascii=False, indent=2) + "\n" for name, sch in (("record", record), ("result", result))}


def targets(name):
    """Where the schema *name* is written: the package and docs/."""
    return [ROOT / "src" / "tally" / "schema" / f"{name}.schema.json", ROOT / "docs" / f"{name}.schema.json"]


def main():
    for name, text in build().items():
        for path in targets(name):
            path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
