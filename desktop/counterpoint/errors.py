"""Errors a user can act on: the command line prints them as one line, the GUI in a message box."""


class UserError(Exception):
    """A mistake in what the user asked for or gave us (missing file, bad date, unknown id)."""
