"""The ``tally`` command: verify, report, next round, rulebooks and built-in examples.

Exit status: 0 when the recount agrees with what was declared (or, for commands that do not
verify, when all went well); 1 when it does not, or the round is void; 2 when a record is broken
or the command is misused. Errors go to stderr, one line each with their path; bad input never
prints a traceback.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
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
        "--strict", action="store_true", help="also exit 1 when a statutory composition or timeline check is not met"
    )

    check = commands.add_parser(
        "check",
        help="check records without counting them: every problem of each, with its path (exit 0 sound, 2 broken)",
        description="Read and check each record: every problem of every phase (shape, words, references, "
        "margins, papers, what was declared) in one run, one line each with its path. RECORD '-' reads "
        "standard input.",
    )
    check.add_argument("records", nargs="+", metavar="RECORD", help="record files or folders of *.json; - for stdin")

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

    forms = commands.add_parser(
        "forms",
        help="print a paper form of the election: ballot, sign-in sheet, tally sheet or result report",
        description="Make a form of the election in RECORD, ready to print: the ballot papers (ballot), the "
        "sign-in sheet (sign-in), a blank tally sheet (tally-sheet) or the result report to sign (result). "
        "HTML to standard output or FILE; PDF (needs Chromium) to FILE.",
    )
    forms.add_argument("record", metavar="RECORD", help="a record file; - for stdin")
    forms.add_argument("--form", required=True, choices=("ballot", "sign-in", "tally-sheet", "result"))
    forms.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the form (default zh)")
    forms.add_argument("--format", choices=("html", "pdf"), default="html", dest="fmt", help="default html")
    forms.add_argument("-o", "--output", metavar="FILE", help="write here (needed for pdf)")

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


def _same_file(a: str, b: str) -> bool:
    """Whether two names are one file: the same resolved path, or the same file on disk (a hard
    link, or a path the resolution does not see through)."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False  # one of them does not exist: not the same file


def _output(path: str, write: Callable[[str], None], *, reads: Iterable[str]) -> int:
    """Write a command's output file, for every command that writes one.

    Never over a file the command reads (*reads*: its inputs, ``-`` for standard input), however
    it is named; and whole or not at all: *write* fills a temporary file in the same folder,
    which then replaces the output in one step (``os.replace``), so that a failed write leaves the
    old file as it was. 0, or 2 with the reason on standard error."""
    for source in reads:
        if source != "-" and _same_file(path, source):
            print(f"tally: {path}: is the record itself; give another -o FILE", file=sys.stderr)
            return 2
    target = os.path.realpath(path)  # through a symbolic link: the file it names is replaced
    folder = os.path.dirname(target)
    try:
        mode = os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask  # a new file, as open() would make it
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder)
        os.close(handle)
        write(temporary)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
        temporary = None
    except OSError as error:
        print(f"tally: {path}: {error.strerror or error}", file=sys.stderr)
        return 2
    except UnicodeError as error:
        print(f"tally: {path}: cannot be written as UTF-8: {error}", file=sys.stderr)
        return 2
    finally:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
    return 0


def _text(text: str) -> Callable[[str], None]:
    def write(path: str) -> None:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    return write


def _check(args: argparse.Namespace) -> int:
    status = 0
    for path in expand(args.records):
        try:
            _open(path)
        except (RecordError, RuleError) as error:
            status = _fail(error, "" if path == "-" else path)
            continue
        print(f"{'-' if path == '-' else path}: sound")
    return status


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
    if args.jobs > 1:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            outcomes = verify_many(paths, executor=pool)
    else:
        outcomes = verify_many(paths)
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
        return _output(args.output, _text(text), reads=[args.record])
    sys.stdout.write(text)
    return 0


def _forms(args: argparse.Namespace) -> int:
    """`tally forms`: one form as HTML (stdout or -o) or PDF (-o, by Chromium); never over the record."""
    from .forms import PrintError, print_pdf, render

    out = args.output
    if args.fmt == "pdf" and not out:
        print("tally: forms --format pdf needs -o FILE", file=sys.stderr)
        return 2
    if out and args.record != "-" and _same_file(out, args.record):  # before the work: refused anyway
        print(f"tally: {out}: is the record itself; give another -o FILE", file=sys.stderr)
        return 2
    try:
        page = render(_open(args.record), args.form, lang=args.lang)
    except (RecordError, RuleError) as error:
        return _fail(error, "" if args.record == "-" else args.record)
    if not out:
        sys.stdout.write(page)
        return 0
    if args.fmt == "html":
        return _output(out, _text(page), reads=[args.record])

    def pdf(path: str) -> None:
        with tempfile.TemporaryDirectory(prefix="tally-forms-") as tmp:
            html_file = os.path.join(tmp, f"{args.form}.html")
            _text(page)(html_file)
            print_pdf(html_file, path)

    try:
        return _output(out, pdf, reads=[args.record])
    except PrintError as error:
        print(f"tally: {error}", file=sys.stderr)
        return 2


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
    if args.command == "check":
        return _check(args)
    if args.command == "compliance":
        return _compliance(args)
    if args.command == "next":
        return _next(args)
    if args.command == "rulebooks":
        return _rulebooks(args, sys.stdout)
    if args.command == "forms":
        return _forms(args)
    return _example(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
