"""Writes docs/rules.md from the table of rules that tally ships (src/tally/rules.json).

Run from the repository root after changing the table: python tools/make_rules_doc.py
The table is the source; this page is written from it, and tests/test_citations.py fails when
the committed page is not what this script writes.
"""

from __future__ import annotations

import pathlib
import re

import tally
from tally.citations import BODIES, RULES, STATUSES, Rule

OUT = pathlib.Path(__file__).resolve().parent.parent / "docs" / "rules.md"

# A rule ID in prose, linked to its entry; the same pattern as the test that every cited ID is
# defined (tests/test_citations.py), so that "见OQ-V6" is found although 见 is a letter.
RULE_ID = re.compile(r"(?<![\w-])(?:(?:PC|P|V|R|T|C)-\d+[a-z]?|OQ-[A-Z]\d+|EX-[A-Z]-\d+)(?![\w-])", re.ASCII)

HEAD = """\
# The rules and their sources (规则及其依据)

<!-- Written by tools/make_rules_doc.py from src/tally/rules.json: edit the table, then run the script. -->

Every rule ID that `tally` prints in a result, a report or an error (`P-22`, `V-19`, `OQ-V5`)
is defined on this page: what the rule says, in English and in Chinese, the law or regulation
and article it comes from, how sure that source is, and the rulebook field or function of
`tally` that implements it. The statements are `tally`'s own paraphrases, not the text of the
law; the citation names the text to read. Where the article number of a source could not be
checked against the official text, the citation says so (条号待核, "article number
UNCONFIRMED").

The same table ships in the package as `tally/rules.json`, for other software, and
`tally.citations` reads it (see [Public API](api.md)):

```python
>>> from tally.citations import RULES, cite, describe_rule
>>> cite("P-16")
'《中国共产党基层组织选举工作条例》（2020）第二十四条'
>>> describe_rule("P-16", lang="en")
'Voting is by secret ballot (无记名投票).'
>>> RULES["P-17"].status, RULES["P-17"].fields
('confirmed', ('proxies_allowed',))

```

## What the statuses mean

| status | meaning | 含义 |
| --- | --- | --- |
"""

SETTINGS = """
Rules marked **unconfirmed** or **provincial**, and the **open questions**, are never
written into the counting code: each is a [rulebook](rulebooks.md) field (or, for the
composition targets, a warning; for a decision the rules leave to people, an input) with a
proposed default. A province's preset sets it as that province does, a local variant sets it
with `attrs.evolve`, and a person should check the default against the text in force. Which
rules `tally` counts, and the test that shows each, is on the
[Conformance](conformance.md) page.
"""


def _link(text: str) -> str:
    """Every rule ID in *text*, outside `code`, as a link to its entry."""
    parts = text.split("`")
    for i in range(0, len(parts), 2):
        parts[i] = RULE_ID.sub(lambda m: f"[{m[0]}](#{m[0]})", parts[i])
    return "`".join(parts)


def _api(name: str) -> str:
    obj: object = tally
    if name.startswith("tally."):
        import importlib

        module, _, attr = name.rpartition(".")
        obj = getattr(importlib.import_module(module), attr)
    else:
        for part in name.split("."):
            obj = getattr(obj, part)
    call = "()" if callable(obj) and not isinstance(obj, type) else ""
    return f"`{name}{call}`"


def _where(rule: Rule) -> str:
    found = []
    if rule.fields:
        which = "rulebook fields " if len(rule.fields) > 1 else "rulebook field "
        found.append(which + ", ".join(f"`{f}`" for f in rule.fields))
    if rule.api:
        found.append(", ".join(_api(name) for name in rule.api))
    if rule.examples:
        which = "example records " if len(rule.examples) > 1 else "example record "
        found.append(which + ", ".join(f"`{name}`" for name in rule.examples) + " (`tally example NAME`)")
    if found:
        return "; ".join(found)
    if rule.status == "open-question":
        return "nothing to set"
    return "not counted by `tally` (see [Conformance](conformance.md))"


def _entry(rule: Rule) -> list[str]:
    lines = [
        f"### {rule.id} · {rule.title.en} {{#{rule.id}}}",
        "",
        f"**{rule.title.zh}**",
        "",
        _link(rule.statement.en),
        "",
        _link(rule.statement.zh),
        "",
    ]
    if rule.choice is not None:
        lines += [f"- tally's choice: {_link(rule.choice.en)}", f"- 本库的选择：{_link(rule.choice.zh)}"]
    lines += [
        f"- Source: {_link(rule.source.en)}",
        f"- 依据：{_link(rule.source.zh)}",
        f"- Status: {rule.status}",
        f"- In tally: {_where(rule)}",
        "",
    ]
    return lines


def render() -> str:
    """The page docs/rules.md, from the table."""
    lines = [HEAD.rstrip("\n")]
    lines += [f"| {status} | {words.en} | {words.zh} |" for status, words in STATUSES.items()]
    lines += [SETTINGS.rstrip("\n"), "", "## Contents", ""]
    for body, words in BODIES.items():
        ids = [r.id for r in RULES.values() if r.body == body]
        lines.append(f"- [{words.en} · {words.zh}](#{body}): {', '.join(f'[{i}](#{i})' for i in ids)}")
    for body, words in BODIES.items():
        lines += ["", f"## {words.en} · {words.zh} {{#{body}}}", ""]
        for rule in RULES.values():
            if rule.body == body:
                lines += _entry(rule)
        lines.pop()
    return "\n".join(lines) + "\n"


def main() -> None:
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT} ({len(RULES)} entries)")


if __name__ == "__main__":
    main()
