"""Lets ``python -m desktop`` start the app."""

import sys

from desktop.app import main

sys.exit(main())
