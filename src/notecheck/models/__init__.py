"""Trained models shipped with notecheck (made by training/train.py)."""

EVIDENCE_DIGEST = "1b82e5bcdf82c3b0db4f1a4bd841b7c8488d13038bfecd3a52c7b1da18d5db95"
