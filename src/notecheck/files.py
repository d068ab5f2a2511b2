"""Writing files the user asked for (a config, a baseline, an anonymised copy)."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder and os.replace: a reader never sees
    half a file, and an interrupted run leaves the old file (if any) as it was."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False,
                                     prefix=f".{path.name}.", suffix=".tmp", newline="") as handle:
        handle.write(text)
        temporary = Path(handle.name)
    try:
        # Rewriting a file (check --fix) keeps its permissions; the temporary file is
        # private to its owner, as a new file stays.
        if path.exists():
            os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
    except OSError:
        pass
    os.replace(temporary, path)
