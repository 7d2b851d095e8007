"""The codes of tally's decisions and their reasons: what the core decides, as data.

They are in a module of their own, with no import of tally's, so that any part of the core can
name a reason (a voter's :meth:`~tally.Voter.ineligible_on` says ``Reason.UNDER_18``) without
importing the table of rules (:mod:`tally._explain`), which imports the rulebooks.
"""

from __future__ import annotations

import enum

__all__ = ["Code", "Reason"]


class Code(enum.StrEnum):
    """Every decision tally reports. The value is what the result format writes as ``finding``."""

    # --- a party meeting: electorate, exclusions, attendance, quorum (P-5 … P-11, PC-3)
    ELECTORATE = "electorate"
    EXCLUDED = "excluded"
    NOT_EXCLUDED = "not-excluded"
    PRESENT_NOT_COUNTED = "present-not-counted"
    REQUIRED_ATTENDANCE = "required-attendance"
    PRESENT_ELECTORATE = "present-electorate"
    QUORUM_MET = "quorum-met"
    QUORUM_NOT_MET = "quorum-not-met"
    # --- a polling: voters, proxies, turnout (V-5, V-15 … V-19, R-2, R-3, R-5)
    REGISTERED = "registered"
    NOT_A_VOTER = "not-a-voter"
    VOTED_NOT_COUNTED = "voted-not-counted"
    PROXY_ACCEPTED = "proxy-accepted"
    PROXY_REJECTED = "proxy-rejected"
    TURNOUT_MET = "turnout-met"
    TURNOUT_NOT_MET = "turnout-not-met"
    # --- the round as a whole (P-10, P-18, P-20, V-17, V-19, V-20, V-24, V-27)
    SCRIBE_ACCEPTED = "scribe-accepted"
    SCRIBE_REJECTED = "scribe-rejected"
    NOT_HELD_INQUORATE = "not-held-inquorate"
    NOT_HELD_TURNOUT = "not-held-turnout"
    TURNOUT_NOT_REQUIRED = "turnout-not-required"
    BALLOTS_WITHIN = "ballots-within"
    BALLOTS_OVER = "ballots-over"
    VOTES_CARRIED_DOWN = "votes-carried-down"
    # --- a contest (P-19 … P-25, V-20 … V-30)
    CONTEST_BALLOTS = "contest-ballots"
    INVALID = "invalid"
    VOID_MARK = "void-mark"
    NO_ELECTION = "no-election"
    MAJORITY = "majority"
    FLOOR = "floor"
    TIE_BREAK = "tie-break"
    HIGHER_POST = "higher-post"
    ELECTED = "elected"
    BELOW_THRESHOLD = "below-threshold"
    OUTSIDE_SEATS = "outside-seats"
    FEWER_VOTES = "fewer-votes"
    TIED = "tied"
    FURTHER_ELECTION = "further-election"
    FURTHER_NEEDS_CANDIDATES = "further-needs-candidates"
    RELATIVES_TIED = "relatives-tied"
    RELATIVE_WITHDRAWN = "relative-withdrawn"
    SEAT_REFILLED = "seat-refilled"
    WOMAN_JOINS_FURTHER = "woman-joins-further"
    REDUCED_BY_PRESIDIUM = "reduced-by-presidium"
    REDUCTION_NEEDS_CONSENT = "reduction-needs-consent"
    SEATS_REDUCED = "seats-reduced"
    REDUCTION_NOT_APPROVED = "reduction-not-approved"
    # --- candidates and the committee (P-12 … P-14, OQ-P6, V-1, V-10, R-1, R-6)
    MARGIN = "margin"
    FURTHER_MARGIN = "further-margin"
    TIE_BREAK_CANDIDATES = "tie-break-candidates"
    UNCONTESTED = "uncontested"
    # --- a meeting that decides by attendance and vote (P-27, V-9, V-31, R-4), a by-election (V-32)
    ASSEMBLY_ATTENDANCE = "assembly-attendance"
    HOUSEHOLDS_REPRESENTED = "households-represented"
    PRESENT_NOT_IN_BASE = "present-not-in-base"
    ASSEMBLY_SITS = "assembly-sits"
    ASSEMBLY_DOES_NOT_SIT = "assembly-does-not-sit"
    RECALL_VALID = "recall-valid"
    RECALL_NOT_VALID = "recall-not-valid"
    MOTION_PASSED = "motion-passed"
    MOTION_NOT_PASSED = "motion-not-passed"
    MOTION_NOT_DECIDED = "motion-not-decided"
    BY_ELECTION = "by-election"
    RECALL_REGISTERED = "recall-registered"
    RECALL_NOT_A_VOTER = "recall-not-a-voter"
    RECALL_VOTED_NOT_COUNTED = "recall-voted-not-counted"


