"""The chart engine (vl-convert) kept in a worker process, so a crash in it ends no server.

vl-convert runs Vega in an embedded JavaScript engine written in Rust. Some input
makes it panic, and a panic there aborts the whole process (SIGABRT): a control
character such as ESC in a chart's text is one. In the app, that process is the
Streamlit server, so one stranger's file would disconnect every session.

Every chart is therefore drawn in one worker process, started the first time a
chart is asked for and reused after (its engine starts in about a
second, a chart then takes 0.1-0.2 s). When the worker dies, the chart asked for
fails with :class:`ChartRenderError`, a new worker is started for the next chart,
and the process that asked carries on. A chart that takes longer than
:data:`RENDER_TIMEOUT_SECONDS` fails the same way and its worker is stopped.

The worker is started with ``spawn``: a fresh interpreter, not a copy of the server
with its threads. As with any ``spawn``, a script that draws charts must keep its
top level under ``if __name__ == "__main__":`` (Streamlit, ``leverage`` and pytest do).
This module imports neither pandas nor the models, so the worker starts light.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Literal

#: Longest a chart may take to draw before its worker is stopped. [s]
RENDER_TIMEOUT_SECONDS = 60.0

#: Charts a worker draws before a fresh one replaces it, which bounds its memory.
TASKS_PER_WORKER = 500

ImageFormat = Literal["svg", "png"]


class ChartRenderError(RuntimeError):
    """The chart engine could not draw a chart (it refused the spec, crashed or took too long)."""


def draw_in_this_process(spec: dict[str, Any], image_format: ImageFormat, scale: float) -> Any:
    """Draw a Vega-Lite ``spec`` with vl-convert here: SVG text or PNG bytes.

    Runs in the worker; called directly it takes the calling process down with it
    when vl-convert panics.
    """
    import vl_convert

    if image_format == "svg":
        return str(vl_convert.vegalite_to_svg(spec))
    return bytes(vl_convert.vegalite_to_png(spec, scale=scale))


_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None


def _worker_pool() -> ProcessPoolExecutor:
    """The worker, started on first use."""
    global _pool
    with _lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                max_tasks_per_child=TASKS_PER_WORKER,
            )
        return _pool


def _discard(pool: ProcessPoolExecutor) -> None:
    """Stop a broken or stuck worker; the next chart starts a new one."""
    global _pool
    with _lock:
        if _pool is pool:
            _pool = None
    processes = dict(getattr(pool, "_processes", None) or {})
    for process in processes.values():
        if process.is_alive():
            process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def _attempt(spec: dict[str, Any], image_format: ImageFormat, scale: float) -> Any:
    pool = _worker_pool()
    try:
        future: Future[Any] = pool.submit(draw_in_this_process, spec, image_format, scale)
        return future.result(timeout=RENDER_TIMEOUT_SECONDS)
    except BrokenProcessPool:
        _discard(pool)
        raise
    except FutureTimeout as error:
        _discard(pool)
        raise ChartRenderError(
            f"the chart took longer than {RENDER_TIMEOUT_SECONDS:g} s to draw"
        ) from error


def render(spec: dict[str, Any], image_format: ImageFormat, scale: float = 1.0) -> Any:
    """Draw a Vega-Lite ``spec`` in the worker: SVG text or PNG bytes (``scale`` px per px).

    Raises :class:`ChartRenderError` when the chart could not be drawn. A worker that
    died while drawing another caller's chart costs this one a retry, not a failure.
    """
    try:
        try:
            return _attempt(spec, image_format, scale)
        except BrokenProcessPool:
            return _attempt(spec, image_format, scale)
    except BrokenProcessPool as error:
        raise ChartRenderError("the chart engine stopped while drawing this chart") from error
    except ChartRenderError:
        raise
    except Exception as error:
        raise ChartRenderError(f"the chart engine refused this chart ({error})") from error
