"""The yardstick for the benchmark: a one-route Flask app returning a small HTML page."""

from flask import Flask

app = Flask(__name__)

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare page</title></head>
<body><h1>Lakeside Pines Resort</h1><p>A bare Flask page, served the same way.</p></body>
</html>"""


@app.get("/")
def bare_page():
    """Return the fixed page, with no database, templates or extensions."""
    return PAGE
