"""Hypothesis profiles: "dev" (the default, fast) and "ci" (thorough), chosen by TALLY_PROFILE."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile("ci", max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("TALLY_PROFILE", "dev"))
