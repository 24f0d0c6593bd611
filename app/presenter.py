"""The presenter view: large type and nothing but the step, for a projector at the back of a room.

The entry file hides the navigation and the sidebar while it is on; this style makes
the figures, the lever's sentences and the controls large.
"""

from __future__ import annotations

import streamlit as st

# The presenter view's toggle (Workshop page) is app.state.PRESENTER: the entry file
# reads it to hide the navigation and the sidebar.

PRESENTER_STYLE = """
<style>
header[data-testid="stHeader"], section[data-testid="stSidebar"],
[data-testid="stSidebarCollapsedControl"] { display: none; }
.block-container, [data-testid="stMainBlockContainer"] {
  padding-top: 1.5rem; max-width: 100%;
}
h1 { font-size: 3.4rem !important; line-height: 1.15 !important; }
[data-testid="stCaptionContainer"] p { font-size: 1.5rem !important; }
[data-testid="stMarkdownContainer"] p { font-size: 1.7rem; line-height: 1.4; }
[data-testid="stMetricLabel"] p { font-size: 1.7rem !important; }
[data-testid="stMetricValue"] p { font-size: 4.4rem !important; line-height: 1.15 !important; }
[data-testid="stMetricDelta"] p { font-size: 1.7rem !important; }
[data-testid="stNumberInput"] input { font-size: 2.4rem !important; height: 4rem; }
[data-testid="stNumberInput"] label p { font-size: 1.6rem !important; }
[data-testid="stBaseButton-primary"] p, [data-testid="stBaseButton-secondary"] p {
  font-size: 1.6rem !important;
}
</style>
"""

#: Vega-Lite config of a chart in the presenter view: labels large enough for a projector.
PRESENTER_CHART_CONFIG = {
    "axis": {"labelFontSize": 16, "titleFontSize": 18},
    "legend": {"labelFontSize": 16, "titleFontSize": 18},
    "text": {"fontSize": 16},
}


def presenter_style() -> None:
    """Apply the presenter view's large type to this run's page."""
    st.html(PRESENTER_STYLE)
