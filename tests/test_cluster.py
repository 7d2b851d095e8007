"""A province on a cluster: verify_many through Dask's executor, and `tally verify --scheduler`.

Dask is an optional extra (tally[dask]); CI installs it, and there (CI=true) these tests must
run, never be skipped.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest

from tally.cli import main
from tally.records import expand, verify_many

if os.environ.get("CI") == "true":
    import distributed  # in CI the extra is installed: a missing Dask fails here, never skips
else:
    distributed = pytest.importorskip("distributed")

HERE = pathlib.Path(__file__).parent
EXAMPLES = HERE.parent / "src" / "tally" / "examples"


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A local Dask cluster of two workers (threads, so that it starts quickly on 2 cores)."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None, silence_logs=40
    ) as running:
        yield running


@pytest.fixture
def folder(tmp_path: pathlib.Path) -> pathlib.Path:
    """A county's folder: the built-in examples and a broken record, in two townships."""
    for i, path in enumerate(sorted(EXAMPLES.glob("*.json"))):
        town = tmp_path / ("east" if i % 2 else "west")
        town.mkdir(exist_ok=True)
        shutil.copy(path, town / path.name)
    shutil.copy(HERE / "broken" / "roll-duplicate-id.json", tmp_path / "west" / "zz-broken.json")
    return tmp_path


def test_a_folder_on_a_dask_cluster_gives_the_process_pool_outcomes(cluster: Any, folder: pathlib.Path) -> None:
    """Through a Dask cluster's executor, the same outcomes, in the same order, as through a
    process pool and in this process."""
    paths = expand([str(folder)])
    with distributed.Client(cluster) as client:
        on_cluster = verify_many(paths, executor=client.get_executor())
    with ProcessPoolExecutor(max_workers=2) as pool:
        pooled = verify_many(paths, executor=pool)
    assert on_cluster == pooled == verify_many(paths)
    assert {o.status for o in on_cluster} == {0, 1, 2}


def test_verify_scheduler_sends_the_records_to_the_cluster(
    cluster: Any, folder: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`tally verify DIR --scheduler ADDRESS` prints what `tally verify DIR` prints, and no
    progress bar when stderr is not a terminal."""
    on_cluster = main(["verify", str(folder), "--scheduler", cluster.scheduler_address])
    out_cluster, err_cluster = capsys.readouterr()
    alone = main(["verify", str(folder)])
    out_alone, _ = capsys.readouterr()
    assert (on_cluster, out_cluster) == (alone, out_alone) == (2, out_alone)
    assert err_cluster == ""


def test_scheduler_that_cannot_be_reached_is_our_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A scheduler address with nobody there: exit 2 and one line, no traceback."""
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        assert main(["verify", str(EXAMPLES), "--scheduler", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tally: --scheduler: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert "Traceback" not in err


def test_scheduler_without_dask_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without Dask installed, --scheduler names the extra to install; exit 2."""
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    assert main(["verify", str(EXAMPLES), "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    assert capsys.readouterr().err == "tally: --scheduler needs Dask: pip install 'tally[dask]'\n"


class _Terminal:
    """A stand-in for stderr on a terminal (or, with tty=False, piped)."""

    def __init__(self, tty: bool) -> None:
        self.tty = tty
        self.text = ""

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


def test_a_progress_bar_on_a_terminal_and_nothing_when_piped() -> None:
    """Long batch runs draw a bar on a terminal, ending with a new line; piped, nothing at all."""
    from tally.cli import _Progress

    shown, piped = _Terminal(tty=True), _Terminal(tty=False)
    for out in (shown, piped):
        bar = _Progress(out, width=10)  # type: ignore[arg-type]
        for k in range(1, 5):
            bar(k, 4)
        bar.close()
    assert shown.text.endswith("\r[##########] 4/4\n")
    assert "\r[#####.....] 2/4" in shown.text
    assert piped.text == ""
