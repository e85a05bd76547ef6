"""python -m bot: the same as the electionbot command."""

import sys

from bot.cli import main

sys.exit(main())
