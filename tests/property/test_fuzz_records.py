"""Fuzzing the record loader (issue 17): mutated and malformed record texts.

A built-in example, mutated: keys deleted, values replaced by other JSON types, integers too long
for Python, strings of 100,000 characters, ids with invisible or full-width characters, nesting
deeper than Python reads, NaN, a key given twice in the text. The law: ``load`` gives a Record or
one of tally's two errors, each problem with a path (``""`` only for a problem of the file as a
whole) and a short reason; ``tally verify -`` exits 0, 1 or 2 and never prints a traceback."""

from __future__ import annotations

import contextlib
import copy
import io
import json
from collections.abc import Iterator
from typing import Any
from unittest import mock

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tally import RecordError, Rulebook, RuleError
from tally.cli import main
from tally.examples import NAMES, load
from tally.records import Record
from tally.records import load as load_record

# Raw JSON texts that Python's json module cannot hold as values, put into the text as they are.
RAW = st.sampled_from(
    [
        "7" * 5000,  # more digits than Python reads
        "-" + "9" * 4400,
        "9" * 4000,  # read, then refused by its bound
        "NaN",
        "Infinity",
        "1e400",
        "[" * 20_000 + "]" * 20_000,  # deeper than Python reads
        '{"a":' * 3000 + "1" + "}" * 3000,
        "[" * 900 + "]" * 900,  # deep, but within what Python reads
        "-0",
        "1.0",
    ]
)

# Other JSON values, some of them nasty for an id or a count.
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.sampled_from([0, 1, 10**9, 10**9 + 1, -1, 366, 367, 1000, 1001]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=8),
    st.sampled_from(
        [
            "x" * 100_000,
            "M01\u200b",
            "\ufeffM01",
            "Ｍ０７",
            " V04",
            "M01 ",
            "M\t01",
            "\u3000",
            "",
            "2026-W21-4",
            "9999-12-28",
            "0001-01-01",
            "2026-02-30",
            "committee",
            "M01",
        ]
    ),
    st.builds(list),
    st.builds(dict),
    st.builds(lambda: ["M01", "Ｍ０１"]),
    st.builds(lambda: {"for": ["M01"]}),
)


RULE_FIELDS = [f.name for f in attrs.fields(Rulebook)]
TOP_FIELDS = [
    "rules",
    "exclusions",
    "proxies",
    "mobile",
    "scribes",
    "reductions",
    "declared",
    "mode",
    "board",
    "timeline",
]


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, (*prefix, i))


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


@st.composite
def record_texts(draw: st.DrawFn) -> str:
    """A built-in record as JSON text, with one to four mutations."""
    data = copy.deepcopy(load(draw(st.sampled_from(NAMES))))
    raws: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, key = _at(data, path[:-1]), path[-1]
        action = draw(st.sampled_from(["delete", "replace", "raw", "rekey", "twice", "rule", "add"]))
        if action == "rule":
            # A rulebook override of any field, with any value.
            rules = data.setdefault("rules", {})
            if isinstance(rules, dict):
                rules[draw(st.sampled_from(RULE_FIELDS))] = draw(VALUES | st.lists(VALUES, max_size=4))
        elif action == "add":
            # An optional part of the record, present with any value (or the same key twice).
            data[draw(st.sampled_from(TOP_FIELDS))] = draw(VALUES)
        elif action == "delete":
            del parent[key]
        elif action == "replace":
            parent[key] = draw(VALUES)
        elif action == "raw":
            parent[key] = f"@@RAW{len(raws)}@@"
            raws.append(draw(RAW))
        elif action == "rekey" and isinstance(parent, dict):
            # The same key written another way: with a space, invisible, full-width.
            spelling = draw(st.sampled_from([f"{key} ", f"{key}\u200b", f"\u3000{key}", key.upper()]))
            parent[spelling] = parent.pop(key)
        elif action == "twice" and isinstance(parent, dict):
            # The key given twice in the text: a marker key, renamed after writing.
            parent[f"@@TWICE{len(raws)}@@"] = draw(VALUES)
            raws.append(json.dumps(key, ensure_ascii=False))
    text = json.dumps(data, ensure_ascii=False)
    for i, raw in enumerate(raws):
        text = text.replace(f'"@@RAW{i}@@"', raw).replace(f'"@@TWICE{i}@@"', raw)
    return text


def _check(error: RecordError | RuleError) -> None:
    assert error.problems
    for p in error.problems:
        assert isinstance(p.path, str)
        assert p.reason
        # A problem of the file as a whole has the path ""; any other names where it is.
        assert p.path or p.reason.startswith(("the file", "must be an object")), p
        assert len(p.path) < 500, p  # a short excerpt, never the value
        assert len(p.reason) < 1000, p


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(record_texts())
def test_load_gives_a_record_or_our_error(text: str) -> None:
    """Any mutated record text: a Record, or a RecordError or RuleError whose problems each have
    a path and a short reason; verifying and checking the Record gives a result or our error."""
    try:
        rec = load_record(io.StringIO(text))
        assert isinstance(rec, Record)
        rec.verify()
        rec.compliance()
    except (RecordError, RuleError) as error:
        _check(error)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(record_texts())
def test_tally_verify_exits_0_1_or_2_and_never_with_a_traceback(text: str) -> None:
    """`tally verify -` on any mutated record: exit 0, 1 or 2; stderr holds our lines only."""
    out, err = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")
    with mock.patch("sys.stdin", stdin), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["verify", "-"])
    assert status in (0, 1, 2), err.getvalue()
    lines = err.getvalue().splitlines()
    assert all(line.startswith("tally: ") for line in lines), lines
    assert "Traceback" not in err.getvalue()
    assert len(err.getvalue()) < 20_000
    assert (status == 2) == (out.getvalue() == "")
