"""Reports: a meeting's result rendered as text for people, in English or Chinese.

This is the edge: the core builds explanation steps as data, and only this module turns them
into words (and uses ``tabulate``, with ``wcwidth`` so that Chinese names line up).

>>> from tally.examples import ex_p_01
>>> print(quorum_report(ex_p_01(), lang="en").splitlines()[0])
Party-member meeting: attendance and quorum (rulebook cpc-basic-2020)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from tabulate import tabulate

from ._explain import Step
from ._meeting import Meeting

__all__ = ["describe", "quorum_report"]

Lang = Literal["en", "zh"]

# Every finding the core makes, in words. A finding missing here falls back to its own text.
_FINDINGS: Mapping[str, Mapping[str, str]] = {
    "electorate": {
        "en": "{roll} on the roll; {probationary} probationary, {probation} under 留党察看 and "
        "{suspended} suspended are not in the electorate, which is {electorate}.",
        "zh": "党员名册{roll}人，其中预备党员{probationary}人、留党察看{probation}人、"
        "中止权利{suspended}人不计入，有选举权的党员{electorate}人。",
    },
    "excluded": {
        "en": "{subject} is excluded from the required attendance: listed category, upper-level and meeting approval.",
        "zh": "{subject}属规定情形，经上级党组织同意并经党员大会通过，不计入应到会人数。",
    },
    "not excluded: exclusions do not apply": {
        "en": "{subject} stays in the required attendance: these rules provide no exclusion.",
        "zh": "{subject}仍计入应到会人数：本规则不适用排除程序。",
    },
    "not excluded: category not listed": {
        "en": "{subject} stays in the required attendance: not a listed category.",
        "zh": "{subject}仍计入应到会人数：不属于可不计入的规定情形。",
    },
    "not excluded: no upper-level approval": {
        "en": "{subject} stays in the required attendance: the upper level has not agreed.",
        "zh": "{subject}仍计入应到会人数：未经上级党组织同意。",
    },
    "not excluded: no meeting approval": {
        "en": "{subject} stays in the required attendance: the meeting has not approved.",
        "zh": "{subject}仍计入应到会人数：未经党员大会通过。",
    },
    "present, not counted": {
        "en": "{subject} is present but not counted: not in the electorate.",
        "zh": "{subject}到会，但无选举权，不计入实到会人数。",
    },
    "required attendance": {
        "en": "Required attendance: {electorate} in the electorate less {excluded} excluded = {required}.",
        "zh": "应到会人数：有选举权的党员{electorate}人，减去不计入的{excluded}人，为{required}人。",
    },
    "present electorate": {
        "en": "{signed_in} signed in, {not_counted} of them not counted: {present} present with the right to vote.",
        "zh": "签到{signed_in}人，其中{not_counted}人不计入，实到会有选举权的党员{present}人。",
    },
    "quorum met": {
        "en": "Quorum met: {present} present against {required} required; a valid meeting "
        "needs at least {needed} ({numerator}/{denominator}).",
        "zh": "实到会{present}人，应到会{required}人，须至少{needed}人（{numerator}/{denominator}），会议有效。",
    },
    "quorum not met": {
        "en": "Quorum not met: {present} present against {required} required; a valid meeting "
        "needs at least {needed} ({numerator}/{denominator}). No election may be held.",
        "zh": "实到会{present}人，应到会{required}人，须至少{needed}人"
        "（{numerator}/{denominator}），会议无效，不得进行选举。",
    },
}

_LABELS: Mapping[str, Mapping[str, str]] = {
    "title": {
        "en": "Party-member meeting: attendance and quorum (rulebook {id})",
        "zh": "党员大会到会情况（规则：{id}）",
    },
    "electorate": {"en": "electorate", "zh": "有选举权的党员"},
    "required": {"en": "required attendance", "zh": "应到会人数"},
    "present": {"en": "present (counted)", "zh": "实到会人数"},
    "needed": {"en": "least for a valid meeting", "zh": "会议有效最少人数"},
    "met": {"en": "quorum", "zh": "会议是否有效"},
    "yes": {"en": "met", "zh": "有效"},
    "no": {"en": "not met", "zh": "无效"},
    "exclusions": {"en": "Exclusions", "zh": "不计入应到会人数的申请"},
    "member": {"en": "member", "zh": "党员"},
    "category": {"en": "category", "zh": "情形"},
    "outcome": {"en": "outcome", "zh": "结果"},
    "out": {"en": "excluded", "zh": "不计入"},
    "in": {"en": "stays in", "zh": "仍计入"},
    "steps": {"en": "Decisions", "zh": "依据"},
    "rule": {"en": "rule", "zh": "条款"},
    "decision": {"en": "decision", "zh": "说明"},
}


def _label(key: str, lang: Lang) -> str:
    return _LABELS[key][lang]


def describe(step: Step, *, lang: Lang = "en", names: Mapping[str, str] | None = None) -> str:
    """One step in plain words.

    >>> from tally import Step
    >>> describe(Step("P-6", "required attendance",
    ...               numbers={"electorate": 44, "excluded": 2, "required": 42}), lang="zh")
    '应到会人数：有选举权的党员44人，减去不计入的2人，为42人。'
    """
    subject = step.subject or ""
    if names and subject in names:
        subject = f"{subject} {names[subject]}"
    template = _FINDINGS.get(step.finding, {}).get(lang)
    if template is None:
        numbers = ", ".join(f"{k}={v}" for k, v in step.numbers.items())
        return " ".join(part for part in (subject, step.finding, numbers) if part)
    return template.format(subject=subject, **step.numbers)


def quorum_report(meeting: Meeting, *, lang: Lang = "en") -> str:
    """The attendance and quorum of a meeting, as a text report with aligned tables."""
    names = {m.id: m.name for m in meeting.roll if m.name}
    q = meeting.quorum
    lines = [_label("title", lang).format(id=meeting.rulebook.id), ""]
    figures = [
        (_label("electorate", lang), q.electorate),
        (_label("required", lang), q.required),
        (_label("present", lang), q.present),
        (_label("needed", lang), q.needed),
        (_label("met", lang), _label("yes" if q.met else "no", lang)),
    ]
    lines.append(tabulate(figures, tablefmt="plain", disable_numparse=True))
    if meeting.exclusions:
        lines += ["", _label("exclusions", lang)]
        rows = [
            (
                o.exclusion.member,
                names.get(o.exclusion.member, ""),
                o.exclusion.category,
                _label("out" if o.excluded else "in", lang),
            )
            for o in meeting.exclusions
        ]
        headers = [_label("member", lang), "", _label("category", lang), _label("outcome", lang)]
        lines.append(tabulate(rows, headers=headers, tablefmt="simple"))
    lines += ["", _label("steps", lang)]
    rows2 = [(s.rule, describe(s, lang=lang, names=names)) for s in meeting.steps]
    lines.append(tabulate(rows2, headers=[_label("rule", lang), _label("decision", lang)], tablefmt="simple"))
    return "\n".join(lines)
