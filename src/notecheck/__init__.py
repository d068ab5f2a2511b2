"""notecheck: a linter for the quality of case notes in UK social care.

Library use: ``notecheck.check_text(text, metadata)`` and ``notecheck.check_paths(paths)``
(see ``notecheck.api``). Imported lazily, so ``import notecheck`` stays cheap.
"""

import os

# The pipelines' matrix products go to NumPy's BLAS (see nlp.load_model), which by default
# starts a thread per core for each product. notecheck's products are small and many: the
# threads cost more CPU than they save (12.8 s against 8.2 s CPU for 600 notes, the same
# wall time), and --jobs workers, each with a thread per core, would fight for the cores
# (a 1,200-note --jobs 2 run through the library took 18.1 s against one process's 15.3 s).
# It must be set before NumPy is first imported (spaCy imports it, later), so it is set
# here, for the command line and the library alike; a value the user set is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"

__all__ = ["check_text", "check_paths", "Checker", "__version__"]


def __getattr__(name):
    if name in ("check_text", "check_paths", "Checker", "Options", "Result", "SetupError"):
        from notecheck import api

        return getattr(api, name)
    raise AttributeError(f"module 'notecheck' has no attribute {name!r}")
