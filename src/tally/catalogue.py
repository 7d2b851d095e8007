"""The words of tally, in Chinese and English: one catalogue for reports, forms and the command line.

The core decides and records each decision as a code with numbers (:class:`tally.Step`,
:class:`tally.Finding`); this module alone turns codes into words. Every code and every reason has
words in both languages (a test checks it), and a Chinese text holds no English word but ids and
rule IDs.

>>> from tally import Code, Step
>>> describe(Step(Code.REQUIRED_ATTENDANCE, "P-6", numbers={"electorate": 44, "excluded": 2, "required": 42}),
...          lang="zh")
'应到会人数：有选举权的党员44人，减去经批准不计入的2人，为42人。'
>>> describe(Step(Code.TIE_BREAK, "P-23", subject="c", numbers={"seats": 1}), lang="en")
'c: a vote among the tied for 1 seat; the most votes win.'
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from fractions import Fraction
from typing import Any, Literal

from ._explain import Code, Reason, Step
from ._rulebook import EXCLUSION_CATEGORIES, PRESETS, Kind
from ._threshold import Base

__all__ = [
    "BASES",
    "CATEGORIES",
    "CHECKS",
    "DISCREPANCIES",
    "FIELDS",
    "LABELS",
    "LANGS",
    "REASONS",
    "RULEBOOKS",
    "STEPS",
    "Lang",
    "describe",
    "label",
    "share",
]

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")
Words = Mapping[str, str]


class _Formatter(string.Formatter):
    """``str.format`` with English plurals: ``{seats:n seat}`` is ``1 seat`` or ``3 seats``."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec.startswith("n "):
            noun = format_spec[2:]
            singular, _, plural = noun.partition("/")
            return f"{value} {singular if value == 1 else (plural or singular + 's')}"
        return str(super().format_field(value, format_spec))


_FORMAT = _Formatter()


def fill(template: str, **values: Any) -> str:
    """A template with its values (English plurals with ``{n:n noun}``)."""
    return _FORMAT.format(template, **values)


_DIGITS = "零一二三四五六七八九十"


def share(fraction: Fraction, lang: Lang) -> str:
    """A share as an officer writes it: ``五分之四``, ``半数``, ``三分之一``; ``4/5``, ``half``.

    >>> share(Fraction(4, 5), "zh"), share(Fraction(1, 2), "zh"), share(Fraction(1, 3), "en")
    ('五分之四', '半数', '1/3')
    """
    if fraction == Fraction(1, 2):
        return "半数" if lang == "zh" else "half"
    n, d = fraction.numerator, fraction.denominator
    if lang == "zh" and n <= 10 and d <= 10:
        return f"{_DIGITS[d]}分之{_DIGITS[n]}"
    return f"{n}/{d}"


# --- steps: every decision of the core ------------------------------------------------------------
# ``{subject}`` is the person (id and name) or the contest (its title) concerned, ``{reason}`` the
# words of the step's reason, ``{share}`` the threshold's share in words; the rest are the step's
# numbers.

