"""The command line in Chinese: a folder's summary, compliance, rulebooks, examples and help say
what they mean in Chinese words (findings 8, 9, 10, 12 and 22 of the `--lang zh` review)."""

from __future__ import annotations

import json
import pathlib
import re
import typing

import attrs
import pytest

from tally import Relation, Rulebook, preset
from tally._rulebook import PRESETS
from tally.catalogue import FIELD_VALUES
from tally.cli import applies, field_value, main
from tally.examples import ALL, text

Capture = pytest.CaptureFixture[str]

_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


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


# --- finding 12: rulebooks in Chinese words, and readable in English ------------------------------

_REPR = re.compile(r"FrozenMap|\bTrue\b|\bFalse\b|\bNone\b|frozenset|Fraction")
_TUPLE = re.compile(r"\(\d+, (\d+|None)\)")  # not in the output as a whole: a law's years are "(2010, 2018)"


@pytest.mark.parametrize("book", sorted(PRESETS))
def test_a_rulebook_s_values_are_words_not_python(book: str, capsys: Capture) -> None:
    """`tally rulebooks village-zhejiang-2020 --lang zh` showed `FrozenMap({'*': (1, None)})`,
    `(3, 7)`, `True` and bare enumerated values (`plurality-floor`): in Chinese every value but
    the preset's id is in Chinese words (the title is the catalogue's, as a report names the
    rulebook); in English no Python repr either."""
    rulebook = preset(book)
    for field in attrs.fields(Rulebook):
        if field.name in ("id", "title") or not applies(field.name, rulebook.kind.value):
            continue
        value = getattr(rulebook, field.name)
        zh = field_value(field.name, value, "zh")
        assert not _LATIN_WORD.search(zh), (field.name, zh)
        en = field_value(field.name, value, "en")
        assert not _REPR.search(en), field.name
        assert not _TUPLE.search(en), field.name
    for lang in ("zh", "en"):
        assert main(["rulebooks", book, "--lang", lang]) == 0
        assert not _REPR.search(capsys.readouterr().out)


def test_the_zhejiang_rulebook_reads_as_an_officer_reads_it(capsys: Capture) -> None:
    assert main(["rulebooks", "village-zhejiang-2020", "--lang", "zh"]) == 0
    rows = {line.split()[0]: line.split()[2] for line in capsys.readouterr().out.splitlines()[2:]}
    assert rows["committee_size"] == "3至7"
    assert rows["post_margins"] == "各职务：至少1"
    assert rows["relatives_exclusive"] == "是"
    assert rows["further_turnout_required"] == "否"
    assert rows["further_floor"] == "三分之一"
    assert rows["women_seat_mode"] == "专设妇女委员职位"
    assert rows["kind"] == "村民委员会选举"


def test_every_enumerated_rulebook_value_has_chinese_words() -> None:
    """Each value a rulebook's enumerated field may take has its words in the catalogue."""
    hints = typing.get_type_hints(Rulebook)
    for field in attrs.fields(Rulebook):
        if typing.get_origin(hints[field.name]) is typing.Literal:
            assert set(FIELD_VALUES[field.name]) == set(typing.get_args(hints[field.name])), field.name
    assert set(FIELD_VALUES["proxy_relations"]) == {r.value for r in Relation}


