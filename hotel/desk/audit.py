"""Desk pages: audit (being written)."""
