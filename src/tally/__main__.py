"""``python -m tally``: the same as the ``tally`` command."""

import sys  # noqa: io - the command line is the edge

from .cli import main

sys.exit(main())
