"""Trained models shipped with notecheck (made by training/train.py)."""

EVIDENCE_DIGEST = "88d6f5f6e7a20c53ec52fbfb9714906b541bc7d72f5c19bb37d0e5d2a7564f8e"
