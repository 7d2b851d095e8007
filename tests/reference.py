"""A deliberately naive reference counter, written straight from the rules, one paper at a time.

It shares no code with tally's engine beyond the value classes: it exists to disagree with the
engine if the engine's grouping, voiding or ranking goes wrong.
"""

from __future__ import annotations

from collections import Counter

from tally import Ballot, Contest, Meeting, Polling


def read_paper(paper: Ballot, contest: Contest, meeting: Meeting | Polling) -> tuple[bool, list[str]]:
    """(valid, ids given a vote) for one paper, under the write-in policy of the rulebook
    ("with-against", the party default, or "any", the village one)."""
    if paper.spoiled:
        return False, []
    if contest.id not in paper.sections:
        return True, []
    s = paper.sections[contest.id]
    if len(set(s.for_) | set(s.write_in)) > contest.seats:  # P-21
        return False, []
    votes = []
    for who in s.for_:
        marks = s.for_.count(who) + s.against.count(who) + s.abstain.count(who)
        if marks == 1 and who not in s.unreadable and who not in s.write_in:
            votes.append(who)
    policy = meeting.rulebook.writein_policy
    allowed = policy == "any" or (policy == "with-against" and s.against)  # P-19, V-14
    if contest.stage != "tie-break" and allowed:
        for who in s.write_in:
            electorate = meeting.ineligible(who) is None
            if who not in contest.candidates and s.write_in.count(who) == 1 and electorate:
                votes.append(who)
    return True, votes


def majority_base(meeting: Meeting | Polling, papers: list[Ballot]) -> int:
    """What a winner needs more than half of: P-22, the present electorate of a party meeting (or,
    where its rulebook says ``majority_base="voted"``, the papers cast); V-21, R-5, those who
    voted at a polling."""
    if isinstance(meeting, Polling):
        return meeting.turnout.voted
    if meeting.rulebook.majority_base == "voted":
        return len(papers)
    return meeting.quorum.present


def reference_count(contest: Contest, papers: list[Ballot], meeting: Meeting | Polling) -> dict[str, object]:
    """Valid and invalid papers, votes, elected and tied, as the rules say."""
    valid = invalid = 0
    votes: Counter[str] = Counter()
    for paper in papers:
        ok, given = read_paper(paper, contest, meeting)
        if ok:
            valid += 1
            votes.update(given)
        else:
            invalid += 1
    base = majority_base(meeting, papers)
    round_valid = meeting.valid and len(papers) <= meeting.voters
    elected: set[str] = set()
    tied: set[str] = set()
    if round_valid:
        if contest.stage == "tie-break":
            qualified = list(contest.candidates)
        else:
            qualified = [c for c in votes.keys() | set(contest.candidates) if votes[c] * 2 > base]
        qualified.sort(key=lambda c: -votes[c])
        if len(qualified) <= contest.seats:
            elected = set(qualified)
        elif votes[qualified[contest.seats]] == votes[qualified[contest.seats - 1]]:
            cut = votes[qualified[contest.seats - 1]]
            elected = {c for c in qualified if votes[c] > cut}
            tied = {c for c in qualified if votes[c] == cut}
        else:
            elected = set(qualified[: contest.seats])
    return {
        "valid": valid,
        "invalid": invalid,
        "votes": {k: v for k, v in votes.items() if v},
        "elected": elected,
        "tied": tied,
    }


def assert_agrees(result: object, contest: Contest, papers: list[Ballot], meeting: Meeting | Polling) -> None:
    """The engine's contest result agrees with the naive counter: validity, votes, winners, ties."""
    ref = reference_count(contest, papers, meeting)
    r = result
    assert (r.valid, r.invalid) == (ref["valid"], ref["invalid"])  # type: ignore[attr-defined]
    assert {w: v for w, v in r.votes.items() if v} == ref["votes"]  # type: ignore[attr-defined]
    assert set(r.elected) == ref["elected"]  # type: ignore[attr-defined]
    assert set(r.tied) == ref["tied"]  # type: ignore[attr-defined]
