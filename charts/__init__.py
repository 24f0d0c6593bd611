"""Chart builders: pure Altair, with the tidy data they draw.

Each module builds the charts of one part of the planner from results the model
has computed (``models/``), never from a scenario of its own. The app draws them
with ``st.vega_lite_chart``, the reports render them with vl-convert, and the
command line writes them as files: the same chart everywhere. Nothing here imports
streamlit.
"""
