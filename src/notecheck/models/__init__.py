"""Trained models shipped with notecheck (made by training/train.py)."""

EVIDENCE_DIGEST = "90c8a11e9fd46e60f7384a33caa5998e2458e71c71ba0b3dca376388ce0d5736"
