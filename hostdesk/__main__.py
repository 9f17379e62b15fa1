"""`python -m hostdesk` runs the command line (the GUI when given no arguments)."""

import sys

from hostdesk.cli import main

sys.exit(main())