STEPS: Mapping[Code, Words] = {
    Code.ELECTORATE: {
        "en": "{roll} on the party roll; {probationary} probationary, {probation} under party probation and "
        "{suspended} with suspended rights are not in the electorate, which is {electorate}.",
        "zh": "党员名册{roll}人，其中预备党员{probationary}人、留党察看{probation}人、中止权利{suspended}人"
        "没有选举权，有选举权的党员{electorate}人。",
    },
    Code.EXCLUDED: {
        "en": "{subject} is not counted in the required attendance: a listed case, agreed by the upper level "
        "and approved by the meeting.",
        "zh": "{subject}属规定情形，经上级党组织同意并经党员大会通过，不计入应到会人数。",
    },
    Code.NOT_EXCLUDED: {
        "en": "{subject} stays in the required attendance: {reason}.",
        "zh": "{subject}仍计入应到会人数：{reason}。",
    },
    Code.PRESENT_NOT_COUNTED: {
        "en": "{subject} attended but has no vote ({reason}): not counted as present.",
        "zh": "{subject}到会，但无选举权（{reason}），不计入实到会人数。",
    },
    Code.REQUIRED_ATTENDANCE: {
        "en": "Required attendance: {electorate} in the electorate less {excluded} approved exclusions = {required}.",
        "zh": "应到会人数：有选举权的党员{electorate}人，减去经批准不计入的{excluded}人，为{required}人。",
    },
    Code.PRESENT_ELECTORATE: {
        "en": "{signed_in} signed in, {not_counted} of them without a vote: {present} present with the right to vote.",
        "zh": "签到{signed_in}人，其中无选举权的{not_counted}人，实到会有选举权的党员{present}人。",
    },
    Code.QUORUM_MET: {
        "en": "{present} present with the right to vote, of {required} required: {test} ({needed} at least). "
        "The meeting is valid.",
        "zh": "实到会有选举权的党员{present}人，应到会{required}人，{test}（至少{needed}人），会议有效。",
    },
    Code.QUORUM_NOT_MET: {
        "en": "{present} present with the right to vote, of {required} required: not {test} ({needed} at "
        "least). The meeting is not valid and may not hold the election.",
        "zh": "实到会有选举权的党员{present}人，应到会{required}人，未{test}（须至少{needed}人），会议无效，"
        "不得进行选举。",
    },
    Code.REGISTERED: {
        "en": "{roll} on the voter list, {registered} of them entitled to vote on the election day.",
        "zh": "选民名单{roll}人，选举日有选举权的登记选民{registered}人。",
    },
    Code.NOT_A_VOTER: {
        "en": "{subject} has no vote on the election day: {reason}.",
        "zh": "{subject}选举日无选举权：{reason}。",
    },
    Code.VOTED_NOT_COUNTED: {
        "en": "{subject} voted but has no vote on the election day: not counted.",
        "zh": "{subject}参加投票，但选举日无选举权，不计入参加投票人数。",
    },
    Code.PROXY_ACCEPTED: {
        "en": "The proxy of {subject} is valid: {subject} counts as having voted.",
        "zh": "{subject}的委托投票有效，计为已参加投票。",
    },
    Code.PROXY_REJECTED: {
        "en": "The proxy of {subject} is not valid: {reason}.",
        "zh": "{subject}的委托投票无效：{reason}。",
    },
    Code.TURNOUT_MET: {
        "en": "{voted} of {registered} registered voters voted ({in_person} in person, {by_proxy} by proxy, "
        "{mobile} at mobile boxes): more than {share} ({needed} at least).",
        "zh": "登记选民{registered}人，参加投票{voted}人（本人投票{in_person}人、委托投票{by_proxy}人、"
        "流动票箱投票{mobile}人），超过{share}（至少{needed}人）。",
    },
    Code.TURNOUT_NOT_MET: {
        "en": "{voted} of {registered} registered voters voted ({in_person} in person, {by_proxy} by proxy, "
        "{mobile} at mobile boxes): not more than {share} ({needed} needed).",
        "zh": "登记选民{registered}人，参加投票{voted}人（本人投票{in_person}人、委托投票{by_proxy}人、"
        "流动票箱投票{mobile}人），未超过{share}（须至少{needed}人）。",
    },
    Code.SCRIBE_ACCEPTED: {
        "en": "{subject} had the ballot written by someone who is not a candidate: allowed.",
        "zh": "{subject}委托非候选人代写选票，符合规定。",
    },
    Code.SCRIBE_REJECTED: {
        "en": "{subject} had the ballot written by a candidate: not allowed.",
        "zh": "{subject}委托候选人代写选票，不符合规定。",
    },
    Code.NOT_HELD_INQUORATE: {
        "en": "As the meeting is not valid ({present} present with the right to vote, {needed} needed), no "
        "vote is held in this round and nobody is elected.",
        "zh": "因会议无效（实到会有选举权的党员{present}人，须至少{needed}人），本轮不进行选举，不产生当选人。",
    },
    Code.NOT_HELD_TURNOUT: {
        "en": "Not more than half of the registered voters voted ({voted}, {needed} needed): the election "
        "is not valid and nobody is elected.",
        "zh": "参加投票的选民未过半数（{voted}人，须至少{needed}人），选举无效，不产生当选人。",
    },
    Code.TURNOUT_NOT_REQUIRED: {
        "en": "This further election needs no turnout of its own under these rules ({voted} voted).",
        "zh": "依本规则，另行选举不以参加投票的选民过半数为有效条件（本次参加投票{voted}人）。",
    },
    Code.BALLOTS_WITHIN: {
        "en": "{collected:n ballot} collected, not more than the {base} who voted: the vote is valid.",
        "zh": "收回选票{collected}张，不多于投票人数{base}人，选举有效。",
    },
    Code.BALLOTS_OVER: {
        "en": "{collected:n ballot} collected, more than the {base} who voted: the vote is void and must "
        "be held again.",
        "zh": "收回选票{collected}张，多于投票人数{base}人，选举无效，应当重新选举。",
    },
    Code.VOTES_CARRIED_DOWN: {
        "en": "{subject}: the votes for higher posts ({votes}) are added to the votes for this post.",
        "zh": "{subject}：高职位所得票数（{votes}票）累计计入本职位。",
    },
    Code.CONTEST_BALLOTS: {
        "en": "{subject}: {valid:n valid ballot} and {invalid:n invalid ballot}.",
        "zh": "{subject}：有效票{valid}张，无效票{invalid}张。",
    },
    Code.INVALID: {
        "en": "{subject}: {ballots:n ballot} invalid: {reason}.",
        "zh": "{subject}：无效票{ballots}张（{reason}）。",
    },
    Code.VOID_MARK: {
        "en": "{subject}: {marks:n mark} void: {reason}; the rest of the ballot counts.",
        "zh": "{subject}：{marks}处标记无效（{reason}），该选票其余部分有效。",
    },
    Code.NO_ELECTION: {
        "en": "{subject}: nobody is elected in this round.",
        "zh": "{subject}：本轮不产生当选人。",
    },
    Code.MAJORITY: {
        "en": "{subject}: a candidate is elected with more than {share} of {base_words} ({base}), "
        "that is at least {threshold:n vote}.",
        "zh": "{subject}：候选人获得的赞成票须超过{base_words}（{base}人）的{share}，即至少{threshold}票，始得当选。",
    },
    Code.FLOOR: {
        "en": "{subject}: the most votes win, with at least {share} of the {ballots:n ballot} cast, "
        "that is at least {threshold:n vote}.",
        "zh": "{subject}：以得票多的当选，但所得票数不得少于已投选票总数{ballots}张的{share}，即至少{threshold}票。",
    },
    Code.TIE_BREAK: {
        "en": "{subject}: a vote among the tied for {seats:n seat}; the most votes win.",
        "zh": "{subject}：对得票相等的候选人再次投票，应选{seats}名，以得票多的当选。",
    },
    Code.HIGHER_POST: {
        "en": "{subject} is elected to a higher post in this vote and keeps it.",
        "zh": "{subject}已当选较高职务，保留较高职务。",
    },
    Code.ELECTED: {
        "en": "{subject} is elected with {votes:n vote}.",
        "zh": "{subject}得{votes}票，当选。",
    },
    Code.BELOW_THRESHOLD: {
        "en": "{subject} has {votes:n vote}, fewer than {threshold}: not elected.",
        "zh": "{subject}得{votes}票，少于{threshold}票，不能当选。",
    },
    Code.OUTSIDE_SEATS: {
        "en": "{subject} has {votes:n vote}, enough to be elected but outside the seats: not elected.",
        "zh": "{subject}得{votes}票，达到当选票数，但名次在应选名额之外，未当选。",
    },
    Code.FEWER_VOTES: {
        "en": "{subject} has {votes:n vote}, fewer than those elected: not elected.",
        "zh": "{subject}得{votes}票，少于当选人，未当选。",
    },
    Code.TIED: {
        "en": "{subject}: {tied} candidates tie at {votes:n vote} for {seats:n seat}: another vote among them.",
        "zh": "{subject}：{tied}名候选人得票同为{votes}票，争{seats}个名额，对其再次投票。",
    },
    Code.FURTHER_ELECTION: {
        "en": "{subject}: {seats:n seat} unfilled: a further election among {candidates:n candidate}; "
        "the seats are never filled from below the line.",
        "zh": "{subject}：尚缺{seats}名，另行选举，候选人{candidates}名；"
        "不得在未达到当选票数的候选人中按得票多少确定当选。",
    },
    Code.FURTHER_NEEDS_CANDIDATES: {
        "en": "{subject}: the further election needs at least {least:n candidate}, and {candidates} remain.",
        "zh": "{subject}：另行选举候选人须至少{least}名，现仅{candidates}名。",
    },
    Code.RELATIVES_TIED: {
        "en": "{subject} and a near relative are both elected with equal posts and votes: another vote decides.",
        "zh": "{subject}与其近亲属同时当选，职务与得票均相同，须另行投票决定。",
    },
    Code.RELATIVE_WITHDRAWN: {
        "en": "{subject} does not take the seat: a near relative serves, in a higher post or with more votes.",
        "zh": "{subject}的近亲属以较高职务或较多票数当选，{subject}不予当选。",
    },
    Code.SEAT_REFILLED: {
        "en": "{subject}, next with {votes:n vote} and enough to be elected, takes the seat left free.",
        "zh": "{subject}得{votes}票，达到当选票数，依次递补当选。",
    },
    Code.WOMAN_JOINS_FURTHER: {
        "en": "No woman is elected: {subject}, the woman with the most votes ({votes}), joins the further "
        "election's candidates.",
        "zh": "当选人中没有妇女，得票最多的妇女{subject}（{votes}票）列为另行选举候选人。",
    },
    Code.REDUCED_BY_PRESIDIUM: {
        "en": "{subject}: the presidium reduced the seats to those elected; no further election.",
        "zh": "{subject}：经大会主席团决定，减少名额，不再另行选举。",
    },
    Code.REDUCTION_NEEDS_CONSENT: {
        "en": "{subject}: only a conference's presidium may reduce the seats without the electors' consent; "
        "the seats are not reduced.",
        "zh": "{subject}：只有党员代表大会主席团可以不经选举人同意决定减少名额，名额不减少。",
    },
    Code.SEATS_REDUCED: {
        "en": "{subject}: {consent} of {base} electors consented ({least} needed): the seats are reduced to "
        "those elected; no further election.",
        "zh": "{subject}：{base}名选举人中{consent}人同意（须至少{least}人），减少名额，不再另行选举。",
    },
    Code.REDUCTION_NOT_APPROVED: {
        "en": "{subject}: only {consent} of {base} electors consented ({least} needed): the seats are not reduced.",
        "zh": "{subject}：{base}名选举人中仅{consent}人同意（须至少{least}人），名额不减少。",
    },
    Code.MARGIN: {
        "en": "{subject}: {candidates:n candidate} for {seats:n seat}.",
        "zh": "{subject}：应选{seats}名，候选人{candidates}名。",
    },
    Code.FURTHER_MARGIN: {
        "en": "{subject}: a further election needs more candidates than seats.",
        "zh": "{subject}：另行选举的候选人须多于应选名额。",
    },
    Code.TIE_BREAK_CANDIDATES: {
        "en": "{subject}: the tied outnumber the seats.",
        "zh": "{subject}：再次投票的候选人多于应选名额。",
    },
    Code.UNCONTESTED: {
        "en": "{subject}: one candidate per seat.",
        "zh": "{subject}：等额选举。",
    },
}

