"""Reading a record file as a stream: the papers never sit in memory all at once.

A record of a million papers is mostly its ``ballots.items``. ``json.load`` builds all of them
(a dictionary, a list and strings per paper: over a gigabyte for a million) before anything
is checked. Here the file is parsed as a stream of events by ijson's C backend (yajl2_c), and:

- every part but ``ballots.items`` (the roll, the sign-in list, the contests, ...) is built as
  ``json`` would build it and goes through the same reader (:mod:`tally.records.read`), so
  that every check and every error path is the one of :meth:`Record.from_dict`;
- the papers are grouped as they stream by their raw content: each distinct paper is built
  once, with how many papers like it there were and where the first one stands
  (``ballots.items[17]``), so that memory grows with the distinct papers, not with the papers.

Whatever the stream cannot take as it is (a file that is not UTF-8 JSON, that starts with a
byte-order mark, whose top is not an object, or that gives a key twice anywhere) is read whole,
as before (:func:`tally.records.load`), so that its error, its notes or its reading are exactly
the ones they always were.

ijson is a runtime dependency for this: a maintained streaming JSON parser with a C backend
that reads the events of a 70 MiB file in about two seconds, which a parser of our own in
Python would not.
"""

from __future__ import annotations

import pathlib
import re
from collections.abc import Iterator
from typing import IO, Any

import ijson

from .record import GroupedItems, Record, StreamedRoll

__all__ = ["streamed"]

_OPEN = frozenset({"start_map", "start_array"})
_Event = tuple[str, str, Any]


class _NotStreamable(Exception):
    """The stream cannot take this file as it is: read it whole, as before."""


def streamed(path: str | pathlib.Path) -> Record | None:
    """The record in the UTF-8 JSON file at *path*, read and checked with its papers streamed;
    ``None`` when the stream cannot take the file as it is (not UTF-8 JSON, a byte-order mark, a
    repeated key, not an object at the top, not to be opened): the caller then reads it whole,
    and gives the error or the notes that reading whole gives."""
    try:
        with open(path, "rb") as f:
            data = _parse(f)
    except (OSError, _NotStreamable, ijson.JSONError, RecursionError, UnicodeDecodeError):
        return None
    from .read import _DECIDING
    from .vocabulary import read_word

    if read_word("kind", data.get("kind")) in _DECIDING:
        return None  # a sitting of a meeting that decides: no papers to stream; read whole
    return Record.from_dict(data)


class _Source:
    """The file as ijson reads it, watched for an escaped surrogate (``\\ud800``): yajl turns a
    lone one into ``?`` where ``json`` keeps it, so such a file is read whole."""

    def __init__(self, f: IO[bytes]) -> None:
        self._f = f
        self._tail = b""

    def read(self, size: int = -1) -> bytes:
        chunk = self._f.read(size)
        if _SURROGATE.search(self._tail + chunk):
            raise _NotStreamable
        self._tail = chunk[-6:]
        return chunk


_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")


def _parse(f: IO[bytes]) -> dict[str, Any]:
    """The record's top-level object, with ``ballots.items`` as :class:`GroupedItems`."""
    events: Iterator[_Event] = iter(ijson.parse(_Source(f), use_float=True))
    _, event, _ = next(events, ("", "", None))
    if event != "start_map":
        raise _NotStreamable
    top: dict[str, Any] = {}
    for _, event, key in events:
        if event == "end_map":
            break
        _, event, value = next(events)
        if key in top:
            raise _NotStreamable  # a repeated key: json keeps the last; let json read it
        if key == "ballots" and event == "start_map":
            top[key] = _ballots(events)
        elif key == "roll" and event == "start_array":
            top[key] = _roll(events)
        else:
            top[key] = _value(events, event, value)
    if next(events, None) is not None:
        raise _NotStreamable  # something after the record: json names it
    return top


def _ballots(events: Iterator[_Event]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for _, event, key in events:
        if event == "end_map":
            return out
        _, event, value = next(events)
        if key in out:
            raise _NotStreamable
        out[key] = _papers(events) if key == "items" and event == "start_array" else _value(events, event, value)
    raise _NotStreamable


def _roll(events: Iterator[_Event]) -> StreamedRoll:
    """The roll's items; an item that is ``{"id": "..."}`` alone is kept as the id (most are)."""
    entries: list[Any] = []
    append = entries.append
    for _, event, value in events:
        if event == "end_array":
            return StreamedRoll(entries)
        if event != "start_map":
            append(_value(events, event, value))
            continue
        _, event, key = next(events)
        if event == "end_map":
            append({})
            continue
        _, event, value = next(events)
        if key == "id" and event == "string":
            _, event, more = next(events)
            if event == "end_map":
                append(value)
                continue
            item = {"id": value}
        else:
            item = {key: _value(events, event, value) if event in _OPEN else value}
            _, event, more = next(events)
        while event != "end_map":  # the rest of the item, built as json builds it
            _, event, value = next(events)
            if more in item:
                raise _NotStreamable
            item[more] = _value(events, event, value) if event in _OPEN else value
            _, event, more = next(events)
        append(item)
    raise _NotStreamable


def _papers(events: Iterator[_Event]) -> GroupedItems:
    """Group the papers by their raw events: each distinct paper built once."""
    groups: dict[tuple[Any, ...], list[int]] = {}
    papers = 0
    for prefix, event, value in events:
        if event == "end_array" and prefix == "ballots.items":
            break
        parts: list[Any] = [event, value]
        append = parts.append
        if event == "start_map":
            # A paper is an object: its own end is the end_map at the paper's own prefix.
            for prefix, event, value in events:
                append(event)
                append(value)
                if event == "end_map" and prefix == _PAPER:
                    break
        elif event == "start_array":
            depth = 1
            for _, event, value in events:
                append(event)
                append(value)
                if event in _OPEN:
                    depth += 1
                elif event == "end_map" or event == "end_array":
                    depth -= 1
                    if not depth:
                        break
        key = tuple(parts)
        group = groups.get(key)
        if group is None:
            groups[key] = [papers, 1]
        else:
            group[1] += 1
        papers += 1
    items = tuple((first, n, _rebuilt(key)) for key, (first, n) in groups.items())
    return GroupedItems(items=items, papers=papers)


_PAPER = "ballots.items.item"


def _rebuilt(parts: tuple[Any, ...]) -> Any:
    """The paper that these (event, value) parts describe, as ``json`` would build it."""
    flat = iter(parts)
    events = (("", event, value) for event, value in zip(flat, flat, strict=True))
    _, event, value = next(events)
    return _value(events, event, value)


def _value(events: Iterator[_Event], event: str, value: Any) -> Any:
    """One JSON value, its first event already read, built as ``json`` builds it."""
    if event == "start_map":
        out: dict[str, Any] = {}
        for _, event, key in events:
            if event == "end_map":
                return out
            _, event, value = next(events)
            if key in out:
                raise _NotStreamable  # a key given twice: the reader names it, from json's parse
            out[key] = _value(events, event, value) if event in _OPEN else value
    elif event == "start_array":
        items: list[Any] = []
        for _, event, value in events:
            if event == "end_array":
                return items
            items.append(_value(events, event, value) if event in _OPEN else value)
    return value
