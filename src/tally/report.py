"""Reports: a verified round rendered for people, as text, Markdown, HTML or JSON, in English
or Chinese.

This is the edge: the core builds explanation steps as data, and only this module turns them
into words. Tables go through ``tabulate``, with ``wcwidth`` installed so that Chinese names line
up in text.

>>> from tally import records
>>> from tally.examples import load
>>> rec = records.Record.from_dict(load("branch"))
>>> print(render(rec.verify(), lang="zh", title=rec.title).splitlines()[0])
某社区党支部委员会换届选举（第一轮）
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from tabulate import tabulate
from wcwidth import wcswidth

from ._compliance import Finding
from ._count import ContestResult
from ._explain import Step
from ._meeting import Meeting
from ._polling import Polling
from ._verify import Verification

__all__ = ["FINDINGS", "FORMATS", "LANGS", "describe", "render"]

Lang = Literal["en", "zh"]
Format = Literal["text", "markdown", "html", "json"]
LANGS: tuple[Lang, ...] = ("en", "zh")
FORMATS: tuple[Format, ...] = ("text", "markdown", "html", "json")

# Every finding the core makes, in words. ``{subject}`` is the member or contest concerned; the
# other fields are the step's numbers.
FINDINGS: Mapping[str, Mapping[str, str]] = {
    "electorate": {
        "en": "{roll} on the roll; {probationary} probationary, {probation} under 留党察看 and "
        "{suspended} suspended are not in the electorate, which is {electorate}.",
        "zh": "党员名册{roll}人，其中预备党员{probationary}人、留党察看{probation}人、中止权利{suspended}人不计入，"
        "有选举权的党员{electorate}人。",
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
        "en": "Quorum met: {present} present against {required} required; a valid meeting needs at least "
        "{needed} ({numerator}/{denominator}).",
        "zh": "实到会{present}人，应到会{required}人，须至少{needed}人（{numerator}/{denominator}），会议有效。",
    },
    "quorum not met": {
        "en": "Quorum not met: {present} present against {required} required; a valid meeting needs at least "
        "{needed} ({numerator}/{denominator}). No election may be held.",
        "zh": "实到会{present}人，应到会{required}人，须至少{needed}人（{numerator}/{denominator}），"
        "会议无效，不得进行选举。",
    },
    "proxy rejected": {
        "en": "The proxy for {subject} is rejected: a party election admits no proxy.",
        "zh": "{subject}的委托投票不予接受：党内选举不得委托他人代为投票。",
    },
    "registered": {
        "en": "{roll} on the voter roll, {registered} of them registered and entitled to vote on the day.",
        "zh": "选民名单{roll}人，选举日有选举权的登记选民{registered}人。",
    },
    "voted, not counted": {
        "en": "{subject} voted but is not a registered voter: not counted.",
        "zh": "{subject}参加投票，但不是有选举权的登记选民，不计入。",
    },
    "proxy accepted": {
        "en": "The proxy for {subject} is accepted: {subject} counts as having voted.",
        "zh": "{subject}的委托投票有效，计为已参加投票。",
    },
    "turnout met": {
        "en": "{voted} of {registered} registered voted ({in_person} in person, {by_proxy} by proxy, "
        "{mobile} at mobile boxes): more than half, the election is valid (at least {needed}).",
        "zh": "登记选民{registered}人，参加投票{voted}人（本人{in_person}、委托{by_proxy}、流动票箱{mobile}），"
        "过半数（至少{needed}人），选举有效。",
    },
    "turnout not met": {
        "en": "{voted} of {registered} registered voted ({in_person} in person, {by_proxy} by proxy, "
        "{mobile} at mobile boxes): not more than half (at least {needed} needed), the election is not valid.",
        "zh": "登记选民{registered}人，参加投票{voted}人（本人{in_person}、委托{by_proxy}、流动票箱{mobile}），"
        "未过半数（须至少{needed}人），选举无效。",
    },
    "turnout not met: no election": {
        "en": "Not more than half of the registered voted ({voted}, {needed} needed): nobody is elected.",
        "zh": "参加投票的选民未过半数（{voted}人，须至少{needed}人），不产生当选人。",
    },
    "further election: no turnout required": {
        "en": "A further election needs no turnout of its own under these rules ({voted} voted).",
        "zh": "依本规则，另行选举不另设参选人数要求（参加投票{voted}人）。",
    },
    "floor": {
        "en": "{subject}: most votes win, with at least {numerator}/{denominator} of the {ballots} ballots cast, "
        "that is at least {threshold} votes.",
        "zh": "{subject}：以得票多的当选，但所得票数不得少于已投选票总数{ballots}张的{numerator}/{denominator}，"
        "即至少{threshold}票。",
    },
    "elected to a higher post": {
        "en": "{subject} is elected to a higher post in this vote and keeps it.",
        "zh": "{subject}已当选更高职务，保留较高职务。",
    },
    "votes carried down": {
        "en": "{subject}: votes for the higher posts ({votes}) are added to these (cumulative counting).",
        "zh": "{subject}：高职位所得票数（{votes}）累计计入本职位。",
    },
    "near relatives tied: another vote": {
        "en": "{subject} and a near relative are both elected with equal posts and votes: another vote decides.",
        "zh": "{subject}与其近亲属同时当选，职务与得票均相同，须另行投票决定。",
    },
    "withdrawn: a near relative serves": {
        "en": "{subject} does not take the seat: a near relative serves in a higher post or with more votes.",
        "zh": "{subject}的近亲属以较高职务或较多票数当选，{subject}不予当选。",
    },
    "seat refilled from the qualified": {
        "en": "{subject}, next over the threshold with {votes} votes, takes the freed seat.",
        "zh": "{subject}得{votes}票，为过半数者中的下一位，递补当选。",
    },
    "a woman joins the further election": {
        "en": "No woman is elected: {subject}, the woman with most votes ({votes}), joins the further election.",
        "zh": "当选人中没有妇女，得票最多的妇女{subject}（{votes}票）列为另行选举候选人。",
    },
    "scribe accepted": {
        "en": "{subject} had the ballot filled in by a non-candidate: accepted.",
        "zh": "{subject}委托非候选人代写选票，予以接受。",
    },
    "scribe rejected: a candidate": {
        "en": "{subject} asked a candidate to fill in the ballot: not allowed.",
        "zh": "{subject}委托候选人代写选票，不予接受。",
    },
    "inquorate: no election": {
        "en": "The meeting is not valid ({present} present, {needed} needed): nobody is elected.",
        "zh": "会议无效（实到会{present}人，须至少{needed}人），不产生当选人。",
    },
    "ballots within voters": {
        "en": "{collected} ballots collected, not more than {base}: the vote is valid.",
        "zh": "收回选票{collected}张，不多于{base}，选举有效。",
    },
    "more ballots than voters: round void": {
        "en": "{collected} ballots collected, more than {base}: the vote is void and must be held again.",
        "zh": "收回选票{collected}张，多于{base}，选举无效，应当重新选举。",
    },
    "ballots": {
        "en": "{subject}: {valid} valid and {invalid} invalid ballots.",
        "zh": "{subject}：有效票{valid}张，无效票{invalid}张。",
    },
    "no decision: the round must be held again": {
        "en": "{subject}: no decision; the vote must be held again.",
        "zh": "{subject}：不作当选决定，应当重新选举。",
    },
    "tie-break: most votes win": {
        "en": "{subject}: a vote among the tied for {seats} seat(s); the most votes win.",
        "zh": "{subject}：对得票相等者再次投票，应选{seats}名，得票多的当选。",
    },
    "threshold": {
        "en": "{subject}: a winner needs more than {numerator}/{denominator} of {base}, "
        "that is at least {threshold} votes.",
        "zh": "{subject}：当选须超过{base}的{numerator}/{denominator}，即至少{threshold}票。",
    },
    "below the threshold": {
        "en": "{subject} has {votes} votes, fewer than {threshold}: not elected.",
        "zh": "{subject}得{votes}票，少于{threshold}票，不能当选。",
    },
    "elected": {"en": "{subject} is elected with {votes} votes.", "zh": "{subject}得{votes}票，当选。"},
    "over the threshold, outside the seats": {
        "en": "{subject} has {votes} votes, over the threshold but outside the seats.",
        "zh": "{subject}得{votes}票，超过半数，但名次在应选名额之外。",
    },
    "tie at the cut-off: another vote among the tied": {
        "en": "{subject}: {tied} candidates tie at {votes} votes for {seats} seat(s): another vote among them.",
        "zh": "{subject}：{tied}名候选人得票同为{votes}票，争{seats}个名额，对其再次投票。",
    },
    "seats unfilled: further election": {
        "en": "{subject}: {seats} seat(s) unfilled: a further election among {candidates} candidates, "
        "never filled from below the threshold.",
        "zh": "{subject}：尚缺{seats}名，另行选举，候选人{candidates}名；不得在未过半数者中按得票多少补足。",
    },
    "further election needs more candidates": {
        "en": "{subject}: the further election needs at least {least} candidates, and {candidates} remain.",
        "zh": "{subject}：另行选举候选人须至少{least}名，现仅{candidates}名。",
    },
    "seats reduced by the presidium": {
        "en": "{subject}: the presidium reduced the seats to those elected.",
        "zh": "{subject}：经大会主席团决定，减少名额，不再另行选举。",
    },
    "reduction not approved: no presidium here": {
        "en": "{subject}: only a conference's presidium may reduce the seats without the electors' consent.",
        "zh": "{subject}：只有代表大会主席团可以决定减少名额。",
    },
    "seats reduced": {
        "en": "{subject}: {consent} of {base} electors consented: the seats are reduced to those elected.",
        "zh": "{subject}：{base}名选举人中{consent}人同意，减少名额，不再另行选举。",
    },
    "reduction not approved": {
        "en": "{subject}: only {consent} of {base} electors consented: the seats are not reduced.",
        "zh": "{subject}：{base}名选举人中仅{consent}人同意，不减少名额。",
    },
}

# Reasons a ballot or a mark does not count, for the findings "invalid: …" and "void mark: …".
REASONS: Mapping[str, Mapping[str, str]] = {
    "over-selected": {"en": "more persons selected than seats", "zh": "所选人数多于应选人数"},
    "spoiled paper": {"en": "a paper that cannot be read", "zh": "无法辨认的废票"},
    "write-in refused": {"en": "a write-in the rules refuse", "zh": "不符合规定的另选他人"},
    "invalid": {"en": "invalid on the tally sheet", "zh": "计票单所列无效票"},
    "unreadable mark": {"en": "a mark that cannot be read", "zh": "无法辨认的符号"},
    "duplicate mark": {"en": "the same person marked twice", "zh": "同一人重复标记"},
    "write-in of a listed candidate": {"en": "a write-in of a listed candidate", "zh": "另选了候选人本人"},
    "write-in in a tie-break": {"en": "a write-in in a vote among the tied", "zh": "再次投票时另选他人"},
    "write-in not eligible": {"en": "a write-in of someone who cannot be elected", "zh": "另选者无被选举权"},
    "over-selected on another post": {
        "en": "another post on the paper over-selected",
        "zh": "同一选票其他职位所选人数超额",
    },
    "one person voted into two posts": {"en": "one person voted into two posts", "zh": "同一人被选为两个职务"},
    "under 18 on the election day": {"en": "under 18 on the election day", "zh": "选举日未满十八周岁"},
    "deprived of political rights": {"en": "deprived of political rights", "zh": "被依法剥夺政治权利"},
    "proxy not allowed": {"en": "no proxy in a party election", "zh": "党内选举不得委托投票"},
    "not in writing": {"en": "not in writing", "zh": "未书面委托"},
    "the principal is not a registered voter": {
        "en": "the principal is not a registered voter",
        "zh": "委托人不是登记选民",
    },
    "the principal voted in person": {"en": "the principal voted in person", "zh": "委托人已亲自投票"},
    "the principal voted at a mobile ballot box": {
        "en": "the principal voted at a mobile ballot box",
        "zh": "委托人已在流动票箱投票",
    },
    "the agent is the principal": {"en": "the agent is the principal", "zh": "受委托人即委托人本人"},
    "the agent is not a registered voter of this village": {
        "en": "the agent is not a registered voter of this village",
        "zh": "受委托人不是本村登记选民",
    },
    "the relation is not given": {"en": "the relation is not given", "zh": "未载明亲属关系"},
    "not a near relative": {"en": "the agent is not a near relative", "zh": "受委托人不是近亲属"},
    "the agent is a candidate": {"en": "the agent is a candidate", "zh": "受委托人是候选人"},
    "the agent has given a proxy too: no chains": {
        "en": "the agent has given a proxy too (no chains)",
        "zh": "受委托人本人也委托了他人，不得转委托",
    },
    "the principal already has a proxy": {"en": "the principal already has a proxy", "zh": "委托人已委托他人"},
    "the agent holds the most proxies allowed (PROXY_CAP_EXCEEDED)": {
        "en": "the agent already holds {cap} proxies, the most allowed",
        "zh": "受委托人已接受{cap}人委托，达到上限",
    },
    "filed after the election day": {"en": "filed after the election day", "zh": "选举日后才办理"},
    "filed on the election day (no on-site proxies)": {
        "en": "filed on the election day, where on-site proxies are not allowed",
        "zh": "选举日当天办理，不得现场委托",
    },
    "filed after the deadline": {
        "en": "filed less than {days} days before the election day",
        "zh": "未在选举日{days}日前办理",
    },
}

_PREFIXED = {
    "proxy rejected: ": {
        "en": "The proxy for {subject} is rejected: {reason}.",
        "zh": "{subject}的委托投票不予接受：{reason}。",
    },
    "not registered: ": {
        "en": "{subject} is not a voter on the day: {reason}.",
        "zh": "{subject}选举日无选举权：{reason}。",
    },
    "invalid: ": {
        "en": "{subject}: {ballots} ballots invalid: {reason}.",
        "zh": "{subject}：无效票{ballots}张（{reason}）。",
    },
    "void mark: ": {
        "en": "{subject}: {marks} marks void: {reason}.",
        "zh": "{subject}：{marks}处标记无效（{reason}）。",
    },
}

_LABELS: Mapping[str, Mapping[str, str]] = {
    "rulebook": {"en": "Rulebook {id}; election day {day}.", "zh": "适用规则：{id}；选举日：{day}。"},
    "attendance": {"en": "Attendance and quorum", "zh": "到会情况"},
    "electorate": {"en": "electorate", "zh": "有选举权的党员"},
    "required": {"en": "required attendance", "zh": "应到会人数"},
    "present": {"en": "present (counted)", "zh": "实到会人数"},
    "needed": {"en": "least for a valid meeting", "zh": "会议有效最少人数"},
    "met": {"en": "quorum", "zh": "会议是否有效"},
    "yes": {"en": "met", "zh": "有效"},
    "no": {"en": "not met", "zh": "无效"},
    "exclusions": {"en": "Exclusions", "zh": "不计入应到会人数的申请"},
    "turnout": {"en": "Turnout", "zh": "参加投票情况"},
    "registered": {"en": "registered voters", "zh": "登记选民"},
    "in_person": {"en": "voted in person", "zh": "本人投票"},
    "by_proxy": {"en": "voted by proxy", "zh": "委托投票"},
    "mobile": {"en": "voted at mobile boxes", "zh": "流动票箱投票"},
    "voted": {"en": "voted", "zh": "参加投票"},
    "valid": {"en": "election", "zh": "选举是否有效"},
    "needed-vote": {"en": "least for a valid election", "zh": "选举有效最少人数"},
    "yes-valid": {"en": "valid", "zh": "有效"},
    "no-valid": {"en": "not valid", "zh": "无效"},
    "proxies": {"en": "Proxies", "zh": "委托投票"},
    "principal": {"en": "principal", "zh": "委托人"},
    "agent": {"en": "agent", "zh": "受委托人"},
    "accepted": {"en": "accepted", "zh": "有效"},
    "member": {"en": "member", "zh": "党员"},
    "name": {"en": "name", "zh": "姓名"},
    "category": {"en": "category", "zh": "情形"},
    "outcome": {"en": "outcome", "zh": "结果"},
    "out": {"en": "excluded", "zh": "不计入"},
    "in": {"en": "stays in", "zh": "仍计入"},
    "sheet": {"en": "Tally sheet: {title}", "zh": "计票结果报告单：{title}"},
    "stage": {"en": "{seats} seat(s); {stage}.", "zh": "应选{seats}名；{stage}。"},
    "regular": {"en": "regular vote", "zh": "正式选举"},
    "further": {"en": "further election", "zh": "另行选举"},
    "tie-break": {"en": "vote among the tied", "zh": "对得票相等者再次投票"},
    "base": {
        "en": "Base {base}; a winner needs at least {threshold} votes. Valid ballots {valid}, invalid {invalid}.",
        "zh": "计算基数{base}人，当选至少须{threshold}票。有效票{valid}张，无效票{invalid}张。",
    },
    "base-floor": {
        "en": "Most votes win, with at least {threshold} votes ({numerator}/{denominator} of the {ballots} "
        "ballots cast). Valid ballots {valid}, invalid {invalid}.",
        "zh": "以得票多的当选，但至少须{threshold}票（已投选票{ballots}张的{numerator}/{denominator}）。"
        "有效票{valid}张，无效票{invalid}张。",
    },
    "base-tie": {
        "en": "The most votes win. Valid ballots {valid}, invalid {invalid}.",
        "zh": "得票多的当选。有效票{valid}张，无效票{invalid}张。",
    },
    "candidate": {"en": "candidate", "zh": "候选人"},
    "votes": {"en": "votes", "zh": "得票"},
    "over": {"en": "over the threshold", "zh": "是否过半数"},
    "result": {"en": "result", "zh": "结果"},
    "won": {"en": "elected", "zh": "当选"},
    "tied": {"en": "tied: another vote", "zh": "得票相等，再次投票"},
    "lost": {"en": "not elected", "zh": "未当选"},
    "undecided": {"en": "no decision", "zh": "不作决定"},
    "next": {
        "en": "Next: {stage} for {seats} seat(s) among {candidates}.",
        "zh": "下一步：{stage}，应选{seats}名，候选人：{candidates}。",
    },
    "reduced": {
        "en": "The seats were reduced to those elected (P-24).",
        "zh": "经同意减少名额，不再另行选举（P-24）。",
    },
    "verification": {"en": "Verification", "zh": "核对结果"},
    "agrees": {"en": "The recount agrees with what was declared.", "zh": "复核结果与公布结果一致。"},
    "disagrees": {"en": "The recount does NOT agree with what was declared.", "zh": "复核结果与公布结果不一致。"},
    "contest": {"en": "contest", "zh": "选举项目"},
    "what": {"en": "what", "zh": "项目"},
    "declared": {"en": "declared", "zh": "公布"},
    "counted": {"en": "counted", "zh": "复核"},
    "reasons": {"en": "Reasons", "zh": "依据"},
    "rule": {"en": "rule", "zh": "条款"},
    "decision": {"en": "decision", "zh": "说明"},
    "mark-yes": {"en": "yes", "zh": "是"},
    "mark-no": {"en": "no", "zh": "否"},
}


def _label(key: str, lang: Lang, **values: object) -> str:
    text = _LABELS[key][lang]
    return text.format(**values) if values else text


def describe(step: Step, *, lang: Lang = "en", names: Mapping[str, str] | None = None) -> str:
    """One step in plain words, with its subject's name where known.

    >>> from tally import Step
    >>> describe(Step("P-6", "required attendance",
    ...               numbers={"electorate": 44, "excluded": 2, "required": 42}), lang="zh")
    '应到会人数：有选举权的党员44人，减去不计入的2人，为42人。'
    """
    subject = step.subject or ""
    if names and subject in names:
        subject = f"{subject} {names[subject]}"
    for prefix, templates in _PREFIXED.items():
        if step.finding.startswith(prefix):
            reason = step.finding[len(prefix) :]
            words = REASONS.get(reason, {}).get(lang, reason).format(**step.numbers)
            return templates[lang].format(subject=subject, reason=words, **step.numbers)
    template = FINDINGS.get(step.finding, {}).get(lang)
    if template is None:
        numbers = ", ".join(f"{k}={v}" for k, v in step.numbers.items())
        return " ".join(part for part in (subject, step.finding, numbers) if part)
    return template.format(subject=subject, **step.numbers)


def explains(step: Step) -> bool:
    """Whether :func:`describe` has words for this step (rather than its bare finding)."""
    if any(step.finding.startswith(p) and step.finding[len(p) :] in REASONS for p in _PREFIXED):
        return True
    return step.finding in FINDINGS


# --- documents --------------------------------------------------------------------------------

_Block = tuple[str, Any]


def _names(meeting: Meeting | Polling) -> dict[str, str]:
    people = meeting.roll.members if isinstance(meeting, Meeting) else meeting.roll.voters
    return {m.id: m.name for m in people if m.name}


def _blocks(v: Verification, lang: Lang, title: str, day: str) -> list[_Block]:
    rnd = v.round
    m = rnd.meeting
    names = _names(m)
    out: list[_Block] = [("h1", title or _label("verification", lang))]
    out.append(("p", _label("rulebook", lang, id=m.rulebook.id, day=day)))
    if isinstance(m, Meeting):
        out.extend(_meeting_blocks(m, lang, names))
    else:
        out.extend(_polling_blocks(m, lang, names))
    for c in rnd.contests:
        out.extend(_contest_blocks(c, rnd.valid, lang, names))
    out.append(("h2", _label("verification", lang)))
    out.append(("p", _label("agrees" if v.agrees else "disagrees", lang)))
    if v.discrepancies:
        rows2 = [
            (d.contest, d.what, json.dumps(d.declared, ensure_ascii=False), json.dumps(d.counted, ensure_ascii=False))
            for d in v.discrepancies
        ]
        out.append(("table", ([_label(k, lang) for k in ("contest", "what", "declared", "counted")], rows2)))
    out.append(("h2", _label("reasons", lang)))
    steps = [*m.steps, *rnd.steps, *(s for c in rnd.contests for s in c.steps)]
    out.append(
        (
            "table",
            (
                [_label("rule", lang), _label("decision", lang)],
                [(s.rule, describe(s, lang=lang, names=names)) for s in steps],
            ),
        )
    )
    return out


_CHECKS: Mapping[str, Mapping[str, str]] = {
    "committee-size": {"en": "size of the committee", "zh": "委员会职数"},
    "women": {"en": "at least one woman", "zh": "至少有一名妇女成员"},
    "youth": {"en": "a member aged 35 or under", "zh": "有35周岁以下成员"},
    "party-share": {"en": "party members more than half", "zh": "党员超过半数"},
    "one-shoulder": {"en": "party secretary elected chair (一肩挑)", "zh": "书记、主任一肩挑"},
    "post-band": {"en": "posts within the band for the population", "zh": "职数符合人口档次"},
    "relatives": {"en": "no near relatives serving together", "zh": "近亲属回避"},
    "women-post": {"en": "women-member post held by a woman", "zh": "妇女委员由妇女担任"},
    "party-organisation": {"en": "party organisation for its size", "zh": "党组织设置"},
    "list-published": {"en": "voter list published 20 days ahead", "zh": "选民名单于选举日二十日前公布"},
    "objection-filed": {"en": "objection filed within 5 days", "zh": "异议于公布之日起五日内提出"},
    "objection-decided": {"en": "objection decided within 3 days", "zh": "异议于三日内作出处理"},
    "proxy-filed": {"en": "proxy filed in time", "zh": "委托按时办理"},
}
_STATUS: Mapping[str, Mapping[str, str]] = {
    "met": {"en": "met", "zh": "符合"},
    "not met": {"en": "NOT MET", "zh": "不符合"},
    "cannot tell": {"en": "cannot tell", "zh": "资料不全"},
    "not applicable": {"en": "not applicable", "zh": "不适用"},
}


def _finding_blocks(findings: Sequence[Finding], lang: Lang) -> list[_Block]:
    kind = {"en": ("statute", "policy"), "zh": ("法定", "政策目标")}[lang]
    rows = [
        (
            f.rule,
            _CHECKS.get(f.check, {}).get(lang, f.check),
            f.subject or "",
            kind[0] if f.statutory else kind[1],
            _STATUS[f.status][lang],
            ", ".join(f"{k}={v}" for k, v in f.numbers.items()),
        )
        for f in findings
        if f.status != "not applicable"
    ]
    headers = {
        "en": ["rule", "check", "subject", "kind", "finding", "numbers"],
        "zh": ["条款", "检查项目", "对象", "性质", "结论", "数据"],
    }[lang]
    title = {"en": "Composition and timeline", "zh": "两委结构与选举时间"}[lang]
    return [("h2", title), ("table", (headers, rows))]


def _meeting_blocks(m: Meeting, lang: Lang, names: Mapping[str, str]) -> list[_Block]:
    q = m.quorum
    out: list[_Block] = [("h2", _label("attendance", lang))]
    out.append(
        (
            "pairs",
            [
                (_label("electorate", lang), q.electorate),
                (_label("required", lang), q.required),
                (_label("present", lang), q.present),
                (_label("needed", lang), q.needed),
                (_label("met", lang), _label("yes" if q.met else "no", lang)),
            ],
        )
    )
    if m.exclusions:
        out.append(("h2", _label("exclusions", lang)))
        rows = [
            (
                o.exclusion.member,
                names.get(o.exclusion.member, ""),
                o.exclusion.category,
                _label("out" if o.excluded else "in", lang),
            )
            for o in m.exclusions
        ]
        out.append(("table", ([_label(k, lang) for k in ("member", "name", "category", "outcome")], rows)))
    return out


def _polling_blocks(p: Polling, lang: Lang, names: Mapping[str, str]) -> list[_Block]:
    t = p.turnout
    out: list[_Block] = [("h2", _label("turnout", lang))]
    out.append(
        (
            "pairs",
            [
                (_label("registered", lang), t.registered),
                (_label("in_person", lang), t.in_person),
                (_label("by_proxy", lang), t.by_proxy),
                (_label("mobile", lang), t.mobile),
                (_label("voted", lang), t.voted),
                (_label("needed-vote", lang), t.needed),
                (_label("valid", lang), _label("yes-valid" if t.valid else "no-valid", lang)),
            ],
        )
    )
    if p.proxies:
        out.append(("h2", _label("proxies", lang)))
        rows = [
            (
                o.proxy.principal,
                names.get(o.proxy.principal, ""),
                o.proxy.agent,
                names.get(o.proxy.agent, ""),
                _label("accepted", lang)
                if o.accepted
                else REASONS.get(o.reason or "", {})
                .get(lang, o.reason or "")
                .format(cap=p.rulebook.proxy_cap or 0, days=p.rulebook.proxy_deadline_days),
            )
            for o in p.proxies
        ]
        headers = [_label(k, lang) for k in ("principal", "name", "agent", "name", "outcome")]
        out.append(("table", (headers, rows)))
    return out


def _contest_blocks(c: ContestResult, valid: bool, lang: Lang, names: Mapping[str, str]) -> list[_Block]:
    contest = c.contest
    title = f"{contest.title} ({contest.id})" if contest.title else contest.id
    out: list[_Block] = [("h2", _label("sheet", lang, title=title))]
    out.append(("p", _label("stage", lang, seats=contest.seats, stage=_label(contest.stage.value, lang))))
    floor = next((st for st in c.steps if st.finding == "floor"), None)
    if c.threshold is None:
        out.append(("p", _label("base-tie", lang, valid=c.valid, invalid=c.invalid)))
    elif floor is not None:  # V-23: a further election's floor, not a majority
        numbers = {k: floor.numbers[k] for k in ("ballots", "numerator", "denominator")}
        out.append(
            ("p", _label("base-floor", lang, threshold=c.threshold, valid=c.valid, invalid=c.invalid, **numbers))
        )
    else:
        out.append(("p", _label("base", lang, base=c.base, threshold=c.threshold, valid=c.valid, invalid=c.invalid)))
    rows = []
    for who, n in c.votes.items():
        over = "" if c.threshold is None else _label("mark-yes" if n >= c.threshold else "mark-no", lang)
        if not valid:
            result = _label("undecided", lang)
        elif who in c.elected:
            result = _label("won", lang)
        elif who in c.tied:
            result = _label("tied", lang)
        else:
            result = _label("lost", lang)
        rows.append((who, names.get(who, ""), n, over, result))
    headers = [_label(k, lang) for k in ("candidate", "name", "votes", "over", "result")]
    out.append(("table", (headers, rows)))
    if c.next_round is not None:
        nxt = c.next_round
        who = ", ".join(f"{w} {names[w]}" if w in names else w for w in nxt.candidates)
        out.append(("p", _label("next", lang, stage=_label(nxt.stage.value, lang), seats=nxt.seats, candidates=who)))
    if c.seats_reduced:
        out.append(("p", _label("reduced", lang)))
    return out


def _text(blocks: Sequence[_Block]) -> str:
    parts = []
    for kind, value in blocks:
        if kind == "h1":
            parts.append(f"{value}\n{'=' * max(8, wcswidth(str(value)))}")
        elif kind == "h2":
            parts.append(f"{value}\n{'-' * max(8, wcswidth(str(value)))}")
        elif kind == "p":
            parts.append(str(value))
        elif kind == "pairs":
            parts.append(tabulate(value, tablefmt="plain", disable_numparse=True))
        else:
            headers, rows = value
            parts.append(tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True))
    return "\n\n".join(parts) + "\n"


def _md_cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _markdown(blocks: Sequence[_Block]) -> str:
    parts = []
    for kind, value in blocks:
        if kind == "h1":
            parts.append(f"# {_md_cell(value)}")
        elif kind == "h2":
            parts.append(f"## {_md_cell(value)}")
        elif kind == "p":
            parts.append(_md_cell(value))
        else:
            headers, rows = (["", ""], value) if kind == "pairs" else value
            parts.append(
                tabulate(
                    [[_md_cell(x) for x in row] for row in rows],
                    headers=[_md_cell(h) for h in headers],
                    tablefmt="pipe",
                    disable_numparse=True,
                )
            )
    return "\n\n".join(parts) + "\n"


def _html(blocks: Sequence[_Block], lang: Lang) -> str:
    parts = [f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head><meta charset="utf-8">']
    title = next((str(v) for k, v in blocks if k == "h1"), "tally")
    parts.append(f"<title>{html.escape(title)}</title></head>\n<body>")
    for kind, value in blocks:
        if kind in ("h1", "h2"):
            tag = "h1" if kind == "h1" else "h2"
            parts.append(f"<{tag}>{html.escape(str(value))}</{tag}>")
        elif kind == "p":
            parts.append(f"<p>{html.escape(str(value))}</p>")
        else:
            headers, rows = ((), value) if kind == "pairs" else value
            parts.append(tabulate(rows, headers=headers, tablefmt="html", disable_numparse=True))
    parts.append("</body>\n</html>")
    return "\n".join(parts) + "\n"


def render(
    verification: Verification,
    *,
    fmt: Format = "text",
    lang: Lang = "en",
    title: str = "",
    day: str = "",
    findings: Sequence[Finding] = (),
) -> str:
    """A verified round as a report: ``fmt`` is ``"text"``, ``"markdown"``, ``"html"`` or
    ``"json"`` (the result format, the same in either language); ``lang`` is ``"en"`` or
    ``"zh"``. ``title`` and ``day`` head the report; ``findings`` (compliance checks) add a
    composition table."""
    if fmt == "json":
        from .records import dumps, result_to_dict

        return dumps(result_to_dict(verification, findings))
    blocks = _blocks(verification, lang, title, day)
    if findings:
        blocks.extend(_finding_blocks(findings, lang))
    if fmt == "text":
        return _text(blocks)
    if fmt == "markdown":
        return _markdown(blocks)
    if fmt == "html":
        return _html(blocks, lang)
    raise ValueError(f"unknown format {fmt!r}; the formats are {', '.join(FORMATS)}")
