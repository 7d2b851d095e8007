"""Speed and memory of counting and verification, beside bare-Python baselines, in one run.

Run by hand from the repository root, after `pip install -e .`:

    python benchmarks/bench.py              # the full figures (about five minutes on 2 cores)
    python benchmarks/bench.py --quick      # a tenth of the sizes, to try it

Every figure is the median of --repeat runs (default 3). Each figure whose memory matters runs
in a fresh child process, so that its peak resident set size (ru_maxrss) is its own; the
interpreter's own peak (Python with tally imported, doing nothing) is measured the same way
and subtracted. Figures and ratios print as a table; --markdown prints it for the docs.

Data, made with a fixed seed: N ballots (default 1,000,000) for one contest of 12 candidates
and 7 seats, each with 0 to 7 `for` marks; about 1% invalid: over-selected (8 marks) or with a
write-in of someone not on the roll. The roll has N members, all present, so that the round is
valid. The batch: 2,000 records of 500 ballots each.
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
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

CANDIDATES = [f"C{i:02}" for i in range(12)]
SEATS = 7


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


def write_csv(path: Path, data: list[tuple[list[str], list[str]]]) -> None:
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


def fig_b1(n: int) -> float:
    data = [fors + write for fors, write in marks(n)]
    counter: collections.Counter[str] = collections.Counter()
    t0 = start()
    for b in data:
        counter.update(b)
    return time.perf_counter() - t0


def fig_b2(n: int) -> float:
    data = [fors + write for fors, write in marks(n)]
    t0 = start()
    collections.Counter(itertools.chain.from_iterable(data))
    return time.perf_counter() - t0


def _meeting(n: int):  # type: ignore[no-untyped-def]
    from tally import Member, meeting, preset

    roll = [Member(c) for c in CANDIDATES] + [Member(f"V{i:07}") for i in range(n - len(CANDIDATES))]
    return meeting(roll, present=[m.id for m in roll], rulebook=preset("cpc-basic-2020"))


def fig_memory(n: int) -> float:
    """Validation + count + winners over Ballot values already in memory."""
    from tally import Ballot, Contest, Marks, count

    m = _meeting(n)
    contest = Contest("c", seats=SEATS, candidates=CANDIDATES)
    papers = [
        Ballot({"c": Marks(for_=fors, against=[c for c in CANDIDATES if c not in fors][:1] if write else (),
                           write_in=write)})
        for fors, write in marks(n)
    ]
    t0 = start()
    result = count([contest], papers, meeting=m)
    elapsed = time.perf_counter() - t0
    assert result.collected == n
    return elapsed


def fig_csv(n: int, path: str) -> float:
    """Reading a CSV file of papers and counting it, streamed."""
    from tally import Contest, count
    from tally.records import ballots_from_csv

    m = _meeting(n)
    contest = Contest("c", seats=SEATS, candidates=CANDIDATES)
    t0 = start()
    with open(path, encoding="utf-8", newline="") as f:
        result = count([contest], ballots_from_csv(f, contest), meeting=m)
    elapsed = time.perf_counter() - t0
    assert result.collected == n
    return elapsed


def fig_json_load(path: str) -> float:
    t0 = start()
    with open(path, encoding="utf-8") as f:
        json.load(f)
    return time.perf_counter() - t0


def fig_json_load_nogc(path: str) -> float:
    import gc

    gc.disable()
    t0 = start()
    with open(path, encoding="utf-8") as f:
        json.load(f)
    return time.perf_counter() - t0


def fig_json_verify(path: str) -> float:
    """Loading, checking and verifying a JSON record from disk."""
    from tally.records import load

    t0 = start()
    v = load(path).verify()
    elapsed = time.perf_counter() - t0
    assert v.round.collected > 0
    return elapsed


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
    "b1": fig_b1, "b2": fig_b2, "memory": fig_memory, "csv": fig_csv, "json-load": fig_json_load,
    "json-verify": fig_json_verify, "json-load-nogc": fig_json_load_nogc, "batch": fig_batch,
}


def child(args: list[str]) -> tuple[float, float]:
    """Run one figure in a fresh interpreter: (seconds, peak RSS in MiB)."""
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True)
    seconds, rss = out.stdout.split()
    return float(seconds), float(rss)


def run_child(name: str, params: list[str]) -> None:
    fn = FIGURES[name]
    converted = [int(p) if p.isdigit() else p for p in params]
    seconds = fn(*converted)
    print(seconds, peak_above_start())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        run_child(args.child[0], args.child[1:])
        return
    n = 100_000 if args.quick else 1_000_000
    records, per = (200, 500) if args.quick else (2_000, 500)
    tmp = Path(tempfile.mkdtemp(prefix="tally-bench-"))
    data = marks(n)
    write_csv(tmp / "ballots.csv", data)
    (tmp / "record.json").write_text(json.dumps(record(n, data)), encoding="utf-8")
    batch = tmp / "batch"
    batch.mkdir()
    for k in range(records):
        small = marks(per, seed=k)
        rec = record(per, small)
        (batch / f"r{k:05}.json").write_text(json.dumps(rec), encoding="utf-8")

    def measure(name: str, *params: object) -> tuple[float, float]:
        runs = [child([name, *map(str, params)]) for _ in range(args.repeat)]
        return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)

    b1, b1_mem = measure("b1", n)
    b2, _ = measure("b2", n)
    mem, mem_mem = measure("memory", n)
    csv_s, csv_mem = measure("csv", n, tmp / "ballots.csv")
    csv_half_s, csv_half_mem = measure("csv", n // 2, _half_csv(tmp, n))
    jl, jl_mem = measure("json-load", tmp / "record.json")
    jn, _ = measure("json-load-nogc", tmp / "record.json")
    jv, jv_mem = measure("json-verify", tmp / "record.json")
    one, _ = measure("batch", batch, 1)
    two, _ = measure("batch", batch, 2)
    size = (tmp / "record.json").stat().st_size / 2**20
    rows = [
        ("B1: for b in ballots: counter.update(b)", f"{b1:.2f} s", "1.00", f"{b1_mem:.0f} MiB"),
        ("B2: Counter(chain.from_iterable(ballots))", f"{b2:.2f} s", f"{b2 / b1:.2f}", ""),
        ("tally: validate + count + winners, in memory", f"{mem:.2f} s", f"{mem / b1:.2f}", f"{mem_mem:.0f} MiB"),
        (f"tally: CSV file of {n:,} papers, streamed", f"{csv_s:.2f} s", f"{csv_s / b1:.2f}", f"{csv_mem:.0f} MiB"),
        (f"tally: CSV file of {n // 2:,} papers, streamed", f"{csv_half_s:.2f} s", "", f"{csv_half_mem:.0f} MiB"),
        (f"json.load of the record ({size:.0f} MiB) alone", f"{jl:.2f} s", "1.00", f"{jl_mem:.0f} MiB"),
        ("json.load, cyclic GC paused", f"{jn:.2f} s", f"{jn / jl:.2f}", ""),
        ("tally: load + check + verify the record", f"{jv:.2f} s", f"{jv / jl:.2f} ({jv / jn:.2f} × GC paused)",
         f"{jv_mem:.0f} MiB"),
        (f"verify {records:,} records of {per}: 1 worker", f"{one:.2f} s", "1.00", ""),
        (f"verify {records:,} records of {per}: 2 workers", f"{two:.2f} s", f"{one / two:.2f}× faster", ""),
    ]
    head = ["figure", "median time", "ratio", "peak RSS during it"]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}; {args.repeat} runs each, median")
    from tabulate import tabulate

    print(tabulate(rows, headers=head, tablefmt="pipe" if args.markdown else "simple"))


def _half_csv(tmp: Path, n: int) -> Path:
    path = tmp / "half.csv"
    with open(tmp / "ballots.csv", encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
        for line in itertools.islice(src, n // 2 + 1):
            dst.write(line)
    return path


if __name__ == "__main__":
    main()
