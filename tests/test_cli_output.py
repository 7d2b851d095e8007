"""Issue 11: no command writes over a file it reads, and a failed write leaves the old file whole."""

from __future__ import annotations

import json
import os
import pathlib
import stat
from typing import Any

import pytest

from tally import cli
from tally.cli import main
from tally.examples import text

Capture = pytest.CaptureFixture[str]


def _branch(tmp_path: pathlib.Path) -> pathlib.Path:
    path = tmp_path / "R.json"
    path.write_text(text("branch"), encoding="utf-8")
    return path


def _only(tmp_path: pathlib.Path, *names: str) -> None:
    """No temporary file is left beside the outputs."""
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)


@pytest.mark.parametrize("spelling", ["same", "dotted", "hard link", "symbolic link"])
def test_next_never_writes_over_its_record(tmp_path: pathlib.Path, capsys: Capture, spelling: str) -> None:
    """`tally next R.json -o R.json` overwrote the first round's record, ballots and all. The same
    file however it is named (another spelling, a hard or a symbolic link) is refused, and the
    record is left as it was."""
    record = _branch(tmp_path)
    before = record.read_bytes()
    out = {
        "same": str(record),
        "dotted": str(tmp_path / "sub" / ".." / "R.json"),
        "hard link": str(tmp_path / "hard.json"),
        "symbolic link": str(tmp_path / "soft.json"),
    }[spelling]
    (tmp_path / "sub").mkdir()
    if spelling == "hard link":
        os.link(record, out)
    if spelling == "symbolic link":
        os.symlink(record, out)
    assert main(["next", str(record), "-o", out]) == 2
    _, err = capsys.readouterr()
    assert f"tally: {out}: is the record itself" in err
    assert record.read_bytes() == before


def test_next_writes_its_output_whole(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """A new output file: written, readable, with the usual permissions, and nothing else left."""
    record = _branch(tmp_path)
    out = tmp_path / "further.json"
    assert main(["next", str(record), "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["contests"][0]["stage"] == "further"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
    _only(tmp_path, "R.json", "further.json")


def test_a_failed_write_leaves_the_old_file_whole(
    tmp_path: pathlib.Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails half-way (here: text that cannot be encoded) leaves the file it was to
    replace as it was, and no temporary file behind; the error is ours, not a traceback."""
    record = _branch(tmp_path)
    out = tmp_path / "further.json"
    out.write_text("the old skeleton\n", encoding="utf-8")

    def half(data: Any) -> str:
        return '{"title": "' + "x" * 100_000 + '\ud800"}'  # a lone surrogate: not UTF-8

    monkeypatch.setattr(cli, "dumps", half)
    assert main(["next", str(record), "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "the old skeleton\n"
    assert f"tally: {out}: " in capsys.readouterr().err
    _only(tmp_path, "R.json", "further.json")


def test_an_output_in_a_missing_folder(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """An output whose folder does not exist: exit 2 with the reason, no traceback."""
    record = _branch(tmp_path)
    out = tmp_path / "nowhere" / "further.json"
    assert main(["next", str(record), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"tally: {out}: " in err
    assert "Traceback" not in err


def test_forms_never_write_over_the_record(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """`tally forms R.json -o R.json` (or a link to it) is refused the same way; a form to a new
    file is written whole."""
    record = _branch(tmp_path)
    before = record.read_bytes()
    os.symlink(record, tmp_path / "soft.json")
    for out in (str(record), str(tmp_path / "soft.json")):
        assert main(["forms", str(record), "--form", "ballot", "-o", out]) == 2
        assert f"tally: {out}: is the record itself" in capsys.readouterr().err
    assert record.read_bytes() == before
    assert main(["forms", str(record), "--form", "ballot", "-o", str(tmp_path / "ballot.html")]) == 0
    assert (tmp_path / "ballot.html").read_text(encoding="utf-8").lstrip().startswith("<!")
    _only(tmp_path, "R.json", "soft.json", "ballot.html")


def test_convert_never_writes_over_its_source(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """`tally convert R.json -o R.json`, and a CSV folder converted into itself, are refused; the
    source is left as it was."""
    record = _branch(tmp_path)
    before = record.read_bytes()
    assert main(["convert", str(record), "-o", str(record)]) == 2
    assert "is the record itself" in capsys.readouterr().err
    assert record.read_bytes() == before
    folder = tmp_path / "sheets"
    assert main(["convert", str(record), "-o", str(folder)]) == 0
    files = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert main(["convert", str(folder), "-o", str(tmp_path / "sheets" / ".." / "sheets")]) == 2
    assert "is the record itself" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == files


def test_convert_and_template_write_whole_files(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """A workbook, a JSON record and a CSV folder written over older ones: the new content, and no
    temporary file or folder left beside them."""
    record = _branch(tmp_path)
    book = tmp_path / "r.xlsx"
    book.write_bytes(b"an older workbook")
    assert main(["convert", str(record), "-o", str(book)]) == 0
    assert book.read_bytes()[:2] == b"PK"  # a zip: an .xlsx workbook
    again = tmp_path / "again.json"
    assert main(["convert", str(book), "-o", str(again)]) == 0
    assert json.loads(again.read_text(encoding="utf-8"))["kind"] == "party-meeting"
    folder = tmp_path / "sheets"
    folder.mkdir()
    (folder / "notes.txt").write_text("kept", encoding="utf-8")
    assert main(["convert", str(record), "-o", str(folder)]) == 0
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "kept"
    assert any(p.suffix == ".csv" for p in folder.iterdir())
    template = tmp_path / "t.xlsx"
    assert main(["template", "village-committee", "-o", str(template)]) == 0
    assert template.read_bytes()[:2] == b"PK"
    _only(tmp_path, "R.json", "r.xlsx", "again.json", "sheets", "t.xlsx")


@pytest.mark.parametrize("command", ["verify", "check", "compliance", "report", "next", "template", "convert"])
def test_help_in_chinese_has_no_argparse_english(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`--help` in Chinese: argparse's own headings and the -h line are Chinese too."""
    with pytest.raises(SystemExit):
        main([command, "--lang", "zh", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：tally ")
    for english in ("usage:", "positional arguments", "options:", "show this help"):
        assert english not in out
    assert "显示本帮助并退出" in out
