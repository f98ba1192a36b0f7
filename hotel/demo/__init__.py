"""The demo hotel, Lakeside Pines Resort: its data files in ``data/``, and their loader."""
