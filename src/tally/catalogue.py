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
from ._values import Quoted, Word
from .errors import Problem

__all__ = [
    "ARGPARSE_ZH",
    "BASES",
    "CATEGORIES",
    "CHECKS",
    "CLI_WORDS",
    "DISCREPANCIES",
    "FIELDS",
    "FIELD_VALUES",
    "FORM_WORDS",
    "LABELS",
    "LANGS",
    "PROBLEMS",
    "PROBLEM_WORDS",
    "REASONS",
    "RULEBOOKS",
    "STEPS",
    "Lang",
    "describe",
    "label",
    "problem_words",
    "share",
]

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")
Words = Mapping[str, str]


class _Formatter(string.Formatter):
    """``str.format`` with English plurals, ``{seats:n seat}`` is ``1 seat`` or ``3 seats``, and
    articles, ``{type:a}`` is ``a Ballot`` or ``an Exclusion``."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "a":
            return f"{'an' if str(value)[:1] in 'AEIOUaeiou' else 'a'} {value}"
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
    Code.ASSEMBLY_ATTENDANCE: {
        "en": "{roll} on the roll, {base} of them {base_words}; {signed_in} signed in, {not_counted} of them "
        "not counted: {present} present.",
        "zh": "名册{roll}人，其中{base_words}{base}人；签到{signed_in}人，其中不计入的{not_counted}人，"
        "实到{present}人。",
    },
    Code.HOUSEHOLDS_REPRESENTED: {
        "en": "{roll} on the roll in {households:n household}; {present:n household} represented, one "
        "representative each.",
        "zh": "名册{roll}人，共{households}户；到会的户代表{present}人，代表{present}户，每户一人。",
    },
    Code.PRESENT_NOT_IN_BASE: {
        "en": "{subject} attended but is not counted: {reason}.",
        "zh": "{subject}到会，但{reason}，不计入到会人数。",
    },
    Code.ASSEMBLY_SITS: {
        "en": "{present} present of {base} ({base_words}): {test} ({needed} at least). The meeting may decide.",
        "zh": "到会{present}{unit}，{base_words}{base}{unit}，{test}（至少{needed}{unit}），会议可以召开并作出决定。",
    },
    Code.ASSEMBLY_DOES_NOT_SIT: {
        "en": "{present} present of {base} ({base_words}): not {test} ({needed} needed). The meeting may not "
        "decide anything.",
        "zh": "到会{present}{unit}，{base_words}{base}{unit}，未{test}（须至少{needed}{unit}），会议不能召开，"
        "不能作出决定。",
    },
    Code.RECALL_VALID: {
        "en": "{present} of {base} registered voters voted: {test} ({needed} at least). The recall vote is valid.",
        "zh": "登记选民{base}人，参加投票{present}人，{test}（至少{needed}人），罢免投票有效。",
    },
    Code.RECALL_NOT_VALID: {
        "en": "{present} of {base} registered voters voted: not {test} ({needed} needed). The recall vote is "
        "not valid and recalls nobody.",
        "zh": "登记选民{base}人，参加投票{present}人，未{test}（须至少{needed}人），罢免投票无效，不能罢免。",
    },
    Code.MOTION_PASSED: {
        "en": "{subject}: {for:n vote} for, of {base} ({base_words}): {test} ({needed} at least). Passed.",
        "zh": "{subject}：赞成{for}票，{base_words}{base}人，{test}（至少{needed}票），通过。",
    },
    Code.MOTION_NOT_PASSED: {
        "en": "{subject}: {for:n vote} for, of {base} ({base_words}): not {test} ({needed} needed). Not passed.",
        "zh": "{subject}：赞成{for}票，{base_words}{base}人，未{test}（须至少{needed}票），未通过。",
    },
    Code.MOTION_NOT_DECIDED: {
        "en": "{subject}: the meeting could not decide, so it is not passed.",
        "zh": "{subject}：会议不能作出决定，未通过。",
    },
    Code.RECALL_REGISTERED: {
        "en": "{roll} on the voter list, {registered} of them entitled to vote on the day of the recall vote.",
        "zh": "选民名单{roll}人，罢免投票日有选举权的登记选民{registered}人。",
    },
    Code.RECALL_NOT_A_VOTER: {
        "en": "{subject} has no vote on the day of the recall vote: {reason}.",
        "zh": "{subject}罢免投票日无选举权：{reason}。",
    },
    Code.RECALL_VOTED_NOT_COUNTED: {
        "en": "{subject} voted but has no vote on the day of the recall vote: not counted.",
        "zh": "{subject}参加投票，但罢免投票日无选举权，不计入参加投票人数。",
    },
    Code.BY_ELECTION: {
        "en": "{subject}: a by-election for {seats:n seat}, counted as an election; it does not elect the whole "
        "committee, so the committee's size is not checked on it.",
        "zh": "{subject}：补选{seats}名，依照选举程序计票；补选不是整个委员会的选举，不据此核对委员会职数。",
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
    Reason.NAME_NOT_ON_ROLL: {"en": "a name written that nobody on the roll has", "zh": "所写姓名不在名册上"},
    Reason.NAME_AMBIGUOUS: {
        "en": "a name that two or more on the roll share, not told apart on the paper",
        "zh": "名册上有同名同姓者，选票未写明区分信息，无法确定所选何人",
    },
    Reason.NAME_DETAIL_MISMATCH: {
        "en": "the detail written fits nobody of that name on the roll",
        "zh": "所注明的区分信息与名册上同名者均不符",
    },
    Reason.UNDER_18_AT_MEETING: {
        "en": "under 18 on the day of the meeting or vote",
        "zh": "会议或投票当日未满十八周岁",
    },
}

BASES: Mapping[Base, Words] = {
    Base.REQUIRED: {"en": "the required attendance", "zh": "应到会人数"},
    Base.PRESENT: {"en": "those present with the right to vote", "zh": "实到会有选举权的人数"},
    Base.REGISTERED: {"en": "the registered voters", "zh": "登记选民"},
    Base.VOTED: {"en": "those who voted", "zh": "参加投票的人数"},
    Base.BALLOTS: {"en": "the ballots cast", "zh": "已投选票总数"},
    Base.MEMBERS: {"en": "the committee's members", "zh": "委员会成员"},
    Base.VILLAGERS: {"en": "the villagers aged 18 or over", "zh": "本村十八周岁以上村民"},
    Base.HOUSEHOLDS: {"en": "the households", "zh": "户数"},
    Base.ASSEMBLY: {"en": "the representative assembly's members", "zh": "村民代表会议组成人员"},
    Base.RESIDENTS: {"en": "the residents aged 18 or over", "zh": "十八周岁以上居民"},
    Base.GROUP_REPRESENTATIVES: {"en": "the residents' group representatives", "zh": "居民小组代表"},
    Base.ATTENDING: {"en": "those present", "zh": "到会人员"},
}

# The unit a count of each base is said in, in Chinese: 人 but for households (户).
UNITS: Mapping[Base, Words] = {
    **{b: {"en": "", "zh": "人"} for b in Base},
    Base.HOUSEHOLDS: {"en": "", "zh": "户"},
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
    # Two cases a record may name that the rules do not list (P-7): they never exclude anyone.
    "migrant-work": {"en": "away for migrant work (not a listed case)", "zh": "外出务工（不属于规定情形）"},
    "other": {"en": "another reason (not a listed case)", "zh": "其他原因（不属于规定情形）"},
}
assert set(CATEGORIES) == {*EXCLUSION_CATEGORIES, "migrant-work", "other"}

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
    "cpc-branch-motion-2018": {
        "en": "motion of a party-member meeting: Regulations on the Work of CPC Branches (Trial) (2018), "
        "P-27 (unconfirmed)",
        "zh": "党员大会议事表决：《中国共产党支部工作条例（试行）》（2018年），P-27（待核实）",
    },
    "villager-assembly-2018": {
        "en": "villagers' assembly: Organic Law of the Villager Committees (2010, 2018), Art. 22",
        "zh": "村民会议：《中华人民共和国村民委员会组织法》（2010年，2018年修正）第二十二条",
    },
    "representative-assembly-2018": {
        "en": "villagers' representative assembly: Organic Law of the Villager Committees (2010, 2018), Arts. 25, 26",
        "zh": "村民代表会议：《中华人民共和国村民委员会组织法》（2010年，2018年修正）第二十五条、第二十六条",
    },
    "residents-assembly-2018": {
        "en": "residents' assembly: Organic Law of the Urban Residents' Committees (1989, 2018), Art. 9",
        "zh": "居民会议：《中华人民共和国城市居民委员会组织法》（1989年，2018年修正）第九条",
    },
    "village-recall-2018": {
        "en": "recall of a villager committee member: Organic Law of the Villager Committees (2010, 2018), Art. 16",
        "zh": "罢免村民委员会成员：《中华人民共和国村民委员会组织法》（2010年，2018年修正）第十六条",
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
    "assembly_quorum": {"en": "share of its base a deciding meeting needs present", "zh": "会议议事的到会比例"},
    "assembly_quorum_inclusive": {
        "en": "exactly that share suffices to sit",
        "zh": "恰好达到到会比例即可召开",
    },
    "decision_majority": {"en": "share of its base a motion's votes must exceed", "zh": "决定通过的赞成票比例"},
    "household_quorum": {
        "en": "share of households represented for a villagers' assembly",
        "zh": "村民会议到会户数比例",
    },
    "household_quorum_inclusive": {
        "en": "exactly the household share suffices",
        "zh": "恰好达到到会户数比例即可召开",
    },
    "representatives_share": {"en": "least share of villager representatives", "zh": "村民代表所占最低比例"},
    "women_representatives_share": {
        "en": "least share of women villager representatives",
        "zh": "妇女村民代表所占最低比例",
    },
    "delegates_usual_least": {"en": "usual least number of delegates", "zh": "代表名额一般下限"},
    "delegates_usual_most": {"en": "usual most number of delegates", "zh": "代表名额一般上限"},
    "delegates_most": {"en": "most delegates allowed", "zh": "代表名额最高限"},
    "without_candidates_allowed": {
        "en": "an election without candidates may be held",
        "zh": "允许无候选人选举（自荐直选）",
    },
    "without_candidates": {"en": "this election is held without candidates", "zh": "本次为无候选人选举"},
    "nomination_turnout": {"en": "share of voters who must take part in the nomination", "zh": "参加提名的选民比例"},
    "nomination_turnout_required": {
        "en": "the nomination needs more than that share",
        "zh": "提名须过半数选民参加方为有效",
    },
}

# The values of a rulebook's enumerated fields, as ``tally rulebooks ID`` shows them in Chinese (in
# English the value as a record's ``rules`` writes it); the relations an agent may have.
FIELD_VALUES: Mapping[str, Mapping[str, Words]] = {
    "writein_policy": {
        "with-against": {"en": "only beside a vote against", "zh": "投不赞成票的可以另选他人"},
        "any": {"en": "always", "zh": "均可另选他人"},
        "none": {"en": "never", "zh": "不得另选他人"},
    },
    "writein_refusal": {
        "mark": {"en": "that mark only", "zh": "仅该标记无效，其余照计"},
        "section": {"en": "the whole section", "zh": "该职位部分无效"},
    },
    "collected_base": {
        "voters": {"en": "the voters", "zh": "投票人数"},
        "issued": {"en": "the ballots issued", "zh": "发出的选票数"},
    },
    "majority_base": {
        "present": {"en": "the electors present", "zh": "实到会有选举权的人数"},
        "voted": {"en": "those who voted", "zh": "参加投票的人数"},
    },
    "further_rule": {
        "majority": {"en": "a majority, as in the first vote", "zh": "与第一次投票相同，须过半数"},
        "plurality-floor": {"en": "most votes, at least the floor", "zh": "得票多的当选，且不少于最低得票比例"},
        "majority-then-floor": {
            "en": "a majority; when none has one, most votes at least the floor",
            "zh": "先须过半数；无人过半数时，得票多且不少于最低得票比例的当选",
        },
    },
    "further_candidates": {
        "all-unelected": {"en": "every candidate not elected", "zh": "未当选的全部候选人"},
        "most-votes": {"en": "those not elected with the most votes", "zh": "未当选的人员中得票多的"},
    },
    "invalid_scope": {
        "section": {"en": "that post's section", "zh": "该职位部分无效"},
        "paper": {"en": "the whole paper", "zh": "整张选票无效"},
    },
    "cross_post_aggregation": {
        "none": {"en": "each post apart", "zh": "各职位分开计算"},
        "cumulative-down": {"en": "added to each lower post", "zh": "高职位得票累计计入低职位"},
    },
    "women_seat_mode": {
        "none": {"en": "no seat set aside", "zh": "不专设"},
        "reserved-post": {"en": "a women-member post", "zh": "专设妇女委员职位"},
        "reserved-in-rerun": {
            "en": "the best-placed woman joins the further election",
            "zh": "无妇女当选时，得票最多的妇女进入另行选举",
        },
    },
    "relatives_refill": {
        "qualified": {"en": "the next qualified candidate", "zh": "由符合条件的得票次多者递补"},
        "further": {"en": "a further election", "zh": "另行选举"},
    },
    "proxy_relations": {
        "spouse": {"en": "spouse", "zh": "配偶"},
        "parent": {"en": "parent", "zh": "父母"},
        "child": {"en": "child", "zh": "子女"},
        "sibling": {"en": "sibling", "zh": "兄弟姐妹"},
        "grandparent": {"en": "grandparent", "zh": "祖父母、外祖父母"},
        "grandchild": {"en": "grandchild", "zh": "孙子女、外孙子女"},
        "other": {"en": "other", "zh": "其他"},
    },
}

KINDS: Mapping[Kind, Words] = {
    Kind.PARTY_MEETING: {"en": "party-member meeting", "zh": "党员大会"},
    Kind.PARTY_CONFERENCE: {"en": "party representative conference", "zh": "党员代表大会"},
    Kind.VILLAGE_COMMITTEE: {"en": "villager committee election", "zh": "村民委员会选举"},
    Kind.RESIDENTS_COMMITTEE: {"en": "residents' committee election", "zh": "居民委员会选举"},
    Kind.PARTY_MOTION: {"en": "motion of a party-member meeting", "zh": "党员大会议事表决"},
    Kind.VILLAGER_ASSEMBLY: {"en": "villagers' assembly", "zh": "村民会议"},
    Kind.REPRESENTATIVE_ASSEMBLY: {"en": "villagers' representative assembly", "zh": "村民代表会议"},
    Kind.RESIDENTS_ASSEMBLY: {"en": "residents' assembly", "zh": "居民会议"},
    Kind.VILLAGE_RECALL: {"en": "recall of a villager committee member", "zh": "罢免村民委员会成员"},
}

DISCREPANCIES: Mapping[str, Words] = {
    "elected": {"en": "those elected", "zh": "当选人"},
    "votes": {"en": "votes", "zh": "得票数"},
    "not declared": {"en": "nothing declared", "zh": "未公布结果"},
    "void round": {"en": "the round is void", "zh": "本轮选举无效"},
    "inquorate": {"en": "the meeting is not valid", "zh": "会议无效"},
    "turnout not met": {"en": "not more than half voted", "zh": "参加投票的选民未过半数"},
    "passed": {"en": "passed or not", "zh": "是否通过"},
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
    "representatives": {"en": "villager representatives at least 4/5", "zh": "村民代表占五分之四以上"},
    "women-representatives": {"en": "women representatives at least 1/3", "zh": "妇女村民代表占三分之一以上"},
    "delegates-most": {"en": "delegates within the most allowed", "zh": "代表名额不超过上限"},
    "delegates-usual": {"en": "delegates within the usual range", "zh": "代表名额在一般范围内"},
    "nomination": {"en": "more than half took part in the nomination", "zh": "过半数选民参加提名"},
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
    "by-election": {"en": "by-election", "zh": "补选"},
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
    # --- a meeting that decides (P-27, V-9, V-31, R-4) -----------------------------------------
    "decisions-report": {"en": "Decisions of the meeting", "zh": "会议表决结果报告"},
    "composition": {"en": "Composition", "zh": "组成情况"},
    "meeting-day": {"en": "Rules: {name}. Day of the meeting: {day}.", "zh": "适用规则：{name}。会议日期：{day}。"},
    "vote-day": {"en": "Rules: {name}. Day of the vote: {day}.", "zh": "适用规则：{name}。投票日期：{day}。"},
    "sitting": {"en": "Attendance", "zh": "到会情况"},
    "recall-turnout": {"en": "Turnout of the recall vote", "zh": "罢免投票参加情况"},
    "mode-direct": {"en": "every member in person", "zh": "本人到会"},
    "mode-household": {"en": "one representative per household", "zh": "每户派代表"},
    "mode-group-representatives": {"en": "residents' group representatives", "zh": "居民小组代表"},
    "sitting-mode": {"en": "how it sits", "zh": "会议形式"},
    "base-of": {"en": "base: {base_words}", "zh": "基数：{base_words}"},
    "attending": {"en": "present and counted", "zh": "实到并计入的人数"},
    "attending-households": {"en": "households represented", "zh": "到会代表的户数"},
    "attending-recall": {"en": "voted", "zh": "参加投票人数"},
    "needed-sitting": {"en": "least needed ({test})", "zh": "最少须到（{test}）"},
    "sits": {"en": "the meeting may decide", "zh": "会议能否作出决定"},
    "recall-valid": {"en": "the recall vote is valid", "zh": "罢免投票是否有效"},
    "motions": {"en": "Motions", "zh": "表决事项"},
    "motion": {"en": "motion", "zh": "事项"},
    "for": {"en": "for", "zh": "赞成"},
    "against": {"en": "against", "zh": "反对"},
    "abstain": {"en": "abstain", "zh": "弃权"},
    "invalid-papers": {"en": "invalid papers", "zh": "无效票"},
    "needed-votes": {
        "en": "least for (more than {share} of {base_words})",
        "zh": "通过最少赞成票（超过{base_words}的{share}）",
    },
    "not-given": {"en": "not given", "zh": "未载明"},
    "passed": {"en": "passed", "zh": "通过"},
    "not-passed": {"en": "not passed", "zh": "未通过"},
    "not-decided": {"en": "not decided: the meeting could not decide", "zh": "未表决：会议不能作出决定"},
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
    "representatives": {
        "en": "{representatives} villager representatives of {members} members ({unknown} not recorded); at least "
        "{least}",
        "zh": "村民代表{representatives}名，组成人员{members}名（{unknown}名未载明身份），须至少{least}名",
    },
    "women-representatives": {
        "en": "{women} women villager representatives of {members} members ({unknown} not recorded); at least {least}",
        "zh": "妇女村民代表{women}名，组成人员{members}名（{unknown}名未载明），须至少{least}名",
    },
    "delegates-most": {"en": "{delegates} delegates; at most {most}", "zh": "代表{delegates}名，最多{most}名"},
    "delegates-usual": {
        "en": "{delegates} delegates; generally {least} to {most}",
        "zh": "代表{delegates}名，一般为{least}至{most}名",
    },
    "nomination": {
        "en": "{took_part} of {registered} registered voters took part; at least {needed}",
        "zh": "登记选民{registered}人，参加提名{took_part}人，须至少{needed}人",
    },
}

# The words of the printed forms (``tally.forms``): ballots, sign-in and tally sheets, the result
# report. ``{blank}`` marks a line left to fill in by hand.
FORM_WORDS: Mapping[str, Words] = {
    # --- common --------------------------------------------------------------------------------
    "untitled": {"zh": "选举", "en": "Election"},
    "list-sep": {"zh": "、", "en": ", "},
    "order-strokes": {"zh": "按姓氏笔画为序", "en": "in surname-stroke order"},
    "order-approved": {"zh": "按批准的顺序", "en": "in the approved order"},
    "post-member": {"zh": "委员", "en": "Members"},
    "post-secretary": {"zh": "书记", "en": "Secretary"},
    "post-deputy-secretary": {"zh": "副书记", "en": "Deputy secretaries"},
    "post-chair": {"zh": "主任", "en": "Chair"},
    "post-vice-chair": {"zh": "副主任", "en": "Vice-chairs"},
    "post-women-member": {"zh": "妇女委员", "en": "Women member"},
    "stage-further": {"zh": "（另行选举）", "en": " (further election)"},
    "stage-tie-break": {"zh": "（再次投票）", "en": " (vote among the tied)"},
    "stage-by-election": {"zh": "（补选）", "en": " (by-election)"},
    "ballot-contest": {"zh": "{title}　应选{seats}名{stage}", "en": "{title}: {seats} to elect{stage}"},
    "candidate-ordered": {"zh": "候选人（{order}）", "en": "Candidates ({order})"},
    "name": {"zh": "姓名", "en": "Name"},
    "id": {"zh": "编号", "en": "No."},
    "note": {"zh": "备注", "en": "Note"},
    "signature": {"zh": "签名", "en": "Signature"},
    "votes": {"zh": "得票数", "en": "Votes"},
    "write-in": {"zh": "另选他人", "en": "Written in"},
    "teller": {"zh": "计票人：", "en": "Teller: "},
    "scrutineer": {"zh": "监票人：", "en": "Scrutineer: "},
    "chief-scrutineer": {"zh": "总监票人：", "en": "Chief scrutineer: "},
    "date": {"zh": "日期：", "en": "Date: "},
    "members": {"zh": "党员", "en": "members"},
    "delegates": {"zh": "代表", "en": "delegates"},
    # --- ballot (P-15, P-16, P-19, P-21, P-23, V-13, V-14, V-20, V-30) --------------------------
    "ballot": {"zh": "选　票", "en": "Ballot paper"},
    "how-to-mark": {"zh": "填票说明", "en": "How to mark this paper"},
    "yes": {"zh": "赞成", "en": "Yes"},
    "no": {"zh": "不赞成", "en": "No"},
    "abstain": {"zh": "弃权", "en": "Abstain"},
    "mark": {"zh": "画“○”或“×”", "en": "○ or ×"},
    "write-in-name": {"zh": "另选他人（写姓名）", "en": "Write-in (name)"},
    "rule-seats": {
        "zh": "本次选举应选{seats}名，候选人{candidates}名（{order}）。",
        "en": "{seats} to elect from {candidates} candidates (listed {order}).",
    },
    "rule-tie-break": {
        "zh": "本次投票只在得票相等的候选人中进行，得票多的当选。",
        "en": "This vote is among the tied candidates only; the most votes win.",
    },
    "rule-mark-party": {
        "zh": "对每位候选人，在“赞成”“不赞成”“弃权”三栏中选一栏画“○”；画两栏以上的，对该候选人的投票无效。",
        "en": "For each candidate draw ○ in one of the three boxes, Yes, No or Abstain; "
        "a candidate marked in more than one box gets no vote from this paper.",
    },
    "rule-mark-one-box": {
        "zh": "对每位候选人：赞成的在其姓名右边的方格内画“○”，不赞成的画“×”，弃权的不画任何符号。",
        "en": "For each candidate: draw ○ in the box beside the name to vote for, × to vote against; "
        "leave it empty to abstain.",
    },
    "rule-valid-single": {
        "zh": "所选人数（赞成的候选人与另选的人合计）等于或少于{seats}名的为有效票，多于{seats}名的为无效票。",
        "en": "A paper that selects {seats} or fewer persons (candidates marked Yes and persons written in, "
        "together) is valid; one that selects more is invalid.",
    },
    "rule-valid-section": {
        "zh": "本栏所选人数（赞成的候选人与另选的人合计）多于{seats}名的，本栏无效，其他栏照常计票。",
        "en": "If this section selects more than {seats} persons (marked Yes and written in, together), this "
        "section is invalid; the other sections still count.",
    },
    "rule-valid-paper": {
        "zh": "本栏所选人数（赞成的候选人与另选的人合计）多于{seats}名的，整张选票无效。",
        "en": "If this section selects more than {seats} persons (marked Yes and written in, together), the "
        "whole paper is invalid.",
    },
    "rule-writein-with-against": {
        "zh": "对不赞成的候选人，可以另选他人：在“另选他人”栏内写上其姓名，即为赞成。",
        "en": "Where you vote No on a candidate, you may write in another person: their name on a write-in "
        "line is a vote for them.",
    },
    "rule-writein-refused-mark": {
        "zh": "没有投不赞成票而另选他人的，另选的人不计票。",
        "en": "A person written in on a paper with no No mark gets no vote.",
    },
    "rule-writein-refused-section": {
        "zh": "没有投不赞成票而另选他人的，本栏选票无效。",
        "en": "Writing someone in on a paper with no No mark makes this section invalid.",
    },
    "rule-writein-any": {
        "zh": "可以另选他人：在“另选他人”栏内写上其姓名，即为赞成。",
        "en": "You may write in another person: their name on a write-in line is a vote for them.",
    },
    "rule-writein-none": {"zh": "本次选举不得另选他人。", "en": "No one may be written in."},
    "rule-women-post": {
        "zh": "本职位由妇女担任，另选的须为妇女。",
        "en": "This post is for a woman: a person written in must be a woman.",
    },
    "rule-two-posts": {
        "zh": "同一人被选为两个以上职务的，整张选票无效。",
        "en": "A paper that votes one person into two or more posts is invalid.",
    },
    "rule-unreadable": {
        "zh": "符号无法辨认的，对该候选人的投票不计。",
        "en": "A mark that cannot be read gives that candidate no vote.",
    },
    "rule-secret": {
        "zh": "本次选举无记名投票，选票上不写投票人姓名。",
        "en": "The vote is secret: do not write your own name on the paper.",
    },
    # --- sign-in sheet ---------------------------------------------------------------------------
    "sign-in": {"zh": "签　到　表", "en": "Sign-in sheet"},
    "standing": {"zh": "类别", "en": "Standing"},
    "full": {"zh": "正式党员", "en": "full member"},
    "probationary": {"zh": "预备党员", "en": "probationary member"},
    "vote": {"zh": "选举权", "en": "Vote"},
    "rights-full": {"zh": "有", "en": "yes"},
    "rights-none": {"zh": "无（{why}）", "en": "no ({why})"},
    "excluded-note": {"zh": "经批准不计入应到会人数", "en": "excluded from the required attendance, with approval"},
    "sign-in-required": {
        "zh": "应到会{required}人（有选举权的{noun}{electorate}人，经批准不计入{excluded}人）",
        "en": "Required attendance {required} ({electorate} {noun} with the vote, {excluded} excluded with approval)",
    },
    "sign-in-present": {"zh": "实到会{blank}人", "en": "Present: {blank}"},
    "household": {"zh": "户", "en": "Household"},
    "proxies-held": {"zh": "受托代为投票", "en": "Votes by proxy for"},
    "proxy-held": {"zh": "{names}（{n}人）", "en": "{names} ({n})"},
    "proxy-given": {"zh": "已委托{agent}代为投票", "en": "proxy to {agent}"},
    "mobile-box": {"zh": "流动票箱投票", "en": "votes at a mobile box"},
    "sign-in-registered": {
        "zh": "登记选民{registered}人，其中委托投票{proxies}人",
        "en": "{registered} registered voters, {proxies} of them by proxy",
    },
    "sign-in-registered-household": {
        "zh": "登记{registered}户（每户一名代表），其中委托投票{proxies}户",
        "en": "{registered} households (one representative each), {proxies} of them by proxy",
    },
    "sign-in-registered-group": {
        "zh": "居民小组代表{registered}人，其中委托投票{proxies}人",
        "en": "{registered} residents' group representatives, {proxies} of them by proxy",
    },
    # --- tally sheet -----------------------------------------------------------------------------
    "tally-sheet": {"zh": "计　票　单", "en": "Tally sheet"},
    "tally-marks": {"zh": "计票（画“正”字）", "en": "Tally marks"},
    "papers-blank": {
        "zh": "收回选票{blank}张，其中有效票{blank}张，无效票{blank}张。",
        "en": "Papers collected {blank}: valid {blank}, invalid {blank}.",
    },
    # --- result report (P-26; the decisions themselves are in the words of tally.catalogue) -------
    "result": {"zh": "选举结果报告单", "en": "Report of the result"},
    "attendance": {"zh": "到会情况", "en": "Attendance"},
    "on-roll": {"zh": "{noun}总数", "en": "On the roll ({noun})"},
    "electorate": {"zh": "有选举权的{noun}", "en": "With the vote ({noun})"},
    "required": {"zh": "应到会人数", "en": "Required attendance"},
    "present": {"zh": "实到会人数", "en": "Present with the vote"},
    "turnout": {"zh": "投票情况", "en": "Turnout"},
    "registered": {"zh": "登记选民", "en": "Registered voters"},
    "in-person": {"zh": "本人投票", "en": "In person"},
    "by-proxy": {"zh": "委托投票", "en": "By proxy"},
    "at-mobile-box": {"zh": "流动票箱投票", "en": "At mobile boxes"},
    "voted": {"zh": "参加投票", "en": "Voted"},
    "proxies-judged": {
        "zh": "委托投票{accepted}件有效，{rejected}件不予接受。",
        "en": "{accepted} proxies accepted, {rejected} rejected.",
    },
    "nobody-elected-invalid": {"zh": "本轮选举无效，无人当选。", "en": "This round is not valid: nobody is elected."},
    "outcome": {"zh": "结果", "en": "Result"},
    "elected": {"zh": "当选", "en": "elected"},
    "not-elected": {"zh": "未当选", "en": "not elected"},
    "tied": {"zh": "得票相等", "en": "tied"},
    "written-in-mark": {"zh": "（另选）", "en": " (written in)"},
    "elected-list": {"zh": "当选（{order}）：{names}", "en": "Elected ({order}): {names}"},
    "elected-one": {"zh": "当选：{names}", "en": "Elected: {names}"},
    "nobody": {"zh": "无人当选。", "en": "Nobody is elected."},
    "next-tie-break": {
        "zh": "{names}得票相等，须在其中再次投票，应选{seats}名，得票多的当选。",
        "en": "{names} are tied: another vote among them for {seats}; the most votes win.",
    },
    "next-further": {
        "zh": "名额未选足，须另行选举{seats}名，候选人（{order}）：{names}。",
        "en": "Seats left unfilled: a further election for {seats}, candidates ({order}): {names}.",
    },
    "left-vacant": {"zh": "空缺{n}名。", "en": "{n} left vacant."},
    "elected-heading": {"zh": "当选名单", "en": "Elected"},
    "elected-line": {"zh": "{post}：{names}", "en": "{post}: {names}"},
    "elected-line-ordered": {"zh": "{post}（{order}）：{names}", "en": "{post} ({order}): {names}"},
    # --- the bar chart -----------------------------------------------------------------------------
    "chart-title": {"zh": "{title}得票", "en": "{title}: votes"},
    "chart-threshold": {"zh": "当选线{n}票", "en": "threshold {n}"},
}

# The words of the command line and of the workbooks it writes (``tally.cli``, ``tally.records.sheets``).
CLI_WORDS: Mapping[str, Words] = {
    # --- notes on loading ---
    "note": {"zh": "提示：{text}", "en": "note: {text}"},
    "note.gb18030": {
        "zh": "{file} 不是 UTF-8 编码，已按 GB18030（GBK）读取",
        "en": "{file} is not UTF-8; it was read as GB18030 (GBK)",
    },
    "note.folded": {
        "zh": "{count}个单元格中的全角字符已转为半角（第一个：{first}）",
        "en": "full-width characters were folded in {count} cells (the first: {first})",
    },
    "note.trimmed": {
        "zh": "{count}个单元格首尾的空格已去掉（第一个：{first}）",
        "en": "spaces were trimmed at either end of {count} cells (the first: {first})",
    },
    "note.id": {
        "zh": "{path}：编号 {written} 按统一规则读作 {id}",
        "en": "{path}: {written} read as {id}",
    },
    "note.id-again": {
        "zh": "{path}：编号 {written} 按统一规则读作 {id}（其他位置也有）",
        "en": "{path}: {written} read as {id} (and elsewhere)",
    },
    "note.reordered": {
        "zh": "表格中每位候选人占一列：选票上的标记按候选人顺序写出，未填的职位写作空白，计票结果不变",
        "en": "a sheet has one column per candidate: marks are written in ballot order and a section left "
        "off a paper is written blank; no count changes",
    },
    # --- errors and summaries ---
    "problems first": {"zh": "{n}个问题；第一个：{first}", "en": "{n} problems; the first: {first}"},
    "more problems": {
        "zh": "……另有{n}个问题未列出（用 --format json 可列出全部）",
        "en": "... and {n} more problems (--format json lists them all)",
    },
    "records": {
        "zh": "{n}份记录：{agree}份一致，{disagree}份不一致，{broken}份记录有误",
        "en": "{n} records: {agree} agree, {disagree} disagree, {broken} broken",
    },
    "records broken": {"zh": "{n}份记录，其中{broken}份记录有误", "en": "{n} records, {broken} broken"},
    "no records": {
        "zh": "{path}：没有找到记录（*.json、*.xlsx 文件，或含各表 CSV 文件的文件夹）",
        "en": "{path}: no record found (*.json or *.xlsx files, or a folder of a record's CSV sheets)",
    },
    "stdin one": {"zh": "“-”（标准输入）只能核对一份记录", "en": "'-' (standard input) verifies one record only"},
    "jobs": {"zh": "--jobs：至少为 1", "en": "--jobs: must be at least 1"},
    "scheduler needs dask": {
        "zh": "--scheduler 需要 Dask：pip install 'tally[dask]'",
        "en": "--scheduler needs Dask: pip install 'tally[dask]'",
    },
    "scheduler unreachable": {
        "zh": "--scheduler：连不上 {address} 的 Dask 调度器：{error}",
        "en": "--scheduler: cannot reach the Dask scheduler at {address}: {error}",
    },
    "no next round": {
        "zh": "没有下一轮：各职位均已决定（或本轮须重新举行）",
        "en": "no next round: every contest is decided (or the round must be held again)",
    },
    "bad lang": {
        "zh": "TALLY_LANG={value!r} 不是可用的语言：zh、en",
        "en": "TALLY_LANG={value!r} is not a language tally speaks: zh, en",
    },
    "written": {"zh": "已写入 {path}", "en": "wrote {path}"},
    "convert same": {
        "zh": "无法转换：输入和输出是同一种格式（{what}）",
        "en": "nothing to convert: the input and the output are both {what}",
    },
    "convert output": {
        "zh": "输出须为 .json、.xlsx 文件，或一个文件夹（写入各表的 CSV 文件）",
        "en": "the output must be a .json or .xlsx file, or a folder (for the sheets as CSV files)",
    },
    "status agrees": {"zh": "一致", "en": "agrees"},
    "status disagrees": {"zh": "不一致", "en": "DISAGREES"},
    "status broken": {"zh": "记录有误", "en": "BROKEN"},
    "status internal": {"zh": "内部错误", "en": "INTERNAL ERROR"},
    "internal error": {
        "zh": "内部错误：{error}。这是 tally 自身的缺陷，不是记录的问题，请连同记录一并报告",
        "en": "internal error: {error}. This is a bug in tally, not in the record: please report it, with the record",
    },
    "records internal": {
        "zh": "{n}份记录遇到 tally 内部错误（tally 的缺陷，请报告）",
        "en": "{n} records met an internal error (a bug in tally: please report it)",
    },
    "example hint": {
        "zh": "打印一个：tally example 名称；核对它：tally example 名称 | tally verify -",
        "en": "Print one with: tally example NAME; verify it with: tally example NAME | tally verify -",
    },
    # --- table headings ---
    "h.record": {"zh": "记录", "en": "record"},
    "h.status": {"zh": "结果", "en": "status"},
    "h.detail": {"zh": "说明", "en": "detail"},
    "h.field": {"zh": "字段", "en": "field"},
    "h.name": {"zh": "名称", "en": "name"},
    "h.value": {"zh": "取值", "en": "value"},
    "h.rules": {"zh": "规则条款", "en": "rules"},
    "h.id": {"zh": "编号", "en": "id"},
    "h.kind": {"zh": "类型", "en": "kind"},
    "h.title": {"zh": "标题", "en": "title"},
    "h.example": {"zh": "示例", "en": "name"},
    "h.shows": {"zh": "内容", "en": "what it shows"},
    "value.yes": {"zh": "是", "en": "yes"},
    "value.no": {"zh": "否", "en": "no"},
    "value.none": {"zh": "无", "en": "none"},
    "value.unset": {"zh": "未规定", "en": "not set"},
    "value.no limit": {"zh": "不限", "en": "no limit"},
    "value.range": {"zh": "{least}至{most}", "en": "{least} to {most}"},
    "value.at least": {"zh": "至少{least}", "en": "at least {least}"},
    "value.any post": {"zh": "各职务", "en": "any post"},
    "value.band": {"zh": "人口{people}：{posts}名", "en": "population {people}: {posts} posts"},
    "value.up to": {"zh": "不超过{most}", "en": "up to {most}"},
    "value.from": {"zh": "{least}及以上", "en": "{least} or more"},
    "h.check": {"zh": "检查项", "en": "check"},
    "h.rule": {"zh": "条款", "en": "rule"},
    "h.statutory": {"zh": "法定", "en": "statutory"},
    # the columns of `tally compliance`: how many records stand where on a check
    "h.met": {"zh": "符合（份）", "en": "records met"},
    "h.not met": {"zh": "不符合（份）", "en": "not met"},
    "h.cannot tell": {"zh": "无法判断（份）", "en": "cannot tell"},
    "h.not applicable": {"zh": "不适用（份）", "en": "not applicable"},
    "h.failing": {"zh": "不符合的记录", "en": "failing"},
    # --- the help texts ---
    "help.usage": {"zh": "用法：", "en": "usage: "},
    "help.positionals": {"zh": "参数", "en": "positional arguments"},
    "help.options": {"zh": "选项", "en": "options"},
    "help.help": {"zh": "显示本帮助并退出", "en": "show this help message and exit"},
    "help.version": {"zh": "显示版本号并退出", "en": "show program's version number and exit"},
    "help.description": {
        "zh": "按规则逐条计票并说明理由：党员大会、村（居）民委员会选举。",
        "en": "Count and explain grassroots election meetings, rule by rule.",
    },
    "help.epilog": {
        "zh": "试试：tally example branch | tally verify -；用表格：tally template village-committee -o 选举.xlsx。"
        "语言：--lang zh（或设置环境变量 TALLY_LANG=zh）为中文，--lang en 为英文，"
        "如 tally verify 选举.xlsx --lang zh、tally --lang zh --help",
        "en": "Try: tally example branch | tally verify -; "
        "with a workbook: tally template village-committee -o vote.xlsx. "
        "In Chinese (中文): --lang zh, or TALLY_LANG=zh in the environment, "
        "as in tally verify vote.xlsx --lang zh, or tally --lang zh --help (中文帮助)",
    },
    "help.lang": {
        "zh": "语言：zh 或 en（默认取 TALLY_LANG，再取 LANG/LC_ALL，否则 en）",
        "en": "language, zh or en (else TALLY_LANG, else the locale LANG/LC_ALL, else en)",
    },
    "help.format": {"zh": "输出格式（默认 text）", "en": "output format (default text)"},
    "help.cite": {
        "zh": "rule：只列条款编号（默认）；article：在条款编号旁列出法规条文出处",
        "en": "rule: rule IDs only (default); article: the article of the law beside each rule ID",
    },
    "help.record": {
        "zh": "记录：.json 或 .xlsx 文件、含各表 CSV 的文件夹，或 -（标准输入）",
        "en": "a record: a .json or .xlsx file, a folder of the sheets as CSV, or - for stdin",
    },
    "help.records": {
        "zh": "记录文件或文件夹（*.json、*.xlsx、含各表 CSV 的文件夹）；- 为标准输入",
        "en": "record files or folders (*.json, *.xlsx, folders of CSV sheets); - for stdin",
    },
    "help.verify": {
        "zh": "重新计票并与公布结果核对（0 一致，1 不一致，2 记录有误）",
        "en": "recount records and compare with what was declared (exit 0 agrees, 1 not, 2 broken)",
    },
    "help.verify.description": {
        "zh": "重新计票并与公布结果核对。一份记录：完整报告。多份或文件夹：每份一行并汇总"
        "（--format json 时每份一行 JSON）。",
        "en": "Recount each record and compare with what was declared. One record: its full report. "
        "Several, or a folder: one line each and a summary (with --format json, one JSON line each).",
    },
    "help.jobs": {"zh": "多份记录时的工作进程数（默认 1）", "en": "worker processes for many records (default 1)"},
    "help.scheduler": {
        "zh": "把记录交给正在运行的 Dask 调度器核对（tcp://主机:8786），需安装 tally[dask]",
        "en": "send the records to a running Dask scheduler (tcp://host:8786); needs tally[dask]",
    },
    "help.strict": {
        "zh": "法定的班子结构或时间要求不符合时，也以 1 退出",
        "en": "also exit 1 when a statutory composition or timeline check is not met",
    },
    "help.compliance": {
        "zh": "检查多份记录的班子结构和时间要求：每项多少份符合，哪些不符合",
        "en": "check the composition and timeline of many records: per check, how many meet it, and which do not",
    },
    "help.csv": {
        "zh": "输出 CSV 而不是表格：供表格软件和程序读取的数据，列名和检查项、是否法定（True/False）"
        "用固定的英文代码，不随 --lang 改变",
        "en": "print CSV instead of a table: data for spreadsheets and programs, its columns, checks and "
        "statutory (True/False) as fixed codes, whatever --lang says",
    },
    "help.report": {"zh": "打印一份记录的报告（无论是否一致）", "en": "print the report of a record, agreeing or not"},
    "help.next": {
        "zh": "写出下一轮（再次投票或另行选举）的记录框架",
        "en": "write the record skeleton of the next round (tie-break or further election)",
    },
    "help.output": {"zh": "写入此文件，而不是标准输出", "en": "write here instead of standard output"},
    "help.rulebooks": {
        "zh": "列出规则预设，或显示其中一个适用的字段、取值和条款",
        "en": "list the rulebook presets, or show one: the fields that apply, their values and rules",
    },
    "help.preset": {"zh": "规则预设的编号", "en": "a preset id"},
    "help.example": {"zh": "列出内置示例记录，或打印其中一个", "en": "list the built-in example records, or print one"},
    "help.example.name": {"zh": "示例名称", "en": "an example name"},
    "help.template": {
        "zh": "写出一种选举的空白工作簿（.xlsx），含填写说明和下拉列表",
        "en": "write an empty workbook (.xlsx) for a kind of election, with instructions and drop-down lists",
    },
    "help.template.kind": {"zh": "选举类型", "en": "the kind of election"},
    "help.template.output": {"zh": "要写的 .xlsx 文件", "en": "the .xlsx file to write"},
    "help.convert": {
        "zh": "在 JSON 记录、工作簿（.xlsx）和 CSV 文件夹之间转换",
        "en": "convert a record between JSON, a workbook (.xlsx) and a folder of CSV files",
    },
    "help.convert.output": {
        "zh": "输出：.json、.xlsx，或文件夹（写入各表的 CSV 文件）",
        "en": "the output: .json, .xlsx, or a folder (for the sheets as CSV files)",
    },
    "help.forms": {
        "zh": "打印选举的纸质表格：选票、签到表、计票单或选举结果报告单",
        "en": "print a paper form of the election: ballot, sign-in sheet, tally sheet or result report",
    },
    "help.forms.description": {
        "zh": "为记录中的选举生成可打印的表格：选票（ballot）、签到表（sign-in）、空白计票单（tally-sheet）"
        "或待签字的结果报告单（result）。HTML 输出到标准输出或文件；PDF（需要 Chromium）输出到文件。",
        "en": "Make a form of the election in RECORD, ready to print: the ballot papers (ballot), the "
        "sign-in sheet (sign-in), a blank tally sheet (tally-sheet) or the result report to sign (result). "
        "HTML to standard output or FILE; PDF (needs Chromium) to FILE.",
    },
    "help.forms.lang": {
        "zh": "表格的语言（默认 zh：为中国的选举打印）",
        "en": "language of the form (default zh: forms are printed for a Chinese election)",
    },
    "help.forms.format": {"zh": "默认 html", "en": "default html"},
    "help.forms.output": {"zh": "写入此文件（pdf 时必须）", "en": "write here (needed for pdf)"},
    "forms pdf": {"zh": "forms --format pdf 需要 -o 文件", "en": "forms --format pdf needs -o FILE"},
    "forms same": {"zh": "这是记录本身；请另给 -o 文件", "en": "is the record itself; give another -o FILE"},
    "help.compliance.format": {"zh": "输出格式（默认 text）", "en": "output format (default text)"},
    "help.check": {
        "zh": "检查记录而不计票：列出每份记录的全部问题及其位置（0 无误，2 有误）",
        "en": "check records without counting them: every problem of each, with its path (exit 0 sound, 2 broken)",
    },
    "help.check.description": {
        "zh": "读取并检查每份记录：一次列出各环节（格式、用词、引用、差额、选票、公布结果）的全部问题，"
        "每个问题一行并指出位置。RECORD 为 - 时读取标准输入。",
        "en": "Read and check each record: every problem of every phase (shape, words, references, margins, "
        "papers, what was declared) in one run, one line each with its path. RECORD '-' reads standard input.",
    },
    "help.check.format": {
        "zh": "text：问题写到标准错误；json：每份记录一行 JSON",
        "en": "text: problems on standard error; json: one JSON line per record",
    },
    "sound": {"zh": "无误", "en": "sound"},
}


# --- problems: what is wrong with an input (tally.Problem) ----------------------------------------
# Each code's words, with ``{name}`` for the problem's values. A value quoted from the input
# (tally._values.Quoted) is given in the language's own words; a list of values is joined. The
# English words are the messages of tally's errors (``str(error)``); tests compare them.

PROBLEM_WORDS: Mapping[str, Words] = {
    "problems": {"zh": "输入中有{n}个问题：", "en": "{n} problems in the input:"},
    "more.papers": {"zh": "（另有{n}张选票有同样的问题）", "en": " (and {n} more papers like it)"},
    "more.rows": {"zh": "（另有{n}行有同样的问题）", "en": " (and {n} more rows like it)"},
}

_COMMON_PROBLEMS: dict[str, Words] = {
    "not-text": {"zh": "应为非空白的字符串，而不是{value}", "en": "must be a non-empty string, not {value}"},
    "not-boolean": {"zh": "应为 true 或 false，而不是{value}", "en": "must be true or false, not {value}"},
    "not-date": {"zh": "应为日期，而不是{value}", "en": "must be a date, not {value}"},
    "not-one-of": {"zh": "{value}不是可用的值；应为以下之一：{accepted}", "en": "{value} is not one of {accepted}"},
    "not-whole-in-range": {
        "zh": "应为{least:,}至{most:,}的整数，而不是{value}",
        "en": "must be a whole number from {least:,} to {most:,}, not {value}",
    },
    "blank-id": {"zh": "编号不能为空白", "en": "an id cannot be blank"},
    "invisible": {
        "zh": "第{at}个字符是不可见字符{code}（{name}）",
        "en": "holds an invisible character {code} ({name}) at position {at}",
    },
    "id-too-long": {
        "zh": "编号最多{most}个字符，而不是{value}",
        "en": "an id has at most {most} characters, not {value}",
    },
    "id-too-long-length": {
        "zh": "编号最多{most}个字符，而不是{length:,}个",
        "en": "an id has at most {most} characters, not {length:,}",
    },
    "id-not-canonical": {
        "zh": "{value}应写作{id}：编号中的全角字母、数字一律写成半角，首尾不留空格",
        "en": "{value} is written {id} in tally: ids are NFKC and trimmed",
    },
    "duplicate-id": {"zh": "编号{id}重复（首次出现在{first}）", "en": "duplicate id {id} (first at {first})"},
    "not-on-roll": {"zh": "{who}不在名册上", "en": "{who} is not on the roll"},
    "bad-id-cell": {"zh": "{value}：{why}", "en": "{value}: {why}"},
    "bad-id": {"zh": "编号{value}：{why}", "en": "the id {value} {why}"},
    "bad-key": {"zh": "键{value}：{why}", "en": "the key {value} {why}"},
    "bad-contest-id": {"zh": "选举项目编号：{why}", "en": "a contest id: {why}"},
}

# One block per part of tally, so that each part's words stay together.
_CORE_PROBLEMS: dict[str, Words] = {
    # values of any kind
    "not-instance": {"zh": "应为{type}对象，而不是{value}", "en": "must be {type:a}, not {value}"},
    "not-a-list-of": {"zh": "应为{type}对象的列表，而不是{value}", "en": "must be a list of {type}, not {value}"},
    "not-id-list": {"zh": "应为编号列表，而不是{value}", "en": "must be a list of ids, not {value}"},
    "not-sex": {"zh": "应为 F（女）或 M（男），而不是{value}", "en": "must be F or M, not {value}"},
    "not-optional-boolean": {
        "zh": "应为 true、false 或 null，而不是{value}",
        "en": "must be true, false or null, not {value}",
    },
    # rulebooks and thresholds
    "rule-not-ratio": {
        "zh": "应为大于0且不超过1的分数，而不是{value}",
        "en": "must be a Fraction above 0 and at most 1, not {value}",
    },
    "rule-not-share": {"zh": "应为不小于0的分数，而不是{value}", "en": "must be a Fraction of at least 0, not {value}"},
    "rule-not-names": {"zh": "应为一组名称，而不是{value}", "en": "must be a set of names, not {value}"},
    "rule-not-relations": {"zh": "应为一组亲属关系，而不是{value}", "en": "must be a set of relations, not {value}"},
    "rule-committee-size": {
        "zh": "应为[最少, 最多]（两个1至{most:,}的整数）或 null，而不是{value}",
        "en": "must be [least, most] whole numbers from 1 to {most:,}, or null, not {value}",
    },
    "rule-post-margins": {
        "zh": "应为各职务对应的[最少差额, 最多差额]，而不是{value}",
        "en": "must map posts to [least extra, most extra], not {value}",
    },
    "rule-post-margin": {
        "zh": "应为[最少差额, 最多差额或 null]，每个数不超过{most:,}，而不是{value}",
        "en": "must be [least extra, most extra or null], each at most {most:,}, not {value}",
    },
    "rule-post-band": {
        "zh": "应为[最少人口, 最多人口, 最少职数, 最多职数]"
        "（人口不超过{most_population:,}，职数不超过{most_posts:,}），而不是{value}",
        "en": "must be [least pop, most pop, least posts, most posts] (populations at most {most_population:,}, "
        "posts at most {most_posts:,}), not {value}",
    },
    "rule-no-election-without-candidates": {
        "zh": "这套规则集不允许无候选人选举（V-11）：请选用允许的规则集，或在规则中设定{field}",
        "en": "these rules have no election without candidates (V-11): choose rules that have it, or set {field}",
    },
    "rule-delegates-decrease": {
        "zh": "代表名额的一般下限、一般上限、最高限应依次不减少，而不是{value}",
        "en": "the delegate numbers must not decrease, not {value}",
    },
    "rule-strict-quorum-of-all": {
        "zh": "要求到会人数超过应到会人数的全部，这无法达到",
        "en": "a strict quorum of all the required attendance cannot be met",
    },
    "rule-polling-majority-base": {
        "zh": "投票选举的过半数以参加投票的人数为基数（V-21），不能用其他基数",
        "en": "a polling's majority is taken of those who voted (V-21): it has no other base",
    },
    "rule-no-preset": {
        "zh": "没有规则集{value}；现有规则集：{presets}",
        "en": "no preset {value}; the presets are {presets}",
    },
    "threshold-not-share": {"zh": "应为0至1的分数，而不是{value}", "en": "must be a Fraction from 0 to 1, not {value}"},
    "threshold-not-count": {
        "zh": "应为不小于0的整数，而不是{value}",
        "en": "must be a whole number of at least 0, not {value}",
    },
    # the calendar
    "date-off-calendar-after": {
        "zh": "{day}：往后推{days:,}天的日期超出了日历范围（公元1年至9999年）",
        "en": "{day}: the day {days:,} days after it is not in the calendar (years 1 to 9999)",
    },
    "date-off-calendar-before": {
        "zh": "{day}：往前推{days:,}天的日期超出了日历范围（公元1年至9999年）",
        "en": "{day}: the day {days:,} days before it is not in the calendar (years 1 to 9999)",
    },
    # contests
    "too-many-candidates": {
        "zh": "候选人最多{most:,}名，而不是{count:,}名",
        "en": "at most {most:,} candidates, not {count:,}",
    },
    "duplicate-candidate": {
        "zh": "候选人{id}重复（首次出现在{first}）",
        "en": "duplicate candidate {id} (first at {first})",
    },
    "contest-margin-too-small": {
        "zh": "应选{seats}名，候选人只有{have}名；规则要求候选人至少{least}名（{rule}，{error}）",
        "en": "{have:n candidate} for {seats:n seat}; the rules require at least {least} ({rule}, {error})",
    },
    "contest-margin-too-large": {
        "zh": "应选{seats}名，候选人有{have}名；规则允许候选人最多{most}名（{rule}）",
        "en": "{have:n candidate} for {seats:n seat}; the rules allow at most {most} ({rule})",
    },
    "duplicate-contest-id": {
        "zh": "选举项目编号{id}重复（首次出现在{first}）",
        "en": "duplicate contest id {id} (first at {first})",
    },
    "no-contest": {"zh": "一轮投票至少要有一个选举项目", "en": "a round needs at least one contest"},
    # ballots
    "section-not-marks": {
        "zh": "选票上一个选举项目的一栏应为按标记类别列出的对象，而不是{value}",
        "en": "a section must be an object of marks, not {value}",
    },
    "unknown-mark-list": {"zh": "未知的标记类别", "en": "unknown mark list"},
    "paper-not-sections": {
        "zh": "一张选票应按选举项目编号记录各栏的标记，而不是{value}",
        "en": "a paper must map contest ids to marks, not {value}",
    },
    "spoiled-with-sections": {
        "zh": "废票（无法辨认的选票）不应有任何选举项目的标记",
        "en": "a spoiled paper has no readable sections",
    },
    "not-a-candidate": {"zh": "{who}不是选举项目{contest}的候选人", "en": "{who} is not a candidate in {contest}"},
    # declared results
    "listed-twice": {"zh": "{who}列了两次（首次出现在{first}）", "en": "{who} is listed twice (first at {first})"},
    "declared-name-not-id": {
        "zh": "{who}是{owners}的姓名；请填写编号",
        "en": "{who} is the name of {owners}; give the id",
    },
    "declared-not-on-roll": {"zh": "{who}不是名册上的编号", "en": "{who} is not an id on the roll"},
    # rules, examples, forms, languages
    "no-rule": {"zh": "规则表中没有规则{value}", "en": "no rule {value} in tally's table of rules"},
    "no-rule-close": {
        "zh": "规则表中没有规则{value}；是否要找：{close}？",
        "en": "no rule {value} in tally's table of rules; did you mean {close}?",
    },
    "not-language": {"zh": "应为 'zh' 或 'en'，而不是{value}", "en": "must be 'zh' or 'en', not {value}"},
    "no-example": {
        "zh": "没有示例{value}；现有示例：{examples}",
        "en": "no example {value}; the examples are {examples}",
    },
    "no-form": {"zh": "没有表格{value}；现有表格：{forms}", "en": "no form {value}; the forms are {forms}"},
    "no-language": {"zh": "没有语言{value}；可用语言：zh、en", "en": "no language {value}; the languages are zh, en"},
    "no-name-for-form": {
        "zh": "{who}没有姓名：表格按姓名列出人员（P-15、P-26）",
        "en": "{who} has no name: a form lists people by name (P-15, P-26)",
    },
    # surname strokes
    "no-stroke-data": {
        "zh": "没有{chars}的笔画数据，本程序从不猜测笔画：请给出其笔画，例如{example}（1 横 2 竖 3 撇 4 点 5 折）",
        "en": "no stroke data for {chars}; it is never guessed: give its strokes, "
        "e.g. {example} (1 横 2 竖 3 撇 4 点 5 折)",
    },
    "strokes-not-digits": {
        "zh": "应为一个字对应由1至5组成的笔画数字（1 横 2 竖 3 撇 4 点 5 折），而不是{value}",
        "en": "must be one character mapped to digits 1-5 (1 横 2 竖 3 撇 4 点 5 折), not {value}",
    },
    "strokes-no-name": {
        "zh": "按姓氏笔画排序需要姓名，而不是{value}",
        "en": "a name is needed to order by surname strokes, not {value}",
    },
    "strokes-of-name": {"zh": "{name}：{why}", "en": "{name}: {why}"},
}
_COUNT_PROBLEMS: dict[str, Words] = {
    # a value of the wrong Python type ({type} is its name: Proxy, Ballot, Exclusion)
    "count-not-a-body": {
        "zh": "应为{one}或{other}对象，而不是{value}",
        "en": "must be a {one} or a {other}, not {value}",
    },
    "count-not-whole": {
        "zh": "应为不小于{least}的整数，而不是{value}",
        "en": "must be a whole number of at least {least}, not {value}",
    },
    # the candidates (P-1 … P-4, V-5, V-16, V-30)
    "candidate-not-in-electorate": {
        "zh": "{who}没有被选举权（{rule}）",
        "en": "{who} has no right to be elected ({rule})",
    },
    "candidate-deprived": {
        "zh": "{who}不能当选：被依法剥夺政治权利（V-5）",
        "en": "{who} cannot be elected: deprived of political rights (V-5)",
    },
    "candidate-under-18": {
        "zh": "{who}不能当选：选举日未满十八周岁（V-5）",
        "en": "{who} cannot be elected: under 18 on the election day (V-5)",
    },
    "candidate-not-given-to-polling": {
        "zh": "{who}是候选人，但调用{function}时没有列入候选人（V-16）",
        "en": "{who} is a candidate, but {function} was not given them (V-16)",
    },
    "women-post-not-a-woman": {
        "zh": "名册上{who}没有登记为女性：妇女委员只能由妇女担任（V-30）",
        "en": "{who} is not recorded as a woman: the women-member post is for women (V-30)",
    },
    # the sign-in of a meeting or a polling
    "sign-in-not-member-id": {"zh": "应为党员编号，而不是{value}", "en": "must be a member id, not {value}"},
    "sign-in-not-voter-id": {"zh": "应为选民编号，而不是{value}", "en": "must be a voter id, not {value}"},
    "signed-in-twice": {"zh": "{who}重复签到（首次出现在{first}）", "en": "{who} signed in twice (first at {first})"},
    "signed-in-but-excluded": {
        "zh": "{who}已签到，但{exclusion}已将其作为缺席党员不计入应到会人数（P-8）",
        "en": "{who} signed in, but {exclusion} excluded them from the required attendance as absent (P-8)",
    },
    "mobile-also-in-person": {
        "zh": "{who}已在现场投票（{first}），又列入流动票箱：每人只能投一次票",
        "en": "{who} also voted in person ({first}): nobody votes twice",
    },
    # a party meeting (P-6 … P-8)
    "meeting-not-party-rulebook": {
        "zh": "应为党组织选举的规则集，而不是{value}",
        "en": "must be a party rulebook, not {value}",
    },
    "exclusion-twice": {
        "zh": "{who}在{first}已有另一条不计入应到会人数的记录",
        "en": "{who} has another exclusion at {first}",
    },
    "exclusion-probationary": {
        "zh": "{who}是预备党员，没有选举权（{rule}）；只有有选举权的党员才能不计入应到会人数（P-6）",
        "en": "{who} is probationary and so not in the electorate ({rule}); "
        "only a member of the electorate can be excluded (P-6)",
    },
    "exclusion-under-probation": {
        "zh": "{who}受留党察看处分，没有选举权（{rule}）；只有有选举权的党员才能不计入应到会人数（P-6）",
        "en": "{who} is under 留党察看 and so not in the electorate ({rule}); "
        "only a member of the electorate can be excluded (P-6)",
    },
    "exclusion-suspended": {
        "zh": "{who}党员权利被中止，没有选举权（{rule}）；只有有选举权的党员才能不计入应到会人数（P-6）",
        "en": "{who} is suspended and so not in the electorate ({rule}); "
        "only a member of the electorate can be excluded (P-6)",
    },
    # a village or community polling (R-2, V-15, V-16)
    "polling-not-village-rulebook": {
        "zh": "应为村民委员会或居民委员会选举的规则集，而不是{value}",
        "en": "must be a village or residents' rulebook, not {value}",
    },
    "polling-mode-residents-only": {
        "zh": "只有居民委员会可以由户代表或居民小组代表选举（R-2）",
        "en": "only a residents' committee is elected by representatives (R-2)",
    },
    "polling-household-missing": {
        "zh": "按户代表选举，须写明每个选民所属的户（R-2）",
        "en": "the household mode needs each voter's household (R-2)",
    },
    "polling-household-twice": {
        "zh": "户{household}已由{first}代表投票（R-2）",
        "en": "household {household} already votes through {first} (R-2)",
    },
    "polling-proxies-in-count": {
        "zh": "村（居）民委员会选举的委托投票由{function}审查：请在那里提供",
        "en": "a polling's proxies are judged by {function}: give them there",
    },
    "proxy-filed-date-missing": {
        "zh": "规则要求委托投票在选举日{days}日前办理：请写明委托日期",
        "en": "the rulebook needs proxies filed {days} days ahead: give the date",
    },
    # counting a round
    "count-given-none": {
        "zh": "请提供逐张选票、按张数分组的选票或计票汇总数，三者之一：现在一项也没有",
        "en": "give the ballots, the weighted ballots or the totals: one, not none",
    },
    "count-given-several": {
        "zh": "请提供逐张选票、按张数分组的选票或计票汇总数，三者之一，而不是{given}",
        "en": "give the ballots, the weighted ballots or the totals: one, not {given}",
    },
    "no-such-contest": {"zh": "本轮没有选举项目{id}", "en": "no contest {id} in this round"},
    "issued-missing": {
        "zh": "规则以发出的选票数核对收回的选票（{rule}）：请写明发出的选票数",
        "en": "the rulebook compares the ballots with those issued ({rule}): give them",
    },
    "collected-not-papers": {
        "zh": "收回选票{collected}张，但提供的选票为{papers}张",
        "en": "{collected} ballots collected, but {papers} papers were given",
    },
    "scribe-elector-not-present": {
        "zh": "{who}不是到会的选举人（P-18）",
        "en": "{who} is not a present elector (P-18)",
    },
    "scribe-twice": {"zh": "{who}在{first}已有另一名代写人", "en": "{who} has another scribe at {first}"},
    "weighted-not-pairs": {
        "zh": "应为（{type}，张数）对的序列，而不是{value}",
        "en": "must be ({type}, number) pairs, not {value}",
    },
    "weighted-not-a-pair": {
        "zh": "应为（{type}，张数）对，而不是{value}",
        "en": "must be a ({type}, number) pair, not {value}",
    },
    "weighted-not-papers": {
        "zh": "应为不小于1的整数张数，而不是{value}",
        "en": "must be a whole number of papers, at least 1, not {value}",
    },
    "totals-not-a-mapping": {
        "zh": "应为选举项目编号到{type}对象的对应表，而不是{value}",
        "en": "must map contest ids to {type}, not {value}",
    },
    "totals-not-totals": {
        "zh": "应为该选举项目的{type}对象，而不是{value}",
        "en": "must be the {type} of the contest, not {value}",
    },
    "totals-not-collected": {
        "zh": "有效票与无效票合计{papers}张，但收回选票{collected}张",
        "en": "valid + invalid = {papers}, but {collected} ballots were collected",
    },
    "totals-not-tied": {"zh": "{who}不在得票相等的候选人之中", "en": "{who} is not among the tied"},
    "totals-over-valid": {
        "zh": "得票{votes}票，多于有效票{valid}张",
        "en": "{votes} votes, more than the {valid} valid ballots",
    },
    "totals-over-seats": {
        "zh": "得票合计{votes}票，多于有效票{valid}张×应选{seats}名（P-21）",
        "en": "{votes} votes in all, more than {valid} valid ballots × {seats} seats (P-21)",
    },
    # reducing the seats (P-24)
    "reduction-needs-consent": {
        "zh": "减少名额须写明同意的选举人数，或写明由大会主席团决定",
        "en": "a reduction needs the consent count or the presidium",
    },
    "reduction-not-party": {
        "zh": "减少名额（P-24）只适用于党员大会和党员代表大会；村（居）民委员会选举见V-26",
        "en": "a reduction of the seats (P-24) belongs to party meetings; see V-26",
    },
    "reductions-not-a-mapping": {
        "zh": "应为选举项目编号到{type}对象的对应表，而不是{value}",
        "en": "must map contest ids to a {type}, not {value}",
    },
    "reduction-consent-over-present": {
        "zh": "同意{consent}人，但到会的选举人只有{present}人",
        "en": "{consent} consents, but only {present} electors are present",
    },
    # a deciding meeting and its motions (P-27, V-9, V-12, R-4, V-31)
    "assembly-not-deciding-rulebook": {
        "zh": "应为议事表决会议的规则集，而不是{value}",
        "en": "must be the rulebook of a deciding meeting, not {value}",
    },
    "assembly-mode-missing": {
        "zh": "{kind}须写明到会方式，可选：{modes}",
        "en": "a {kind} needs its mode, one of {modes}",
    },
    "assembly-has-no-mode": {
        "zh": "{kind}只有一种基数，没有到会方式之分，不能写{value}",
        "en": "a {kind} has no mode (it has one base), not {value}",
    },
    "assembly-mode-unknown": {
        "zh": "{value}不是{kind}的到会方式（可选：{modes}）",
        "en": "{value} is not a mode of a {kind}: {modes}",
    },
    "assembly-has-no-list": {
        "zh": "{kind}没有{name}：只计算到会的人",
        "en": "a {kind} has no {name}: only those present count",
    },
    "sitting-household-missing": {
        "zh": "每户派代表到会时，须写明每人所属的户",
        "en": "sitting by households needs each one's household",
    },
    "sitting-household-twice": {
        "zh": "户{household}已由{who}代表：每户一人",
        "en": "household {household} is already represented by {who}: one each",
    },
    "motion-duplicate-id": {
        "zh": "表决事项编号{id}重复（首次出现在{first}）",
        "en": "duplicate motion id {id} (first at {first})",
    },
    "motion-votes-over-voted": {
        "zh": "共{votes}票，但参加投票的只有{attending}人",
        "en": "{votes} votes in all, but only {attending} voted",
    },
    "motion-votes-over-present": {
        "zh": "共{votes}票，但实到会并计入的只有{attending}人",
        "en": "{votes} votes in all, but only {attending} were present and counted",
    },
    "no-motions": {"zh": "一次会议至少表决一个事项", "en": "a sitting decides at least one motion"},
    "motion-not-in-sitting": {"zh": "本次会议没有表决事项{id}", "en": "no motion {id} in this sitting"},
    "nomination-over-registered": {
        "zh": "参加提名{took_part}人，多于登记选民{registered}人",
        "en": "{took_part} took part, more than the {registered} registered",
    },
}
_RECORD_PROBLEMS: dict[str, Words] = {
    # --- the shape of a JSON record (tally.records.read, .rules, .assembly) ---
    "missing": {"zh": "缺少此项（必须填写）", "en": "missing"},
    "json-unknown-field": {"zh": "记录格式中没有这一项（请检查拼写）", "en": "unknown field"},
    "json-key-twice": {
        "zh": "同一对象中这一项写了两次，无法判断以哪个为准",
        "en": "given twice in the object; which one is meant cannot be told",
    },
    "json-key-same-id": {
        "zh": "键{key}即编号{id}，与前面的键{first}是同一个编号",
        "en": "{key} is the id {id}, a key given before as {first}",
    },
    "duplicate-id-as-written": {
        "zh": "编号{written}（即{id}）重复（首次出现在{first}）",
        "en": "duplicate id {written}, which is {id} (first at {first})",
    },
    "json-not-object": {"zh": "应为对象，而不是{value}", "en": "must be an object, not {value}"},
    "json-not-list": {"zh": "应为列表，而不是{value}", "en": "must be a list, not {value}"},
    "json-not-whole": {"zh": "应为整数，而不是{value}", "en": "must be a whole number, not {value}"},
    "json-below-least": {"zh": "应至少为{least}，而不是{value}", "en": "must be at least {least}, not {value}"},
    "json-above-most": {"zh": "应至多为{most:,}，而不是{value}", "en": "must be at most {most:,}, not {value}"},
    "json-not-date": {
        "zh": "应为日期，写作“年-月-日”（如2026-05-21），而不是{value}",
        "en": "must be a date YYYY-MM-DD, not {value}",
    },
    "json-bad-date": {
        "zh": "{value}不是有效的日期（应写作“年-月-日”，如2026-05-21）",
        "en": "{value} is not a date YYYY-MM-DD",
    },
    "not-a-word": {"zh": "{value}不是可用的值；应为以下之一：{accepted}", "en": "{value} is not one of {accepted}"},
    "record-format": {"zh": "记录格式应为{format}，而不是{value}", "en": "{value} is not {format}"},
    "record-rulebook-for-other-kind": {
        "zh": "规则集{rulebook}用于{book_kind}，而本记录是{kind}的记录",
        "en": "{rulebook} is a rulebook for a {book_kind}, but the record is for a {kind}",
    },
    "record-kind-decides": {
        "zh": "{kind}是表决事项的会议，没有选举项目：请用{load}或{read}读取",
        "en": "{kind} is a meeting that decides (motions, not contests): read it with {load} or {read}",
    },
    "record-kind-decides-command": {
        "zh": "{kind}是表决事项的会议，没有选举项目：此命令只用于选举",
        "en": "{kind} is a meeting that decides (motions, not contests): this command is for elections",
    },
    "record-kind-elects": {
        "zh": "{kind}是选举：记录中应有选举项目和选票，而不是表决事项",
        "en": "{kind} is an election: it has contests and ballots, not motions",
    },
    "record-field-of-other-kind": {
        "zh": "{kind}的记录中没有{name}这一项：在议事表决的会议中，它只用于{belongs}",
        "en": "a {kind} has no {name}; among meetings that decide, they belong to a {belongs}",
    },
    "record-mode-missing": {
        "zh": "缺少选举方式：居民委员会选举的记录须写明选举方式（R-2），可填：{accepted}",
        "en": "missing: a residents' committee record says its mode (R-2): {accepted}",
    },
    "record-mode-not-residents": {
        "zh": "只有居民委员会选举的记录才写选举方式（R-2）",
        "en": "only residents' committee records have a mode (R-2)",
    },
    "record-voter-field-on-party-roll": {
        "zh": "这一项只用于村（居）民委员会选举的选民名册，党员名册中没有",
        "en": "belongs to village and residents' rolls, not to a party roll",
    },
    "record-party-field-on-voter-roll": {
        "zh": "这一项只用于党员名册，村（居）民委员会选举的选民名册中没有",
        "en": "belongs to party rolls, not to a voter roll",
    },
    "record-role-not-representatives": {
        "zh": "只有村民代表会议的成员才写身份（V-9）",
        "en": "only a 村民代表会议's members have a role (V-9)",
    },
    "record-exclusions-not-party": {
        "zh": "不计入应到会人数的情形只适用于党员大会（P-6 … P-8）",
        "en": "exclusions from the required attendance belong to party meetings (P-6 … P-8)",
    },
    "record-mobile-in-party": {
        "zh": "流动票箱只用于村（居）民委员会选举（V-18），党员大会没有流动票箱",
        "en": "mobile ballot boxes belong to village and residents' elections (V-18), not to a party meeting",
    },
    "record-duplicate-candidate": {
        "zh": "候选人{who}重复（首次出现在{first}）",
        "en": "duplicate candidate {who} (first at {first})",
    },
    "record-items-or-totals": {
        "zh": "{items}（逐张选票）和{totals}（计票单）须给出其中一个，不能都给，也不能都不给",
        "en": "give either {items} (one per paper) or {totals} (the tally sheet), not both or neither",
    },
    "record-papers-not-collected": {
        "zh": "列出了{papers}张选票，但收回选票数为{collected}张",
        "en": "{papers} papers listed, but collected says {collected}",
    },
    "record-spoiled-with-sections": {
        "zh": "废票（无法辨认的选票）不应有任何选举项目的标记",
        "en": "a spoiled paper has no sections",
    },
    "record-reduction-needs-consent": {
        "zh": "减少名额须写明同意的选举人数，或写明由大会主席团决定",
        "en": "a reduction needs the consent count or the presidium's decision",
    },
    # --- a record's rules (tally.records.rules) ---
    "rules-not-fraction": {
        "zh": '应为分数（如"4/5"）或整数，而不是{value}',
        "en": 'must be a fraction such as "4/5" or a whole number, not {value}',
    },
    "rules-divides-by-zero": {"zh": "{value}的分母为零", "en": "{value} divides by zero"},
    "rules-not-size": {
        "zh": "应为[最少, 最多]或 null，而不是{value}",
        "en": "must be [least, most] or null, not {value}",
    },
    "rules-not-margins": {
        "zh": '应为对象，如{{"主任": [1, 1], "*": [1, null]}}，而不是{value}',
        "en": 'must be an object such as {{"chair": [1, 1], "*": [1, null]}}, not {value}',
    },
    # --- results (tally.records.result) ---
    "result-not-a-round": {
        "zh": "应为{round}或{verification}，而不是{value}",
        "en": "must be a {round} or a {verification}, not {value}",
    },
    "result-not-decisions": {
        "zh": "应为{decisions}或对它的核对，而不是{value}",
        "en": "must be {decisions} or their verification, not {value}",
    },
    # --- CSV files of ballots and rolls (tally.records.csvfiles) ---
    "csv-empty": {"zh": "CSV 文件是空的：第一行须为表头", "en": "the CSV file is empty: it needs a header row"},
    "csv-needs-id-column": {"zh": "表头中须有id列", "en": "the header needs an id column"},
    "csv-unknown-column": {
        "zh": "未知的列{name}；列名应为以下之一：{columns}",
        "en": "unknown column {name}; the columns are {columns}",
    },
    "csv-column-twice": {
        "zh": "列{name}出现了两次（首次出现在{first}列）",
        "en": "column {name} is given twice (first in column {first})",
    },
    "csv-column-not-candidate": {
        "zh": "列{name}不是选举项目{contest}的候选人",
        "en": "column {name} is not a candidate of {contest}",
    },
    "csv-row-length": {
        "zh": "这一行有{cells}个单元格，而表头有{header}个",
        "en": "{cells} cells, but the header has {header}",
    },
    "csv-not-a-mark": {
        "zh": "{value}不是选票标记：请填{marks}之一",
        "en": "{value} is not a mark: use one of {marks}",
    },
    "csv-cell-over-lines": {
        "zh": "有加引号的单元格跨了多行：请给出打开的文件（须能回到开头重读）或各行的列表",
        "en": "a quoted cell runs over several lines: give the open file (that can seek) or a list of lines",
    },
    # --- files (tally.records.files) ---
    "file-cannot-read": {"zh": "无法读取文件：{why}", "en": "cannot read the file: {why}"},
    "file-not-xlsx": {
        "zh": "只能读取 .xlsx 工作簿，不能读取{suffix}文件：请在 Excel 或 WPS 中另存为 Excel 工作簿（.xlsx）",
        "en": "tally reads .xlsx workbooks, not {suffix}: save it as an Excel workbook (.xlsx)",
    },
    "file-csv-not-folder": {
        "zh": "用 CSV 文件保存的记录是一个文件夹，每张表一个文件：请给出文件夹，而不是其中的一个文件",
        "en": "a record from CSV files is a folder of them, one file a sheet: name the folder",
    },
    "file-folder-without-sheets": {
        "zh": "这个文件夹中没有记录的各表（应为以表名命名的 CSV 文件，如{example}）",
        "en": "this folder holds no record's sheets (CSV files named as the sheets, such as {example})",
    },
    "file-not-json": {
        "zh": "文件不是有效的 JSON：第{line}行第{column}列{why}",
        "en": "the file is not JSON: {why} at line {line} column {column}",
    },
    "file-not-json-value": {
        "zh": "文件不是有效的 JSON：JSON 中没有{value}这样的值",
        "en": "the file is not JSON: {value} is not a JSON value",
    },
    "file-too-deep": {
        "zh": "文件无法按 JSON 读取：列表和对象嵌套的层数太多",
        "en": "the file is not JSON that tally can read: its lists and objects are nested too deeply",
    },
    "file-number-too-long": {
        "zh": "文件无法按 JSON 读取：第{line}行第{column}列的数有{digits:,}位（最多4,300位）",
        "en": "the file is not JSON that tally can read: a number of {digits:,} digits at line {line} column {column} "
        "(at most 4,300 digits)",
    },
    "file-number-too-long-somewhere": {
        "zh": "文件无法按 JSON 读取：其中有超过4,300位的数",
        "en": "the file is not JSON that tally can read: a number of more than 4,300 digits",
    },
}
_SHEET_PROBLEMS: dict[str, Words] = {
    # files: a CSV file's text, a workbook
    "sheet-not-utf8": {
        "zh": "此文件既不是 UTF-8 也不是 GB18030 编码的文本：请用 Excel 打开它，“另存为”时保存类型选"
        "“CSV UTF-8（逗号分隔）”；其他程序请存为 UTF-8 编码",
        "en": "the file is neither UTF-8 nor GB18030 text: save it as 'CSV UTF-8' (Excel) or UTF-8",
    },
    "file-not-utf8": {
        "zh": "此文件既不是 UTF-8 也不是 GB18030 编码的文本：请用文本编辑器（如记事本）“另存为”，编码选 UTF-8",
        "en": "the file is neither UTF-8 nor GB18030 text: save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)",
    },
    "sheet-cannot-read-workbook": {
        "zh": "无法读取此工作簿：{why}。如果 Excel 或 WPS 能打开它，请“另存为”Excel 工作簿（*.xlsx）后再试",
        "en": "cannot read the workbook: {why}",
    },
    # sheets and columns
    "sheet-unknown-sheet": {
        "zh": "未知的工作表；工作表名称应为以下之一：{sheets}",
        "en": "unknown sheet; the sheets are {sheets}",
    },
    "sheet-second-sheet": {
        "zh": "{sheet}工作表重复（第一张是{first}）",
        "en": "a second sheet for {sheet}: the first is {first}",
    },
    "sheet-needs-sheet": {"zh": "工作簿缺少{sheet}工作表", "en": "the workbook needs a sheet {sheet}"},
    "sheet-needs-ballots": {
        "zh": "工作簿缺少{ballots}或{tally}工作表",
        "en": "the workbook needs a sheet {ballots} or {tally}",
    },
    # a folder of CSV files: a sheet is a file
    "sheet-unknown-file": {
        "zh": "未知的文件；文件夹中的 CSV 文件名应为以下之一：{files}",
        "en": "unknown file; the CSV files of a folder are {files}",
    },
    "sheet-second-file": {
        "zh": "{sheet}重复（第一个是{first}）",
        "en": "a second file for {sheet}: the first is {first}",
    },
    "sheet-needs-file": {"zh": "文件夹中缺少{file}", "en": "the folder needs a file {file}"},
    "sheet-needs-ballots-file": {
        "zh": "文件夹中缺少{ballots}或{tally}",
        "en": "the folder needs a file {ballots} or {tally}",
    },
    "sheet-unknown-column": {
        "zh": "未知的列{value}；列名应为以下之一：{columns}",
        "en": "unknown column {value}; the columns are {columns}",
    },
    "sheet-second-column": {
        "zh": "{column}列重复（第一个在{first}）",
        "en": "a second {column} column: the first is {first}",
    },
    "sheet-needs-column": {"zh": "缺少{column}列", "en": "needs a column {column}"},
    "sheet-no-header": {
        "zh": "此列没有列名，下方却填了内容（首个在{first}）：请补上列名，或清除这些内容",
        "en": "this column has no header, yet values below it (the first at {first}): name it, or clear them",
    },
    # rows and cells
    "sheet-unknown-item": {
        "zh": "未知的项目{value}；项目应为以下之一：{items}",
        "en": "unknown item {value}; the items are {items}",
    },
    "sheet-second-item": {
        "zh": "此项目重复（首次出现在第{row}行）",
        "en": "a second row for this item: the first is row {row}",
    },
    "sheet-second-row": {"zh": "{what}重复：只能有一行", "en": "a second row for {what}"},
    "sheet-empty": {"zh": "空白：此处必须填写", "en": "empty: this must be filled in"},
    "sheet-empty-rule": {
        "zh": "空白：请填写值，或删除此行以沿用规则集的规定",
        "en": "empty: give the value, or remove the row to keep the rulebook's",
    },
    "sheet-missing-person": {"zh": "未填写：这是谁的结果？请填写人员编号", "en": "missing: whose result is this?"},
    "sheet-missing-elected": {"zh": "未填写：请填写“是”或“否”", "en": "missing: write 是 or 否 (yes or no)"},
    "sheet-not-yes-no": {
        "zh": "应填写“是”或“否”，而不是{value}",
        "en": "{value} is not yes or no: write 是 or 否 (yes or no)",
    },
    "sheet-not-date": {
        "zh": "{value}不是可读的日期：请写作2026-05-21、2026/5/21、2026.5.21或2026年5月21日（年份在前）",
        "en": "{value} is not a date tally reads: write 2026-05-21, 2026/5/21, 2026.5.21 or 2026年5月21日 "
        "(the year first)",
    },
    "sheet-no-such-day": {"zh": "日历上没有{value}这一天", "en": "{value} is no day of the calendar"},
    "sheet-not-json": {"zh": "不是 JSON 文本：{why}", "en": "not JSON text: {why}"},
    "sheet-not-relatives": {
        "zh": "{value}不是“编号:关系”的写法（例如{example}）",
        "en": "{value} is not id:relation (for example {example})",
    },
    "sheet-no-tally-row": {"zh": "{sheet}中没有{value}这一行", "en": "{value} has no row on {sheet}"},
    # the ballots sheet
    "sheet-not-ballot-column": {
        "zh": "{value}不是选票的列：列名应为“职位编号:候选人编号”（例如{example}）、“职位编号:{write_in}”，"
        "或{paper}、{spoiled}",
        "en": "{value} is not a ballot column: name it contest:candidate (such as {example}), "
        "contest:{write_in} for write-ins, {paper} or {spoiled}",
    },
    "sheet-not-a-contest": {
        "zh": "{value}不是{sheet}中的选举项目",
        "en": "{value} is not a contest of {sheet}",
    },
    "sheet-second-write-in": {"zh": "{value}的另选他人列重复", "en": "a second write-in column for {value}"},
    "sheet-second-ballot-column": {"zh": "{column}列重复", "en": "a second column for {column}"},
    "sheet-not-a-mark": {
        "zh": "{value}不是有效的标记；标记应为：{marks}，或留空",
        "en": "{value} is not a mark; the marks are {marks}, or empty",
    },
    "sheet-not-a-candidate": {
        "zh": "{who}不是{sheet}中选举项目{contest}的候选人：请改正列名，或在{sheet}中补上这一行",
        "en": "{who} is not a candidate of {contest} on {sheet}: mend the header, or add the row there",
    },
    "sheet-paper-twice": {
        "zh": "票号{paper}重复（首次出现在{first}）：同一张选票录入了两次，或票号填错",
        "en": "paper number {paper} is given twice (first at {first}): one paper entered twice, or a number mistyped",
    },
    "sheet-marked-twice": {
        "zh": "同一张选票两次标记{who}：表格中每人只有一格",
        "en": "marks {who} twice: a sheet has one cell for it",
    },
}

_BLOCKS = (_COMMON_PROBLEMS, _CORE_PROBLEMS, _COUNT_PROBLEMS, _RECORD_PROBLEMS, _SHEET_PROBLEMS)
PROBLEMS: Mapping[str, Words] = {code: words for block in _BLOCKS for code, words in block.items()}
if sum(map(len, _BLOCKS)) != len(PROBLEMS):  # pragma: no cover - caught by the tests at import
    raise AssertionError("a problem code has words in two blocks")

JSON_ERRORS_ZH: Mapping[str, str] = {
    "Expecting value": "此处应有一个值（如数字、加双引号的字符串、对象或列表）",
    "Expecting ',' delimiter": "缺少逗号",
    "Expecting ':' delimiter": "缺少冒号",
    "Expecting property name enclosed in double quotes": "应为加双引号的键名（或多了一个逗号）",
    "Unterminated string starting at": "开始的字符串缺少结尾的双引号",
    "Invalid control character at": "有不允许的控制字符（字符串中不能直接换行或用制表符）",
    "Invalid \\escape": "有无效的反斜杠转义",
    "Invalid \\uXXXX escape": "有无效的 \\u 转义",
    "Extra data": "起有多余的内容（一个文件只能放一份记录）",
    "Illegal trailing comma before end of object": "对象末尾多了一个逗号",
    "Illegal trailing comma before end of array": "列表末尾多了一个逗号",
}
"""Python's JSON syntax errors (the C and the Python reader, Python 3.11 on) in Chinese; the
English is Python's own."""

