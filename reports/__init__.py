"""Reports to send and show: a self-contained HTML report, an Excel workbook and PNG charts.

Every figure comes from ``models/``; every chart is one of ``charts/``'s pure Altair
builders, drawn without a browser by vl-convert. Nothing here imports
streamlit, so the command line (``leverage report``) and the app make the same files.
"""