REASONS: Mapping[Reason, Words] = {
    Reason.EXCLUSIONS_DO_NOT_APPLY: {
        "en": "these rules have no exclusion from the required attendance",
        "zh": "本规则不适用不计入应到会人数的程序",
    },
    Reason.CATEGORY_NOT_LISTED: {"en": "not a case the rules list", "zh": "不属于规定的可不计入情形"},
    Reason.NO_UPPER_APPROVAL: {"en": "the upper-level organisation has not agreed", "zh": "未经上级党组织同意"},
    Reason.NO_MEETING_APPROVAL: {"en": "the party-member meeting has not approved", "zh": "未经党员大会通过"},
    Reason.PROBATIONARY: {"en": "a probationary member", "zh": "预备党员"},
    Reason.UNDER_PROBATION: {"en": "under party probation", "zh": "受留党察看处分"},
    Reason.SUSPENDED: {"en": "rights suspended", "zh": "党员权利被中止"},
    Reason.UNDER_18: {"en": "under 18 on the election day", "zh": "选举日未满十八周岁"},
    Reason.DEPRIVED: {"en": "deprived of political rights", "zh": "被依法剥夺政治权利"},
    Reason.PROXY_NOT_ALLOWED: {
        "en": "a member who is absent may not have anyone vote for them",
        "zh": "因故未出席会议的党员不能委托他人代为投票",
    },
    Reason.NOT_WRITTEN: {"en": "not authorised in writing", "zh": "未书面委托"},
    Reason.PRINCIPAL_NOT_A_VOTER: {
        "en": "the voter who gave it has no vote on the day",
        "zh": "委托人选举日无选举权",
    },
    Reason.PRINCIPAL_VOTED: {"en": "the voter who gave it voted in person", "zh": "委托人已亲自投票"},
    Reason.PRINCIPAL_AT_MOBILE_BOX: {
        "en": "the voter who gave it voted at a mobile ballot box",
        "zh": "委托人已在流动票箱投票",
    },
    Reason.AGENT_IS_PRINCIPAL: {"en": "it names the voter themself", "zh": "受托人即委托人本人"},
    Reason.AGENT_NOT_A_VOTER: {
        "en": "the person named is not a voter of this village or community",
        "zh": "受托人不是本村（社区）有选举权的选民",
    },
    Reason.RELATION_NOT_GIVEN: {"en": "the relationship is not stated", "zh": "未载明亲属关系"},
    Reason.NOT_NEAR_RELATIVE: {"en": "the person named is not a near relative", "zh": "受托人不是委托人的近亲属"},
    Reason.AGENT_IS_CANDIDATE: {"en": "the person named is a candidate", "zh": "受托人是候选人"},
    Reason.AGENT_GAVE_PROXY: {
        "en": "the person named gave a proxy too (no chains)",
        "zh": "受托人本人也委托了他人，不得转委托",
    },
    Reason.PRINCIPAL_HAS_PROXY: {"en": "the voter already gave a proxy", "zh": "委托人已委托他人"},
    Reason.AGENT_AT_CAP: {
        "en": "the person named already holds {cap:n proxy/proxies}, the most allowed",
        "zh": "受托人已接受{cap}人委托，达到上限",
    },
    Reason.FILED_AFTER_DAY: {"en": "filed after the election day", "zh": "选举日后才办理"},
    Reason.FILED_ON_DAY: {
        "en": "filed on the election day, where these rules allow no proxy filed that day",
        "zh": "选举日当天办理，本规则不允许当日委托",
    },
    Reason.FILED_LATE: {
        "en": "filed less than {days:n day} before the election day",
        "zh": "未在选举日{days}日前办理",
    },
    Reason.AGENT_DID_NOT_VOTE: {
        "en": "the person named did not vote, so the proxy was not exercised",
        "zh": "受托人未参加投票，委托未实际行使",
    },
    Reason.SCRIBE_IS_CANDIDATE: {"en": "the scribe is a candidate", "zh": "代写人是候选人"},
    Reason.OVER_SELECTED: {"en": "more persons selected than seats", "zh": "所选人数多于应选人数"},
    Reason.SPOILED: {"en": "a paper that cannot be read", "zh": "无法辨认的选票"},
    Reason.WRITE_IN_REFUSED: {
        "en": "another person written in where the rules do not allow it",
        "zh": "不符合规定的另选他人",
    },
    Reason.SHEET_INVALID: {"en": "invalid on the tally sheet", "zh": "计票单所列无效票"},
    Reason.OVER_SELECTED_OTHER_POST: {
        "en": "another post on the same paper selected more persons than seats",
        "zh": "同一选票其他职位所选人数多于应选人数",
    },
    Reason.TWO_POSTS: {"en": "one person voted into two posts", "zh": "同一人被选为两个职务"},
    Reason.UNREADABLE: {"en": "a mark that cannot be read", "zh": "无法辨认的符号"},
    Reason.DUPLICATE: {"en": "the same person marked twice", "zh": "同一人重复标记"},
    Reason.WRITE_IN_OF_CANDIDATE: {
        "en": "a listed candidate written in again",
        "zh": "另选了名单上的候选人",
    },
    Reason.WRITE_IN_IN_TIE_BREAK: {
        "en": "another person written in on a vote among the tied",
        "zh": "再次投票时另选他人",
    },
    Reason.WRITE_IN_NOT_ELIGIBLE: {
        "en": "a person written in who cannot be elected",
        "zh": "另选的人没有被选举权",
    },
}

