"""Trained models shipped with notecheck (made by training/train.py)."""

EVIDENCE_DIGEST = "e5d93731ee01f6600d09a453f5580413a9fcd1f08e3d424e7702607946d95ac6"
