"""The ``tally`` command: verify, report, compliance, next round, templates and conversion of
workbooks, rulebooks and built-in examples.

Exit status: 0 when the recount agrees with what was declared (or, for commands that do not
verify, when all went well); 1 when it does not, or the round is void; 2 when a record is broken
or the command is misused; 3 when tally met a bug of its own (an internal error, named on stderr:
please report it, with the record). Errors go to stderr, one line each with their path (or, for a
workbook, their cell), at most 20 of them unless ``--format json``; bad input never prints a
traceback, and a closed pipe (``tally example village | head``) ends quietly.

The language is ``--lang``, else ``TALLY_LANG``, else the locale (``LC_ALL``, ``LC_MESSAGES``,
``LANG`` beginning with ``zh``), else English. The command line's words are in
:mod:`tally.cli_words`.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import os
import pathlib
import re
import shutil
import sys
import tempfile
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from fractions import Fraction
from typing import IO, Any, Literal

import attrs
from tabulate import tabulate

from . import __version__
from ._frozen import FrozenMap
from ._rulebook import FIELD_RULES, PRESETS, Kind, Rulebook, preset
from ._values import Word, shown
from .catalogue import (
    ARGPARSE_ZH,
    CATEGORIES,
    CHECKS,
    DISCREPANCIES,
    FIELD_VALUES,
    FIELDS,
    KINDS,
    POSTS,
    RULEBOOKS,
    fill,
    share,
)
from .cli_words import Lang, say
from .errors import Problem, RecordError, RuleError
from .examples import ALL, DESCRIPTIONS, DESCRIPTIONS_ZH, MEETING_DESCRIPTIONS, MEETING_DESCRIPTIONS_ZH
from .examples import text as example_text
from .records import (
    AssemblyRecord,
    Outcome,
    Record,
    compliance_table,
    dumps,
    expand,
    load,
    next_round,
    result_to_dict,
    verify_many,
)
from .records.batch import INTERNAL, internal_error
from .records.record import Note
from .records.sheets import TEMPLATE_KINDS
from .report import CITES, FORMATS, LANGS, render

__all__ = ["main"]

MAX_PROBLEMS = 20
"""Problems printed for one record; the rest are counted (``--format json`` prints them all)."""


class _Misuse(Exception):
    """A command used wrongly: the message is printed and the exit status is 2."""


# --- language -------------------------------------------------------------------------------------


def language(given: str | None, environ: Mapping[str, str] | None = None) -> Lang:
    """The language of the output: *given* (``--lang``), else ``TALLY_LANG``, else the locale,
    else English. A ``TALLY_LANG`` that is not ``zh`` or ``en`` is an error, not English.

    >>> language(None, {"LANG": "zh_CN.UTF-8"}), language(None, {"LANG": "C.UTF-8"})
    ('zh', 'en')
    >>> language(None, {"TALLY_LANG": "en", "LC_ALL": "zh_CN.UTF-8"}), language("zh", {})
    ('en', 'zh')
    """
    env = os.environ if environ is None else environ
    if given is not None:
        return "zh" if given == "zh" else "en"
    chosen = env.get("TALLY_LANG", "")
    if chosen:
        if chosen not in LANGS:
            raise _Misuse(say("bad lang", "en", value=chosen))
        return "zh" if chosen == "zh" else "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _lang_in(argv: Sequence[str]) -> str | None:
    """``--lang`` as given on the command line, before parsing (for the help texts)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1] if argv[i + 1] in LANGS else None
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in LANGS else None
    return None


# --- the parser -----------------------------------------------------------------------------------


_ARGPARSE_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), w) for p, w in ARGPARSE_ZH.items())


def _argparse_zh(message: str) -> str:
    """One of argparse's messages in Chinese (a message it has that this table does not know stays
    as argparse says it); the values it quotes as they are, lists joined with "、".

    >>> _argparse_zh("argument KIND: invalid choice: 'choir' (choose from 'party-meeting', 'village-committee')")
    "参数KIND：'choir'不是可用的值；应为以下之一：'party-meeting'、'village-committee'"
    >>> _argparse_zh("the following arguments are required: RECORD, -o/--output")
    '缺少参数：RECORD、-o/--output'
    """
    for pattern, words in _ARGPARSE_ZH:
        found = pattern.fullmatch(message)
        if found is not None:
            values = {k: _argparse_zh(v) if k == "why" else v.replace(", ", "、") for k, v in found.groupdict().items()}
            return words.format(**values)
    return message


