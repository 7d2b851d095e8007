"""Draws the pictures of docs/forms.md (docs/img/form-*.png) from the built-in examples.

Run from the repository root on a machine with Chromium and poppler-utils:
    python tools/make_form_pictures.py
Each picture is the first page of a form, printed by Chromium and drawn by pdftoppm at 50 dpi.
"""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys
import tempfile

from tally import records
from tally.examples import load
from tally.forms import print_pdfs, render

OUT = pathlib.Path(__file__).parent.parent / "docs" / "img"
PICTURES = {  # picture: (example, form)
    "form-ballot": ("branch", "ballot"),
    "form-sign-in": ("village", "sign-in"),
    "form-tally-sheet": ("branch", "tally-sheet"),
    "form-result": ("branch", "result"),
}


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("needs pdftoppm (apt-get install poppler-utils)", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        jobs = []
        for picture, (example, form) in PICTURES.items():
            page = folder / f"{picture}.html"
            page.write_text(render(records.Record.from_dict(load(example)), form, lang="zh"), encoding="utf-8")
            jobs.append((page, folder / f"{picture}.pdf"))
        print_pdfs(jobs)
        for picture in PICTURES:
            pdf = folder / f"{picture}.pdf"
            subprocess.run(
                ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(OUT / picture)],
                check=True,
            )
            print(OUT / f"{picture}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
