"""Moments in the person's own time zone, as their browser gives it."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st


def browser_zone() -> ZoneInfo | None:
    """The browser's time zone; None when it does not say, or names one unknown here."""
    zone = st.context.timezone
    try:
        return ZoneInfo(zone) if zone else None
    except (ZoneInfoNotFoundError, ValueError):
        return None