def _parser(lang: Lang) -> argparse.ArgumentParser:
    def w(key: str) -> str:
        return say(key, lang)

    class Formatter(argparse.HelpFormatter):
        """argparse's help, its ``usage:`` in the language of the command line."""

        def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
            super().add_usage(usage, actions, groups, w("help.usage") if prefix is None else prefix)

    class Parser(argparse.ArgumentParser):
        """argparse, with its help and messages in the language of the command line."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("formatter_class", Formatter)
            super().__init__(*args, **kwargs)
            self._positionals.title = w("help.positionals")
            self._optionals.title = w("help.options")
            for action in self._actions:
                if action.dest == "help":
                    action.help = w("help.help")

        def error(self, message: str) -> typing.NoReturn:
            if lang != "zh":
                super().error(message)
            sys.stderr.write(self.format_usage())
            self.exit(2, f"{self.prog}：错误：{_argparse_zh(message)}\n")

    parser = Parser(prog="tally", description=w("help.description"), epilog=w("help.epilog"))
    parser.add_argument("--version", action="version", version=f"tally {__version__}", help=w("help.version"))
    # --lang before the command too (tally --lang zh --help); a command's own --lang wins
    parser.add_argument("--lang", choices=LANGS, default=None, dest="main_lang", help=w("help.lang"))
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def lang_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lang", choices=LANGS, default=None, help=w("help.lang"))

    def look(p: argparse.ArgumentParser) -> None:
        lang_option(p)
        p.add_argument("--format", choices=FORMATS, default="text", dest="fmt", help=w("help.format"))
        p.add_argument("--cite", choices=CITES, default="rule", help=w("help.cite"))

    verify = commands.add_parser("verify", help=w("help.verify"), description=w("help.verify.description"))
    verify.add_argument("records", nargs="+", metavar="RECORD", help=w("help.records"))
    look(verify)
    verify.add_argument("--jobs", type=int, default=1, metavar="N", help=w("help.jobs"))
    verify.add_argument("--scheduler", metavar="ADDRESS", help=w("help.scheduler"))
    verify.add_argument("--strict", action="store_true", help=w("help.strict"))

    check = commands.add_parser("check", help=w("help.check"), description=w("help.check.description"))
    check.add_argument("records", nargs="+", metavar="RECORD", help=w("help.records"))
    check.add_argument("--format", choices=("text", "json"), default="text", dest="fmt", help=w("help.check.format"))
    lang_option(check)

    comply = commands.add_parser("compliance", help=w("help.compliance"))
    comply.add_argument("records", nargs="+", metavar="RECORD", help=w("help.records"))
    comply.add_argument("--csv", action="store_true", help=w("help.csv"))
    comply.add_argument(
        "--format", choices=("text", "json"), default="text", dest="fmt", help=w("help.compliance.format")
    )
    comply.add_argument("--jobs", type=int, default=1, metavar="N", help=w("help.jobs"))
    lang_option(comply)

    report = commands.add_parser("report", help=w("help.report"))
    report.add_argument("record", metavar="RECORD", help=w("help.record"))
    look(report)

    nxt = commands.add_parser("next", help=w("help.next"))
    nxt.add_argument("record", metavar="RECORD", help=w("help.record"))
    nxt.add_argument("-o", "--output", metavar="FILE", help=w("help.output"))
    lang_option(nxt)

    template = commands.add_parser("template", help=w("help.template"))
    template.add_argument(  # the kind is checked by _template, to say so in the catalogue's words
        "kind", metavar="KIND", help=w("help.template.kind") + ": " + ", ".join(TEMPLATE_KINDS)
    )
    template.add_argument("-o", "--output", required=True, metavar="FILE.xlsx", help=w("help.template.output"))
    lang_option(template)

    convert = commands.add_parser("convert", help=w("help.convert"))
    convert.add_argument("source", metavar="IN", help=w("help.record"))
    convert.add_argument("-o", "--output", required=True, metavar="OUT", help=w("help.convert.output"))
    lang_option(convert)

    books = commands.add_parser("rulebooks", help=w("help.rulebooks"))
    books.add_argument("id", nargs="?", metavar="ID", help=w("help.preset"))
    lang_option(books)

    forms = commands.add_parser("forms", help=w("help.forms"), description=w("help.forms.description"))
    forms.add_argument("record", metavar="RECORD", help=w("help.record"))
    forms.add_argument("--form", required=True, choices=("ballot", "sign-in", "tally-sheet", "result"))
    forms.add_argument("--lang", choices=LANGS, default=None, help=w("help.forms.lang"))
    forms.add_argument("--format", choices=("html", "pdf"), default="html", dest="fmt", help=w("help.forms.format"))
    forms.add_argument("-o", "--output", metavar="FILE", help=w("help.forms.output"))

    example = commands.add_parser("example", help=w("help.example"))
    example.add_argument("name", nargs="?", metavar="NAME", help=w("help.example.name"))
    lang_option(example)
    return parser


# --- output ---------------------------------------------------------------------------------------


def _problems(error: RecordError | RuleError, where: str, fmt: str, lang: Lang) -> int:
    """A broken record: its problems on stderr, at most :data:`MAX_PROBLEMS` and a count of the
    rest; with ``--format json`` all of them as JSON on stdout. Exit status 2."""
    if fmt == "json":
        sys.stdout.write(dumps(_problems_dict(where, error.problems, lang)))
        return 2
    prefix = f"{where}: " if where else ""
    for problem in error.problems[:MAX_PROBLEMS]:
        print(f"tally: {prefix}{problem.line(lang)}", file=sys.stderr)
    more = len(error.problems) - MAX_PROBLEMS
    if more > 0:
        print(f"tally: {prefix}{say('more problems', lang, n=more)}", file=sys.stderr)
    return 2


def _problems_dict(where: str, problems: Sequence[Problem], lang: Lang) -> dict[str, Any]:
    return {"record": where or "-", "status": 2, "problems": [p.to_dict(lang) for p in problems]}


def note_texts(notes: Sequence[Note], lang: Lang) -> list[str]:
    """The notes of a loading in words."""
    return [say(f"note.{n.code}", lang, **n.values) for n in notes]


def _say_notes(notes: Sequence[Note], where: str, lang: Lang) -> None:
    prefix = f"{where}: " if where and where != "-" else ""
    for text in note_texts(notes, lang):
        print(f"tally: {prefix}{say('note', lang, text=text)}", file=sys.stderr)


def _open(path: str) -> Record | AssemblyRecord:
    return load(sys.stdin.buffer if path == "-" else path)


def _election(rec: Record | AssemblyRecord) -> Record:
    """The record, when it is an election: a meeting that decides has no ballots, forms or next
    round."""
    if isinstance(rec, AssemblyRecord):
        raise RecordError(Problem("kind", "record-kind-decides-command", {"kind": shown(rec.kind)}))
    return rec


def _shown(path: str) -> str:
    return "" if path == "-" else path


def _jobs(args: argparse.Namespace, lang: Lang) -> None:
    if args.jobs < 1:
        raise _Misuse(say("jobs", lang))


def _records(args: argparse.Namespace, lang: Lang) -> list[str]:
    """The records named on the command line; a folder with none is an error."""
    paths = []
    for given in args.records:
        found = expand([given])
        if not found:
            raise _Misuse(say("no records", lang, path=given))
        paths.extend(found)
    return paths


# --- commands -------------------------------------------------------------------------------------


def _verify(args: argparse.Namespace, lang: Lang) -> int:
    _jobs(args, lang)
    paths = _records(args, lang)
    if len(paths) == 1 and paths == args.records:
        return _verify_one(paths[0], args, lang)
    if "-" in paths:
        raise _Misuse(say("stdin one", lang))
    as_json = args.fmt == "json"
    outcomes = _many(paths, args.jobs, result=as_json, scheduler=args.scheduler, lang=lang)
    if args.strict:
        outcomes = [
            attrs.evolve(o, status=1, summary=f"{o.summary}; a statutory check not met")
            if o.status == 0 and any(f.statutory and f.status == "not met" for f in o.findings)
            else o
            for o in outcomes
        ]
    if as_json:
        for o in outcomes:  # JSON Lines: one result per record
            if o.status == 2:
                line = _problems_dict(o.path, o.problems, lang)
            elif o.status == INTERNAL:
                line = {"record": o.path, "status": o.status, "error": o.summary}
            else:
                result = dict(o.result or {})
                if o.notes:
                    result["notes"] = note_texts(o.notes, lang)
                line = {"record": o.path, "status": o.status, "result": result}
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        return max((o.status for o in outcomes), default=0)
    status = {
        0: say("status agrees", lang),
        1: say("status disagrees", lang),
        2: say("status broken", lang),
        INTERNAL: say("status internal", lang),
    }
    rows = [(o.path, status[o.status], _detail(o, lang)) for o in outcomes]
    headers = [say(h, lang) for h in ("h.record", "h.status", "h.detail")]
    print(tabulate(rows, headers=headers, tablefmt="simple"))
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in (0, 1, 2, INTERNAL)}
    print()
    print(say("records", lang, n=len(outcomes), agree=counts[0], disagree=counts[1], broken=counts[2]))
    if counts[INTERNAL]:
        print(say("records internal", lang, n=counts[INTERNAL]))
    for o in outcomes:
        _say_notes(o.notes, o.path, lang)
    return max((o.status for o in outcomes), default=0)


def _check(args: argparse.Namespace, lang: Lang) -> int:
    """`tally check`: every problem of each record, all of them (a check is for fixing a file:
    no cut at MAX_PROBLEMS), on stderr; ``FILE: sound`` on stdout for a sound one. With
    ``--format json``, one JSON line per record on stdout."""
    status = 0
    for path in _records(args, lang):
        try:
            rec = _open(path)
            rec.compliance()  # a timeline that runs off the calendar is a problem of the record too
        except (RecordError, RuleError) as error:
            status = 2
            if args.fmt == "json":
                sys.stdout.write(json.dumps(_problems_dict(path, error.problems, lang), ensure_ascii=False) + "\n")
                continue
            prefix = f"{path}: " if path != "-" else ""
            for problem in error.problems:
                print(f"tally: {prefix}{problem.line(lang)}", file=sys.stderr)
            continue
        if args.fmt == "json":
            line = {"record": path, "status": 0, "problems": [], "notes": note_texts(rec.notes, lang)}
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        else:
            print(f"{path}: {say('sound', lang)}")
            _say_notes(rec.notes, path, lang)
    return status


def _detail(o: Outcome, lang: Lang) -> str:
    if o.status == 2 and o.problems:
        problem = o.problems[0]
        # Within a Chinese sentence of the table, the place and the words with a full-width colon, as
        # the sentence's own ("第一个：名册!A3：…"), not the "path: why" of a line of its own.
        first = f"{problem.path}：{problem.words(lang)}" if lang == "zh" and problem.path else problem.line(lang)
        return first if len(o.problems) == 1 else say("problems first", lang, n=len(o.problems), first=first)
    if o.status == INTERNAL and lang == "zh":
        return say("internal error", lang, error=o.summary.removeprefix("internal error: "))
    if o.status == 0:
        return ""  # the status says it
    if lang == "en" or o.status > 2:
        return o.summary
    detail = "不一致：" + "、".join(DISCREPANCIES[w]["zh"] if w in DISCREPANCIES else w for w in o.what)
    return detail + ("；法定检查项不符合" if o.summary.endswith("a statutory check not met") else "")


def _many(
    paths: list[str], jobs: int, *, result: bool = False, scheduler: str | None = None, lang: Lang = "en"
) -> list[Outcome]:
    progress = _Progress(sys.stderr)
    try:
        if scheduler:
            with _dask_client(scheduler, lang) as client:
                return verify_many(paths, executor=client.get_executor(), result=result, done=progress)
        if jobs > 1:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                return verify_many(paths, executor=pool, result=result, done=progress)
        return verify_many(paths, result=result, done=progress)
    finally:
        progress.close()


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
        self.out.write(f"\r[{'#' * full}{'.' * (self.width - full)}] {k}/{n}")
        self.out.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.out.write("\n")
            self.out.flush()


def _dask_client(address: str, lang: Lang) -> Any:
    """A Dask client of the scheduler at *address*; :class:`_Misuse` when Dask is not installed
    or the scheduler cannot be reached."""
    try:
        # An optional dependency (tally[dask]), looked up when asked for: typed as Any here.
        distributed: Any = importlib.import_module("dask.distributed")
    except ImportError:
        raise _Misuse(say("scheduler needs dask", lang)) from None
    try:
        return distributed.Client(address)  # waits as Dask's config says (distributed.comm.timeouts.connect)
    except (OSError, TimeoutError, ValueError) as error:
        raise _Misuse(say("scheduler unreachable", lang, address=address, error=error)) from None


def _show(rec: Record | AssemblyRecord, path: str, args: argparse.Namespace, lang: Lang) -> Any:
    """Verify a record and print its report; the verification and its findings."""
    v = rec.verify()
    findings = rec.compliance()
    if args.fmt == "json":
        out = result_to_dict(v, findings, title=rec.title, day=rec.day)
        if rec.notes:
            out["notes"] = note_texts(rec.notes, lang)
        sys.stdout.write(dumps(out))
    else:
        report = render(
            v,
            fmt=args.fmt,
            lang=lang,
            title=rec.title,
            day=rec.day.isoformat(),
            findings=findings,
            changed=[FIELDS[f][lang] for f in rec.rules if f in FIELDS],
            cite=args.cite,
        )
        sys.stdout.write(report)
    _say_notes(rec.notes, path, lang)
    return v, findings


def _verify_one(path: str, args: argparse.Namespace, lang: Lang) -> int:
    try:
        rec = _open(path)
        v, findings = _show(rec, path, args, lang)
    except (RecordError, RuleError) as error:
        return _problems(error, _shown(path), args.fmt, lang)
    unmet = any(f.statutory and f.status == "not met" for f in findings)
    return 0 if v.agrees and not (args.strict and unmet) else 1


def _report(args: argparse.Namespace, lang: Lang) -> int:
    try:
        _show(_open(args.record), args.record, args, lang)
    except (RecordError, RuleError) as error:
        return _problems(error, _shown(args.record), args.fmt, lang)
    return 0


_CHECK_COLUMNS = ("check", "rule", "statutory", "met", "not met", "cannot tell", "not applicable", "failing")


def _compliance(args: argparse.Namespace, lang: Lang) -> int:
    _jobs(args, lang)
    paths = _records(args, lang)
    if "-" in paths and len(paths) > 1:
        raise _Misuse(say("stdin one", lang))
    outcomes = _many(paths, args.jobs)
    rows = compliance_table(outcomes)
    broken = [o for o in outcomes if o.status == 2]
    bugs = [o for o in outcomes if o.status == INTERNAL]
    worst = INTERNAL if bugs else 2 if broken else 0
    if args.fmt == "json":
        out = {
            "records": len(outcomes),
            "broken": [_problems_dict(o.path, o.problems, lang) for o in broken],
            "checks": rows,
        }
        if bugs:
            out["internal errors"] = [{"record": o.path, "status": o.status, "error": o.summary} for o in bugs]
        sys.stdout.write(dumps(out))
        return worst
    for o in [*broken, *bugs]:
        print(f"tally: {_shown(o.path) or '-'}: {_detail(o, lang)}", file=sys.stderr)
    if args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(_CHECK_COLUMNS)
        for row in rows:
            writer.writerow([*(row[c] for c in _CHECK_COLUMNS[:-1]), " ".join(row["failing"])])
    else:
        table = [
            [
                _check_words(row, lang),
                row["rule"],
                say("value.yes" if row["statutory"] else "value.no", lang),
                *(row[c] for c in _CHECK_COLUMNS[3:-1]),
                "\n".join(row["failing"]),
            ]
            for row in rows
        ]
        print(tabulate(table, headers=[say(f"h.{c}", lang) for c in _CHECK_COLUMNS], tablefmt="simple"))
        print()
        print(say("records broken", lang, n=len(outcomes), broken=len(broken)))
        if bugs:
            print(say("records internal", lang, n=len(bugs)))
    return worst


def _check_words(row: Mapping[str, Any], lang: Lang) -> str:
    """A check's name in the summary: the catalogue's words, the age of ``youth`` filled in."""
    check = row["check"]
    if check not in CHECKS:
        return str(check)
    ages = row.get("age") or [attrs.fields(Rulebook).youth_age.default]
    return fill(CHECKS[check][lang], age=("、" if lang == "zh" else ", ").join(map(str, ages)))


def _next(args: argparse.Namespace, lang: Lang) -> int:
    try:
        rec = _open(args.record)
        skeleton = next_round(_election(rec))
    except (RecordError, RuleError) as error:
        return _problems(error, _shown(args.record), "text", lang)
    _say_notes(rec.notes, args.record, lang)
    if skeleton is None:
        print(f"tally: {say('no next round', lang)}", file=sys.stderr)
        return 1
    text = dumps(skeleton)
    if args.output:
        _output(args.output, _text(text), reads=[args.record], lang=lang)
    else:
        sys.stdout.write(text)
    return 0


# --- writing a file -------------------------------------------------------------------------------


def _same_file(a: str, b: str) -> bool:
    """Whether two names are one file or folder: the same resolved path, or the same file on disk
    (a hard link, or a path the resolution does not see through)."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False  # one of them does not exist: not the same file