BASES: Mapping[Base, Words] = {
    Base.REQUIRED: {"en": "the required attendance", "zh": "应到会人数"},
    Base.PRESENT: {"en": "those present with the right to vote", "zh": "实到会有选举权的人数"},
    Base.REGISTERED: {"en": "the registered voters", "zh": "登记选民"},
    Base.VOTED: {"en": "those who voted", "zh": "参加投票的人数"},
    Base.BALLOTS: {"en": "the ballots cast", "zh": "已投选票总数"},
    Base.MEMBERS: {"en": "the committee's members", "zh": "委员会成员"},
}

CATEGORIES: Mapping[str, Words] = {
    "mental-incapacity": {
        "en": "mental illness or another illness that prevents expressing their will",
        "zh": "患有精神病或者因其他疾病导致不能表达本人意志",
    },
    "abroad": {"en": "abroad at their own expense for half a year or more", "zh": "自费出国半年以上"},
    "serving-sentence": {"en": "serving a sentence", "zh": "正在服刑"},
    "bedridden": {
        "en": "bedridden with age, or unable to care for themselves",
        "zh": "年老体弱卧床不起或长期生病生活不能自理",
    },
    "relation-not-transferred": {
        "en": "away half a year or more without transferring their membership",
        "zh": "外出学习或工作半年以上，应转走正式组织关系而没有转走",
    },
    "retired-away": {
        "en": "retired and living far away, unable to take part",
        "zh": "退休后回原籍长期居住，确实无法参加选举",
    },
}
assert set(CATEGORIES) == set(EXCLUSION_CATEGORIES)

