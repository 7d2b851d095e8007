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
"""Every word of the forms, by key, in ``zh`` and ``en``."""


def word(key: str, lang: str, **values: object) -> str:
    """The words for *key* in *lang*, with the values filled in. An unknown key is a bug (KeyError)."""
    text = WORDS[key][lang]
    return text.format(**values) if values else text
