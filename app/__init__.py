"""The app's building blocks: session state, editors, results and charts.

These modules read widgets, call ``models/`` and draw; they compute nothing of
their own.
"""
