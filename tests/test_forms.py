"""Printed forms: ballot (P-15 … P-21, V-14, V-20), sign-in sheet, tally sheet, result report (P-26),
their words, the bar chart, the command and the PDFs that headless Chromium prints of them."""

from __future__ import annotations

import json
import os
import pathlib
import re
import shutil
import subprocess
from typing import Any

import pytest

from tally import records
from tally.cli import main
from tally.errors import RecordError
from tally.examples import NAMES, load
from tally.forms import FORMS, PRINT_CSS, WORDS, PrintError, bar_chart, bundle, find_chromium, print_pdfs, render
from tally.strokes import by_strokes

Capture = pytest.CaptureFixture[str]
FORMS_SRC = pathlib.Path(__file__).parent.parent / "src" / "tally" / "forms"
APPROVED = {"secretary", "deputy-secretary"}

# A contest of 40 candidates for 33 seats (P-13: at least 20% more candidates than seats), listed
# in the record in no particular order: the ballot runs over more than one page.
FORTY = [
    "郭靖", "丁一山", "卜凡", "于小川", "马丽", "王芳", "王建国", "孔伟", "石磊", "叶红", "田富", "田大利", "白雪",
    "冯军", "司马光", "刘洋", "许强", "孙悦", "李娜", "李希", "杨帆", "吴敏", "何静", "张伟", "陈晨", "林峰",
    "欧阳明远", "罗兰", "周杰", "郑直", "赵敏", "胡军", "钟秀", "俞平", "姜涛", "贺龙飞", "秦岭", "袁野", "徐涛",
    "高原",
]  # fmt: skip


def big_record() -> dict[str, Any]:
    """A party meeting electing 33 delegates from the 40 candidates of FORTY, from a tally sheet."""
    roll = [{"id": f"M{i:02}", "name": name} for i, name in enumerate(FORTY, 1)]
    roll += [{"id": f"M{i:02}", "name": f"韩{c}"} for i, c in zip(range(41, 46), "一二三四五", strict=True)]
    candidates = [m["id"] for m in roll[:40]]
    votes = {who: 10 + (i * 7) % 30 for i, who in enumerate(candidates)}
    return {
        "format": "tally.record/1",
        "title": "某镇机关党委选举出席上级党代会代表",
        "kind": "party-meeting",
        "rulebook": "cpc-basic-2020",
        "day": "2026-06-18",
        "roll": roll,
        "present": [m["id"] for m in roll[:40]],
        "contests": [{"id": "delegates", "title": "出席上级党代会代表", "seats": 33, "candidates": candidates[::-1]}],
        "ballots": {"collected": 40, "totals": {"delegates": {"valid": 39, "invalid": 1, "for": votes}}},
    }


def record(name: str) -> records.Record:
    return records.Record.from_dict(load(name))


def names_of(rec: records.Record) -> dict[str, str]:
    return {p.id: p.name for p in rec.roll if p.name}


def expected_ballot(rec: records.Record) -> list[list[str]]:
    """P-15: each contest's candidates by surname strokes; a secretary's or deputy's as approved."""
    names = names_of(rec)
    return [
        [names[w] for w in c.candidates] if c.post.value in APPROVED else by_strokes(names[w] for w in c.candidates)
        for c in rec.contests
    ]


def cells(page: str, cls: str) -> list[str]:
    return re.findall(rf'<td class="{cls}">(.*?)</td>', page)


# --- the HTML, always --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", NAMES)
def test_every_form_of_every_example_is_a_self_contained_page(name: str, form: str, lang: str) -> None:
    """Each form is one HTML document with its print stylesheet, no script and nothing fetched."""
    page = render(record(name), form, lang=lang)
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<style>") == 1
    assert "@page" in page
    for fetched in ("<script", "src=", "href=", "url(", "@import", "http:", "https:", "<link"):
        assert fetched not in page, fetched


@pytest.mark.parametrize("name", NAMES)
def test_ballot_lists_candidates_in_surname_stroke_order(name: str) -> None:
    """P-15: committee and delegate candidates by surname strokes, secretaries as approved."""
    rec = record(name)
    listed = [n for contest in expected_ballot(rec) for n in contest]
    assert [c for c in cells(render(rec, "ballot"), "name") if c] == listed
    assert cells(render(rec, "tally-sheet"), "name")[: len(rec.contests[0].candidates)] == expected_ballot(rec)[0]


