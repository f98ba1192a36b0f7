"""Desk pages: booking (being written)."""
