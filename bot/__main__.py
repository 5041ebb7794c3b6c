"""`python -m bot`: the command line (`fvis-bot`)."""

from bot.cli.main import main

raise SystemExit(main())
