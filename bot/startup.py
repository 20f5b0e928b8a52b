"""The error start-up stops with, apart from the runner so that the command line can name it
before it loads the bot (see ``bot.cli.main``)."""

from __future__ import annotations


class StartupError(Exception):
    """Start-up cannot go on; the message is one line for the operator (exit status 2)."""
