"""Trained models shipped with notecheck (made by training/train.py)."""

EVIDENCE_DIGEST = "fab6b72f4592e60d8351a7558418995fdb0a27ab00f1cfc31abd2926800d0d4b"
