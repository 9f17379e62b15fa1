"""`python -m hostdesk.hub`: the hub's command line, as `hostdesk-hub`."""

import sys

from hostdesk.hub.cli import main

sys.exit(main())
