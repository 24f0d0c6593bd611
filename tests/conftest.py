"""Shared test settings: one hypothesis profile for every property test."""

from hypothesis import settings

settings.register_profile("default", max_examples=150, deadline=None)
settings.load_profile("default")
