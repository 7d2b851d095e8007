"""The rules tally cites, with their sources (edge).

Every rule ID that a result, a report or an error names (``P-22``, ``V-19``, ``OQ-V5``) is an
entry of one table shipped in the package, ``tally/rules.json``: what the rule says, in
English and in Chinese, the law or regulation and article it comes from, how sure that source
is, and the rulebook fields and functions of tally that implement it. ``docs/rules.md`` is
written from the same table.

This module reads the table when it is imported; ``import tally`` does not load it, so the
core stays free of I/O.

>>> from tally.citations import RULES, cite, describe_rule
>>> cite("P-12")
'《中国共产党基层组织选举工作条例》（2020）第十三条（《中国共产党基层组织选举工作暂行条例》（1990）第十二条）'
>>> cite("V-19", lang="en")
"Organic Law of the Villagers' Committees of the PRC (revised 2010, amended 2018), Art. 15"
>>> describe_rule("V-19")
'有登记参加选举的村民过半数投票，选举有效：`投票人数*2 > 登记人数`。委托人的受委托人投了票的，委托人计为已投票。'
>>> RULES["P-10a"].status, RULES["P-10a"].fields
('unconfirmed', ('quorum_inclusive',))
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from importlib.resources import files
from types import MappingProxyType
from typing import Any, Literal

import attrs

from ._values import shown
from .errors import Problem, RuleError

__all__ = ["BODIES", "RULES", "STATUSES", "Lang", "Rule", "Words", "cite", "describe_rule"]

Lang = Literal["zh", "en"]
"""The languages of the table: ``"zh"`` (Chinese) and ``"en"`` (English)."""


@attrs.frozen
class Words:
    """The same text in Chinese (``zh``) and in English (``en``).

    >>> Words(zh="通则", en="General conventions").en
    'General conventions'
    """

    zh: str
    en: str


@attrs.frozen
class Rule:
    """One entry of the table: a rule, an open question (``OQ-…``) or a worked example (``EX-…``).

    ``body`` is the kind of body the rule governs (``"party-meeting"``, ``"party-conference"``,
    ``"village-committee"``, ``"residents-committee"``, ``"composition"`` or ``"general"``);
    ``status`` how sure its source is (one of :data:`STATUSES`); ``title`` and ``statement`` say
    it in tally's own words; ``source`` is the citation of the law or regulation, with the
    article (marked 条号待核 / UNCONFIRMED where the article number could not be checked);
    ``choice`` is what tally chose for an open question; ``applies`` the rules a worked example
    applies; ``fields`` the :class:`~tally.Rulebook` fields and ``api`` the public names that
    implement it; ``examples`` the built-in example records that show it
    (``tally example NAME``).

    >>> from tally.citations import RULES
    >>> rule = RULES["OQ-V5"]
    >>> rule.body, rule.status, rule.fields
    ('village-committee', 'open-question', ('invalid_scope',))
    >>> rule.choice.en
    'Only that section (`invalid_scope="section"`); `"paper"` voids the whole ballot.'
    """

    id: str
    body: str
    status: str
    title: Words
    statement: Words
    source: Words
    choice: Words | None = None
    applies: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    api: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()


def _words(data: Any) -> Words:
    return Words(zh=str(data["zh"]), en=str(data["en"]))


def _rule(data: Any) -> Rule:
    choice = data.get("choice")
    return Rule(
        id=str(data["id"]),
        body=str(data["body"]),
        status=str(data["status"]),
        title=_words(data["title"]),
        statement=_words(data["statement"]),
        source=_words(data["source"]),
        choice=None if choice is None else _words(choice),
        applies=tuple(str(x) for x in data.get("applies", ())),
        fields=tuple(str(x) for x in data.get("fields", ())),
        api=tuple(str(x) for x in data.get("api", ())),
        examples=tuple(str(x) for x in data.get("examples", ())),
    )


_TABLE: Any = json.loads(files("tally").joinpath("rules.json").read_text(encoding="utf-8"))

RULES: Mapping[str, Rule] = MappingProxyType({rule.id: rule for rule in map(_rule, _TABLE["rules"])})
"""Every rule ID tally can cite, in the table's order (by body, then rules, open questions and
worked examples), with its entry. Read-only."""

BODIES: Mapping[str, Words] = MappingProxyType({k: _words(v) for k, v in _TABLE["bodies"].items()})
"""The kinds of body the rules govern, by the name :attr:`Rule.body` uses, with their names."""

STATUSES: Mapping[str, Words] = MappingProxyType({k: _words(v) for k, v in _TABLE["statuses"].items()})
"""What each :attr:`Rule.status` means: ``confirmed``, ``corroborated``, ``unconfirmed``,
``provincial``, ``convention``, ``open-question``, ``example``."""


def _entry(rule_id: str) -> Rule:
    try:
        return RULES[rule_id]
    except (KeyError, TypeError):
        close = difflib.get_close_matches(str(rule_id), RULES, n=3)
        if close:
            raise RuleError(
                Problem("rule_id", "no-rule-close", {"value": shown(rule_id), "close": tuple(close)})
            ) from None
        raise RuleError(Problem("rule_id", "no-rule", {"value": shown(rule_id)})) from None


def _pick(words: Words, lang: str) -> str:
    if lang == "zh":
        return words.zh
    if lang == "en":
        return words.en
    raise RuleError(Problem("lang", "not-language", {"value": shown(lang)}))


def cite(rule_id: str, *, lang: Lang = "zh") -> str:
    """The citation of the law or regulation behind *rule_id*: its name, year and article, as
    an election officer quotes it (``lang="zh"``, the default) or in English.

    An article number that could not be checked against the official text is marked so
    (条号待核, "article number UNCONFIRMED"). An unknown rule ID raises
    :class:`~tally.errors.RuleError` with the path ``rule_id``.

    >>> cite("P-17")
    '《中国共产党基层组织选举工作条例》（2020）第二十四条'
    >>> print(cite("P-22", lang="en"))
    Regulations on the Election Work of Basic-Level Organisations of the CPC (2020), chapter on
    conducting the election (article number UNCONFIRMED, probably Arts. 26–28)
    >>> cite("P-99")
    Traceback (most recent call last):
      ...
    tally.errors.RuleError: rule_id: no rule 'P-99' in tally's table of rules; did you mean P-9, P-19?
    """
    return _pick(_entry(rule_id).source, lang)


def describe_rule(rule_id: str, *, lang: Lang = "zh") -> str:
    """What *rule_id* says, in tally's own words, in Chinese (the default) or English.

    For an open question (``OQ-…``) this is the question; tally's choice is
    ``RULES[rule_id].choice``. An unknown rule ID raises :class:`~tally.errors.RuleError`.

    >>> describe_rule("P-16", lang="en")
    'Voting is by secret ballot (无记名投票).'
    >>> describe_rule("OQ-V5", lang="zh")
    '一张选票选举多个职位，某一职位所选人数多于应选人数的，整张选票无效，还是只有该职位一栏无效？'
    >>> describe_rule("P-16", lang="fr")
    Traceback (most recent call last):
      ...
    tally.errors.RuleError: lang: must be 'zh' or 'en', not 'fr'
    """
    return _pick(_entry(rule_id).statement, lang)
