"""Writes docs/problems.md, the table of every problem code with its words in English and in
Chinese, from tally.catalogue.PROBLEMS (the one place the words are defined).

Run from the repository root after changing a problem's words: python tools/make_problems_doc.py.
tests/test_problems.py fails when the page is not the catalogue's."""

import pathlib

from tally import catalogue

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "problems.md"

PARTS = [
    ("Any value", catalogue._COMMON_PROBLEMS),
    ("Values of the Python API: rulebooks, rolls, contests, papers, verification, forms", catalogue._CORE_PROBLEMS),
    ("Meetings, pollings, sittings and the count", catalogue._COUNT_PROBLEMS),
    ("Records: JSON, CSV and files", catalogue._RECORD_PROBLEMS),
    ("Workbooks and CSV folders", catalogue._SHEET_PROBLEMS),
]

HEAD = """# Problem codes

<!-- made by tools/make_problems_doc.py from tally.catalogue.PROBLEMS; do not edit by hand -->

Every problem of a broken input (`tally.Problem`) has a **code**, its **values** and a **path**
(or, in a workbook, a cell such as `选票!C12`; in a folder of CSV files, `选票.csv!C12`). The words
below are how tally tells it, in English (`problem.reason`, `str(error)`) and in Chinese
(`problem.words("zh")`, `tally … --lang zh`);
`{{name}}` is a value of the problem. A program that reacts to a problem tests its code: the codes
stay, the words may be improved. See [Errors](errors.md) for when each error is raised.

In Chinese, a value quoted from the input is given in Chinese words where it has them (`对象`
for `an object`, `约100位的数` for a number of about 100 digits); a list of values is joined with
`、`. A problem said of a paper or a row that came again ends with how many more were like it:

{more}
"""


def _cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


def page():
    """The page, made from the catalogue."""
    more = "\n".join(
        f"- `{_cell(words['en'].strip())}` / `{_cell(words['zh'])}`"
        for key, words in catalogue.PROBLEM_WORDS.items()
        if key.startswith("more.")
    )
    lines = [HEAD.format(more=more)]
    for title, block in PARTS:
        lines += [f"## {title}", "", "| code | English | 中文 |", "| --- | --- | --- |"]
        lines += [f"| `{code}` | {_cell(w['en'])} | {_cell(w['zh'])} |" for code, w in sorted(block.items())]
        lines.append("")
    return "\n".join(lines)


def main():
    PAGE.write_text(page(), encoding="utf-8")


if __name__ == "__main__":
    main()
