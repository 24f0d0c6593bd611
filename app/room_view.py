"""The facilitator's room view: a workshop room's plans, live, in large type for a projector.

The entry file shows this view alone (no navigation, no sidebar) when the address holds
``?facilitate=<key>``. What the room did is read again every :data:`REFRESH_SECONDS` in a
fragment: how many joined and submitted, the spread of the room's net income, hours used
and leverage, the plans side by side, one plan large, and the room's files. Every figure
comes from :func:`models.room_summary.summarise_room`; user text (names, the room's name) is
always shown as plain text, and the page's style is the app's own CSS.
"""

from __future__ import annotations

import io
import zipfile

import streamlit as st

from app.addresses import address_with
from app.plain_text import bullet_list, plain
from app.presenter import ALONE_ON_THE_PAGE, PRESENTER_CHART_CONFIG
from app.results import change_style
from app.room_links import show_participant_link
from app.state import ROOM_CLOSED, ROOM_CLOSING, ROOM_PARAMETER
from app.storage import attempt, show_problem
from charts.plan import vega_lite_spec
from charts.rooms import spread_chart
from models.compare import HEADLINE_METRICS, Change, change_of, distinct_names
from models.files import dump_scenario
from models.room_summary import RoomSummary, plans_table, spread_data, summarise_room
from models.tables import csv_bytes
from presentation.file_names import download_name
from presentation.formatting import format_change, format_figure
from store.errors import StoreError, StoreNotFound
from store.rooms import RoomSetup

#: How often the room view reads the room again. [s]
REFRESH_SECONDS = 3

#: The figures of the plans' table and of the plan shown large: totals field → column title.
TABLE_FIGURES = {
    "net_income": "Net income",
    "total_hours": "Hours worked",
    "utilization": "Hours used",
    "leverage": "Leverage",
    "effective_hourly_rate": "Hourly rate",
}

#: The most changes a plan's row of the table lists (all of them in the plan shown large).
CHANGES_IN_TABLE = 2

#: Key of the pick of the plan shown large.
PICKED = "room_plan"

#: Key of the container of the view, whose CSS class scopes the large type.
VIEW = "room_view"

ROOM_STYLE = f"""
<style>
{ALONE_ON_THE_PAGE}
.st-key-{VIEW} h1 {{ font-size: 2.8rem !important; padding: 0 !important; }}
.st-key-{VIEW} h3 {{ font-size: 1.8rem !important; padding: 0.2rem 0 !important; }}
.st-key-{VIEW} [data-testid="stMarkdownContainer"] p,
.st-key-{VIEW} [data-testid="stMarkdownContainer"] li {{ font-size: 1.35rem; }}
.st-key-{VIEW} [data-testid="stCaptionContainer"] p {{ font-size: 1.2rem !important; }}
.st-key-{VIEW} [data-testid="stMetricLabel"] p {{ font-size: 1.4rem !important; }}
.st-key-{VIEW} [data-testid="stMetricValue"], .st-key-{VIEW} [data-testid="stMetricValue"] p {{
  font-size: 3.2rem !important; line-height: 1.1 !important;
}}
.st-key-{VIEW} [data-testid="stMetricDelta"] p {{ font-size: 1.3rem !important; }}
.st-key-{PICKED} input, .st-key-{PICKED} label p {{
  font-size: 1.4rem !important;
}}
.st-key-{VIEW} [data-testid="stTable"] td, .st-key-{VIEW} [data-testid="stTable"] th {{
  font-size: 1.3rem !important;
}}
</style>
"""

#: Height of a spread chart's plot. [px]
CHART_HEIGHT = 230

#: What a facilitator is told when the address is not a room view's.
WRONG_LINK_HINT = (
    "The room view opens with the facilitator link you were given when you opened the room "
    "(it ends in ?facilitate=…). If it is lost, open a new room from the Workshop page."
)


def room_of(facilitator_key: str) -> RoomSetup | StoreError:
    """The room the facilitator link opens, or what stopped it; a participant link gets an
    error that says so (it never opens the view)."""
    setup = attempt(lambda store: store.rooms.for_facilitator(facilitator_key))
    if not isinstance(setup, StoreNotFound):
        return setup
    participants = attempt(lambda store: store.rooms.for_participant(facilitator_key))
    if isinstance(participants, StoreError):
        return setup
    return StoreNotFound(
        f"This is the participant link of “{participants.name}”: it opens the participants' "
        "page, not the room view."
    )


