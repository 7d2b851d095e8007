"""Writes the table of the words each enumerated field accepts, in docs/record-format.md, from
tally.records.vocabulary (the one place the words are defined).

Run from the repository root after changing a vocabulary: python tools/make_words_doc.py.
tests/test_vocabulary.py fails when the page's table is not the module's."""

import pathlib

from tally.records.rules import SET_VOCABULARIES
from tally.records.vocabulary import BOOLEAN_FIELDS, VOCABULARIES

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "record-format.md"
BEGIN = "<!-- words: made by tools/make_words_doc.py from tally.records.vocabulary; do not edit by hand -->"
END = "<!-- words: end -->"

# Where each field's words are read: the record's paths, the CSV columns, the rules.
WHERE = {
    "kind": "`kind`",
    "mode": "`mode`",
    "sex": "`roll[].sex`, `board.*[].sex`; roll CSV `sex`",
    "standing": "`roll[].standing`; roll CSV `standing`",
    "rights": "`roll[].rights`; roll CSV `rights`",
    "registration": "`roll[].registration`",
    "role": "`roll[].role` (a 村民代表会议's members)",
    "relation": "`roll[].relatives[].relation`, `proxies[].relation`",
    "category": "`exclusions[].category`",
    "post": "`contests[].post`, `board.*[].post`, keys of `rules.post_margins`",
    "stage": "`contests[].stage`",
    "mark": "a cell of a ballots CSV",
    "boolean": "`upper_approved`, `meeting_approved`, `written`, `party_member`, `deprived`, `presidium`, "
    "`declared.*.passed`, "
    "`rules` yes/no fields (JSON `true`/`false` too)",
    "spoiled": "`ballots.items[].spoiled` (JSON `true`/`false` too); ballots CSV `spoiled` (empty: not spoiled)",
}
for _field, _words in SET_VOCABULARIES.items():
    WHERE[_words] += f", `rules.{_field}`"


def _value(value):
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def table():
    """The Markdown table of every vocabulary, one row per canonical value."""
    lines = [BEGIN, "", "| field | where | value | also read as |", "| --- | --- | --- | --- |"]
    for field, words in VOCABULARIES.items():
        where = WHERE.get(field, f"`rules.{field}`")
        for i, (value, said) in enumerate(words.items()):
            others = [w for w in said if w != _value(value)] if field not in BOOLEAN_FIELDS else list(said)
            shown = ", ".join(f"`{w}`" for w in others) or "—"
            first = (f"`{field}`", where) if i == 0 else ("", "")
            lines.append(f"| {first[0]} | {first[1]} | `{_value(value)}` | {shown} |")
    lines += ["", END]
    return "\n".join(lines)


def build(text):
    """The page with its table made again."""
    start, end = text.index(BEGIN), text.index(END) + len(END)
    return text[:start] + table() + text[end:]


def main():
    PAGE.write_text(build(PAGE.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main()
