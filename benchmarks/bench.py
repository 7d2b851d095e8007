"""Speed and memory of counting and verification, beside bare-Python baselines, in one run.

Run by hand from the repository root, after `pip install -e .`:

    python benchmarks/bench.py              # the full figures (about five minutes on 2 cores)
    python benchmarks/bench.py --quick      # a tenth of the sizes, to try it

Every figure is the median of --repeat runs (default 3). Each figure whose memory matters runs
in a fresh child process, so that its peak resident set size (ru_maxrss) is its own; the
interpreter's own peak (Python with tally imported, doing nothing) is measured the same way
and subtracted. Figures and ratios print as a table; --markdown prints it for the docs.

Data, made with a fixed seed, two kinds of N papers (default 1,000,000) for one contest of 12
candidates and 7 seats:

- "win": each candidate marked with their own chance (75 % down to 4 %), so that seven of them
  pass the majority and are elected; papers with more than 7 marks are over-selected (invalid);
- "none": 0 to 7 marks drawn evenly (about 1 % invalid: over-selected, or a write-in of someone
  not on the roll): the top candidate has about 30 %, nobody is elected.

The roll has N members, all present, so that the round is valid. The batch: 2,000 records of
500 papers each. Every figure says what its time includes, from the input to the result.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

CANDIDATES = [f"C{i:02}" for i in range(12)]
SEATS = 7


CHANCES = [0.75, 0.72, 0.7, 0.68, 0.66, 0.63, 0.6, 0.1, 0.08, 0.06, 0.05, 0.04]


def winning_marks(n: int, seed: int = 2026) -> list[tuple[list[str], list[str]]]:
    """(for, write_in) per paper: each candidate marked with their own chance; seven win."""
    return list(iter_winning_marks(n, seed))


def iter_winning_marks(n: int, seed: int = 2026) -> Iterator[tuple[list[str], list[str]]]:
    rnd = random.Random(seed)
    pairs = list(zip(CANDIDATES, CHANCES, strict=True))
    for _ in range(n):
        yield [c for c, p in pairs if rnd.random() < p], []


def data(kind: str, n: int, seed: int = 2026) -> list[tuple[list[str], list[str]]]:
    return winning_marks(n, seed) if kind == "win" else marks(n, seed)


def marks(n: int, seed: int = 2026) -> list[tuple[list[str], list[str]]]:
    """(for, write_in) per ballot: 0-7 for marks; ~0.5% over-selected, ~0.5% unknown write-in."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        roll = rnd.random()
        if roll < 0.005:
            out.append((sorted(rnd.sample(CANDIDATES, 8)), []))
        elif roll < 0.01:
            out.append((sorted(rnd.sample(CANDIDATES, rnd.randint(0, 5))), ["X999"]))
        else:
            out.append((sorted(rnd.sample(CANDIDATES, rnd.randint(0, 7))), []))
    return out


def record(n: int, data: list[tuple[list[str], list[str]]]) -> dict:
    roll = [{"id": c} for c in CANDIDATES] + [{"id": f"V{i:07}"} for i in range(n - len(CANDIDATES))]
    items = []
    for fors, write in data:
        section: dict[str, list[str]] = {"for": fors}
        if write:
            section["against"] = [c for c in CANDIDATES if c not in fors][:1]
            section["write_in"] = write
        items.append({"c": section})
    return {
        "format": "tally.record/1",
        "kind": "party-meeting",
        "rulebook": "cpc-basic-2020",
        "day": "2026-05-21",
        "roll": roll,
        "present": [m["id"] for m in roll],
        "contests": [{"id": "c", "seats": SEATS, "candidates": CANDIDATES}],
        "ballots": {"collected": len(items), "items": items},
    }


