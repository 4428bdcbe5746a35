"""The ``accord`` command line: a thin shell over the library API.

Commands parse options, call :mod:`accord`, and print. Errors raised on purpose
(:class:`accord.errors.AccordError`) become one line on stderr and exit code 1; a bad file in a
batch is reported and skipped, and the exit code is non-zero only when nothing was processed.
Progress goes to stderr so stdout stays clean for pipes.
"""

from accord.cli import analysis, corpus  # noqa: F401  (importing a module registers its commands, in this order)
from accord.cli._shell import app, reflow_command_help

reflow_command_help(app)

__all__ = ["app"]