RULEBOOKS: Mapping[str, Words] = {
    "cpc-basic-2020": {
        "en": "party-member meeting: Regulations on the Election Work of Grassroots Party Organisations (2020)",
        "zh": "党员大会：《中国共产党基层组织选举工作条例》（2020年）",
    },
    "cpc-conference-2020": {
        "en": "party representative conference: Regulations on the Election Work of Grassroots Party "
        "Organisations (2020)",
        "zh": "党员代表大会：《中国共产党基层组织选举工作条例》（2020年）",
    },
    "village-national-2018": {
        "en": "villager committee: Organic Law of the Villager Committees (2010, 2018)",
        "zh": "村民委员会：《中华人民共和国村民委员会组织法》（2010年，2018年修正）",
    },
    "village-beijing-2012": {
        "en": "villager committee: Beijing Measures for Villager Committee Elections (2012)",
        "zh": "村民委员会：《北京市村民委员会选举办法》（2012年）",
    },
    "village-zhejiang-2020": {
        "en": "villager committee: Zhejiang Measures for Villager Committee Elections (2020)",
        "zh": "村民委员会：《浙江省村民委员会选举办法》（2020年）",
    },
    "village-shanghai-2020": {
        "en": "villager committee: Shanghai Measures for Villager Committee Elections (2020)",
        "zh": "村民委员会：《上海市村民委员会选举办法》（2020年）",
    },
    "village-henan-2011": {
        "en": "villager committee: Henan Measures implementing the Organic Law (2011)",
        "zh": "村民委员会：《河南省实施〈中华人民共和国村民委员会组织法〉办法》（2011年）",
    },
    "residents-national-2018": {
        "en": "residents' committee: Organic Law of the Urban Residents' Committees (1989, 2018); thresholds "
        "as for villages (R-5, unconfirmed)",
        "zh": "居民委员会：《中华人民共和国城市居民委员会组织法》（1989年，2018年修正）；"
        "选举有效与当选票数参照村民委员会选举规定（R-5，待核实）",
    },
}
assert set(RULEBOOKS) == set(PRESETS)

# The name of each rulebook field, as a report or the command line shows it.
FIELDS: Mapping[str, Words] = {
    "quorum": {"en": "quorum share of the required attendance", "zh": "会议有效的到会比例"},
    "quorum_inclusive": {"en": "exactly the quorum share suffices", "zh": "恰好达到到会比例即有效"},
    "exclusion_categories": {
        "en": "cases that may be left out of the required attendance",
        "zh": "可不计入应到会人数的情形",
    },
    "exclusions_apply": {"en": "exclusions from the required attendance apply", "zh": "适用不计入应到会人数的程序"},
    "margin": {"en": "least competitive margin", "zh": "差额比例"},
    "uncontested_posts": {"en": "posts elected with one candidate per seat", "zh": "等额选举的职务"},
    "further_extra_candidates": {
        "en": "extra candidates in a further election",
        "zh": "另行选举多于应选名额的候选人数",
    },
    "proxies_allowed": {"en": "proxy votes allowed", "zh": "允许委托投票"},
    "writein_policy": {"en": "when another person may be written in", "zh": "另选他人的条件"},
    "writein_refusal": {"en": "what a refused write-in voids", "zh": "不符合规定的另选他人的效力"},
    "collected_base": {"en": "what the ballots collected are compared with", "zh": "收回选票的比较基数"},
    "majority": {"en": "share of the base a winner must exceed", "zh": "当选票数比例"},
    "majority_base": {"en": "base of the majority", "zh": "当选票数的计算基数"},
    "reduction_consent": {
        "en": "share of electors whose consent reduces the seats",
        "zh": "减少名额须同意的选举人比例",
    },
    "reduction_consent_inclusive": {
        "en": "exactly that share of consent suffices",
        "zh": "恰好达到同意比例即可减少名额",
    },
    "reduction_by_presidium": {"en": "the presidium may reduce the seats", "zh": "主席团可决定减少名额"},
    "committee_size": {"en": "size of the committee", "zh": "委员会职数"},
    "post_margins": {"en": "extra candidates per post", "zh": "各职务的差额人数"},
    "turnout": {"en": "share of the registered who must vote", "zh": "选举有效的参加投票比例"},
    "further_rule": {"en": "who wins a further election", "zh": "另行选举的当选规则"},
    "further_floor": {
        "en": "least share of ballots for a further election's winner",
        "zh": "另行选举当选的最低得票比例",
    },
    "further_turnout_required": {"en": "a further election needs its own turnout", "zh": "另行选举须过半数选民投票"},
    "further_candidates": {"en": "candidates of a further election", "zh": "另行选举的候选人"},
    "proxy_cap": {"en": "most proxies one person may hold", "zh": "每人接受委托的上限"},
    "proxy_relations": {"en": "relations who may hold a proxy", "zh": "可受委托的亲属关系"},
    "proxy_agent_may_be_candidate": {"en": "a candidate may hold a proxy", "zh": "候选人可以接受委托"},
    "proxy_deadline_days": {"en": "days before the election a proxy is filed", "zh": "委托须在选举日前办理的天数"},
    "proxy_onsite_allowed": {"en": "a proxy may be filed on the election day", "zh": "允许选举日当天委托"},
    "invalid_scope": {"en": "what an over-selected post voids", "zh": "某职位多选的无效范围"},
    "two_posts_voids_paper": {
        "en": "one person voted into two posts voids the paper",
        "zh": "同一人被选为两个职务的选票无效",
    },
    "cross_post_aggregation": {"en": "votes for a higher post count for lower posts", "zh": "高职位得票累计计入低职位"},
    "women_seat_mode": {"en": "how a woman's seat is secured", "zh": "妇女名额的产生方式"},
    "relatives_exclusive": {"en": "near relatives may not serve together", "zh": "近亲属回避"},
    "relatives_refill": {"en": "who takes a seat freed by the relatives rule", "zh": "因回避空出名额的递补方式"},
    "vacancy_allowed_at": {"en": "members elected that let other seats stay empty", "zh": "可以空缺其余名额的当选人数"},
    "vacancy_needs_chair": {"en": "the chair must be elected to leave seats empty", "zh": "空缺名额须已选出主任"},
    "min_women": {"en": "least women on the committee", "zh": "妇女成员最少人数"},
    "min_youth": {"en": "least members aged 35 or under", "zh": "35周岁以下成员最少人数"},
    "youth_age": {"en": "age limit of a young member", "zh": "年轻成员的年龄上限"},
    "party_share": {"en": "share of party members on the committee", "zh": "党员在委员会中的比例"},
    "post_bands": {"en": "posts by population", "zh": "按人口确定的职数档次"},
    "list_days_before": {
        "en": "days before the election the voter list is published",
        "zh": "选民名单须在选举日前公布的天数",
    },
    "objection_days": {"en": "days to file an objection", "zh": "提出异议的期限（日）"},
    "decision_days": {"en": "days to decide an objection", "zh": "处理异议的期限（日）"},
    "period_skips_rest_days": {
        "en": "a period ending on a rest day runs to the next working day",
        "zh": "期间最后一日为休息日的顺延",
    },
}

