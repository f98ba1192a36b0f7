"""Demo data for Lakeside Pines Resort."""
