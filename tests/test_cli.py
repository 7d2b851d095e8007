"""The `tally` command and the text report."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tally.cli import main
from tally.examples import ex_p_01
from tally.report import _FINDINGS, quorum_report


def test_example_prints_the_quorum_report(capsys: pytest.CaptureFixture[str]) -> None:
    """`tally example` prints EX-P-01's figures and every decision with its rule."""
    assert main(["example"]) == 0
    out = capsys.readouterr().out
    assert "required attendance        42" in out
    assert "P-10    Quorum met: 34 present against 42 required" in out
    assert "M04 陈杰 stays in the required attendance: not a listed category." in out


def test_example_in_chinese_when_inquorate(capsys: pytest.CaptureFixture[str]) -> None:
    """`--lang zh --present 33`: the same example, inquorate, in Chinese."""
    assert main(["example", "--lang", "zh", "--present", "33"]) == 0
    out = capsys.readouterr().out
    assert "会议是否有效      无效" in out
    assert "会议无效，不得进行选举" in out


def test_example_rejects_an_impossible_attendance(capsys: pytest.CaptureFixture[str]) -> None:
    """Bad input to the command is one line on stderr and exit 2."""
    assert main(["example", "--present", "41"]) == 2
    assert capsys.readouterr().err == "tally: --present: must be from 0 to 40\n"


def test_python_dash_m_runs_the_command() -> None:
    """`python -m tally example` runs the same command."""
    done = subprocess.run([sys.executable, "-m", "tally", "example"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert done.stdout.startswith("Party-member meeting: attendance and quorum")


def test_every_finding_of_the_example_has_words_in_both_languages() -> None:
    """No step of a meeting falls back to its bare finding in either language."""
    m = ex_p_01(present=20)
    for step in m.steps:
        assert set(_FINDINGS[step.finding]) == {"en", "zh"}, step.finding


def test_chinese_names_line_up() -> None:
    """With wcwidth, a table row of Chinese names has the same display width as its header
    rule."""
    from wcwidth import wcswidth

    report = quorum_report(ex_p_01(), lang="zh").splitlines()
    start = report.index("不计入应到会人数的申请")
    table = report[start + 1 : start + 7]
    widths = {wcswidth(line.rstrip()) for line in table[1:2]} | {
        wcswidth(line) for line in table[2:] if line.endswith("计入")
    }
    assert len(widths) == 1, table
