"""``python -m tally``: the same as the ``tally`` command."""

from .cli import main

raise SystemExit(main())