OS_ERRORS_ZH: Mapping[str, str] = {
    "ENOENT": "文件不存在（请检查文件名和所在的文件夹）",
    "EACCES": "没有读取的权限（文件正被 Excel 或 WPS 打开时，请先关闭它）",
    "EPERM": "没有读取的权限（文件正被 Excel 或 WPS 打开时，请先关闭它）",
    "EISDIR": "这是文件夹，不是文件",
    "ENOTDIR": "路径中有一段不是文件夹",
    "ENAMETOOLONG": "文件名太长",
    "EIO": "读取时出错（磁盘或网络故障）",
    "EBUSY": "文件正被其他程序占用",
}
"""Why the system could not read a file, by its error's name, in Chinese; the English is the
system's own."""

_JOINS: Mapping[Lang, str] = {"zh": "、", "en": ", "}

_ENUM_WORDS: Mapping[type, Mapping[Any, Words]] = {Kind: KINDS, Base: BASES}
"""The tables that give an enumeration's members in words, when a problem's value is one."""


SITTINGS: Mapping[str, str] = {
    "direct": "本人到会",
    "household": "每户派代表到会",
    "group-representatives": "居民小组代表到会",
}
"""How a meeting that decides sits (its ``mode``: V-9, R-4), in Chinese, as a problem lists it."""