def show_room_view(facilitator_key: str) -> None:
    """The whole room view of the room ``facilitator_key`` opens, or a message saying why not."""
    closed = st.session_state.get(ROOM_CLOSED)
    if closed is not None:
        st.success(
            f"The room “{plain(closed)}” is closed: its plans are deleted and its links lead "
            "nowhere now.",
            icon=":material/door_front:",
        )
        return
    setup = room_of(facilitator_key)
    if isinstance(setup, StoreError):
        show_problem(setup)
        st.caption(WRONG_LINK_HINT)
        return
    st.html(ROOM_STYLE)
    with st.container(key=VIEW):
        heading, link = st.columns([3, 1])
        with heading:
            st.title(plain(setup.name))
            st.caption(
                f"Closes on {setup.expires_at:%d %B %Y}. This page follows the room by itself "
                f"(every {REFRESH_SECONDS} s); nothing to reload."
            )
            _live_room(facilitator_key, setup)
        with link:
            show_participant_link(address_with(ROOM_PARAMETER, setup.participant_key))
            _close_room(facilitator_key, setup.name)


@st.fragment(run_every=REFRESH_SECONDS)
def _live_room(facilitator_key: str, setup: RoomSetup) -> None:
    """Everything that follows the room, read again every few seconds."""
    status = attempt(lambda store: store.rooms.status(facilitator_key))
    if isinstance(status, StoreError):
        show_problem(status)
        return
    submissions = status.submissions
    summary = summarise_room(
        setup.scenario,
        [submission.display_name for submission in submissions],
        [submission.scenario for submission in submissions],
    )
    joined, submitted = st.columns(2)
    joined.metric("Joined", f"{status.joined:,}")
    submitted.metric("Plans submitted", f"{len(submissions):,}")
    if not summary.plans:
        st.info(
            "No plan yet. Participants open the link (or scan the code), change the numbers "
            "you allowed and press Send my plan; their plans appear here within seconds.",
            icon=":material/hourglass_top:",
        )
        return
    currency = setup.scenario.currency
    _spreads(summary, currency)
    _plans_side_by_side(summary, currency)
    _plan_large(summary, currency)
    _room_files(summary, setup.name)


def _spreads(summary: RoomSummary, currency: str) -> None:
    """One chart per spread figure: the plans counted in bands, the start as a line."""
    for column, spread in zip(st.columns(len(summary.spreads)), summary.spreads, strict=True):
        with column:
            st.subheader(spread.label.split(" (")[0])
            shown = {
                name: plain(format_figure(value, spread.unit, currency))
                for name, value in (
                    ("start", spread.start),
                    ("lowest", spread.lowest),
                    ("median", spread.median),
                    ("highest", spread.highest),
                )
            }
            # plain(): "$" would otherwise open a formula between two figures in dollars.
            st.markdown(
                f"Start {shown['start']} (dashed) · lowest **{shown['lowest']}** · "
                f"median **{shown['median']}** · highest **{shown['highest']}**"
            )
            title = spread.unit.replace("currency", currency).replace("/year", " a year")
            spec = vega_lite_spec(
                spread_chart,
                spread.label if spread.unit in ("-", "0-1") else f"{spread.label}, {title}",
                spread.unit,
                spread.start,
            )
            st.vega_lite_chart(
                spread_data(summary, spread),
                {**spec, "height": CHART_HEIGHT, "config": PRESENTER_CHART_CONFIG},
                key=f"room_spread_{spread.metric}",
            )


def _plans_side_by_side(summary: RoomSummary, currency: str) -> None:
    st.subheader("The plans side by side")
    rows = [
        {
            "Plan": plain(plan.label),
            **{
                title: plain(
                    format_figure(
                        getattr(plan.result.totals, metric), HEADLINE_METRICS[metric][1], currency
                    )
                )
                for metric, title in TABLE_FIGURES.items()
            },
            "What changed": plain(_changes_in_short(plan.changes)),
        }
        for plan in summary.plans
    ]
    st.table(rows)