def test_secretary_candidates_keep_the_approved_order() -> None:
    """P-15: the secretary's candidates are listed in the order the record gives, not by strokes."""
    data = load("exact-half")
    data["contests"][0]["candidates"] = data["contests"][0]["candidates"][::-1]
    rec = records.Record.from_dict(data)
    names = names_of(rec)
    listed = [c for c in cells(render(rec, "ballot"), "name") if c]
    assert listed == [names[w] for w in rec.contests[0].candidates]
    assert listed != by_strokes(listed)  # the approved order here is not the stroke order
    assert "按批准的顺序" in render(rec, "ballot")


def test_party_ballots_have_three_boxes_and_village_ballots_one() -> None:
    """P-19: 赞成, 不赞成, 弃权 for each candidate; V-14: one box, ○ for, × against, blank to abstain."""
    party = render(record("branch"), "ballot")
    assert '<th class="box">赞成</th><th class="box">不赞成</th><th class="box">弃权</th>' in party
    assert party.count('<td class="box">') == 3 * 4
    village = render(record("village"), "ballot")
    assert village.count('<td class="box1">') == sum(len(c.candidates) for c in record("village").contests)
    assert "不赞成的画“×”，弃权的不画任何符号" in village


def test_ballot_rules_follow_the_rulebook() -> None:
    """P-19, P-21, OQ-P4, V-20: seats and validity, the write-in policy, the women's post."""
    branch = render(record("branch"), "ballot")
    assert "等于或少于3名的为有效票，多于3名的为无效票" in branch
    assert "对不赞成的候选人，可以另选他人" in branch
    assert "没有投不赞成票而另选他人的，另选的人不计票" in branch  # writein_refusal "mark"
    assert branch.count('<table class="writein">') == 1
    assert len(re.findall(r'<table class="writein">.*?</table>', branch, re.S)[0].split('<tr class="tall">')) == 4
    village = render(record("womens-seat"), "ballot")
    assert "本栏无效，其他栏照常计票" in village  # OQ-V5: a section, not the paper
    assert "同一人被选为两个以上职务的，整张选票无效" in village  # V-20 (浙江)
    assert village.count("本职位由妇女担任，另选的须为妇女") == 1  # V-30: the women-member post only
    data = load("branch")
    data["rules"] = {"writein_policy": "none"}
    closed = render(records.Record.from_dict(data), "ballot")
    assert "本次选举不得另选他人" in closed
    assert '<table class="writein">' not in closed
    data["rules"] = {"writein_policy": "with-against", "writein_refusal": "section"}
    assert "本栏选票无效" in render(records.Record.from_dict(data), "ballot")


def test_tie_break_ballot_has_no_write_in() -> None:
    """P-23: another vote among the tied only: no write-in lines."""
    page = render(record("tie-break"), "ballot")
    assert "只在得票相等的候选人中进行" in page
    assert '<table class="writein">' not in page


def test_sign_in_sheet_columns_by_kind() -> None:
    """A party sign-in shows standing and the vote; a polling's shows the proxies each agent holds."""
    branch = render(record("branch"), "sign-in")
    for words in ("类别", "选举权", "预备党员", "无（预备党员）", "经批准不计入应到会人数", "应到会11人"):
        assert words in branch
    village = render(record("village"), "sign-in")
    rec = record("village")
    names = names_of(rec)
    for outcome in rec.meeting().proxies:  # type: ignore[union-attr]
        held = f"{names[outcome.proxy.principal]}（1人）"
        assert (held in village) == outcome.accepted
    assert "流动票箱投票" in village
    assert "无（选举日未满十八周岁）" in village
    assert all(name in cells(village, "name") for name in names.values())


def _result_rows(page: str) -> list[list[str]]:
    table = re.findall(r'<table class="votes">.*?</table>', page, re.S)
    rows = [re.findall(r"<td[^>]*>(.*?)</td>", row) for t in table for row in re.findall(r"<tr>(.*?)</tr>", t)]
    return [row for row in rows if row]


@pytest.mark.parametrize("name", NAMES)
def test_result_states_what_the_count_decided(name: str) -> None:
    """Every person's votes and the outcome; a round that is not valid has no winners and no verdict
    on its papers (P-10, P-20, V-19)."""
    rec = record(name)
    rnd = rec.count()
    names = names_of(rec)
    page = render(rec, "result")
    if not rnd.valid:
        assert "无人当选" in page
        assert "有效票" not in page
        assert "当选名单" not in page
        assert _result_rows(page) == []
        return
    rows = _result_rows(page)
    shown = {row[1].removesuffix("（另选）"): (int(row[2]), row[3]) for row in rows}
    for c in rnd.contests:
        assert f"有效票{c.valid}张，无效票{c.invalid}张" in page
        for who, n in c.votes.items():
            assert shown[names[who]][0] == n
            assert (shown[names[who]][1] == "当选") == (who in c.elected)
    assert "计票人" in page
    assert "总监票人" in page


