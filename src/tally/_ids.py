"""One policy for ids, wherever they come from (records, CSV files, workbooks, the API).

Two ids that look the same to a person are the same id to tally, and an id that cannot be seen
cannot be an id:

- Unicode NFKC: full-width letters and digits (``Ｍ０７``) are the ASCII ones (``M07``);
- no white space at either end (a cell typed as `` V04`` is ``V04``);
- no control or invisible characters anywhere (a zero-width space, a byte-order mark, a
  direction mark): such an id is refused, never silently cleaned;
- case is kept: ``m07`` and ``M07`` are two ids.

Two ids that the policy makes equal are one id, so a roll that lists both is a roll with a
duplicate.
"""

from __future__ import annotations

import unicodedata

from .errors import Problem

__all__ = ["canonical_id", "id_problem"]

# Unicode categories of characters that a person cannot see in an id: controls (Cc), format
# characters such as the zero-width space and the byte-order mark (Cf), unassigned and private
# code points, and separators other than the plain space (line and paragraph separators).
_INVISIBLE = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp"})


def canonical_id(value: str) -> str:
    """The id as tally compares it: NFKC, trimmed. Does not check it (see :func:`id_problem`).

    >>> canonical_id("Ｍ０７"), canonical_id(" V04 "), canonical_id("m07")
    ('M07', 'V04', 'm07')
    """
    if value.isascii():
        return value.strip()  # the common case: ASCII ids need no normalisation
    return unicodedata.normalize("NFKC", value).strip()


def id_problem(value: str) -> Problem | None:
    """Why *value* cannot be an id, or ``None``: empty once trimmed, or holding a character that
    cannot be seen (named by its code point, so that the user can find it).

    >>> id_problem("M01"), id_problem("   ").reason
    (None, 'an id cannot be blank')
    >>> id_problem("M01\\u200b").reason
    'holds an invisible character U+200B (ZERO WIDTH SPACE) at position 4'
    """
    if not value.strip():
        return Problem("", "blank-id")
    if value.isascii() and value.isprintable():
        return None
    for i, ch in enumerate(value, start=1):
        if unicodedata.category(ch) in _INVISIBLE or (ch.isspace() and ch != " " and 1 < i < len(value)):
            name = unicodedata.name(ch, "unnamed")
            return Problem("", "invisible", {"code": f"U+{ord(ch):04X}", "name": name, "at": i})
    return None
