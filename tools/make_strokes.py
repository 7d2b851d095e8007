"""Writes the stroke table src/tally/strokes.txt (and its licence beside it) from cnchar-order.

The table gives, for each character, the kinds of its strokes in writing order, as the five
classes that 姓氏笔画 ordering compares (P-15, P-26): 1 横, 2 竖, 3 撇, 4 点, 5 折. The source is
the stroke-order data of the npm package ``cnchar-order`` (MIT licence, © theajack), which names
26 stroke shapes by a letter each. They fold into the five classes as the 1965 印刷通用汉字字形表
does, and as the preface of GF 2001-2001《GB13000.1字符集汉字折笔规范》restates it: 提 counts as
横, 竖钩 as 竖, 捺 as 点, every turning stroke (折笔) as 折.

Run from the repository root, with the package tarball fetched by hand (it is not committed):

    cd "$(mktemp -d)" && npm pack cnchar-order@3.2.6 && cd - &&
    python tools/make_strokes.py /tmp/.../cnchar-order-3.2.6.tgz

The script reads the tarball without unpacking it, refuses a letter it does not know, and
writes the same file for the same input.
"""

from __future__ import annotations

import hashlib
import json
import pathlib
import re
import sys
import tarfile

OUT = pathlib.Path(__file__).parent.parent / "src" / "tally"

# cnchar's letters (its README, "orderToWord.orders") -> the five classes.
KINDS = {
    "j": "1",  # 横
    "i": "1",  # 提: counts as 横
    "f": "2",  # 竖
    "g": "2",  # 竖钩: counts as 竖
    "s": "3",  # 撇
    "k": "4",  # 点
    "d": "4",  # 点 written short and rising (the second stroke of 宀, the first of 心): a 点
    "l": "4",  # 捺: counts as 点
    # every turning stroke (折笔) is 折
    "a": "5",  # 横折折撇
    "b": "5",  # 竖弯
    "c": "5",  # 横折
    "e": "5",  # 横撇, 横钩
    "h": "5",  # 竖提
    "m": "5",  # 撇点
    "n": "5",  # 撇折
    "o": "5",  # 横斜钩
    "p": "5",  # 横折提
    "q": "5",  # 横折折折
    "r": "5",  # 横折钩
    "t": "5",  # 弯钩
    "u": "5",  # 竖弯钩
    "v": "5",  # 横折折, 横折弯
    "w": "5",  # 横折折折钩, 横撇弯钩
    "x": "5",  # 竖折撇, 竖折折
    "y": "5",  # 斜钩, 卧钩
    "z": "5",  # 竖折折钩
}


def read(tarball: pathlib.Path) -> tuple[dict[str, str], str, str]:
    """The character -> letters table, the package version and its licence text."""
    with tarfile.open(tarball) as tar:

        def text(name: str) -> str:
            member = tar.extractfile(f"package/{name}")
            if member is None:
                raise SystemExit(f"{tarball}: no package/{name}")
            return member.read().decode("utf-8")

        script = text("cnchar.order.min.js")
        licence = text("LICENSE")
        meta = json.loads(text("package.json"))
    if meta.get("name") != "cnchar-order" or meta.get("license") != "MIT":
        raise SystemExit(f"{tarball}: not the MIT-licensed cnchar-order package")
    blobs = re.findall(r"JSON\.parse\('(.*?)'\)", script, re.S)
    tables = [json.loads(b) for b in blobs]
    table = next((t for t in tables if isinstance(t, dict) and "王" in t), None)
    if table is None:
        raise SystemExit(f"{tarball}: no stroke table found in cnchar.order.min.js")
    return table, meta["version"], licence


def convert(table: dict[str, str]) -> dict[str, str]:
    out = {}
    for char, letters in table.items():
        if len(char) != 1 or not letters:
            raise SystemExit(f"unexpected entry {char!r}: {letters!r}")
        unknown = set(letters) - KINDS.keys()
        if unknown:
            raise SystemExit(f"{char}: unknown stroke letters {sorted(unknown)}")
        out[char] = "".join(KINDS[x] for x in letters)
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    tarball = pathlib.Path(argv[0])
    table, version, licence = read(tarball)
    kinds = convert(table)
    digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
    lines = [
        "# Stroke kinds of each character in writing order: 1 横 (提), 2 竖 (竖钩), 3 撇, 4 点 (捺), 5 折.",
        f"# Made by tools/make_strokes.py from the npm package cnchar-order {version}",
        f"# (sha256 of the tarball {digest}).",
        "# Its data is under the MIT licence, copyright (c) 2017 - present theajack: see strokes-LICENSE.txt.",
        *(f"{char}{kinds[char]}" for char in sorted(kinds)),
    ]
    (OUT / "strokes.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    notice = (
        "src/tally/strokes.txt is derived from the stroke-order data of the npm package\n"
        f"cnchar-order {version} (https://github.com/theajack/cnchar), which carries this licence:\n\n"
    )
    (OUT / "strokes-LICENSE.txt").write_text(notice + licence.rstrip() + "\n", encoding="utf-8")
    print(f"{len(kinds)} characters from cnchar-order {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
