"""The titles of the charts a person can download, by the name the command line takes.

One source for the chart files (``reports.chart_files.CHARTS``) and the app's PNG buttons,
which name the chart without importing the chart engine.
"""

CHART_TITLES: dict[str, str] = {
    "hours": "Where your hours go",
    "money": "What each offer earns",
    "levers": "The length of each lever",
    "monthly-hours": "Hours month by month",
    "cash": "Net income month by month, and in all",
    "phases": "When each offer is created, ramps up and runs",
}