KINDS: Mapping[Kind, Words] = {
    Kind.PARTY_MEETING: {"en": "party-member meeting", "zh": "党员大会"},
    Kind.PARTY_CONFERENCE: {"en": "party representative conference", "zh": "党员代表大会"},
    Kind.VILLAGE_COMMITTEE: {"en": "villager committee election", "zh": "村民委员会选举"},
    Kind.RESIDENTS_COMMITTEE: {"en": "residents' committee election", "zh": "居民委员会选举"},
}

DISCREPANCIES: Mapping[str, Words] = {
    "elected": {"en": "those elected", "zh": "当选人"},
    "votes": {"en": "votes", "zh": "得票数"},
    "not declared": {"en": "nothing declared", "zh": "未公布结果"},
    "void round": {"en": "the round is void", "zh": "本轮选举无效"},
    "inquorate": {"en": "the meeting is not valid", "zh": "会议无效"},
    "turnout not met": {"en": "not more than half voted", "zh": "参加投票的选民未过半数"},
}

CHECKS: Mapping[str, Words] = {
    "committee-size": {"en": "size of the committee", "zh": "委员会职数"},
    "women": {"en": "women on the committee", "zh": "妇女成员"},
    "youth": {"en": "a member aged {age} or under", "zh": "{age}周岁以下成员"},
    "party-share": {"en": "party members more than half", "zh": "党员超过半数"},
    "one-shoulder": {"en": "party secretary elected chair", "zh": "书记、主任一肩挑"},
    "post-band": {"en": "posts within the band for the population", "zh": "职数符合人口档次"},
    "relatives": {"en": "no near relatives serving together", "zh": "近亲属回避"},
    "women-post": {"en": "women-member post held by a woman", "zh": "妇女委员由妇女担任"},
    "party-organisation": {"en": "party organisation for its size", "zh": "党组织设置"},
    "list-published": {"en": "voter list published in time", "zh": "选民名单按时公布"},
    "objection-filed": {"en": "objection filed in time", "zh": "异议按时提出"},
    "objection-decided": {"en": "objection decided in time", "zh": "异议按时处理"},
    "proxy-filed": {"en": "proxy filed in time", "zh": "委托按时办理"},
}

STATUSES: Mapping[str, Words] = {
    "met": {"en": "met", "zh": "符合"},
    "not met": {"en": "NOT MET", "zh": "不符合"},
    "cannot tell": {"en": "cannot tell", "zh": "资料不全，无法判断"},
    "not applicable": {"en": "not applicable", "zh": "不适用"},
}

POSTS: Mapping[str, Words] = {
    "member": {"en": "member", "zh": "委员"},
    "secretary": {"en": "secretary", "zh": "书记"},
    "deputy-secretary": {"en": "deputy secretary", "zh": "副书记"},
    "chair": {"en": "chair", "zh": "主任"},
    "vice-chair": {"en": "vice-chair", "zh": "副主任"},
    "women-member": {"en": "women member", "zh": "妇女委员"},
}

STAGES: Mapping[str, Words] = {
    "regular": {"en": "regular vote", "zh": "正式选举"},
    "further": {"en": "further election", "zh": "另行选举"},
    "tie-break": {"en": "vote among the tied", "zh": "对得票相等的候选人再次投票"},
}