def _word(word: Word, lang: Lang) -> str:
    """A canonical word in Chinese with its Chinese word, ``direct（直接选举）``, as
    :func:`tally.records.vocabulary.unknown` lists them, and a preset's id with the body its rules
    are for, ``cpc-basic-2020（党员大会）``; in English the word as it is."""
    if lang != "zh":
        return str(word)
    if word.field == "sitting":
        return f"{word}（{SITTINGS[word]}）" if word in SITTINGS else str(word)
    if word.field == "rulebook":
        return f"{word}（{RULEBOOKS[word]['zh'].split('：')[0]}）" if word in RULEBOOKS else str(word)
    from .records.vocabulary import gloss  # the words tally reads, an edge module as this one

    return gloss(word.field, word, lang)


def _value(value: Any, lang: Lang) -> Any:
    if isinstance(value, Word):
        return _word(value, lang)
    if isinstance(value, Quoted):
        return value.zh if lang == "zh" else str(value)
    if isinstance(value, Problem):  # why a value is wrong, within a problem about it
        return problem_words(value, lang)
    table = _ENUM_WORDS.get(type(value))
    if table is not None:
        return table[value][lang]
    if isinstance(value, tuple):
        return _JOINS[lang].join(str(_value(v, lang)) for v in value)
    return value


