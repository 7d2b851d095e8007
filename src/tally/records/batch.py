"""Many records: verifying a folder or a list of files, through any executor."""

from __future__ import annotations

import functools
import pathlib
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any

import attrs

from .._compliance import Finding
from .._values import shown
from ..errors import Problem, RecordError, RuleError
from .files import load
from .record import Note

# --- many records ---------------------------------------------------------------------------------

INTERNAL = 3
"""The status of a record whose verification met a bug in tally (an exception that is not one of
tally's own errors): the batch goes on, and the summary names the exception."""


@attrs.frozen
class Outcome:
    """The verification of one file among many: its ``path``, the exit ``status`` (0 agrees,
    1 disagrees or void, 2 broken, 3 an internal error: a bug in tally, to report), a one-line
    ``summary``, and its compliance ``findings``;
    the ``problems`` of a broken record, every one; the ``notes`` of its loading; and, when
    asked for (:func:`verify_path` with ``result=True``), the ``result`` as the result format."""

    path: str
    status: int
    summary: str
    discrepancies: int = 0
    findings: tuple[Finding, ...] = ()
    problems: tuple[Problem, ...] = ()
    notes: tuple[Note, ...] = ()
    result: Mapping[str, Any] | None = None
    what: tuple[str, ...] = ()
    """The kinds of discrepancy found (``elected``, ``votes``, ``void round``, ...), sorted."""


def verify_path(path: str, *, result: bool = False) -> Outcome:
    """Verify one record (a JSON file, a workbook, a folder of CSV sheets, or ``-`` for
    standard input). It never raises (but for KeyboardInterrupt and the like): a broken record
    has status 2 and its first problem as the summary; an exception that is not tally's own
    error is a bug in tally, status 3 (:data:`INTERNAL`) with ``internal error: TypeError: …``,
    so that a batch goes on. With ``result=True`` the outcome carries the result format
    (``tally.result/1``) too.

    >>> verify_path("no-such-file.json").summary
    'cannot read the file: No such file or directory'
    """
    import sys

    from .result import result_to_dict

    try:
        rec = load(sys.stdin.buffer if path == "-" else path)
        v = rec.verify()
        findings = rec.compliance()
        full = result_to_dict(v, findings, title=rec.title, day=rec.day) if result else None
    except (RecordError, RuleError) as error:
        many = len(error.problems)
        first = str(error.problems[0])
        summary = first if many == 1 else f"{many} problems; the first: {first}"
        return Outcome(path, 2, summary, problems=error.problems)
    except Exception as error:  # a bug in tally: this record's line says so, the batch goes on
        return Outcome(path, INTERNAL, internal_error(error))
    if v.agrees:
        return Outcome(path, 0, "agrees", 0, findings, notes=rec.notes, result=full)
    kinds = tuple(sorted({d.what for d in v.discrepancies}))
    return Outcome(
        path,
        1,
        f"disagrees: {', '.join(kinds)}",
        len(v.discrepancies),
        findings,
        notes=rec.notes,
        result=full,
        what=kinds,
    )


def internal_error(error: BaseException) -> str:
    """The one line that names a bug in tally: ``internal error: TypeError: '…'`` (short).

    >>> print(internal_error(ZeroDivisionError("division by zero")))
    internal error: ZeroDivisionError: 'division by zero'
    """
    return f"internal error: {type(error).__name__}: {shown(str(error))}"


_WORST = ("not met", "cannot tell", "met", "not applicable")
"""A record's standing on a check that it has several findings of (one per proxy, one per
objection): the first of these that one of them has."""


def compliance_table(outcomes: Iterable[Outcome]) -> list[dict[str, Any]]:
    """Per check over many records: how many records meet it, do not, cannot tell, or are not
    concerned, and which records do not meet it. The rows of the township summary (``tally
    compliance``). The numbers count records, each once per check: a record with several findings
    of one check (a proxy each, an objection each) counts where the worst of them stands (not met,
    else cannot tell, else met). The check ``youth`` has its ``age`` too: the ages its records' rulebooks
    set, sorted (one, unless a record's rules set another).

    >>> from tally._compliance import Finding
    >>> proxies = [Finding("proxy-filed", "V-16", True, s) for s in ("met", "not met", "met")]
    >>> row, = compliance_table([Outcome("a.json", 0, "agrees", findings=tuple(proxies))])
    >>> row["met"], row["not met"], row["failing"]
    (0, 1, ['a.json'])
    """
    rows: dict[str, dict[str, Any]] = {}
    ages: dict[str, set[int]] = {}
    for o in outcomes:
        standing: dict[str, str] = {}
        for f in o.findings:
            if f.check not in rows:
                rows[f.check] = {"check": f.check, "rule": f.rule, "statutory": f.statutory}
                rows[f.check].update({"met": 0, "not met": 0, "cannot tell": 0, "not applicable": 0, "failing": []})
            if "age" in f.numbers:
                ages.setdefault(f.check, set()).add(f.numbers["age"])
            was = standing.get(f.check)
            if was is None or _WORST.index(f.status) < _WORST.index(was):
                standing[f.check] = f.status
        for check, status in standing.items():
            rows[check][status] += 1
            if status == "not met":
                rows[check]["failing"].append(o.path)
    for check, seen in ages.items():
        rows[check]["age"] = sorted(seen)
    return list(rows.values())


def verify_many(
    paths: Iterable[str],
    *,
    executor: Executor | None = None,
    result: bool = False,
    done: Callable[[int, int], None] | None = None,
) -> list[Outcome]:
    """Verify many records, in order, through any :class:`concurrent.futures.Executor`
    (a process pool on one machine, a cluster's executor across many: Dask's
    ``Client.get_executor()``), or in this process when none is given; ``result=True`` keeps
    each result (:func:`verify_path`). ``done(k, n)``, when given, is called as each outcome
    arrives (k of n), for a progress bar.

    >>> from tally.records import verify_many
    >>> verify_many([])
    []
    """
    paths = list(paths)
    one = functools.partial(verify_path, result=result)
    if executor is None:
        outcomes: Iterable[Outcome] = map(one, paths)
    elif isinstance(executor, ProcessPoolExecutor):
        # Send paths to the workers in batches: one round trip per record would cost more
        # than verifying a small record.
        outcomes = executor.map(one, paths, chunksize=max(1, min(32, len(paths) // 16)))
    else:
        outcomes = executor.map(one, paths)
    out: list[Outcome] = []
    for outcome in outcomes:
        out.append(outcome)
        if done is not None:
            done(len(out), len(paths))
    return out


_RECORD_SUFFIXES = (".json", ".xlsx")


def expand(paths: Iterable[str]) -> list[str]:
    """The records named: files as named, and in folders (searched in sorted order) the
    ``*.json`` and ``*.xlsx`` files, whatever the case of their suffix, and each folder that
    holds one record's CSV sheets (as one record). Excel's lock files (``~$name.xlsx``) are
    not records.

    >>> expand(["-"])
    ['-']
    """
    from .sheets import is_csv_folder

    out: list[str] = []

    def walk(folder: pathlib.Path) -> None:
        if is_csv_folder(folder):
            out.append(str(folder))
            return
        for child in sorted(folder.iterdir()):
            if child.is_dir():
                walk(child)
            elif child.suffix.lower() in _RECORD_SUFFIXES and not child.name.startswith("~$"):
                out.append(str(child))

    for p in paths:
        path = pathlib.Path(p)
        if p != "-" and path.is_dir():
            walk(path)
        else:
            out.append(p)
    return out
