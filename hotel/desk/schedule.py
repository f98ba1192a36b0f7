"""Desk pages: schedule (being written)."""