class Reason(enum.StrEnum):
    """Why something did not count: an exclusion, a voter, a proxy, a scribe, a paper, a mark."""

    # exclusions (P-7, P-8, PC-4)
    EXCLUSIONS_DO_NOT_APPLY = "exclusions-do-not-apply"
    CATEGORY_NOT_LISTED = "category-not-listed"
    NO_UPPER_APPROVAL = "no-upper-approval"
    NO_MEETING_APPROVAL = "no-meeting-approval"
    # outside the electorate (P-2 … P-4)
    PROBATIONARY = "probationary"
    UNDER_PROBATION = "under-probation"
    SUSPENDED = "suspended"
    # not a voter on the day (V-5, R-3)
    UNDER_18 = "under-18"
    DEPRIVED = "deprived"
    # proxies (P-17, V-15, V-16, V-18, C-5)
    PROXY_NOT_ALLOWED = "proxy-not-allowed"
    NOT_WRITTEN = "not-written"
    PRINCIPAL_NOT_A_VOTER = "principal-not-a-voter"
    PRINCIPAL_VOTED = "principal-voted"
    PRINCIPAL_AT_MOBILE_BOX = "principal-at-mobile-box"
    AGENT_IS_PRINCIPAL = "agent-is-principal"
    AGENT_NOT_A_VOTER = "agent-not-a-voter"
    RELATION_NOT_GIVEN = "relation-not-given"
    NOT_NEAR_RELATIVE = "not-near-relative"
    AGENT_IS_CANDIDATE = "agent-is-candidate"
    AGENT_GAVE_PROXY = "agent-gave-proxy"
    PRINCIPAL_HAS_PROXY = "principal-has-proxy"
    AGENT_AT_CAP = "agent-at-cap"
    FILED_AFTER_DAY = "filed-after-day"
    FILED_ON_DAY = "filed-on-day"
    FILED_LATE = "filed-late"
    AGENT_DID_NOT_VOTE = "agent-did-not-vote"
    # scribes (P-18, V-17)
    SCRIBE_IS_CANDIDATE = "scribe-is-candidate"
    # papers and sections (P-19, P-21, V-20, OQ-V5)
    OVER_SELECTED = "over-selected"
    SPOILED = "spoiled"
    WRITE_IN_REFUSED = "write-in-refused"
    SHEET_INVALID = "sheet-invalid"
    OVER_SELECTED_OTHER_POST = "over-selected-other-post"
    TWO_POSTS = "two-posts"
    # marks (P-1, P-19, P-21, P-23, V-5, V-14, V-22)
    UNREADABLE = "unreadable"
    DUPLICATE = "duplicate"
    WRITE_IN_OF_CANDIDATE = "write-in-of-candidate"
    WRITE_IN_IN_TIE_BREAK = "write-in-in-tie-break"
    WRITE_IN_NOT_ELIGIBLE = "write-in-not-eligible"
    # a name written in an election without candidates (V-11)
    NAME_NOT_ON_ROLL = "name-not-on-roll"
    NAME_AMBIGUOUS = "name-ambiguous"
    NAME_DETAIL_MISMATCH = "name-detail-mismatch"
    # outside the base of a 村民会议 or 居民会议 (V-9, R-4)
    UNDER_18_AT_MEETING = "under-18-at-meeting"
