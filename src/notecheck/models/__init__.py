"""Trained models shipped with notecheck (made by training/train.py)."""

EVIDENCE_DIGEST = "7d05a9438ee0a990e6bdc0ead6ae08b77e15c96809f6bacc3eb333821bd50463"
