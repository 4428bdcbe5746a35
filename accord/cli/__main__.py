"""``python -m accord.cli``: the same commands as the ``accord`` script."""

from accord.cli import app

app()
