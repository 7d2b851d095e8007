"""Hypothesis profiles: "dev" (the default, fast), "ci" (thorough) and "mutation" (few examples,
derandomised, no example database: a mutation run gives the same verdicts each time), chosen by
TALLY_PROFILE."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile("ci", max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "mutation",
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("TALLY_PROFILE", "dev"))