def problem_words(problem: Problem, lang: str) -> str:
    """Why the input is wrong, in *lang*, from the problem's code and values.

    >>> from tally._values import shown
    >>> p = Problem("sex", "not-one-of", {"value": shown("X"), "accepted": ("F", "M")})
    >>> problem_words(p, "zh"), problem_words(p, "en")
    ("'X'不是可用的值；应为以下之一：F、M", "'X' is not one of F, M")
    """
    language: Lang = "zh" if lang == "zh" else "en"
    words = fill(PROBLEMS[problem.code][language], **{k: _value(v, language) for k, v in problem.values.items()})
    if problem.more:
        words += PROBLEM_WORDS[f"more.{problem.unit}"][language].format(n=problem.more)
    return words


# --- argparse's own messages -----------------------------------------------------------------------
ARGPARSE_ZH: Mapping[str, str] = {
    r"argument (?P<arg>.+?): (?P<why>.+)": "参数{arg}：{why}",
    r"invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)": "{value}不是可用的值；应为以下之一：{choices}",
    r"the following arguments are required: (?P<args>.+)": "缺少参数：{args}",
    r"unrecognized arguments: (?P<args>.+)": "无法识别的参数：{args}",
    r"expected one argument": "后面应有一个值",
    r"expected at least one argument": "后面应至少有一个值",
    r"invalid (?P<type>\w+) value: (?P<value>.+)": "{value}不是有效的值",
    r"ambiguous option: (?P<option>\S+) could match (?P<options>.+)": "选项{option}不明确，可能是：{options}",
    r"one of the arguments (?P<args>.+) is required": "须给出以下参数之一：{args}",
    r"not allowed with argument (?P<arg>.+)": "不能与参数{arg}同时使用",
}
"""argparse's own messages (Python 3.11 on) in Chinese: the pattern of each, and its words (the
English is argparse's own)."""


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
        values["unit"] = UNITS[test.base][lang]
        if lang == "zh":
            values["test"] = ("达到" if test.inclusive else "超过") + f"{BASES[test.base][lang]}的{values['share']}"
        else:
            values["test"] = (
                "reaching " if test.inclusive else "more than "
            ) + f"{values['share']} of {BASES[test.base][lang]}"
    return fill(STEPS[step.code][lang], **values)
