#!/usr/bin/env bash
# Mutation testing of the counting core: _meeting, _count, _ballot and _contest (docs/testing.md).
#
#   tools/mutation.sh                          every mutant of the four modules (hours on 2 cores)
#   tools/mutation.sh 'tally._contest*'        the mutants whose names match (a sample)
#   TALLY_MUTATION_SECONDS=3000 tools/mutation.sh   stop after that long; run again to go on
#
# It installs mutmut (the "mutation" extra of pyproject.toml) in its own virtual environment,
# .venv-mutation, and works in mutants/ (both ignored by git). Results are kept between runs:
# a mutant already judged is not run again until its function changes. The test selection and
# the modules are in [tool.mutmut] of pyproject.toml; the Hypothesis profile "mutation" makes the
# property tests few and derandomised, so that a verdict can be repeated.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${TALLY_MUTATION_VENV:-.venv-mutation}
if [ ! -x "$venv/bin/mutmut" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q -e '.[mutation]'
fi
export TALLY_PROFILE=mutation
status=0
if [ -n "${TALLY_MUTATION_SECONDS:-}" ]; then
    timeout --signal=INT "$TALLY_MUTATION_SECONDS" "$venv/bin/mutmut" run --max-children "${TALLY_MUTATION_JOBS:-2}" "$@" || status=$?
else
    "$venv/bin/mutmut" run --max-children "${TALLY_MUTATION_JOBS:-2}" "$@" || status=$?
fi
"$venv/bin/python" tools/mutation_score.py
exit "$status"
