"""The command line runs without pydantic's plugins, and without looking for them.

The first time pydantic builds a validator it asks ``pydantic.plugin._loader.get_plugins()``
for the plugins installed alongside it (observability tools register one under the
``pydantic`` entry-point group). That module imports ``importlib.metadata`` at its top, which
brings the ``email`` package, ``zipfile`` and ``csv`` with it, and then reads the entry points of
every installed distribution: about 30 ms of wall time in a ``leverage evaluate --json`` of
about 250 ms (docs/performance.md, "The command line without pydantic's plugin loader").

The command line uses no pydantic plugin. Before its first validator is built,
:func:`skip_pydantic_plugins` puts a module in the loader's place whose ``get_plugins`` finds
none: what pydantic does itself when ``PYDANTIC_DISABLE_PLUGINS=__all__`` is set, without the
import and the scan. Only the ``leverage`` process does this (:func:`cli.commands.run`); the app,
and a test that calls :func:`cli.commands.main` in its own process, keep pydantic's loader.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable

#: The module pydantic imports, inside the function that builds a validator, to find plugins.
PYDANTIC_PLUGIN_LOADER = "pydantic.plugin._loader"


def _no_plugins() -> Iterable[object]:
    """The plugins the command line runs with: none."""
    return ()


def skip_pydantic_plugins() -> None:
    """Stand in for pydantic's plugin loader in this process, unless it is already loaded.

    When the real loader is already imported (the command line run inside a process that
    validated something before), it stays: it has done its scan, and a second answer could
    differ from the first.
    """
    if PYDANTIC_PLUGIN_LOADER in sys.modules:
        return
    stand_in = types.ModuleType(
        PYDANTIC_PLUGIN_LOADER, "No pydantic plugins: see cli.pydantic_plugins."
    )
    stand_in.get_plugins = _no_plugins  # type: ignore[attr-defined]
    sys.modules[PYDANTIC_PLUGIN_LOADER] = stand_in
