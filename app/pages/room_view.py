"""The facilitator's room view, alone on the page: the room the ``?facilitate=`` link opens."""

import streamlit as st

from app.room_links import FACILITATE
from app.room_view import show_room_view

show_room_view(st.query_params.get(FACILITATE, ""))
