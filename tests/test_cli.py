"""The `tally` command: exit statuses, reports, next round, rulebooks, examples."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

from tally.cli import main
from tally.examples import NAMES, text

Capture = pytest.CaptureFixture[str]


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read English output, whatever the machine's locale."""
    monkeypatch.setenv("TALLY_LANG", "en")


def _write(tmp_path: pathlib.Path, name: str, data: object) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _example(tmp_path: pathlib.Path, name: str) -> str:
    return _write(tmp_path, f"{name}.json", json.loads(text(name)))


@pytest.mark.parametrize("name", [n for n in NAMES if n != "void"])
def test_verify_agrees_on_the_built_in_examples(tmp_path: pathlib.Path, name: str, capsys: Capture) -> None:
    """Every built-in example but the void round agrees with its declaration: exit 0."""
    assert main(["verify", _example(tmp_path, name)]) == 0
    assert "The recount agrees with what was declared." in capsys.readouterr().out


def test_verify_disagrees_when_a_declared_winner_is_changed(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """Change the declared winner: exit 1, and the discrepancy is named."""
    data = json.loads(text("branch"))
    data["declared"]["committee"]["elected"] = ["M02"]
    assert main(["verify", _write(tmp_path, "r.json", data)]) == 1
    out = capsys.readouterr().out
    assert "does NOT agree" in out
    # contest, what differs, declared, counted: the ids with their names.
    assert any(
        line.split() == ["支部委员会委员", "those", "elected", "M02", "王芳", "M01", "张伟"]
        for line in out.splitlines()
    ), out


def test_verify_disagrees_on_a_declared_vote(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """A declared vote that differs from the recount is a discrepancy too."""
    data = json.loads(text("branch"))
    data["declared"]["committee"]["votes"]["M02"] = 6
    assert main(["verify", _write(tmp_path, "r.json", data), "--format", "json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["discrepancies"] == [
        {"contest": "committee", "what": "votes", "declared": {"M02": 6}, "counted": {"M02": 5}}
    ]


def test_a_void_round_always_exits_1(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """P-20: a void round must be held again, whatever was declared."""
    assert main(["verify", _example(tmp_path, "void")]) == 1
    out = capsys.readouterr().out
    assert "11 ballots collected, more than the 10 who voted: the vote is void" in out
    # A void round states no ballot verdict: nobody elected, and why, cited to P-20.
    assert "P-20    支部委员会委员: nobody is elected in this round." in out


def test_broken_record_exits_2_with_paths_on_stderr(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """A broken record: exit 2, one line per problem on stderr with its path, no traceback."""
    data = json.loads(text("branch"))
    data["roll"][3]["id"] = "M01"
    data["present"].append("M99")
    path = _write(tmp_path, "r.json", data)
    assert main(["verify", path]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"tally: {path}: roll[3].id: duplicate id 'M01' (first at roll[0])",
        f"tally: {path}: present[3]: 'M04' is not on the roll",
        f"tally: {path}: present[11]: 'M99' is not on the roll",
        f"tally: {path}: contests[0].candidates[3]: 'M04' is not on the roll",
    ]


def test_verify_reads_standard_input() -> None:
    """`tally example NAME | tally verify -` works with no file of one's own."""
    done = subprocess.run(
        [sys.executable, "-m", "tally", "verify", "-"],
        input=text("branch"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("某社区党支部委员会换届选举（第一轮）")


def test_verify_many_with_a_summary_and_jobs(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """A folder of records: one line each, a summary, the worst exit status; the same with 2
    worker processes."""
    for name in NAMES:
        _example(tmp_path, name)
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    assert main(["verify", str(tmp_path)]) == 2
    one = capsys.readouterr().out
    n = len(NAMES)
    assert f"{n + 1} records: {n - 1} agree, 1 disagree, 1 broken" in one
    assert main(["verify", str(tmp_path), "--jobs", "2"]) == 2
    assert capsys.readouterr().out == one


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_report_in_every_format_and_language(tmp_path: pathlib.Path, fmt: str, lang: str, capsys: Capture) -> None:
    """`tally report` prints the tally sheet in every format and language, exit 0."""
    assert main(["report", _example(tmp_path, "further"), "--format", fmt, "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert "M03" in out
    if fmt == "html":
        assert out.startswith("<!DOCTYPE html>")
    if fmt == "json":
        assert json.loads(out)["contests"][0]["tied"] == ["M03", "M04"]
    if fmt != "json":
        assert ("得票相等，再次投票" if lang == "zh" else "tied: another vote") in out


def test_next_writes_the_skeleton_of_the_next_round(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """`tally next` writes the next round's record: the tie-break after the further election."""
    out = tmp_path / "next.json"
    assert main(["next", _example(tmp_path, "further"), "-o", str(out)]) == 0
    skeleton = json.loads(out.read_text(encoding="utf-8"))
    assert skeleton["contests"] == [
        {
            "id": "committee",
            "title": "支部委员会委员",
            "seats": 1,
            "candidates": ["M03", "M04"],
            "post": "member",
            "stage": "tie-break",
        }
    ]
    assert skeleton["ballots"] == {"collected": 0, "items": []}
    assert main(["next", _example(tmp_path, "tie-break")]) == 1
    assert "no next round" in capsys.readouterr().err


def test_rulebooks_lists_and_shows(capsys: Capture) -> None:
    """`tally rulebooks` lists the presets; with an id, its fields, values and rules."""
    assert main(["rulebooks"]) == 0
    assert "cpc-conference-2020" in capsys.readouterr().out
    assert main(["rulebooks", "cpc-basic-2020"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert ["quorum_inclusive", "恰好达到到会比例即有效", "no", "P-10a,", "OQ-P2"] in rows
    assert main(["rulebooks", "nope"]) == 2


def test_example_lists_and_prints(capsys: Capture) -> None:
    """`tally example` lists the examples; with a name, prints its record; a wrong name is 2."""
    assert main(["example"]) == 0
    assert "tie-break" in capsys.readouterr().out
    assert main(["example", "branch"]) == 0
    assert json.loads(capsys.readouterr().out)["format"] == "tally.record/1"
    assert main(["example", "nope"]) == 2
    assert "no example 'nope'" in capsys.readouterr().err


def test_misuse_is_exit_2(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """A missing file, bad --jobs, stdin among many: exit 2, one line."""
    assert main(["verify", str(tmp_path / "missing.json")]) == 2
    assert "cannot read the file: No such file or directory" in capsys.readouterr().err
    assert main(["verify", "x.json", "--jobs", "0"]) == 2
    assert main(["verify", "-", "x.json"]) == 2
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2


def test_chinese_names_line_up_in_text_tables(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """With wcwidth, rows with Chinese names have the display width of their header rule."""
    from wcwidth import wcswidth

    main(["report", _example(tmp_path, "branch"), "--lang", "zh"])
    lines = capsys.readouterr().out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("候选人"))
    header, rows = lines[start], lines[start + 2 : start + 7]
    column = wcswidth(header[: header.index("得票")])  # where the votes column starts on screen
    for row in rows:
        votes = row.split()[2]
        assert wcswidth(row[: row.index(f" {votes} ") + 1]) == column, rows


def test_a_further_election_report_states_its_floor(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """V-23: the tally sheet of a village further election states the floor, not a majority."""
    assert main(["verify", _example(tmp_path, "one-third-floor")]) == 0
    out = capsys.readouterr().out
    assert "The most votes win, with at least 1/3 of the 30 ballots cast: at least 10 votes." in out
    sheet = out[out.index("Tally sheet") : out.index("Verification")]
    assert "at least 1/3 of ballots" in sheet  # the column names the test applied
    assert "half" not in sheet  # no majority is stated for a floor
