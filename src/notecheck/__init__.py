"""notecheck: a linter for the quality of case notes in UK social care."""

__version__ = "0.1.0"
