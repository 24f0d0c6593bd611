"""The example scenarios and the leverage journey, shipped with the package as data.

Each ``*.yaml`` here is a valid scenario with its expected results beside it
(``*.expected.json``); ``journey/`` holds the workshop's steps. Code finds them
through :data:`DIRECTORY`, so an installed copy finds them as a checkout does.
"""

from pathlib import Path

#: The folder of the example files.
DIRECTORY = Path(__file__).resolve().parent
