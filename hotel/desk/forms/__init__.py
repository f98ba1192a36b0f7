"""The desk's forms, one module per page."""