def _changes_in_short(changes: tuple[Change, ...]) -> str:
    """The first :data:`CHANGES_IN_TABLE` changes in words, then how many more."""
    if not changes:
        return "Nothing"
    shown = "; ".join(map(str, changes[:CHANGES_IN_TABLE]))
    more = len(changes) - CHANGES_IN_TABLE
    return f"{shown}; and {more} more" if more > 0 else shown


def _plan_large(summary: RoomSummary, currency: str) -> None:
    st.subheader("One plan, large")
    labels = [plan.label for plan in summary.plans]
    chosen = st.selectbox("Show the plan of", labels, key=PICKED, index=len(labels) - 1)
    plan = summary.plans[labels.index(chosen or labels[-1])]
    st.caption("Under each figure: how far the plan moved it from the room's starting plan.")
    start = summary.start.totals
    for column, (metric, title) in zip(
        st.columns(len(TABLE_FIGURES)), TABLE_FIGURES.items(), strict=True
    ):
        figure_unit = HEADLINE_METRICS[metric][1]
        value = getattr(plan.result.totals, metric)
        change = change_of(value, getattr(start, metric))
        delta = None if change is None else format_change(change, figure_unit, currency)
        style = change_style(delta or "", rise_is_good=metric not in ("total_hours", "utilization"))
        column.metric(
            title,
            format_figure(value, figure_unit, currency),
            delta=delta,
            delta_color=style.delta_color,
            delta_arrow=style.delta_arrow,
        )
    if plan.changes:
        st.markdown(bullet_list(plan.changes))


def _room_files(summary: RoomSummary, room_name: str) -> None:
    st.subheader("The room's files")
    csv_column, folder_column = st.columns(2)
    csv_column.download_button(
        "Download the plans (CSV)",
        lambda: csv_bytes(plans_table(summary)),
        file_name=download_name(room_name, "csv", "plans"),
        mime="text/csv",
        key="room_csv",
        on_click="ignore",
        icon=":material/table:",
    )
    folder_column.download_button(
        "Download every plan's scenario file (zip)",
        lambda: plan_files(summary),
        file_name=download_name(room_name, "zip", "scenario files"),
        mime="application/zip",
        key="room_zip",
        on_click="ignore",
        icon=":material/folder_zip:",
    )


def plan_files(summary: RoomSummary) -> bytes:
    """A zip folder of every plan's scenario file, each named after its plan ("Ana.yaml",
    "Anonymous 1.yaml"), names kept distinct when two reduce to the same file name."""
    names = distinct_names([download_name(plan.label, "") for plan in summary.plans])
    folder = io.BytesIO()
    with zipfile.ZipFile(folder, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, plan in zip(names, summary.plans, strict=True):
            archive.writestr(f"{name}.yaml", dump_scenario(plan.scenario))
    return folder.getvalue()


def _close_room(facilitator_key: str, name: str) -> None:
    """Close the room, after a confirmation: it and every plan in it are deleted at once."""
    if not st.session_state.get(ROOM_CLOSING):
        st.button(
            "Close the room…",
            key="room_close",
            on_click=lambda: st.session_state.update({ROOM_CLOSING: True}),
            icon=":material/door_front:",
        )
        return
    st.warning(
        "Close the room now? Every plan in it is deleted at once and both links stop working. "
        "Download the room's files first if you want to keep them.",
        icon=":material/warning:",
    )
    confirm, keep = st.columns(2)
    confirm.button(
        "Close and delete",
        key="room_close_confirm",
        on_click=_closed,
        args=(facilitator_key, name),
        type="primary",
    )
    keep.button(
        "Keep it open",
        key="room_close_cancel",
        on_click=lambda: st.session_state.update({ROOM_CLOSING: False}),
    )


def _closed(facilitator_key: str, name: str) -> None:
    """Button callback: close the room in the store; a failure is kept to be shown."""
    st.session_state[ROOM_CLOSING] = False
    done = attempt(lambda store: store.rooms.close(facilitator_key))
    if isinstance(done, StoreError):
        st.session_state[ROOM_CLOSED] = None
        st.toast(plain(done.message), icon=":material/cloud_off:")
        return
    st.session_state[ROOM_CLOSED] = name
