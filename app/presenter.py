"""The presenter view: large type and nothing but the step, for a projector at the back of a room.

The entry file hides the navigation and the sidebar while it is on; this style makes
the figures, the lever's sentences, the model's warnings and the controls large, and
fits a step on a 1920 × 1080 projector without scrolling. The style is scoped to the
step's container (its key class ``st-key-workshop_step``), so nothing else on the
page changes, and it is the app's own CSS: no user text is ever written as HTML.

A step moves with → and ← (the Next and Back buttons' shortcuts) and with a clicker's
Page Down and Page Up: two more buttons with those shortcuts, kept out of sight.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from app.journey_state import go_to
from app.state import PRESENTER

# The presenter view's toggle (Workshop page) is app.state.PRESENTER: the entry file
# reads it to hide the navigation and the sidebar.

#: Key of the container that holds a workshop step (its CSS class: st-key-workshop_step).
STEP_VIEW = "workshop_step"
#: Key of the container of the step's warnings (over capacity, a group past its size …).
WARNINGS_VIEW = "workshop_warnings"
#: Key of the container of the clicker's buttons (Page Up, Page Down), never shown.
CLICKER = "journey_clicker"

_STEP = f".st-key-{STEP_VIEW}"

#: CSS of a view shown alone on a projector (the presenter view, the room view): no header,
#: no sidebar, the page's whole width.
ALONE_ON_THE_PAGE = """
header[data-testid="stHeader"], section[data-testid="stSidebar"],
[data-testid="stSidebarCollapsedControl"] { display: none; }
.block-container, [data-testid="stMainBlockContainer"] {
  padding-top: 1.25rem; padding-bottom: 1rem; max-width: 100%;
}
"""

PRESENTER_STYLE = f"""
<style>
{ALONE_ON_THE_PAGE}
{_STEP} {{ gap: 0.5rem; }}
{_STEP} h1 {{ font-size: 3rem !important; line-height: 1.1 !important; padding: 0 !important; }}
{_STEP} [data-testid="stCaptionContainer"] p {{ font-size: 1.5rem !important; }}
{_STEP} [data-testid="stMarkdownContainer"] p {{ font-size: 1.6rem; line-height: 1.35; }}
{_STEP} [data-testid="stMetricLabel"] p {{ font-size: 1.6rem !important; }}
{_STEP} [data-testid="stMetricValue"] p {{
  font-size: 4rem !important; line-height: 1.1 !important;
}}
{_STEP} [data-testid="stMetricDelta"] p {{ font-size: 1.6rem !important; }}
{_STEP} [data-testid="stNumberInput"] input {{ font-size: 2.2rem !important; height: 3.6rem; }}
{_STEP} [data-testid="stNumberInput"] label p {{ font-size: 1.5rem !important; }}
{_STEP} [data-testid="stBaseButton-primary"] p, {_STEP} [data-testid="stBaseButton-secondary"] p {{
  font-size: 1.6rem !important;
}}
.st-key-{WARNINGS_VIEW} [data-testid="stAlert"] p {{
  font-size: 2.2rem !important; font-weight: 700; line-height: 1.25;
}}
</style>
"""

#: Always on the Workshop page: the clicker's buttons work by their shortcuts alone.
CLICKER_STYLE = f"<style>.st-key-{CLICKER} {{ display: none; }}</style>"

#: The presenter switch gives up the keyboard's focus once clicked: Streamlit ignores
#: shortcuts while a form control has it, so → would otherwise do nothing until a click
#: elsewhere. Installed once per browser page; the app's own constant script, no user text.
LET_GO_OF_THE_SWITCH = (
    "<script>"
    "if (!window.leveragePresenterSwitch) {"
    "window.leveragePresenterSwitch = true;"
    "document.addEventListener('click', (event) => {"
    f"const switchClicked = event.target.closest && event.target.closest('.st-key-{PRESENTER}');"
    "if (switchClicked) setTimeout(() => document.activeElement.blur(), 0);"
    "}, true);"
    "}"
    "</script>"
)

#: Vega-Lite config of a chart in the presenter view: labels large enough for a projector.
#: Streamlit's own chart theme sets ``axisX``/``axisY``, which win over ``axis``: so both.
_LARGE_AXIS = {"labelFontSize": 17, "titleFontSize": 19}
PRESENTER_CHART_CONFIG = {
    "axis": _LARGE_AXIS,
    "axisX": _LARGE_AXIS,
    "axisY": _LARGE_AXIS,
    "axisBand": _LARGE_AXIS,
    "legend": {"labelFontSize": 17, "titleFontSize": 19, "symbolSize": 160, "labelLimit": 400},
    "text": {"fontSize": 17},
}
#: Height of one bar's row of the presenter view's hours chart, so eight offers and the
#: whole plan fit on a projector with the figures above them. [px]
PRESENTER_BAR_ROW = 23


def presenter_chart(spec: dict[str, Any]) -> dict[str, Any]:
    """``spec`` (a Vega-Lite chart of a step) with large labels and rows that fit a projector."""
    return {**spec, "height": {"step": PRESENTER_BAR_ROW}, "config": PRESENTER_CHART_CONFIG}


def presenter_style() -> None:
    """Apply the presenter view's large type to this run's page."""
    st.html(PRESENTER_STYLE)


def clicker_keys(index: int, count: int) -> None:
    """A presentation clicker's Page Down and Page Up move to the next and the previous step.

    Streamlit gives a button one shortcut; the visible Next and Back take → and ←, so
    two buttons out of sight take the clicker's keys. ``index`` is the step on screen
    (from 0) of ``count``. The presenter switch lets go of the keyboard when clicked,
    so the keys work as soon as the view opens.
    """
    st.html(CLICKER_STYLE)
    with st.container(key=CLICKER):
        st.html(LET_GO_OF_THE_SWITCH, unsafe_allow_javascript=True)
        step_button("Previous step", "journey_page_up", index - 1, count, "PageUp")
        step_button("Next step", "journey_page_down", index + 1, count, "PageDown")


def step_button(
    label: str, key: str, to_step: int, count: int, shortcut: str, **style: Any
) -> None:
    """A button to step ``to_step`` (from 0) of ``count``, off past either end, with the
    keyboard's ``shortcut`` and Streamlit's button options in ``style``."""
    st.button(
        label,
        key=key,
        on_click=go_to,
        args=(to_step,),
        disabled=not 0 <= to_step < count,
        shortcut=shortcut,
        **style,
    )
