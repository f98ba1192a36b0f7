"""Business rules: plain functions that take values and the acting user."""