def _output(path: str, write: Callable[[str], None], *, reads: Iterable[str], lang: Lang, folder: bool = False) -> None:
    """Write a command's output, for every command that writes a file (``next``, ``template``,
    ``convert``, ``forms``).

    Never over what the command reads (*reads*; ``-`` is standard input), however it is named;
    and whole or not at all: *write* fills a temporary file (or folder) beside the output, which
    then takes its place in one step (``os.replace``), so that a failed write leaves the old
    file as it was. A folder of CSV files replaces an old folder file by file, each whole.
    Misuse (exit 2) with the reason otherwise."""
    for source in reads:
        if source != "-" and _same_file(path, source):
            raise _Misuse(f"{path}: {say('forms same', lang)}")
    target = os.path.realpath(path)  # through a symbolic link: the file it names is replaced
    parent, name = os.path.split(target)
    temporary: str | None = None
    try:
        if folder:
            temporary = tempfile.mkdtemp(prefix=f".{name}.", dir=parent)
            write(temporary)
            _replace_folder(temporary, target)
        else:
            stem, suffix = os.path.splitext(name)
            handle, temporary = tempfile.mkstemp(prefix=f".{stem}.", suffix=f".part{suffix}", dir=parent)
            os.close(handle)
            write(temporary)
            os.chmod(temporary, _mode(target))
            os.replace(temporary, target)
        temporary = None
    except OSError as error:
        raise _Misuse(f"{path}: {error.strerror or error}") from None
    except UnicodeError as error:
        raise _Misuse(f"{path}: {error}") from None
    finally:
        if temporary is not None and os.path.isdir(temporary):
            shutil.rmtree(temporary, ignore_errors=True)
        elif temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)