def test_the_list_of_rulebooks_says_unconfirmed_in_chinese(capsys: Capture) -> None:
    """`tally rulebooks --lang zh` listed `(R-5, UNCONFIRMED)`, `P-27, UNCONFIRMED` and the kinds
    as ids: the titles and kinds in the catalogue's Chinese words."""
    assert main(["rulebooks", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "UNCONFIRMED" not in out
    assert "（R-5，待核实）" in out
    assert "P-27（待核实）" in out
    for line in out.splitlines()[2:]:
        book, rest = line.split(maxsplit=1)
        assert book in PRESETS
        assert not _LATIN_WORD.search(rest.replace("R-5", "").replace("P-27", "")), line


# --- finding 22: the help says how to get Chinese ---------------------------------------------------


@pytest.mark.parametrize("argv", [["--help"], ["--lang", "zh", "--help"]])
def test_the_help_says_how_to_get_chinese(argv: list[str], capsys: Capture) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert "--lang zh" in out
    assert "TALLY_LANG=zh" in out
    assert ("用法：" in out) == ("zh" in argv)


def test_lang_before_the_command(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """`tally --lang zh verify ...`, as the help shows it; the command's own --lang wins."""
    path = tmp_path / "branch.json"
    path.write_text(text("branch"), encoding="utf-8")
    assert main(["--lang", "zh", "verify", str(path)]) == 0
    assert "一致" in capsys.readouterr().out
    assert main(["--lang", "zh", "verify", str(path), "--lang", "en"]) == 0
    assert "agrees" in capsys.readouterr().out


# --- finding 12: the examples described in Chinese ------------------------------------------------


def test_every_example_is_described_in_chinese(capsys: Capture) -> None:
    """`tally example --lang zh` described every example in English. Each has a Chinese
    description; only rule IDs and example names are in Latin letters."""
    assert main(["example", "--lang", "zh"]) == 0
    rows = capsys.readouterr().out.splitlines()[2:]
    listed = [row.split(maxsplit=1) for row in rows if row and not row.startswith("打印")]
    assert {name for name, _ in listed} == set(ALL)
    names = "|".join(re.escape(n) for n in ALL)
    for name, shows in listed:
        rest = re.sub(rf"“({names})”|EX-P-\d+|[A-Z]{{1,2}}-\d+(\(\d+\))?", "", shows)
        assert not re.search(r"[A-Za-z]", rest), (name, shows)
    assert main(["example", "--lang", "en"]) == 0
    assert "a branch committee's first round" in capsys.readouterr().out


# --- finding 9: compliance in Chinese, counting records ---------------------------------------------


def test_compliance_in_chinese_counts_records(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """`tally compliance --lang zh FOLDER` named the checks by their English ids, showed
    True/False, and counted findings (`proxy-filed V-16 True 3` for one record with three
    proxies): the catalogue's words, 是/否, and each record counted once per check."""
    assert main(["compliance", "--lang", "zh", str(_folder(tmp_path))]) == 2
    out = capsys.readouterr().out
    table = out.split("\n\n")[0]
    assert not re.search(r"True|False|committee-size|proxy-filed|youth", table)
    rows = {line.split()[0]: line.split()[1:] for line in table.splitlines()[2:]}
    assert rows["委托按时办理"][:6] == ["V-16", "是", "1", "0", "0", "0"]
    assert rows["35周岁以下成员"][:2] == ["T-3", "否"]
    assert rows["异议按时处理"][1:3] == ["是", "0"]
    assert rows["异议按时处理"][-1].endswith("good.json")
    assert "符合（份）" in table.splitlines()[0]


def test_a_record_counts_once_per_check_at_its_worst(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """Three proxies, one filed late: the record does not meet the check (it is counted once,
    as not met, and listed); the JSON rows count the same."""
    folder = tmp_path / "t"
    folder.mkdir()
    data = json.loads(text("village"))
    (folder / "on-time.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    data["rules"] = {"proxy_deadline_days": 3}  # the proxy filed on 19 May, two days before, is late
    (folder / "late.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["compliance", "--format", "json", str(folder)]) == 0
    rows = {row["check"]: row for row in json.loads(capsys.readouterr().out)["checks"]}
    proxy = rows["proxy-filed"]
    assert (proxy["met"], proxy["not met"], proxy["cannot tell"], proxy["not applicable"]) == (1, 1, 0, 0)
    assert [p.rsplit("/", 1)[-1] for p in proxy["failing"]] == ["late.json"]
    assert rows["youth"]["age"] == [35]


def test_compliance_csv_keeps_the_machine_values(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """A CSV is data: the same codes in either language (documented in --help and docs)."""
    folder = _folder(tmp_path)
    main(["compliance", "--csv", "--lang", "zh", str(folder)])
    zh = capsys.readouterr().out
    main(["compliance", "--csv", "--lang", "en", str(folder)])
    assert capsys.readouterr().out == zh
    header, *lines = zh.splitlines()
    assert header == "check,rule,statutory,met,not met,cannot tell,not applicable,failing"
    assert "proxy-filed,V-16,True,1,0,0,0," in lines
