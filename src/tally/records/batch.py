"""Many records: verifying a folder or a list of files, through any executor."""

from __future__ import annotations

import pathlib
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any

import attrs

from .._compliance import Finding
from ..errors import RecordError, RuleError
from .files import load

# --- many records ---------------------------------------------------------------------------------


@attrs.frozen
class Outcome:
    """The verification of one file among many: its ``path``, the exit ``status`` (0 agrees,
    1 disagrees or void, 2 broken), a one-line ``summary``, and its compliance ``findings``."""

    path: str
    status: int
    summary: str
    discrepancies: int = 0
    findings: tuple[Finding, ...] = ()


def verify_path(path: str) -> Outcome:
    """Verify one record file; never raises for a broken record (its status is 2)."""
    try:
        rec = load(path)
        v = rec.verify()
        findings = rec.compliance()
    except (RecordError, RuleError) as error:
        many = len(error.problems)
        first = str(error.problems[0])
        return Outcome(path, 2, first if many == 1 else f"{many} problems; the first: {first}")
    if v.agrees:
        return Outcome(path, 0, "agrees", 0, findings)
    what = ", ".join(sorted({d.what for d in v.discrepancies}))
    return Outcome(path, 1, f"disagrees: {what}", len(v.discrepancies), findings)


def compliance_table(outcomes: Iterable[Outcome]) -> list[dict[str, Any]]:
    """Per check over many records: how many meet it, do not, cannot tell, or do not apply, and
    which records do not meet it. The rows of the township summary (``tally compliance``)."""
    rows: dict[str, dict[str, Any]] = {}
    for o in outcomes:
        for f in o.findings:
            row = rows.setdefault(
                f.check,
                {
                    "check": f.check,
                    "rule": f.rule,
                    "statutory": f.statutory,
                    "met": 0,
                    "not met": 0,
                    "cannot tell": 0,
                    "not applicable": 0,
                    "failing": [],
                },
            )
            row[f.status] += 1
            if f.status == "not met" and o.path not in row["failing"]:
                row["failing"].append(o.path)
    return list(rows.values())


def verify_many(
    paths: Iterable[str], *, executor: Executor | None = None, done: Callable[[int, int], None] | None = None
) -> list[Outcome]:
    """Verify many record files, in order, through any :class:`concurrent.futures.Executor`
    (a process pool on one machine, a cluster's executor across many: Dask's
    ``Client.get_executor()``), or in this process when none is given. ``done(k, n)``, when
    given, is called as each outcome arrives (k of n), for a progress bar.

    >>> from tally.records import verify_many
    >>> verify_many([])
    []
    """
    paths = list(paths)
    if executor is None:
        outcomes: Iterable[Outcome] = map(verify_path, paths)
    elif isinstance(executor, ProcessPoolExecutor):
        # Send paths to the workers in batches: one round trip per record would cost more
        # than verifying a small record.
        outcomes = executor.map(verify_path, paths, chunksize=max(1, min(32, len(paths) // 16)))
    else:
        outcomes = executor.map(verify_path, paths)
    out: list[Outcome] = []
    for outcome in outcomes:
        out.append(outcome)
        if done is not None:
            done(len(out), len(paths))
    return out


def expand(paths: Iterable[str]) -> list[str]:
    """Files named, and the ``*.json`` files in folders named, in sorted order."""
    out: list[str] = []
    for p in paths:
        path = pathlib.Path(p)
        if path.is_dir():
            out.extend(str(f) for f in sorted(path.rglob("*.json")))
        else:
            out.append(p)
    return out


