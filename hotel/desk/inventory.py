"""Desk pages: inventory (being written)."""
