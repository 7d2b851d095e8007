"""Every word the printed forms use, in Chinese and in English, in one table.

Kept in one dict ``{key: {"zh": ..., "en": ...}}`` so that it can be folded into the catalogue of
words the reports use. Values in braces (``{seats}``) are filled in by :func:`word`; ``{blank}``
marks a line left to fill in by hand.

>>> word("ballot-contest", "zh", title="支部委员会委员", seats=5, stage="")
'支部委员会委员　应选5名'
>>> word("ballot-contest", "en", title="Branch committee", seats=5, stage="")
'Branch committee: 5 to elect'
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["WORDS", "word"]

WORDS: Mapping[str, Mapping[str, str]] = {
    # --- common --------------------------------------------------------------------------------
    "untitled": {"zh": "选举", "en": "Election"},
    "list-sep": {"zh": "、", "en": ", "},
    "full-stop": {"zh": "。", "en": "."},
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
    "under-probation": {"zh": "留党察看", "en": "under probation (留党察看)"},
    "suspended": {"zh": "停止党员权利", "en": "rights suspended"},
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
    "under-18": {"zh": "选举日未满十八周岁", "en": "under 18 on the election day"},
    "deprived": {"zh": "被剥夺政治权利", "en": "deprived of political rights"},
    "sign-in-registered": {
        "zh": "登记选民{registered}人，其中委托投票{proxies}人",
        "en": "{registered} registered voters, {proxies} of them by proxy",
    },
    # --- tally sheet -----------------------------------------------------------------------------
    "tally-sheet": {"zh": "计　票　单", "en": "Tally sheet"},
    "tally-marks": {"zh": "计票（画“正”字）", "en": "Tally marks"},
    "papers-blank": {
        "zh": "收回选票{blank}张，其中有效票{blank}张，无效票{blank}张。",
        "en": "Papers collected {blank}: valid {blank}, invalid {blank}.",
    },
    # --- result report (P-10, P-20, P-22 … P-26, V-19 … V-23) -------------------------------------
    "result": {"zh": "选举结果报告单", "en": "Report of the result"},
    "attendance": {"zh": "到会情况", "en": "Attendance"},
    "on-roll": {"zh": "{noun}总数", "en": "On the roll ({noun})"},
    "electorate": {"zh": "有选举权的{noun}", "en": "With the vote ({noun})"},
    "required": {"zh": "应到会人数", "en": "Required attendance"},
    "present": {"zh": "实到会人数", "en": "Present with the vote"},
    "quorum-met": {
        "zh": "会议有效：实到会人数不少于{needed}人。",
        "en": "The meeting is valid: at least {needed} present.",
    },
    "quorum-not-met": {
        "zh": "会议无效：实到会人数少于{needed}人，不得进行选举。",
        "en": "The meeting is not valid: fewer than {needed} present; no election may be held.",
    },
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
    "turnout-met": {
        "zh": "选举有效：参加投票的不少于{needed}人。",
        "en": "The election is valid: at least {needed} voted.",
    },
    "turnout-not-met": {
        "zh": "选举无效：参加投票的少于{needed}人。",
        "en": "The election is not valid: fewer than {needed} voted.",
    },
    "papers": {
        "zh": "收回选票{collected}张，投票人数{voters}人。",
        "en": "{collected} papers collected; {voters} voters.",
    },
    "papers-issued": {
        "zh": "收回选票{collected}张，发出选票{issued}张。",
        "en": "{collected} papers collected; {issued} issued.",
    },
    "void": {
        "zh": "收回的选票多于投票人数，本次选举无效，应当重新选举。",
        "en": "More papers were collected than there were voters: this vote is void and must be held again.",
    },
    "void-issued": {
        "zh": "收回的选票多于发出的选票，本次选举无效，应当重新选举。",
        "en": "More papers were collected than were issued: this vote is void and must be held again.",
    },
    "nobody-elected-invalid": {"zh": "本轮选举无效，无人当选。", "en": "This round is not valid: nobody is elected."},
    "contest-papers": {"zh": "有效票{valid}张，无效票{invalid}张", "en": "{valid} valid papers, {invalid} invalid"},
    "invalid-reasons": {"zh": "（其中{reasons}）", "en": " ({reasons})"},
    "invalid-reason": {"zh": "{reason}{n}张", "en": "{n} {reason}"},
    "reason-over-selected": {"zh": "所选人数多于应选名额", "en": "selecting too many"},
    "reason-spoiled": {"zh": "废票", "en": "spoiled"},
    "reason-write-in-refused": {"zh": "另选不合规定", "en": "with a write-in refused"},
    "reason-invalid": {"zh": "无效", "en": "invalid"},
    "reason-over-selected-other": {"zh": "其他职务多选", "en": "over-selected on another post"},
    "reason-two-posts": {"zh": "一人选为两个职务", "en": "voting one person into two posts"},
    "threshold-majority": {
        "zh": "当选须得赞成票超过{base}{n}人的{share}，即至少{least}票。",
        "en": "To be elected needs more than {share} of the {n} {base}: at least {least} votes.",
    },
    "base-present": {"zh": "实到会有选举权的人数", "en": "present with the vote"},
    "base-voted": {"zh": "参加投票的人数", "en": "who voted"},
    "threshold-floor": {
        "zh": "得票多的当选，但所得票数不得少于本次选票总数{ballots}张的{share}，即至少{least}票。",
        "en": "The most votes win, with at least {share} of the {ballots} papers cast: at least {least} votes.",
    },
    "threshold-tie-break": {"zh": "在得票相等的候选人中，得票多的当选。", "en": "Among the tied, the most votes win."},
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
    "seats-reduced": {
        "zh": "经同意减少名额{n}名，不再另行选举。",
        "en": "With consent {n} seats are dropped; no further election.",
    },
    "left-vacant": {"zh": "空缺{n}名。", "en": "{n} left vacant."},
    "elected-heading": {"zh": "当选名单", "en": "Elected"},
    "elected-line": {"zh": "{post}：{names}", "en": "{post}: {names}"},
    "elected-line-ordered": {"zh": "{post}（{order}）：{names}", "en": "{post} ({order}): {names}"},
    # --- the bar chart -----------------------------------------------------------------------------
    "chart-title": {"zh": "{title}得票", "en": "{title}: votes"},
    "chart-threshold": {"zh": "当选线{n}票", "en": "threshold {n}"},
}
"""Every word of the forms, by key, in ``zh`` and ``en``."""


def word(key: str, lang: str, **values: object) -> str:
    """The words for *key* in *lang*, with the values filled in. An unknown key is a bug (KeyError)."""
    text = WORDS[key][lang]
    return text.format(**values) if values else text
