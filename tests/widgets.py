"""Typing into a field of the Plan page in an AppTest, whatever widget draws it."""

from streamlit.testing.v1 import AppTest


def set_field(at: AppTest, key: str, value: object) -> AppTest:
    """Type ``value`` into the field with widget key ``key`` and run the app: a money field
    is a text box (the value goes in as text, as a person types it), any other figure a
    number box (a share in percent: 50 for 0.5)."""
    boxes = [box for box in at.text_input if box.key == key]
    if boxes:
        boxes[0].set_value(str(value)).run()
    else:
        at.number_input(key=key).set_value(value).run()
    assert not at.exception
    return at