def _mode(target: str) -> int:
    """The permissions of the file being replaced, or those a new file gets."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _replace_folder(made: str, target: str) -> None:
    """Put a folder written beside *target* in its place: the whole folder when there is none,
    else each of its files (each whole), and the temporary folder goes."""
    if not os.path.exists(target):
        os.chmod(made, 0o777 & ~_umask())
        os.replace(made, target)
        return
    for entry in sorted(os.listdir(made)):
        os.chmod(os.path.join(made, entry), _mode(os.path.join(target, entry)))
        os.replace(os.path.join(made, entry), os.path.join(target, entry))
    os.rmdir(made)


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _text(text: str) -> Callable[[str], None]:
    def write(path: str) -> None:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    return write


def _template(args: argparse.Namespace, lang: Lang) -> int:
    from .records.sheets import template_sheets, write_workbook

    if args.kind not in TEMPLATE_KINDS:
        accepted = tuple(Word("kind", kind) for kind in TEMPLATE_KINDS)
        raise _Misuse(Problem("KIND", "not-one-of", {"value": shown(args.kind), "accepted": accepted}).line(lang))
    if not args.output.lower().endswith(".xlsx"):
        raise _Misuse(f"{args.output}: {say('convert output', lang)}")
    sheets = template_sheets(args.kind, lang=lang)
    _output(args.output, lambda path: write_workbook(path, sheets, lang=lang), reads=[], lang=lang)
    print(f"tally: {say('written', lang, path=args.output)}", file=sys.stderr)
    return 0


def _convert(args: argparse.Namespace, lang: Lang) -> int:
    from .records.sheets import record_sheets, write_csv_folder, write_workbook

    out = args.output
    target: Literal["json", "xlsx", "csv"]
    suffix = pathlib.Path(out).suffix.lower()
    if suffix == ".json":
        target = "json"
    elif suffix == ".xlsx":
        target = "xlsx"
    elif suffix == "" or pathlib.Path(out).is_dir():
        target = "csv"
    else:
        raise _Misuse(f"{out}: {say('convert output', lang)}")
    try:
        rec = _open(args.source)
        data = rec.to_dict()
        if target != "json":
            _election(rec)
        if target == "json":
            _output(out, _text(dumps(data)), reads=[args.source], lang=lang)
        else:
            sheets = record_sheets(data, lang=lang)
            if target == "xlsx":
                _output(out, lambda path: write_workbook(path, sheets, lang=lang), reads=[args.source], lang=lang)
            else:
                _output(out, lambda path: write_csv_folder(path, sheets), reads=[args.source], lang=lang, folder=True)
    except (RecordError, RuleError) as error:
        return _problems(error, _shown(args.source), "text", lang)
    _say_notes(rec.notes, args.source, lang)
    if target != "json" and load(out).to_dict() != data:
        # A sheet has one cell per candidate: marks come back in ballot order, and a section
        # left off a paper comes back blank. Neither changes a count; say so.
        print(f"tally: {say('note', lang, text=say('note.reordered', lang))}", file=sys.stderr)
    print(f"tally: {say('written', lang, path=out)}", file=sys.stderr)
    return 0


def _forms(args: argparse.Namespace, lang: Lang) -> int:
    """`tally forms`: one form as HTML (stdout or -o) or PDF (-o, by Chromium); never over the
    record. A form is printed for a Chinese election: in Chinese unless --lang says otherwise."""
    from .forms import PrintError, print_pdf, render

    out = args.output
    if args.fmt == "pdf" and not out:
        raise _Misuse(say("forms pdf", lang))
    if out and args.record != "-" and _same_file(out, args.record):  # before the work: refused anyway
        raise _Misuse(f"{out}: {say('forms same', lang)}")
    try:
        rec = _open(args.record)
        page = render(_election(rec), args.form, lang=args.lang or "zh")
    except (RecordError, RuleError) as error:
        return _problems(error, _shown(args.record), "text", lang)
    _say_notes(rec.notes, args.record, lang)
    if not out:
        sys.stdout.write(page)
        return 0

    def pdf(path: str) -> None:
        with tempfile.TemporaryDirectory(prefix="tally-forms-") as tmp:
            html_file = os.path.join(tmp, f"{args.form}.html")
            _text(page)(html_file)
            print_pdf(html_file, path)

    try:
        _output(out, _text(page) if args.fmt == "html" else pdf, reads=[args.record], lang=lang)
    except PrintError as error:
        raise _Misuse(str(error)) from None
    return 0


def _bound(least: int | None, most: int | None, lang: Lang) -> str:
    """A range as an officer writes it: ``3至7``, ``至少1``, ``不超过2000``; ``3 to 7``."""
    if least is None and most is None:
        return say("value.no limit", lang)
    if most is None:
        return say("value.at least", lang, least=least)
    if least is None:
        return say("value.up to", lang, most=most)
    return str(least) if least == most else say("value.range", lang, least=least, most=most)


def field_value(field: str, value: Any, lang: Lang) -> str:
    """A rulebook field's value as ``tally rulebooks ID`` shows it: yes or no, a share, a range, a
    post's margins, the enumerated values in the catalogue's Chinese words (in English as a
    record's ``rules`` writes them); never a Python repr.

    >>> field_value("committee_size", (3, 7), "zh"), field_value("relatives_exclusive", True, "zh")
    ('3至7', '是')
    >>> field_value("post_margins", FrozenMap({"chair": (1, 1), "*": (1, None)}), "zh")
    '各职务：至少1；主任：1'
    >>> field_value("post_margins", FrozenMap({"*": (1, None)}), "en"), field_value("quorum", Fraction(4, 5), "zh")
    ('any post: at least 1', '五分之四')
    >>> field_value("further_rule", "plurality-floor", "en"), field_value("proxy_cap", None, "zh")
    ('plurality-floor', '不限')
    """
    join = "、" if lang == "zh" else ", "
    if isinstance(value, bool):
        return say("value.yes" if value else "value.no", lang)
    if value is None:
        return say("value.no limit" if field in _NO_LIMIT else "value.unset", lang)
    if isinstance(value, Fraction):
        return share(value, lang)
    if isinstance(value, Kind):
        return KINDS[value][lang] if lang == "zh" else value.value
    if isinstance(value, FrozenMap):
        if not value:
            return say("value.none", lang)
        parts = []
        for post in sorted(value, key=lambda p: (p != "*", p)):
            name = say("value.any post", lang) if post == "*" else _post_word(post, lang)
            least, most = value[post]
            parts.append(f"{name}{_COLON[lang]}{_bound(least, most, lang)}")
        return ("；" if lang == "zh" else "; ").join(parts)
    if field == "committee_size" and isinstance(value, tuple):
        return _bound(value[0], value[1], lang)
    if field == "post_bands":
        if not value:
            return say("value.none", lang)
        bands = [
            say("value.band", lang, people=_people(low, high, lang), posts=_bound(least, most, lang))
            for low, high, least, most in value
        ]
        return ("；" if lang == "zh" else "; ").join(bands)
    if isinstance(value, frozenset):
        ordered = sorted(map(str, value), key=_order(field))
        words = [_word_of(field, v, lang) for v in ordered]
        if any("，" in w for w in words):  # a case of several clauses: the cases apart with "；"
            join = "；"
        return join.join(words) or say("value.none", lang)
    if isinstance(value, str):
        return _word_of(field, value, lang)
    return str(value)


_NO_LIMIT = frozenset({"proxy_cap", "delegates_most", "delegates_usual_most"})
"""The optional counts whose ``None`` is "no limit"; any other ``None`` is "not set"."""


def _people(low: int | None, high: int | None, lang: Lang) -> str:
    if low is None and high is not None:
        return say("value.up to", lang, most=high)
    if high is None and low is not None:
        return say("value.from", lang, least=low)
    return _bound(low, high, lang)


def _post_word(post: str, lang: Lang) -> str:
    return POSTS[post][lang] if post in POSTS and lang == "zh" else post


def _order(field: str) -> Callable[[str], tuple[int, str]]:
    """The order of a set's values: the catalogue's (spouse, parent, child...), else alphabetical."""
    tables: Mapping[str, Mapping[str, Any]] = {"exclusion_categories": CATEGORIES, "uncontested_posts": POSTS}
    known = list(tables.get(field) or FIELD_VALUES.get(field, {}))
    return lambda v: (known.index(v) if v in known else len(known), v)


def _word_of(field: str, value: str, lang: Lang) -> str:
    """An enumerated value of a rulebook field in Chinese words; in English as it is."""
    if lang != "zh":
        return value
    if field == "exclusion_categories" and value in CATEGORIES:
        return CATEGORIES[value]["zh"]
    if field == "uncontested_posts":
        return _post_word(value, lang)
    return FIELD_VALUES.get(field, {}).get(value, {}).get("zh", value)


_BODIES = {
    # Which rule IDs concern which kind of body: a field applies where one of its rules does.
    "party-meeting": ("P-", "OQ-P"),
    "party-conference": ("P-", "PC-", "OQ-P"),
    "village-committee": ("V-", "T-", "OQ-V"),
    "residents-committee": ("V-", "R-", "T-", "OQ-V"),
    # meetings that decide: their own rule, and the rules whose fields they use
    "party-motion": ("P-27", "P-6", "P-7", "P-8", "OQ-P8"),
    "villager-assembly": ("V-9",),
    "representative-assembly": ("V-9",),
    "residents-assembly": ("R-4",),
    "village-recall": ("V-31", "V-15", "V-16", "OQ-V1", "OQ-V2"),
}


# The rules of the meetings that decide by attendance and vote, and their kinds.
_DECIDING_RULES = frozenset({"P-27", "V-9", "V-31", "R-4"})
_DECIDING_KINDS = frozenset(
    {"party-motion", "villager-assembly", "representative-assembly", "residents-assembly", "village-recall"}
)


def applies(field: str, kind: str) -> bool:
    """Whether a rulebook field concerns a kind of body, from the rule IDs it implements
    (``FIELD_RULES``); the fields with no rule (``id``, ``kind``, ``title``) concern all.

    >>> applies("quorum", "party-meeting"), applies("quorum", "village-committee")
    (True, False)
    >>> applies("committee_size", "residents-committee"), applies("title", "party-conference")
    (True, True)
    """
    rules = FIELD_RULES.get(field)
    if rules is None:
        return True
    ids = [r.strip() for r in rules.split(",")]
    if kind not in _DECIDING_KINDS:
        ids = [r for r in ids if r not in _DECIDING_RULES]  # a field of the meetings that decide only
    return any(r.startswith(_BODIES[kind]) for r in ids)


_COLON: Mapping[Lang, str] = {"zh": "：", "en": ": "}
"""Between the body and the law in a preset's title: the list shows the body as its kind."""


def _rulebooks(args: argparse.Namespace, lang: Lang, out: IO[str]) -> int:
    if args.id is None:
        rows = [
            (book.id, field_value("kind", book.kind, lang), _book_value(book, "title", lang).split(_COLON[lang], 1)[-1])
            for book in PRESETS.values()
        ]
        headers = [say(h, lang) for h in ("h.id", "h.kind", "h.title")]
        print(tabulate(rows, headers=headers, tablefmt="simple"), file=out)
        return 0
    try:
        book = preset(args.id)
    except RuleError as error:  # the presets listed in the language's way, as the API lists them
        raise _Misuse(error.problems[0].words(lang)) from None
    rows2 = [
        (f.name, _field_zh(f.name), _book_value(book, f.name, lang), FIELD_RULES.get(f.name, ""))
        for f in attrs.fields(Rulebook)
        if applies(f.name, book.kind.value)
    ]
    headers = [say("h.field", lang), "名称" if lang == "zh" else "中文", say("h.value", lang), say("h.rules", lang)]
    print(tabulate(rows2, headers=headers, tablefmt="simple"), file=out)
    return 0


def _book_value(book: Rulebook, field: str, lang: Lang) -> str:
    """A preset's field as shown: its title in the catalogue's words (as a report names it)."""
    if field == "title" and book.id in RULEBOOKS:
        return RULEBOOKS[book.id][lang]
    return field_value(field, getattr(book, field), lang)


def _field_zh(field: str) -> str:
    """A rulebook field's Chinese name: the catalogue's, or for the preset's own id, kind and
    title the command line's."""
    return FIELDS[field]["zh"] if field in FIELDS else say(f"h.{field}", "zh")


def _example(args: argparse.Namespace, lang: Lang) -> int:
    if args.name is None:
        if lang == "zh":
            shows = {**DESCRIPTIONS_ZH, **MEETING_DESCRIPTIONS_ZH}
        else:
            shows = {**DESCRIPTIONS, **MEETING_DESCRIPTIONS}
        rows = [(name, shows[name]) for name in ALL]
        print(tabulate(rows, headers=[say("h.example", lang), say("h.shows", lang)], tablefmt="simple"))
        print()
        print(say("example hint", lang))
        return 0
    try:
        sys.stdout.write(example_text(args.name))
    except RecordError as error:
        return _problems(error, "", "text", lang)
    return 0


_COMMANDS: dict[str, Callable[[argparse.Namespace, Lang], int]] = {
    "verify": _verify,
    "report": _report,
    "check": _check,
    "compliance": _compliance,
    "next": _next,
    "template": _template,
    "convert": _convert,
    "rulebooks": lambda args, lang: _rulebooks(args, lang, sys.stdout),
    "forms": _forms,
    "example": _example,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (3, with ``tally: internal error: …`` on
    stderr and no traceback, when tally meets a bug of its own rather than a broken record)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    lang: Lang = "en"
    try:
        try:
            lang = language(_lang_in(argv))
            args = _parser(lang).parse_args(argv)
            lang = language(args.lang or args.main_lang)
            status = _COMMANDS[args.command](args, lang)
        except _Misuse as error:
            print(f"tally: {error}", file=sys.stderr)
            status = 2
        except BrokenPipeError:
            raise
        except Exception as error:  # a bug in tally, not a verdict on the record: say so, exit 3
            text = internal_error(error).removeprefix("internal error: ")
            print(f"tally: {say('internal error', lang, error=text)}", file=sys.stderr)
            status = INTERNAL
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`tally example village | head`): stop quietly, as Unix tools
        # do, and keep Python from complaining when it flushes stdout on the way out.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
