"""notecheck: a linter for the quality of case notes in UK social care.

Library use: ``notecheck.check_text(text, metadata)`` and ``notecheck.check_paths(paths)``
(see ``notecheck.api``). Imported lazily, so ``import notecheck`` stays cheap.
"""

__version__ = "0.1.0"

__all__ = ["check_text", "check_paths", "Checker", "__version__"]


def __getattr__(name):
    if name in ("check_text", "check_paths", "Checker", "Options", "Result", "SetupError"):
        from notecheck import api

        return getattr(api, name)
    raise AttributeError(f"module 'notecheck' has no attribute {name!r}")
