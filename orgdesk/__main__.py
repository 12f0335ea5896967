"""`python -m orgdesk` runs the command-line entry point."""
from __future__ import annotations

import sys

from orgdesk.cli import main

sys.exit(main())
