"""Desk pages: catalogue (being written)."""
