"""tally: counts and explains China's grassroots election meetings, rule by rule.

The core is pure: it takes values and returns values. Reading records, rendering reports and
the command line live in the submodules ``tally.report`` and ``tally.cli``, which ``import tally``
does not load.
"""

from ._explain import Step
from ._meeting import (
    Exclusion,
    ExclusionOutcome,
    Meeting,
    Quorum,
    least_present,
    meeting,
    quorum_met,
)
from ._roll import Member, Rights, Roll, Standing
from ._rulebook import EXCLUSION_CATEGORIES, PRESETS, Kind, Rulebook, preset
from ._values import FrozenMap
from .errors import Problem, RecordError, RuleError, TallyError

__all__ = [
    "EXCLUSION_CATEGORIES",
    "PRESETS",
    "Exclusion",
    "ExclusionOutcome",
    "FrozenMap",
    "Kind",
    "Meeting",
    "Member",
    "Problem",
    "Quorum",
    "RecordError",
    "Rights",
    "Roll",
    "RuleError",
    "Rulebook",
    "Standing",
    "Step",
    "TallyError",
    "least_present",
    "meeting",
    "preset",
    "quorum_met",
]

__version__ = "0.1.0.dev0"
