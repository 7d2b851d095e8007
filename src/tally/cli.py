"""The ``tally`` command: verify, report, next round, rulebooks and built-in examples.

Exit status: 0 when the recount agrees with what was declared (or, for commands that do not
verify, when all went well); 1 when it does not, or the round is void; 2 when a record is broken
or the command is misused. Errors go to stderr, one line each with their path; bad input never
prints a traceback.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import IO, Any

import attrs
from tabulate import tabulate

from . import __version__
from ._rulebook import FIELD_RULES, PRESETS, Rulebook
from .catalogue import FIELDS
from .errors import RecordError, RuleError
from .examples import DESCRIPTIONS, NAMES
from .examples import text as example_text
from .records import Record, compliance_table, dumps, expand, load, next_round, verify_many
from .report import CITES, FORMATS, LANGS, render

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tally",
        description="Count and explain grassroots election meetings, rule by rule.",
        epilog="Try: tally example branch | tally verify -",
    )
    parser.add_argument("--version", action="version", version=f"tally {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def look(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lang", choices=LANGS, default="en", help="language of the report (default en)")
        p.add_argument("--format", choices=FORMATS, default="text", dest="fmt", help="report format (default text)")
        p.add_argument(
            "--cite",
            choices=CITES,
            default="rule",
            help="rule: rule IDs only (default); article: the article of the law beside each rule ID",
        )

    verify = commands.add_parser(
        "verify",
        help="recount records and compare with what was declared (exit 0 agrees, 1 not, 2 broken)",
        description="Recount each record and compare with what was declared. One record: its full report. "
        "Several, or a folder: one line each and a summary. RECORD '-' reads standard input.",
    )
    verify.add_argument("records", nargs="+", metavar="RECORD", help="record files or folders of *.json; - for stdin")
    look(verify)
    verify.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="worker processes for many records (default 1)"
    )
    verify.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="send the records to a running Dask scheduler (tcp://host:8786); needs tally[dask]",
    )
    verify.add_argument(
        "--strict", action="store_true", help="also exit 1 when a statutory composition or timeline check is not met"
    )

    comply = commands.add_parser(
        "compliance",
        help="check the composition and timeline of many records: per check, how many meet it, and which do not",
    )
    comply.add_argument("records", nargs="+", metavar="RECORD", help="record files or folders of *.json")
    comply.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    comply.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")

    report = commands.add_parser("report", help="print the report of a record, agreeing or not")
    report.add_argument("record", metavar="RECORD", help="a record file; - for stdin")
    look(report)

    nxt = commands.add_parser(
        "next", help="write the record skeleton of the next round (tie-break or further election)"
    )
    nxt.add_argument("record", metavar="RECORD", help="a record file; - for stdin")
    nxt.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")

    books = commands.add_parser("rulebooks", help="list the rulebook presets, or show one with its values")
    books.add_argument("id", nargs="?", metavar="ID", help="a preset id")

    example = commands.add_parser("example", help="list the built-in example records, or print one")
    example.add_argument("name", nargs="?", metavar="NAME", help="an example name")
    return parser


def _fail(error: RecordError | RuleError, where: str = "") -> int:
    prefix = f"{where}: " if where else ""
    for problem in error.problems:
        print(f"tally: {prefix}{problem}", file=sys.stderr)
    return 2


def _open(path: str) -> Record:
    return load(sys.stdin if path == "-" else path)


def _verify(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        print("tally: --jobs: must be at least 1", file=sys.stderr)
        return 2
    paths = expand(args.records)
    if len(paths) == 1 and paths == args.records:
        return _verify_one(paths[0], args)
    if "-" in paths:
        print("tally: '-' (standard input) verifies one record only", file=sys.stderr)
        return 2
    progress = _Progress(sys.stderr)
    if args.scheduler:
        client = _dask_client(args.scheduler)
        if client is None:
            return 2
        with client:
            outcomes = verify_many(paths, executor=client.get_executor(), done=progress)
    elif args.jobs > 1:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            outcomes = verify_many(paths, executor=pool, done=progress)
    else:
        outcomes = verify_many(paths, done=progress)
    progress.close()
    status = {0: "agrees", 1: "DISAGREES", 2: "BROKEN"}
    if args.strict:
        outcomes = [
            attrs.evolve(o, status=1, summary=f"{o.summary}; a statutory check not met")
            if o.status == 0 and any(f.statutory and f.status == "not met" for f in o.findings)
            else o
            for o in outcomes
        ]
    rows = [(o.path, status[o.status], o.summary) for o in outcomes]
    print(tabulate(rows, headers=["record", "status", "detail"], tablefmt="simple"))
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in (0, 1, 2)}
    print(f"\n{len(outcomes)} records: {counts[0]} agree, {counts[1]} disagree, {counts[2]} broken")
    return max((o.status for o in outcomes), default=0)


class _Progress:
    """A progress bar for long batch runs, on a terminal only: nothing at all when stderr is
    piped or redirected (a log or a script sees only the results)."""

    def __init__(self, out: IO[str], width: int = 30) -> None:
        self.out = out
        self.on = out.isatty()
        self.width = width
        self.shown = False

    def __call__(self, k: int, n: int) -> None:
        if not self.on or (k < n and k % max(1, n // 200)):
            return  # redraw at most 200 times a run
        full = self.width * k // n
        self.out.write(f"\r[{'#' * full}{'.' * (self.width - full)}] {k}/{n} records")
        self.out.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.out.write("\n")
            self.out.flush()


def _dask_client(address: str) -> Any:
    """A Dask client of the scheduler at *address*, or ``None`` with the reason on stderr."""
    try:
        # An optional dependency (tally[dask]), looked up when asked for: typed as Any here.
        distributed: Any = importlib.import_module("dask.distributed")
    except ImportError:
        print("tally: --scheduler needs Dask: pip install 'tally[dask]'", file=sys.stderr)
        return None
    try:
        return distributed.Client(address)  # waits as Dask's config says (distributed.comm.timeouts.connect)
    except (OSError, TimeoutError, ValueError) as error:
        print(f"tally: --scheduler: cannot reach the Dask scheduler at {address}: {error}", file=sys.stderr)
        return None


def _verify_one(path: str, args: argparse.Namespace) -> int:
    try:
        rec = _open(path)
        v = rec.verify()
        findings = rec.compliance()
    except (RecordError, RuleError) as error:
        return _fail(error, "" if path == "-" else path)
    sys.stdout.write(
        render(
            v,
            fmt=args.fmt,
            lang=args.lang,
            title=rec.title,
            day=rec.day.isoformat(),
            findings=findings,
            changed=[FIELDS[f][args.lang] for f in rec.rules if f in FIELDS],
            cite=args.cite,
        )
    )
    unmet = any(f.statutory and f.status == "not met" for f in findings)
    return 0 if v.agrees and not (args.strict and unmet) else 1


def _report(args: argparse.Namespace) -> int:
    try:
        rec = _open(args.record)
        v = rec.verify()
        findings = rec.compliance()
    except (RecordError, RuleError) as error:
        return _fail(error, "" if args.record == "-" else args.record)
    sys.stdout.write(
        render(
            v,
            fmt=args.fmt,
            lang=args.lang,
            title=rec.title,
            day=rec.day.isoformat(),
            findings=findings,
            changed=[FIELDS[f][args.lang] for f in rec.rules if f in FIELDS],
            cite=args.cite,
        )
    )
    return 0


def _compliance(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        print("tally: --jobs: must be at least 1", file=sys.stderr)
        return 2
    paths = expand(args.records)
    if args.jobs > 1:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            outcomes = verify_many(paths, executor=pool)
    else:
        outcomes = verify_many(paths)
    for o in outcomes:
        if o.status == 2:
            print(f"tally: {o.path}: {o.summary}", file=sys.stderr)
    rows = compliance_table(outcomes)
    columns = ["check", "rule", "statutory", "met", "not met", "cannot tell", "not applicable", "failing"]
    if args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([*(row[c] for c in columns[:-1]), " ".join(row["failing"])])
    else:
        table = [[*(row[c] for c in columns[:-1]), "\n".join(row["failing"])] for row in rows]
        print(tabulate(table, headers=columns, tablefmt="simple"))
        broken = sum(1 for o in outcomes if o.status == 2)
        print(f"\n{len(outcomes)} records, {broken} broken")
    return 2 if any(o.status == 2 for o in outcomes) else 0


def _next(args: argparse.Namespace) -> int:
    try:
        rec = _open(args.record)
        skeleton = next_round(rec)
    except (RecordError, RuleError) as error:
        return _fail(error, "" if args.record == "-" else args.record)
    if skeleton is None:
        print("tally: no next round: every contest is decided (or the round must be held again)", file=sys.stderr)
        return 1
    text = dumps(skeleton)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as f:
                f.write(text)
        except OSError as error:
            print(f"tally: {args.output}: {error.strerror or error}", file=sys.stderr)
            return 2
    else:
        sys.stdout.write(text)
    return 0


def _value(value: Any) -> str:
    if isinstance(value, frozenset):
        return ", ".join(sorted(value))
    return str(value)


def _rulebooks(args: argparse.Namespace, out: IO[str]) -> int:
    if args.id is None:
        rows = [(book.id, book.kind.value, book.title) for book in PRESETS.values()]
        print(tabulate(rows, headers=["id", "kind", "title"], tablefmt="simple"), file=out)
        return 0
    if args.id not in PRESETS:
        print(f"tally: no preset {args.id!r}; the presets are {', '.join(PRESETS)}", file=sys.stderr)
        return 2
    book = PRESETS[args.id]
    rows2 = [(f.name, _value(getattr(book, f.name)), FIELD_RULES.get(f.name, "")) for f in attrs.fields(Rulebook)]
    print(tabulate(rows2, headers=["field", "value", "rules"], tablefmt="simple"), file=out)
    return 0


def _example(args: argparse.Namespace) -> int:
    if args.name is None:
        rows = [(name, DESCRIPTIONS[name]) for name in NAMES]
        print(tabulate(rows, headers=["name", "what it shows"], tablefmt="simple"))
        print("\nPrint one with: tally example NAME; verify it with: tally example NAME | tally verify -")
        return 0
    try:
        sys.stdout.write(example_text(args.name))
    except RecordError as error:
        return _fail(error)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "verify":
        return _verify(args)
    if args.command == "report":
        return _report(args)
    if args.command == "compliance":
        return _compliance(args)
    if args.command == "next":
        return _next(args)
    if args.command == "rulebooks":
        return _rulebooks(args, sys.stdout)
    return _example(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
