"""Leverage Planner: the app's entry. Page setup, navigation and the scenario sidebar only.

Pages live in app/pages/. The sidebar is drawn here, after the page, so that its
widgets keep their state across pages and the page's figures are sent first. The
notices (what the last action did) are drawn here too, above every page.
"""

from pathlib import Path

import streamlit as st

from app.first_paint import in_a_browser, paint_headline_first
from app.notices import show_notice
from app.reruns import NOTICE_ON_SCREEN, ON_PLAN_PAGE, UNDO_SHOWN, undo_words
from app.room_links import FACILITATE
from app.scenario_files import sidebar, sidebar_signature
from app.state import DRAFT, NOTICES, PRESENTER, ROOM_PARAMETER, SIDEBAR_SHOWN, init_state

#: The tab's icon, a file in the repository: an icon by name (":material/balance:") makes the
#: browser fetch it from a font server, and a workshop venue may have no internet.
ICON = Path(__file__).parent / "app" / "static" / "icon.png"

st.set_page_config(page_title="Leverage Planner", page_icon=str(ICON), layout="wide")
if ROOM_PARAMETER in st.query_params:
    # A participant's room link (?room=<key>): their page alone, no navigation, no sidebar.
    st.navigation([st.Page("app/pages/room.py", title="Workshop room")], position="hidden").run()
    st.stop()
if FACILITATE in st.query_params:
    # A facilitator's link: the room view alone, like the presenter view (no navigation, no
    # sidebar), and none of the planner's state.
    st.navigation(
        [st.Page("app/pages/room_view.py", title="Workshop room", icon=":material/groups:")],
        position="hidden",
    ).run()
    st.stop()
# A session's first run draws the Plan page's headline figures alone, the rest a moment later
# (app.first_paint); every later run draws the whole app.
first_run = DRAFT not in st.session_state
init_state()
# The presenter view (Workshop page) shows the step alone: no navigation, no sidebar.
presenting = bool(st.session_state.get(PRESENTER, False))
plan = st.Page("app/pages/plan.py", title="Plan", icon=":material/edit_note:", default=True)
navigation = st.navigation(
    [
        plan,
        st.Page("app/pages/timeline.py", title="Timeline", icon=":material/calendar_month:"),
        st.Page("app/pages/scale.py", title="Scale", icon=":material/trending_up:"),
        st.Page("app/pages/compare.py", title="Compare", icon=":material/compare_arrows:"),
        st.Page("app/pages/decide.py", title="Decide", icon=":material/psychology_alt:"),
        st.Page("app/pages/workshop.py", title="Workshop", icon=":material/co_present:"),
        st.Page("app/pages/glossary.py", title="Glossary", icon=":material/menu_book:"),
    ],
    position="hidden" if presenting else "sidebar",
)
if first_run and navigation is plan and in_a_browser() and not st.session_state.get(NOTICES):
    paint_headline_first()  # a notice (a link opened) comes with the whole run, above the title
    st.stop()
# What the last action did ("Loaded … from coach.yaml", "Undone: …"), on whichever page is
# shown, once: drawn here, it never waits in the queue for a page that shows it later.
st.session_state[NOTICE_ON_SCREEN] = bool(st.session_state.get(NOTICES))
show_notice()
# What the sidebar will show of the draft: a Plan page edit that changes it runs the whole app
# again, any other edit only the page (its fragment), with the Undo area when Undo's words
# change (app.reruns). The Plan page says when it is the one on screen.
st.session_state[SIDEBAR_SHOWN] = sidebar_signature()
st.session_state[UNDO_SHOWN] = None if presenting else undo_words()
st.session_state[ON_PLAN_PAGE] = False
navigation.run()
if not presenting:
    sidebar()
