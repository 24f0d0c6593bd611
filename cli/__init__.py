"""The command line (``leverage …``, also ``python -m models …``): the top layer.

It calls the same functions of ``models/``, ``charts/`` and ``reports/`` as the app.
"""

from cli.commands import main, run

__all__ = ["main", "run"]
