"""The command line in Chinese: a folder's summary, compliance, rulebooks, examples and help say
what they mean in Chinese words (findings 8, 9, 10, 12 and 22 of the `--lang zh` review)."""

from __future__ import annotations

import json
import pathlib

import pytest

from tally.cli import main
from tally.examples import text

Capture = pytest.CaptureFixture[str]



@pytest.fixture(autouse=True)
def _no_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """No language from the machine: each test says the one it reads."""
    for var in ("TALLY_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)


def _folder(tmp_path: pathlib.Path) -> pathlib.Path:
    """A township's folder: the village example (three proxies, one objection decided late) and a
    record that was read but is wrong (ten papers listed, nine collected)."""
    folder = tmp_path / "township"
    folder.mkdir()
    (folder / "good.json").write_text(text("village"), encoding="utf-8")
    data = json.loads(text("village"))
    data["ballots"]["collected"] = len(data["ballots"]["items"]) - 1
    (folder / "wrong.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


# --- finding 10: a record that was read and is wrong is not "cannot be read" ----------------------


def test_a_folder_summary_says_a_wrong_record_is_wrong_not_unreadable(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """`tally verify --lang zh FOLDER` called a record that was read and has errors 无法读取, in the
    table and the totals, where the help says exit 2 is 记录有误."""
    assert main(["verify", "--lang", "zh", str(_folder(tmp_path))]) == 2
    out = capsys.readouterr().out
    assert "无法读取" not in out
    row = next(line for line in out.splitlines() if "wrong.json" in line)
    assert row.split()[1] == "记录有误"
    assert "2份记录：1份一致，0份不一致，1份记录有误" in out


def test_compliance_totals_say_wrong_not_unreadable(tmp_path: pathlib.Path, capsys: Capture) -> None:
    assert main(["compliance", "--lang", "zh", str(_folder(tmp_path))]) == 2
    out = capsys.readouterr().out
    assert "无法读取" not in out
    assert "2份记录，其中1份记录有误" in out


# --- finding 8: a folder's JSON lines carry each record's title, as a single file's does ---------


def test_verify_json_lines_carry_the_title_and_day(tmp_path: pathlib.Path, capsys: Capture) -> None:
    folder = _folder(tmp_path)
    main(["verify", "--lang", "zh", "--format", "json", str(folder / "good.json")])
    single = json.loads(capsys.readouterr().out)
    assert single["title"] == "某村第十二届村民委员会选举"
    assert main(["verify", "--lang", "zh", "--format", "json", str(folder)]) == 2
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    good = next(line for line in lines if line["record"].endswith("good.json"))
    assert good["result"]["title"] == single["title"]
    assert good["result"]["day"] == single["day"]