LABELS: Mapping[str, Words] = {
    "report": {"en": "Election result", "zh": "选举结果报告"},
    "rulebook": {"en": "Rules: {name}. Election day: {day}.", "zh": "适用规则：{name}。选举日期：{day}。"},
    "rulebook-changed": {
        "en": "This record sets {count:n rule} of its own: {fields}.",
        "zh": "本记录另行设定的规则{count}项：{fields}。",
    },
    "day-unknown": {"en": "not given", "zh": "未载明"},
    "attendance": {"en": "Attendance and quorum", "zh": "到会情况"},
    "item": {"en": "item", "zh": "项目"},
    "figure": {"en": "figure", "zh": "数据"},
    "electorate": {"en": "members with the right to vote", "zh": "有选举权的党员人数"},
    "required": {"en": "required attendance", "zh": "应到会人数"},
    "present": {"en": "present with the right to vote", "zh": "实到会有选举权的党员人数"},
    "needed": {"en": "least for a valid meeting ({share})", "zh": "会议有效最少人数（超过{share}）"},
    "needed-inclusive": {"en": "least for a valid meeting ({share})", "zh": "会议有效最少人数（达到{share}）"},
    "met": {"en": "the meeting", "zh": "会议是否有效"},
    "valid": {"en": "valid", "zh": "有效"},
    "not-valid": {"en": "not valid", "zh": "无效"},
    "exclusions": {"en": "Absent members not counted in the required attendance", "zh": "不计入应到会人数的申请"},
    "member": {"en": "member", "zh": "党员"},
    "name": {"en": "name", "zh": "姓名"},
    "category": {"en": "case", "zh": "情形"},
    "outcome": {"en": "outcome", "zh": "结果"},
    "out": {"en": "not counted", "zh": "不计入"},
    "in": {"en": "stays in: {reasons}", "zh": "仍计入：{reasons}"},
    "turnout": {"en": "Turnout", "zh": "参加投票情况"},
    "registered": {"en": "registered voters", "zh": "登记选民人数"},
    "registered-households": {"en": "households (one representative each)", "zh": "登记户数（每户一名代表）"},
    "registered-representatives": {"en": "residents' group representatives", "zh": "居民小组代表人数"},
    "in_person": {"en": "voted in person", "zh": "本人投票人数"},
    "by_proxy": {"en": "voted by proxy", "zh": "委托投票人数"},
    "mobile": {"en": "voted at mobile ballot boxes", "zh": "流动票箱投票人数"},
    "voted": {"en": "voted in all", "zh": "参加投票人数合计"},
    "needed-turnout": {"en": "more than {share} of the registered is at least", "zh": "超过登记选民{share}须至少"},
    "turnout-met": {"en": "more than {share} voted", "zh": "参加投票是否过半数"},
    "yes": {"en": "yes", "zh": "是"},
    "no": {"en": "no", "zh": "否"},
    "turnout-required": {"en": "this round needs it", "zh": "本轮是否以过半数投票为有效条件"},
    "turnout-not-required": {
        "en": "no: a further election needs no turnout of its own (V-24)",
        "zh": "否：另行选举不另设参加投票人数要求（V-24）",
    },
    "proxies": {"en": "Proxies", "zh": "委托投票"},
    "principal": {"en": "voter", "zh": "委托人"},
    "agent": {"en": "proxy holder", "zh": "受托人"},
    "accepted": {"en": "valid", "zh": "有效"},
    "round": {"en": "The vote", "zh": "选举是否有效"},
    "sheet": {"en": "Tally sheet: {title}", "zh": "计票结果报告单：{title}"},
    "contest-heading": {"en": "Contest: {title}", "zh": "选举项目：{title}"},
    "stage": {"en": "{seats:n seat} to fill; {stage}.", "zh": "应选{seats}名；{stage}。"},
    "test-majority": {
        "en": "A candidate needs more than {share} of {base_words} ({base}): at least {threshold:n vote}. "
        "Valid ballots {valid}, invalid {invalid}.",
        "zh": "当选须获得超过{base_words}（{base}人）{share}的赞成票，即至少{threshold}票。"
        "有效票{valid}张，无效票{invalid}张。",
    },
    "test-floor": {
        "en": "The most votes win, with at least {share} of the {ballots:n ballot} cast: at least "
        "{threshold:n vote}. Valid ballots {valid}, invalid {invalid}.",
        "zh": "以得票多的当选，但所得票数不得少于已投选票总数{ballots}张的{share}，即至少{threshold}票。"
        "有效票{valid}张，无效票{invalid}张。",
    },
    "test-tie": {
        "en": "A vote among the tied: the most votes win. Valid ballots {valid}, invalid {invalid}.",
        "zh": "对得票相等的候选人再次投票，以得票多的当选。有效票{valid}张，无效票{invalid}张。",
    },
    "not-held-inquorate": {
        "en": "The meeting is not valid ({rule}): no vote is held, and nobody is elected.",
        "zh": "会议无效（{rule}），本轮不进行选举，不产生当选人。",
    },
    "not-held-turnout": {
        "en": "Not more than half of the registered voters voted ({rule}): the election is not valid, "
        "and nobody is elected.",
        "zh": "参加投票的选民未过半数（{rule}），选举无效，不产生当选人。",
    },
    "not-held-void": {
        "en": "More ballots were collected than voters ({rule}): the vote is void and must be held again; "
        "nobody is elected, and no ballot is judged.",
        "zh": "收回选票多于投票人数（{rule}），选举无效，应当重新选举，不产生当选人，不对选票作出认定。",
    },
    "candidate": {"en": "candidate", "zh": "候选人"},
    "votes": {"en": "votes", "zh": "得票"},
    "column-majority": {"en": "more than {share}", "zh": "是否过{share}"},
    "column-floor": {"en": "at least {share} of ballots", "zh": "是否达到{share}"},
    "result": {"en": "result", "zh": "结果"},
    "won": {"en": "elected", "zh": "当选"},
    "tied": {"en": "tied: another vote", "zh": "得票相等，再次投票"},
    "lost": {"en": "not elected", "zh": "未当选"},
    "higher": {"en": "elected to a higher post", "zh": "已当选较高职务"},
    "withdrawn": {"en": "not seated: a near relative serves", "zh": "因近亲属回避未当选"},
    "next": {
        "en": "Next: {stage} for {seats:n seat} among {candidates}.",
        "zh": "下一步：{stage}，应选{seats}名，候选人：{candidates}。",
    },
    "reduced": {"en": "The seats were reduced to those elected.", "zh": "名额已减少至当选人数，不再另行选举。"},
    "verification": {"en": "Verification", "zh": "核对结果"},
    "agrees": {"en": "The recount agrees with what was declared.", "zh": "复核结果与公布结果一致。"},
    "disagrees": {"en": "The recount does NOT agree with what was declared.", "zh": "复核结果与公布结果不一致。"},
    "contest": {"en": "contest", "zh": "选举项目"},
    "what": {"en": "what differs", "zh": "不一致事项"},
    "declared": {"en": "declared", "zh": "公布"},
    "counted": {"en": "counted", "zh": "复核"},
    "none": {"en": "none", "zh": "无"},
    "reasons": {"en": "Reasons", "zh": "依据"},
    "rule": {"en": "rule", "zh": "条款"},
    "source": {"en": "source", "zh": "出处"},
    "decision": {"en": "decision", "zh": "说明"},
    "compliance": {"en": "Composition and timeline", "zh": "两委结构与选举时间"},
    "check": {"en": "check", "zh": "检查项目"},
    "subject": {"en": "concerns", "zh": "对象"},
    "kind": {"en": "kind", "zh": "性质"},
    "statute": {"en": "statute", "zh": "法定"},
    "policy": {"en": "policy target", "zh": "政策目标"},
    "finding": {"en": "finding", "zh": "结论"},
    "details": {"en": "details", "zh": "情况"},
    "objection": {"en": "objection {n}", "zh": "第{n}项异议"},
}

