"""Desk pages: stays (being written)."""
