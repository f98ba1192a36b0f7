"""Desk pages: staff (being written)."""
