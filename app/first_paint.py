"""The Plan page's first paint: a session's first run in a browser draws the title and the
headline figures alone, and the whole app follows a moment later.

Streamlit's frontend shows a run's elements only once it has fetched and evaluated the code of
every element type in that run: the Plan page's first run uses about thirty (the editor's
widgets, the charts' 775 kB Vega engine, the sidebar's buttons), so its first figure waited for
all of them, about 1.5× as long as a bare app's. The title and the metric cards need none beyond
what Streamlit loads anyway, so the first run draws them alone, with a fragment whose timer asks
for the whole app once they are on screen (``run_every``: the browser starts the timer when the
run reaches it). The whole run then draws the same title and cards in the same places, and the
editor, the charts and the sidebar's scenario actions below and beside them.

Every later Plan page run in a browser sends its headline figures and then waits a moment
(``let_the_headline_draw``) before it goes on with the editor and the charts. The frontend draws
what arrives in batches, the first one 10 ms after a run's first element; a batch that holds the
two charts costs 50-90 ms to draw (Vega embeds them again). Without the wait an edit's new
figures came in the same batch as the charts, so they showed when the charts did; with it they
come in a batch of their own, about 30 ms sooner, and the rest of the page about as much later
as the wait (docs/performance.md, "An edit: the headline figures drawn before the rest").

A run without a browser (AppTest: no request headers) has no one to paint for: it draws the
whole app at once, with no wait.
"""

from __future__ import annotations

import time

import streamlit as st

from app.plain_text import plain
from app.results import headline
from app.state import current_scenario
from models.evaluation import evaluate

#: Key of the first paint's container (its CSS class, st-key-first_paint, tells the browser
#: tests that the whole app has not been drawn yet).
MARKER = "first_paint"
#: Set once the title and the headline figures have been drawn in this session.
PAINTED = "first_paint_painted"
#: After the first paint's run reaches the browser, when the whole app is asked for: long
#: enough for the browser to show the figures first (about 0.2 s after the run on this
#: machine). [s]
WHOLE_APP_AFTER_SECONDS = 0.3
#: How long a Plan page run in a browser waits once its headline figures are sent: longer
#: than the frontend's 10 ms batching, short against the rest of the run. The figures showed
#: at least as soon with 15 ms as with 30 ms, and the run's end came 17 ms later where 30 ms
#: cost 28 ms. [s]
HEADLINE_ALONE_SECONDS = 0.015


def in_a_browser() -> bool:
    """Whether a browser is connected to this session (AppTest sends no request headers)."""
    return bool(st.context.headers)


def let_the_headline_draw() -> None:
    """In a browser, wait ``HEADLINE_ALONE_SECONDS`` so that the figures just sent are drawn
    on their own before the rest of the run arrives. The wait holds no lock: other sessions'
    runs and this session's messages go on meanwhile."""
    if in_a_browser():
        time.sleep(HEADLINE_ALONE_SECONDS)


@st.fragment(run_every=WHOLE_APP_AFTER_SECONDS)
def _whole_app_follows() -> None:
    """Nothing on screen: on its timer, once the first paint has been sent, the whole app runs
    (and its run stops the timer)."""
    if st.session_state.get(PAINTED):
        st.rerun(scope="app")


def paint_headline_first() -> None:
    """The Plan page's title and headline figures alone, as the whole page draws them; the
    whole app follows on the fragment's timer and draws them again in their place."""
    scenario = current_scenario()  # the draft checked once, for the title and the figures
    with st.container(key=MARKER):
        st.title(plain(scenario.name))
        headline(scenario, evaluate(scenario))
    _whole_app_follows()
    st.session_state[PAINTED] = True
