"""The mutation score of the last run of tools/mutation.sh, per module, from mutmut's files.

    python tools/mutation_score.py            # the table
    python tools/mutation_score.py --survivors  # and the name of each mutant that survived

Score = killed / (killed + survived), over the mutants that tests reach (mutmut's "no tests" are
mutants of code no selected test runs) and that change behaviour: the equivalent mutants listed
in docs/testing.md (a table row starting with the mutant's name in backticks) are left out, and
so are those not yet run. A timeout counts as killed (the mutant made a test loop)."""

from __future__ import annotations

import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 36: "timeout", 24: "timeout"}
STATUS.update({-24: "timeout", 152: "timeout", 255: "timeout", 34: "skipped", 37: "type check"})


def equivalent() -> set[str]:
    text = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| `(tally\.[^`]+)`", text, flags=re.MULTILINE))


def main() -> None:
    same = equivalent()
    rows = []
    survivors: list[str] = []
    totals = dict.fromkeys(("killed", "survived", "equivalent", "no tests", "not run"), 0)
    for meta in sorted((ROOT / "mutants").rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        row = dict.fromkeys(totals, 0)
        for name, code in codes.items():
            status = "not run" if code is None else STATUS.get(code, "survived")
            if status == "timeout":
                status = "killed"
            elif status == "survived" and name in same:
                status = "equivalent"
            elif status not in row:
                status = "not run"
            row[status] += 1
            if status == "survived":
                survivors.append(name)
        judged = row["killed"] + row["survived"]
        score = f"{100 * row['killed'] / judged:.1f} %" if judged else "-"
        rows.append((meta.name.removesuffix(".meta"), *row.values(), score))
        for k in totals:
            totals[k] += row[k]
    judged = totals["killed"] + totals["survived"]
    rows.append(("all", *totals.values(), f"{100 * totals['killed'] / judged:.1f} %" if judged else "-"))
    head = ("module", *totals, "score")
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    for r in [head, *rows]:
        print(
            "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
        )
    if "--survivors" in sys.argv:
        print()
        print("\n".join(sorted(survivors)))


if __name__ == "__main__":
    main()
