"""A workshop room's two links and the QR code of the participants' one.

Both links are the app's address with one query parameter: ``?room=<participant key>``
opens the participant's page, ``?facilitate=<facilitator key>`` the facilitator's room
view (:mod:`app.room_view`). The entry file reads :data:`FACILITATE` before anything else,
so this module stays light: it never loads the store, and the QR code's library only when
a code is drawn.
"""

from __future__ import annotations

import io

import streamlit as st

#: The query parameter of the facilitator's link: the room view alone.
FACILITATE = "facilitate"

#: Size of one square of the QR code in the PNG. [px] (41 squares of a room link → 410 px)
QR_SCALE = 10
#: The quiet zone around the code, in squares: the four a phone's camera expects.
QR_BORDER = 4
#: Width the QR code is shown at: scanned from the back of a room off a projector. [px]
QR_WIDTH = 360


def qr_code_png(address: str) -> bytes:
    """The QR code of ``address`` as a PNG, black on white, medium error correction (a
    projector's glare may hide part of it)."""
    import segno  # here, not at the top: the entry file imports this module on every first load

    image = io.BytesIO()
    segno.make(address, error="m").save(image, kind="png", scale=QR_SCALE, border=QR_BORDER)
    return image.getvalue()


def show_participant_link(address: str) -> None:
    """The participant link to copy, and its QR code large enough to scan off a projector."""
    st.markdown("**Participant link** (share it, show it on the projector)")
    st.code(address, language=None, wrap_lines=True)
    st.image(
        qr_code_png(address),
        caption="Scan to join the room",
        width=QR_WIDTH,
    )
