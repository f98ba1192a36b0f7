"""CSV downloads: spreadsheets read accents and never run a guest's text as a formula."""

import csv
import io

from hotel.web.csv_export import csv_response, safe_cell


def test_text_that_looks_like_a_formula_stays_text(app):
    assert safe_cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("Müller, \"Jo\"") == "Müller, \"Jo\""
    assert safe_cell(-5) == -5


def test_csv_has_a_bom_and_round_trips_commas_quotes_and_hangul(app):
    with app.app_context():
        response = csv_response([["Name", "Note"], ["김민지", 'Says "hi", twice']], "x.csv")
    body = response.get_data(as_text=True)
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows == [["Name", "Note"], ["김민지", 'Says "hi", twice']]
    assert 'filename="x.csv"' in response.headers["Content-Disposition"]
