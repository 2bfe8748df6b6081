"""``python -m sitrep`` is the ``sitrep`` command."""

import sys

from .cli import main

sys.exit(main())
