"""The framework ceiling: a bare Flask app rendering a 50-row table from a cached Jinja
template. `make bench` serves it with the same gunicorn settings as Parcours and loads
it in turn with each page, so that a page's requests/s reads as a share of what Flask
itself can do on this machine at this moment."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, render_template

app = Flask(__name__, template_folder=str(Path(__file__).resolve().parent / "templates"))

ROWS = [
    {
        "number": f"M{i:05d}",
        "name": f"Person {i}",
        "department": f"Department {i % 7}",
        "status": ("scheduled", "held", "signed")[i % 3],
    }
    for i in range(1, 51)
]


@app.get("/")
def table():
    return render_template("table.html", rows=ROWS)
