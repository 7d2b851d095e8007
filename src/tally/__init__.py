"""tally: counts and explains China's grassroots election meetings, rule by rule.

The core is pure: it takes values and returns values. Reading records, rendering reports and
the command line live in the submodules ``tally.report`` and ``tally.cli``, which ``import tally``
does not load.
"""

from ._assembly import (
    Assembly,
    Decisions,
    DecisionsVerification,
    Motion,
    MotionResult,
    assembly,
    check_delegates,
    check_nomination,
    check_representatives,
    decide,
    verify_decisions,
)
from ._ballot import Ballot, Marks, Scribe
from ._body import Opening
from ._compliance import (
    Board,
    Finding,
    Objection,
    Seat,
    Timeline,
    check_board,
    check_committee,
    check_timeline,
    period_end,
)
from ._contest import Contest, Post, Stage, least_candidates
from ._count import (
    ContestResult,
    Reduction,
    Round,
    ScribeOutcome,
    Totals,
    count,
    least_winning,
    vacancies_may_stay,
)
from ._explain import Code, Reason, Step
from ._meeting import (
    Exclusion,
    ExclusionOutcome,
    Meeting,
    Quorum,
    least_present,
    meeting,
    quorum_met,
)
from ._polling import Polling, Turnout, polling
from ._proxy import Proxy, ProxyOutcome
from ._roll import Member, Rights, Roll, Standing
from ._rulebook import EXCLUSION_CATEGORIES, PRESETS, Kind, Rulebook, preset
from ._threshold import Base, Threshold
from ._values import FrozenMap
from ._verify import Declared, Discrepancy, Verification, verify
from ._voters import Registration, Relation, Relative, Voter, VoterRoll, age_on
from .errors import Problem, RecordError, RuleError, TallyError

__all__ = [
    "EXCLUSION_CATEGORIES",
    "PRESETS",
    "Assembly",
    "Ballot",
    "Base",
    "Board",
    "Code",
    "Contest",
    "ContestResult",
    "Decisions",
    "DecisionsVerification",
    "Declared",
    "Discrepancy",
    "Exclusion",
    "ExclusionOutcome",
    "Finding",
    "FrozenMap",
    "Kind",
    "Marks",
    "Meeting",
    "Member",
    "Motion",
    "MotionResult",
    "Objection",
    "Opening",
    "Polling",
    "Post",
    "Problem",
    "Proxy",
    "ProxyOutcome",
    "Quorum",
    "Reason",
    "RecordError",
    "Reduction",
    "Registration",
    "Relation",
    "Relative",
    "Rights",
    "Roll",
    "Round",
    "RuleError",
    "Rulebook",
    "Scribe",
    "ScribeOutcome",
    "Seat",
    "Stage",
    "Standing",
    "Step",
    "TallyError",
    "Threshold",
    "Timeline",
    "Totals",
    "Turnout",
    "Verification",
    "Voter",
    "VoterRoll",
    "age_on",
    "assembly",
    "check_board",
    "check_committee",
    "check_delegates",
    "check_nomination",
    "check_representatives",
    "check_timeline",
    "count",
    "decide",
    "least_candidates",
    "least_present",
    "least_winning",
    "meeting",
    "period_end",
    "polling",
    "preset",
    "quorum_met",
    "vacancies_may_stay",
    "verify",
    "verify_decisions",
]

__version__ = "0.1.0.dev0"
