"""Record files: loading, the shipped JSON Schemas, and JSON as tally writes it."""

from __future__ import annotations

import errno
import json
import pathlib
import re
from typing import IO, Any

import attrs

from .._values import Quoted, shown
from ..catalogue import JSON_ERRORS_ZH, OS_ERRORS_ZH
from ..errors import Problem, RecordError, RuleError
from .assembly import AssemblyRecord
from .record import Note, Record

# --- files ---------------------------------------------------------------------------------------


class JSONObject(dict[str, Any]):
    """A JSON object that gave a key more than once (``duplicates``): JSON keeps the last one
    without a word, so the reader reports each at its path instead of guessing which was meant."""

    __slots__ = ("duplicates",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        seen: set[str] = set()
        self.duplicates = tuple(dict.fromkeys(k for k, _ in pairs if k in seen or seen.add(k)))  # type: ignore[func-returns-value]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook``: a plain dict, or a :class:`JSONObject` when a key comes twice."""
    made = dict(pairs)
    return made if len(made) == len(pairs) else JSONObject(pairs)


def _evolved(record: Record, **changes: Any) -> Record:
    """The record with *changes* (its notes, its cells), keeping the meeting and the round it was
    checked with: a record is counted once."""
    new = attrs.evolve(record, **changes)
    new._meeting.extend(record._meeting)
    new._round.extend(record._round)
    return new


def load(source: str | pathlib.Path | IO[str] | IO[bytes]) -> Record | AssemblyRecord:
    """Read and check a record, whatever form it is kept in:

    - a JSON file (``.json``, ``.JSON``, or any name that is not one of the below), in UTF-8 with
      or without a byte-order mark, in UTF-16 with one (Windows Notepad's "Unicode"), or in
      GB18030/GBK (the default of Excel and WPS in China, read with a note in
      :attr:`Record.notes`);
    - a workbook (``.xlsx``), one sheet a table (:mod:`tally.records.sheets`);
    - a folder of CSV files with the same sheets, one file a sheet named as the sheet;
    - an open file such as stdin (text, or bytes to have the encoding found as for a file).

    Every problem comes back at once as a :class:`RecordError`; for a workbook or CSV folder
    each names its cell (``选票!C12``), for JSON its path (``ballots.items[11].committee``). JSON
    that tally cannot read (a syntax error, ``NaN``, a number of more than 4,300 digits, nesting
    deeper than Python reads) is a problem at the path ``""``; a key given twice in one object is
    a problem at that key's path (JSON readers differ on which one wins, so tally reads neither).

    >>> import io
    >>> from tally.examples import text
    >>> load(io.BytesIO(text("branch").encode("gb18030"))).notes
    (Note(code='gb18030', values={'file': '-'}),)
    """
    if isinstance(source, str | pathlib.Path):
        path = pathlib.Path(source)
        if path.is_dir():
            return _load_folder(path)
        suffix = path.suffix.lower()
        if suffix == ".xlsx":
            from .sheets import read_workbook

            with read_workbook(path) as sheets:
                return _from_sheets(sheets, [])
        if suffix == ".csv":
            raise RecordError(Problem("", "file-csv-not-folder"))
        if suffix in (".xls", ".et", ".ods"):
            raise RecordError(Problem("", "file-not-xlsx", {"suffix": suffix}))
        from .stream import streamed

        record = streamed(path)  # UTF-8 JSON, its papers streamed: memory grows with distinct papers
        if record is not None:
            return record
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise RecordError(Problem("", "file-cannot-read", {"why": os_reason(error)})) from None
        return _from_json_bytes(raw, path.name)
    got = source.read()
    if isinstance(got, bytes):
        return _from_json_bytes(got, "-")
    return _from_json_text(got.removeprefix("\ufeff"), ())


def _from_json_bytes(raw: bytes, name: str) -> Record | AssemblyRecord:
    from .sheets import decode

    text, notes = decode(raw, name, sheet=False)
    return _from_json_text(text, tuple(notes))


def _from_json_text(text: str, notes: tuple[Note, ...]) -> Record | AssemblyRecord:
    from .read import read

    data = _parse(text)
    del text  # the values are read: free the text before checking them
    try:
        record = read(data)  # an election, or a sitting of a meeting that decides, by its kind
    except RecursionError:
        raise RecordError(Problem("", "file-too-deep")) from None
    if isinstance(record, AssemblyRecord):
        return _sitting_with(record, notes) if notes else record
    return _evolved(record, notes=(*notes, *record.notes)) if notes else record


def _parse(text: str) -> Any:
    """JSON text as Python values; an object that gives a key twice as a :class:`JSONObject`
    (whose ``duplicates`` the reader reports at their paths).

    Python's reader keeps the last of two equal keys, and a hook that sees every pair costs a
    third of the reading. So the objects are first read as plain dicts, counted by their keys,
    and the count compared with the keys in the text (each ``"`` followed by ``:``, which
    counts every key, and a string that holds ``":`` too): only when the text has more is it
    read again, pair by pair, to find the keys given twice."""
    read = 0

    def counted(obj: dict[str, Any]) -> dict[str, Any]:
        nonlocal read
        read += len(obj)
        return obj

    data = _loads(text, object_hook=counted)
    if text.count('":') + len(_SPACED_KEY_END.findall(text)) == read:
        return data
    return _loads(text, object_pairs_hook=_object)


_SPACED_KEY_END = re.compile(r'"[ \t\n\r]+:')


def _loads(text: str, **hook: Any) -> Any:
    try:
        return json.loads(text, parse_constant=_constant, **hook)
    except _NotJson as error:
        raise RecordError(Problem("", "file-not-json-value", {"value": str(error)})) from None
    except json.JSONDecodeError as error:
        values = {"why": _syntax(error.msg), "line": error.lineno, "column": error.colno}
        raise RecordError(Problem("", "file-not-json", values)) from None
    except RecursionError:
        raise RecordError(Problem("", "file-too-deep")) from None
    except ValueError:
        # Python reads integers of at most 4,300 digits (sys.get_int_max_str_digits()).
        raise RecordError(_long_number(text)) from None


def _syntax(msg: str) -> Quoted:
    """Why the JSON reader stopped, in both languages (in Chinese, an error it does not know is
    a syntax error)."""
    return Quoted(msg, JSON_ERRORS_ZH.get(msg, "有语法错误"))


def os_reason(error: OSError) -> Quoted:
    """Why the system could not read or write a file, in both languages: the system's own words
    in English; in Chinese the usual reasons in words, the system's words after a Chinese lead for
    the others.

    >>> why = os_reason(FileNotFoundError(errno.ENOENT, "No such file or directory"))
    >>> str(why), why.zh
    ('No such file or directory', '文件不存在（请检查文件名和所在的文件夹）')
    """
    en = error.strerror or str(error) or type(error).__name__
    name = errno.errorcode.get(error.errno or 0, "")
    return Quoted(en, OS_ERRORS_ZH.get(name, f"系统报告的错误：{en}"))


class _NotJson(ValueError):
    """NaN, Infinity or -Infinity: not JSON, though Python's reader takes them."""


def _constant(name: str) -> Any:
    raise _NotJson(name)


_LONG = re.compile(r"(?<![^\[:,])\s*-?([0-9]{4301,})(?![0-9.eE])")


def _long_number(text: str) -> Problem:
    """The problem of a number too long for Python to read, where it is."""
    found = _LONG.search(text)
    if found is None:  # pragma: no cover - json.loads raises no other ValueError of its own
        return Problem("", "file-number-too-long-somewhere")
    at = found.start(1)
    line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    return Problem("", "file-number-too-long", {"digits": len(found.group(1)), "line": line, "column": column})


def _sitting_with(record: AssemblyRecord, notes: tuple[Note, ...]) -> AssemblyRecord:
    """The sitting with the notes of its loading, keeping what it was checked with."""
    new = attrs.evolve(record, notes=notes)
    new._sitting.extend(record._sitting)
    return new


def _load_folder(path: pathlib.Path) -> Record:
    from .sheets import is_csv_folder, read_csv_folder

    if not is_csv_folder(path):
        raise RecordError(Problem("", "file-folder-without-sheets", {"example": "名册.csv"}))
    sheets, notes = read_csv_folder(path)
    return _from_sheets(sheets, notes, folder=True)


def _from_sheets(sheets: Any, notes: list[Note], *, folder: bool = False) -> Record:
    """The record of sheets: the translator's problems and the record's own, each at its cell
    (in a *folder* of CSV files, a sheet is a file: ``名册.csv!B5``)."""
    from .sheets import read_sheets

    data, where, changed, problems = read_sheets(sheets, folder=folder)
    record = None
    try:
        record = Record.from_dict(data)
    except (RecordError, RuleError) as error:
        seen = {p.path for p in problems}
        problems.extend(p for p in where.problems(error.problems) if p.path not in seen)
    if problems:
        raise RecordError(problems)
    assert record is not None
    return _evolved(record, notes=(*notes, *changed, *record.notes), cells=where)


def schema(name: str = "record") -> dict[str, Any]:
    """The JSON Schema of the record (``"record"``) or of the result (``"result"``)."""
    from importlib.resources import files

    if name not in ("record", "result"):
        raise RuleError(Problem("schema", "not-one-of", {"value": shown(name), "accepted": ("record", "result")}))
    text = files("tally").joinpath("schema", f"{name}.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def dumps(data: Any) -> str:
    """JSON as tally writes it: UTF-8 text, Chinese kept readable, two-space indent."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
