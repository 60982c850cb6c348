"""``python -m siaga``: see :mod:`siaga.cli`."""

import sys

from .cli import main

sys.exit(main())
