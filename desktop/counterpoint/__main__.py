"""Run the command line with `python -m counterpoint`."""

import multiprocessing
import sys

from counterpoint.cli import main

# In the standalone bundle (PyInstaller) this is where a helper process started by multiprocessing (the
# analysis forkserver, a spawned PDF reader, the resource tracker) runs its own code instead of the app.
# Elsewhere it does nothing.
multiprocessing.freeze_support()
sys.exit(main())
