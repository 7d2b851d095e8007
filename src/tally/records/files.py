"""Record files: loading, the shipped JSON Schemas, and JSON as tally writes it."""

from __future__ import annotations

import json
import pathlib
from typing import IO, Any

from ..errors import Problem, RecordError, RuleError
from .record import Record

# --- files ---------------------------------------------------------------------------------------


def load(source: str | pathlib.Path | IO[str]) -> Record:
    """Read and check a record from a path, or from an open text file such as stdin.

    From a path, the papers stream: each distinct paper is built once, whatever the number of
    papers like it (see :mod:`tally.records.stream`), and the record's ``items`` are
    :class:`~tally.records.record.Papers`. An open file is read whole."""
    if isinstance(source, str | pathlib.Path):
        from .stream import read_path

        return read_path(source)
    try:
        data = json.load(source)
    except OSError as error:
        raise RecordError(Problem("", f"cannot read the file: {error.strerror or error}")) from None
    except UnicodeDecodeError:
        raise RecordError(Problem("", "the file is not UTF-8 text")) from None
    except json.JSONDecodeError as error:
        reason = f"the file is not JSON: {error.msg} at line {error.lineno} column {error.colno}"
        raise RecordError(Problem("", reason)) from None
    return Record.from_dict(data)


def schema(name: str = "record") -> dict[str, Any]:
    """The JSON Schema of the record (``"record"``) or of the result (``"result"``)."""
    from importlib.resources import files

    if name not in ("record", "result"):
        raise RuleError(Problem("schema", f"{name!r} is not one of record, result"))
    text = files("tally").joinpath("schema", f"{name}.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded




def dumps(data: Any) -> str:
    """JSON as tally writes it: UTF-8 text, Chinese kept readable, two-space indent."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