def test_result_lists_the_elected_in_stroke_order() -> None:
    """P-26: the elected committee members by surname strokes."""
    rec = record("more-qualifiers")
    names = names_of(rec)
    elected = [names[w] for w in rec.count().contests[0].elected]
    assert f"当选（按姓氏笔画为序）：{'、'.join(by_strokes(elected))}" in render(rec, "result")


def test_result_puts_secretary_and_deputy_first_in_the_approved_order() -> None:
    """P-26: the secretary and deputies first, as approved; then the members by strokes."""
    roll = [{"id": f"M{i}", "name": n} for i, n in enumerate(["赵敏", "钱进", "孙悦", "李娜", "王芳", "周杰", "吴敏"])]
    data = {
        "format": "tally.record/1",
        "title": "支部委员会第一次全体会议",
        "kind": "party-meeting",
        "rulebook": "cpc-basic-2020",
        "day": "2026-05-22",
        "roll": roll,
        "present": [m["id"] for m in roll],
        "contests": [
            {"id": "m", "title": "委员", "seats": 3, "candidates": ["M3", "M4", "M5", "M6"]},
            {"id": "d", "post": "deputy-secretary", "seats": 2, "candidates": ["M2", "M0"]},
            {"id": "s", "post": "secretary", "seats": 1, "candidates": ["M1"]},
        ],
        "ballots": {"collected": 7, "items": [{"m": {"for": ["M3", "M4", "M5"]}, "d": {"for": ["M2", "M0"]},
                                               "s": {"for": ["M1"]}}] * 7},
    }  # fmt: skip
    page = render(records.Record.from_dict(data), "result")
    summary = re.findall(r"<li>(.*?)</li>", page)
    assert summary == ["书记：钱进", "副书记：孙悦、赵敏", "委员（按姓氏笔画为序）：王芳、李娜、周杰"]


def test_a_person_without_a_name_or_with_an_unknown_character_is_an_error() -> None:
    """P-15 cannot be applied without a name, and a character with no stroke data is never guessed."""
    data = load("branch")
    del data["roll"][1]["name"]
    data["roll"][2]["name"] = "𠮷娜"
    with pytest.raises(RecordError) as caught:
        render(records.Record.from_dict(data), "ballot")
    assert [p.path for p in caught.value.problems] == ["roll[1].name", "roll[2].name"]
    assert "'𠮷' (U+20BB7)" in str(caught.value)


def test_every_word_exists_in_both_languages() -> None:
    """Each key has a Chinese and an English text with the same placeholders, and each is used."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in FORMS_SRC.glob("*.py") if p.name != "words.py")
    for key, texts in WORDS.items():
        assert set(texts) == {"zh", "en"}, key
        assert texts["zh"].strip(), key
        assert texts["en"].strip(), key
        assert set(re.findall(r"{(\w+)}", texts["zh"])) == set(re.findall(r"{(\w+)}", texts["en"])), key
        parts = key.split("-")
        prefixes = ("-".join(parts[:i]) + "-{" for i in range(1, len(parts)))
        assert f'"{key}"' in source or f"'{key}'" in source or any(f'"{p}' in source for p in prefixes), key


def test_bar_chart_draws_the_threshold() -> None:
    """The threshold line stands where the least winning number of votes is on the scale of the base."""
    result = record("branch").count()["committee"]
    svg = bar_chart(result, names={"M01": "张伟"}, lang="en")
    assert svg.startswith("<svg")
    assert svg.rstrip().endswith("</svg>")
    assert "<script" not in svg
    x = re.search(r'<line class="threshold" x1="(\d+)"', svg)
    assert x is not None
    assert int(x.group(1)) == 150 + 6 * (640 - 150 - 44 - 10) // 10  # threshold 6 of a base of 10
    assert svg.count('fill="#333"') == 1  # one elected
    assert "threshold 6" in svg
    tie = record("tie-break").count()["committee"]
    assert 'class="threshold"' not in bar_chart(tie)  # P-23: the most votes win, no line


def test_print_stylesheet() -> None:
    """A4, margins, a page break between sheets, rows never cut, table heads repeated."""
    for rule in (
        "size: A4",
        "margin:",
        ".sheet + .sheet { break-before: page;",
        "tr, th, td, .keep { break-inside: avoid;",
        "thead { display: table-header-group; }",
    ):
        assert rule in PRINT_CSS, rule


# --- the command -------------------------------------------------------------------------------


def _write(tmp_path: pathlib.Path, name: str, data: object) -> pathlib.Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_cli_offers_every_form(capsys: Capture) -> None:
    """The command's --form choices are the forms tally makes."""
    with pytest.raises(SystemExit):
        main(["forms", "record.json", "--form", "poster"])
    offered = re.search(r"choose from (.*)\)", capsys.readouterr().err)
    assert offered is not None
    assert tuple(re.findall(r"'([\w-]+)'", offered.group(1))) == FORMS