# Words for a finding's numbers, by check: the data of a composition or timeline check in prose.
FIGURES: Mapping[str, Words] = {
    "committee-size": {
        "en": "{members} members; {least} to {most} allowed",
        "zh": "成员{members}名，法定{least}至{most}名",
    },
    "women": {
        "en": "{women} women ({unknown} not recorded); at least {least}",
        "zh": "妇女{women}名（{unknown}名性别未载明），须至少{least}名",
    },
    "youth": {
        "en": "{young} aged {age} or under ({unknown} not recorded); at least {least}",
        "zh": "{age}周岁以下{young}名（{unknown}名出生日期未载明），须至少{least}名",
    },
    "party-share": {
        "en": "{party} party members of {members} ({unknown} not recorded)",
        "zh": "党员{party}名，成员{members}名（{unknown}名未载明是否党员）",
    },
    "post-band": {"en": "population {population}; {posts} posts", "zh": "人口{population}人，职数{posts}名"},
    "post-band-range": {
        "en": "population {population}; {posts} posts; {least} to {most} allowed",
        "zh": "人口{population}人，职数{posts}名，应为{least}至{most}名",
    },
    "party-organisation": {"en": "{members} full members", "zh": "正式党员{members}名"},
    "list-published": {
        "en": "published {days_before} days before; at least {least}",
        "zh": "选举日前{days_before}日公布，须至少{least}日",
    },
    "objection-filed": {
        "en": "filed on day {days} after publication; within {most}",
        "zh": "公布后第{days}日提出，须在{most}日内",
    },
    "objection-decided": {"en": "decided on day {days}; within {most}", "zh": "第{days}日作出处理，须在{most}日内"},
    "proxy-filed": {
        "en": "filed {days_before} days before; at least {least}",
        "zh": "选举日前{days_before}日办理，须至少{least}日",
    },
}


def label(key: str, lang: Lang, **values: Any) -> str:
    """A label of the reports, filled in."""
    return fill(LABELS[key][lang], **values)


def _subject(step: Step, names: Mapping[str, str], titles: Mapping[str, str]) -> str:
    who = step.subject or ""
    if who in titles:
        return titles[who]
    if who in names:
        return f"{who} {names[who]}"
    return who


def describe(
    step: Step,
    *,
    lang: Lang = "en",
    names: Mapping[str, str] | None = None,
    titles: Mapping[str, str] | None = None,
) -> str:
    """One step in plain words: its subject as a person (id and name, from *names*) or a contest
    (its title, from *titles*), its reason and numbers in the words of :data:`STEPS`.

    >>> from tally import Code, Reason, Step
    >>> describe(Step(Code.PROXY_REJECTED, "V-16", subject="V07", reason=Reason.AGENT_AT_CAP,
    ...               numbers={"cap": 3, "days": 0}), lang="zh", names={"V07": "王芳"})
    'V07 王芳的委托投票无效：受托人已接受3人委托，达到上限。'
    """
    numbers: dict[str, Any] = dict(step.numbers)
    values: dict[str, Any] = {**numbers, "subject": _subject(step, names or {}, titles or {})}
    if step.reason is not None:
        values["reason"] = fill(REASONS[step.reason][lang], **numbers)
    test = step.test
    if test is not None:
        values["share"] = share(test.fraction, lang)
        values["base_words"] = BASES[test.base][lang]
        if lang == "zh":
            values["test"] = ("达到" if test.inclusive else "超过") + f"{BASES[test.base][lang]}的{values['share']}"
        else:
            values["test"] = (
                "reaching " if test.inclusive else "more than "
            ) + f"{values['share']} of {BASES[test.base][lang]}"
    return fill(STEPS[step.code][lang], **values)
