"""Record files: loading, the shipped JSON Schemas, and JSON as tally writes it."""

from __future__ import annotations

import json
import pathlib
from typing import IO, Any

from ..errors import Problem, RecordError, RuleError
from .record import Record

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


def load(source: str | pathlib.Path | IO[str]) -> Record:
    """Read and check a record from a path, or from an open text file such as stdin."""
    try:
        if isinstance(source, str | pathlib.Path):
            with open(source, encoding="utf-8") as f:
                data = json.load(f, object_pairs_hook=_object)
        else:
            data = json.load(source, object_pairs_hook=_object)
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