def write_csv(path: Path, data: Iterable[tuple[list[str], list[str]]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(",".join([*CANDIDATES, "write_in"]) + "\n")
        for fors, write in data:
            got = set(fors)
            cells = ["✓" if c in got else "" for c in CANDIDATES]
            if write:
                first = next(i for i, c in enumerate(CANDIDATES) if c not in got)
                cells[first] = "×"
            f.write(",".join([*cells, " ".join(write)]) + "\n")


# --- what each figure times (each returns the seconds of the part that is timed) -------------
#
# Memory: each figure calls start() just before its timed part. start() resets the process's
# peak resident set size (Linux: "5" into /proc/self/clear_refs) and notes the current size;
# the figure's memory is the peak during the timed part above that (what counting itself
# needed, beyond the data and the meeting it was given).

_BEFORE = [0.0]


def _status(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def start() -> float:
    with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
        f.write("5")
    _BEFORE[0] = _status("VmRSS:")
    return time.perf_counter()


def peak_above_start() -> float:
    return max(0.0, _status("VmHWM:") - _BEFORE[0])


def fig_b1(kind: str, n: int) -> float:
    """B1: a bare Counter.update loop over the plain lists of marks."""
    lists = [fors + write for fors, write in data(kind, n)]
    counter: collections.Counter[str] = collections.Counter()
    t0 = start()
    for b in lists:
        counter.update(b)
    return time.perf_counter() - t0


def fig_b2(kind: str, n: int) -> float:
    lists = [fors + write for fors, write in data(kind, n)]
    t0 = start()
    collections.Counter(itertools.chain.from_iterable(lists))
    return time.perf_counter() - t0


def _meeting(n: int):  # type: ignore[no-untyped-def]
    from tally import Member, meeting, preset

    roll = [Member(c) for c in CANDIDATES] + [Member(f"V{i:07}") for i in range(n - len(CANDIDATES))]
    return meeting(roll, present=[m.id for m in roll], rulebook=preset("cpc-basic-2020"))


def _check(kind: str, result) -> None:  # type: ignore[no-untyped-def]
    elected = result["c"].elected
    assert len(elected) == (SEATS if kind == "win" else 0), elected


def fig_weighted(kind: str, n: int) -> float:
    """From plain lists of marks through the public API: equal lists counted (Counter of
    tuples), one Ballot per distinct list, count(weighted=...): validation, count, winners."""
    from tally import Ballot, Contest, count

    m = _meeting(n)
    contest = Contest("c", seats=SEATS, candidates=CANDIDATES)
    raw = data(kind, n)
    lists = [(tuple(fors), tuple(write)) for fors, write in raw]
    del raw
    t0 = start()
    groups = collections.Counter(lists)
    weighted = [
        (Ballot({"c": {"for": fors, "against": [c for c in CANDIDATES if c not in fors][:1], "write_in": write}}
                if write else {"c": {"for": fors}}), times)
        for (fors, write), times in groups.items()
    ]
    result = count([contest], weighted=weighted, meeting=m)
    elapsed = time.perf_counter() - t0
    assert result.collected == n
    _check(kind, result)
    return elapsed


def fig_per_paper(kind: str, n: int) -> float:
    """From plain lists of marks: one Ballot built per paper, then count()."""
    from tally import Ballot, Contest, count

    m = _meeting(n)
    contest = Contest("c", seats=SEATS, candidates=CANDIDATES)
    raw = data(kind, n)
    t0 = start()
    papers = [
        Ballot({"c": {"for": fors, "against": [c for c in CANDIDATES if c not in fors][:1], "write_in": write}}
               if write else {"c": {"for": fors}})
        for fors, write in raw
    ]
    result = count([contest], papers, meeting=m)
    elapsed = time.perf_counter() - t0
    assert result.collected == n
    _check(kind, result)
    return elapsed


def fig_roll_bytes(which: str, n: int) -> float:
    """Bytes per ordinary member (or voter) of a roll, by tracemalloc: what the roll keeps once
    built from the people given one by one, the ids themselves included."""
    import tracemalloc

    from tally import Member, Roll, Voter, VoterRoll

    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    ids = [f"V{i:07}" for i in range(n)]
    with_ids = tracemalloc.get_traced_memory()[0]
    if which == "member":
        roll: object = Roll(Member(i) for i in ids)
    else:
        roll = VoterRoll(Voter(i) for i in ids)
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert len(roll) == n  # type: ignore[arg-type]
    print(f"{(with_ids - before) / n:.1f}", file=sys.stderr)  # the ids alone, for the table
    return (after - before) / n


def fig_csv(kind: str, n: int, path: str) -> float:
    """Reading a CSV file of papers and counting it, streamed (ballots_from_csv)."""
    from tally import Contest, count
    from tally.records import ballots_from_csv

    m = _meeting(n)
    contest = Contest("c", seats=SEATS, candidates=CANDIDATES)
    t0 = start()
    with open(path, encoding="utf-8", newline="") as f:
        result = count([contest], ballots_from_csv(f, contest), meeting=m)
    elapsed = time.perf_counter() - t0
    assert result.collected == n
    _check(kind, result)
    return elapsed


def fig_csv_weighted(kind: str, n: int, path: str) -> float:
    """Reading a CSV file of papers grouped as read (weighted_ballots_from_csv), then count()."""
    from tally import Contest, count
    from tally.records import weighted_ballots_from_csv

    m = _meeting(n)
    contest = Contest("c", seats=SEATS, candidates=CANDIDATES)
    t0 = start()
    with open(path, encoding="utf-8", newline="") as f:
        result = count([contest], weighted=weighted_ballots_from_csv(f, contest), meeting=m)
    elapsed = time.perf_counter() - t0
    assert result.collected == n
    _check(kind, result)
    return elapsed


def fig_json_load(path: str) -> float:
    t0 = start()
    with open(path, encoding="utf-8") as f:
        json.load(f)
    return time.perf_counter() - t0


def fig_json_verify(path: str) -> float:
    """tally verify's work on a JSON record from disk: load (streamed), check, count, verify."""
    from tally.records import load

    t0 = start()
    v = load(path).verify()
    elapsed = time.perf_counter() - t0
    assert v.round.collected > 0
    _check("win", v.round)
    return elapsed


def fig_big(n: int, path: str) -> float:
    """The whole process: a roll of n members built, the meeting, n papers streamed from CSV
    and counted. Its memory is the process's peak resident set size, all of it."""
    from tally import Contest, Member, count, meeting, preset
    from tally.records import ballots_from_csv

    t0 = time.perf_counter()
    ids = list(CANDIDATES) + [f"V{i:07}" for i in range(n - len(CANDIDATES))]
    m = meeting((Member(i) for i in ids), present=ids, rulebook=preset("cpc-basic-2020"))
    contest = Contest("c", seats=SEATS, candidates=CANDIDATES)
    with open(path, encoding="utf-8", newline="") as f:
        result = count([contest], ballots_from_csv(f, contest), meeting=m)
    assert result.collected == n
    _check("win", result)
    return time.perf_counter() - t0


def fig_batch(folder: str, workers: int) -> float:
    from tally.records import expand, verify_many

    paths = expand([folder])
    t0 = start()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        outcomes = verify_many(paths, executor=pool)
    elapsed = time.perf_counter() - t0
    assert all(o.status == 1 for o in outcomes)  # no declaration in the batch records
    return elapsed


FIGURES: dict[str, Callable[..., float]] = {
    "b1": fig_b1, "b2": fig_b2, "weighted": fig_weighted, "per-paper": fig_per_paper, "csv": fig_csv,
    "csv-weighted": fig_csv_weighted,
    "json-load": fig_json_load, "json-verify": fig_json_verify, "batch": fig_batch, "roll-bytes": fig_roll_bytes,
    "big": fig_big,
}


def child(args: list[str]) -> tuple[float, float]:
    """Run one figure in a fresh interpreter: (seconds, peak RSS in MiB)."""
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True)
    seconds, rss = out.stdout.split()
    return float(seconds), float(rss)


def run_child(name: str, params: list[str]) -> None:
    import resource

    fn = FIGURES[name]
    converted = [int(p) if p.isdigit() else p for p in params]
    seconds = fn(*converted)
    whole = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(seconds, whole if name == "big" else peak_above_start())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--big", type=int, default=0, metavar="N", help="also stream N papers from CSV, roll of N")
    ap.add_argument("--big-only", action="store_true", help="run the --big figure alone")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        run_child(args.child[0], args.child[1:])
        return
    if args.big_only:
        big_csv = Path(tempfile.mkdtemp(prefix="tally-bench-")) / "big.csv"
        write_csv(big_csv, iter_winning_marks(args.big, seed=7))
        runs = [child(["big", str(args.big), str(big_csv)]) for _ in range(args.repeat)]
        for big_s, big_rss in runs:
            print(f"roll of {args.big:,}, meeting, {args.big:,} CSV papers streamed paper by paper, counted: "
                  f"{big_s:.2f} s, peak RSS of the whole process {big_rss:.0f} MiB ({big_rss / 1024:.2f} GiB)")
        return
    n = 100_000 if args.quick else 1_000_000
    records, per = (200, 500) if args.quick else (2_000, 500)
    tmp = Path(tempfile.mkdtemp(prefix="tally-bench-"))
    win = data("win", n)
    write_csv(tmp / "ballots.csv", win)
    (tmp / "record.json").write_text(json.dumps(record(n, win)), encoding="utf-8")
    del win
    batch = tmp / "batch"
    batch.mkdir()
    for k in range(records):
        (batch / f"r{k:05}.json").write_text(json.dumps(record(per, marks(per, seed=k))), encoding="utf-8")

    def measure(name: str, *params: object) -> tuple[float, float]:
        runs = [child([name, *map(str, params)]) for _ in range(args.repeat)]
        return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)

    rows = []
    for kind, what in (("win", "seven elected"), ("none", "nobody elected")):
        b1, _ = measure("b1", kind, n)
        b2, _ = measure("b2", kind, n)
        wt, wt_mem = measure("weighted", kind, n)
        pp, pp_mem = measure("per-paper", kind, n)
        rows += [
            (f"[{what}] B1: for b in lists: counter.update(b)", f"{b1:.2f} s", "1.00", ""),
            (f"[{what}] B2: Counter(chain.from_iterable(lists))", f"{b2:.2f} s", f"{b2 / b1:.2f}", ""),
            (f"[{what}] tally, plain lists -> Counter of tuples -> Ballot per distinct -> count(weighted=)",
             f"{wt:.2f} s", f"{wt / b1:.2f}", f"{wt_mem:.0f} MiB"),
            (f"[{what}] tally, plain lists -> one Ballot per paper -> count()", f"{pp:.2f} s", f"{pp / b1:.2f}",
             f"{pp_mem:.0f} MiB"),
        ]
        if kind == "win":
            csv_s, csv_mem = measure("csv", kind, n, tmp / "ballots.csv")
            cw_s, cw_mem = measure("csv-weighted", kind, n, tmp / "ballots.csv")
            rows.append((f"[{what}] tally, CSV file of {n:,} papers, streamed paper by paper, counted",
                         f"{csv_s:.2f} s", f"{csv_s / b1:.2f}", f"{csv_mem:.0f} MiB"))
            rows.append((f"[{what}] tally, the same CSV file streamed, grouped as read, count(weighted=)",
                         f"{cw_s:.2f} s", f"{cw_s / b1:.2f}", f"{cw_mem:.0f} MiB"))
    jl, jl_mem = measure("json-load", tmp / "record.json")
    jv, jv_mem = measure("json-verify", tmp / "record.json")
    size = (tmp / "record.json").stat().st_size / 2**20
    rows += [
        (f"json.load of the record ({size:.0f} MiB) alone", f"{jl:.2f} s", "1.00", f"{jl_mem:.0f} MiB (1.00)"),
        ("tally: load (streamed) + check + count + verify the record", f"{jv:.2f} s", f"{jv / jl:.2f}",
         f"{jv_mem:.0f} MiB ({jv_mem / jl_mem:.2f})"),
    ]
    for which in ("member", "voter"):
        per_person, _ = measure("roll-bytes", which, n)
        rows.append((f"a roll of {n:,} ordinary {which}s: bytes per {which}, ids included (tracemalloc)",
                     f"{per_person:.0f} B", "", ""))
    one, _ = measure("batch", batch, 1)
    two, _ = measure("batch", batch, 2)
    rows += [
        (f"verify {records:,} records of {per}: 1 worker", f"{one:.2f} s", "1.00", ""),
        (f"verify {records:,} records of {per}: 2 workers", f"{two:.2f} s", f"{one / two:.2f}x faster", ""),
    ]
    if args.big:
        big_csv = tmp / "big.csv"
        write_csv(big_csv, iter_winning_marks(args.big, seed=7))
        big_s, big_rss = child(["big", str(args.big), str(big_csv)])
        rows.append((f"the whole process: roll of {args.big:,}, meeting, {args.big:,} CSV papers streamed, counted",
                     f"{big_s:.2f} s", "", f"{big_rss:.0f} MiB peak RSS in all"))
    head = ["figure", "median time", "ratio", "peak RSS during it"]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}; {args.repeat} runs each, median; n = {n:,}")
    from tabulate import tabulate

    print(tabulate(rows, headers=head, tablefmt="pipe" if args.markdown else "simple"))


if __name__ == "__main__":
    main()