def test_cli_forms_writes_html(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """`tally forms RECORD --form NAME` prints HTML, or writes it to -o FILE."""
    path = _write(tmp_path, "branch.json", load("branch"))
    assert main(["forms", str(path), "--form", "ballot", "--lang", "en"]) == 0
    assert "Ballot paper" in capsys.readouterr().out
    out = tmp_path / "result.html"
    assert main(["forms", str(path), "--form", "result", "-o", str(out)]) == 0
    assert "选举结果报告单" in out.read_text(encoding="utf-8")


def test_cli_forms_never_writes_over_the_record(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """-o naming the record itself is refused, and the record is left as it was."""
    path = _write(tmp_path, "branch.json", load("branch"))
    before = path.read_bytes()
    for fmt in ("html", "pdf"):
        assert main(["forms", str(path), "--form", "ballot", "--format", fmt, "-o", str(path)]) == 2
        assert "is the record itself" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_cli_forms_errors(tmp_path: pathlib.Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch) -> None:
    """PDF needs -o and Chromium: a clear message and exit 2; a broken record names its path."""
    path = _write(tmp_path, "branch.json", load("branch"))
    assert main(["forms", str(path), "--form", "ballot", "--format", "pdf"]) == 2
    assert "needs -o FILE" in capsys.readouterr().err
    monkeypatch.setenv("TALLY_CHROMIUM", str(tmp_path / "no-such-chromium"))
    assert main(["forms", str(path), "--form", "ballot", "--format", "pdf", "-o", str(tmp_path / "b.pdf")]) == 2
    assert "PDF needs Chromium" in capsys.readouterr().err
    assert not (tmp_path / "b.pdf").exists()
    with pytest.raises(PrintError, match="PDF needs Chromium"):
        print_pdfs([(tmp_path / "a.html", tmp_path / "a.pdf")])
    data = load("branch")
    del data["roll"][0]["name"]
    assert main(["forms", str(_write(tmp_path, "x.json", data)), "--form", "result"]) == 2
    assert "roll[0].name" in capsys.readouterr().err


# --- printed by Chromium ------------------------------------------------------------------------


def _tools() -> None:
    missing = [t for t in ("pdftotext", "pdftoppm", "pdfinfo") if shutil.which(t) is None]
    if find_chromium() is None:
        missing.insert(0, "chromium")
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must print the forms, but {', '.join(missing)} is missing (see .ci/run)")
        pytest.skip(f"no {', '.join(missing)}: the forms are not printed")


class Printed:
    """The PDFs of one browser run, read back with poppler."""

    def __init__(self, folder: pathlib.Path) -> None:
        self.folder = folder

    def pdf(self, key: str) -> pathlib.Path:
        return self.folder / f"{key}.pdf"

    def text(self, key: str) -> str:
        done = subprocess.run(["pdftotext", "-layout", str(self.pdf(key)), "-"], capture_output=True, check=True)
        return done.stdout.decode("utf-8")

    def pages(self, key: str) -> int:
        info = subprocess.run(["pdfinfo", str(self.pdf(key))], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    """Every form of every example (one document per example) and the 40-candidate forms, printed
    by one browser."""
    _tools()
    folder = tmp_path_factory.mktemp("printed")
    jobs = []
    pages = {f"example-{name}": bundle(record(name)) for name in NAMES}
    pages["example-branch-en"] = bundle(record("branch"), lang="en")
    big = records.Record.from_dict(big_record())
    pages.update({f"big-{form}": render(big, form) for form in ("ballot", "tally-sheet", "result")})
    for key, page in pages.items():
        (folder / f"{key}.html").write_text(page, encoding="utf-8")
        jobs.append((folder / f"{key}.html", folder / f"{key}.pdf"))
    print_pdfs(jobs)
    return Printed(folder)


_TITLES = {"选票": "ballot", "签到表": "sign-in", "计票单": "tally-sheet", "选举结果报告单": "result"}


def _by_form(text: str) -> dict[str, str]:
    """The text of a bundle's pages, by the form whose sheet they belong to."""
    out: dict[str, str] = {}
    form = ""
    for page in text.split("\f"):
        lines = [line for line in page.splitlines() if line.strip()]
        head = re.sub(r"\s", "", lines[0]) if lines else ""
        form = _TITLES.get(head, form)
        out[form] = out.get(form, "") + page + "\f"
    return out


def _tokens(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("name", NAMES)
def test_printed_forms_carry_every_name_and_vote(printed: Printed, name: str) -> None:
    """In the PDF: the candidates in ballot order (P-15) on the ballot and the tally sheet, everyone on
    the sign-in sheet, and on the result each person's votes on the line of their name."""
    rec = record(name)
    names = names_of(rec)
    parts = _by_form(printed.text(f"example-{name}"))
    assert set(parts) == set(FORMS)
    expected = [n for contest in expected_ballot(rec) for n in contest]
    listed = set(expected)
    assert [t for t in _tokens(parts["ballot"]) if t in listed] == expected
    on_sheet = [t for t in _tokens(parts["tally-sheet"]) if t in listed]
    assert on_sheet == expected
    assert set(names.values()) <= set(_tokens(parts["sign-in"]))
    rnd = rec.count()
    lines = parts["result"].splitlines()
    for c in rnd.contests if rnd.valid else ():
        for who, n in c.votes.items():
            assert any(names[who] in line.split()[1].removesuffix("（另选）") and str(n) in line.split()
                       for line in lines if len(line.split()) > 2), (names[who], n)  # fmt: skip
    if not rnd.valid:
        assert "无人当选" in parts["result"]


def test_printed_pages_become_pngs(printed: Printed, tmp_path: pathlib.Path) -> None:
    """pdftoppm makes one PNG per printed page of every example's forms."""
    for name in NAMES:
        key = f"example-{name}"
        subprocess.run(["pdftoppm", "-png", "-r", "50", str(printed.pdf(key)), str(tmp_path / key)], check=True)
        pngs = sorted(tmp_path.glob(f"{key}-*.png"))
        assert len(pngs) == printed.pages(key)
        assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)


def test_forty_candidates_paginate_without_cutting_a_row(printed: Printed) -> None:
    """More than one page; every name once and whole, in stroke order; the table head on every page."""
    for form in ("ballot", "tally-sheet"):
        key = f"big-{form}"
        assert printed.pages(key) > 1
        text = printed.text(key)
        tokens = _tokens(text)
        assert [t for t in tokens if t in set(FORTY)] == by_strokes(FORTY)
        for name in FORTY:
            assert tokens.count(name) == 1, name
        for i, page in enumerate(text.split("\f")):
            if any(name in page for name in FORTY):
                assert "候选人（按姓氏笔画为序）" in page, (form, i)  # the head repeats
                for line in page.splitlines():  # a row's number and name stay on one line
                    if any(name in line.split() for name in FORTY):
                        assert line.split()[0].isdigit(), line
    result = printed.text("big-result")
    votes = big_record()["ballots"]["totals"]["delegates"]["for"]
    rows = {line.split()[1]: line.split()[2] for line in result.splitlines() if line.split()[1:2] and
            line.split()[1] in set(FORTY)}  # fmt: skip
    assert rows == {name: str(votes[f"M{i:02}"]) for i, name in enumerate(FORTY, 1)}


def test_english_forms_print(printed: Printed) -> None:
    """The English forms print with their Chinese names."""
    text = printed.text("example-branch-en")
    for words in ("Ballot paper", "Sign-in sheet", "Tally sheet", "Report of the result", "张伟"):
        assert words in text


def test_cli_prints_a_pdf(printed: Printed, tmp_path: pathlib.Path) -> None:
    """`tally forms --format pdf -o FILE` prints through Chromium."""
    path = _write(tmp_path, "village.json", load("village"))
    out = tmp_path / "ballot.pdf"
    assert main(["forms", str(path), "--form", "ballot", "--format", "pdf", "-o", str(out)]) == 0
    assert out.read_bytes()[:5] == b"%PDF-"
