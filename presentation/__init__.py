"""Results in words: what the app, the reports and the command line show a person.

The model (``models/``) computes numbers and codes; this package turns them into text
once, for every edge that shows them: money and hours in the scenario's currency
(:mod:`presentation.formatting`), the eight headline figures (:mod:`presentation.headline`),
the levers in plain words (:mod:`presentation.levers`), the timeline's landmarks and notes
(:mod:`presentation.timeline`) and the scenario format as Markdown
(:mod:`presentation.reference`). It imports the model and never streamlit; the model never
imports it.
"""
