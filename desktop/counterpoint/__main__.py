"""Run the command line with `python -m counterpoint`."""

import sys

from counterpoint.cli import main

sys.exit(main())
