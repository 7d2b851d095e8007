"""The ``tally`` command.

``tally example`` prints the built-in worked example (EX-P-01 of the specification) as a quorum
report, so that a new user sees a full result with no file of their own.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__
from .errors import TallyError
from .examples import ex_p_01
from .report import quorum_report

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tally",
        description="Count and explain grassroots election meetings, rule by rule.",
    )
    parser.add_argument("--version", action="version", version=f"tally {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    example = commands.add_parser("example", help="print the built-in worked example (EX-P-01) as a quorum report")
    example.add_argument("--lang", choices=("en", "zh"), default="en", help="report language")
    example.add_argument(
        "--present",
        type=int,
        default=34,
        metavar="N",
        help="how many members of the electorate sign in (0 to 40; default 34)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 fine, 2 bad input)."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "example":
            if not 0 <= args.present <= 40:
                print("tally: --present: must be from 0 to 40", file=sys.stderr)
                return 2
            print(quorum_report(ex_p_01(present=args.present), lang=args.lang))
            return 0
    except TallyError as error:
        for line in str(error).splitlines():
            print(f"tally: {line.strip()}", file=sys.stderr)
        return 2
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
