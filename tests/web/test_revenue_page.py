"""Managers read revenue and use as a page with charts and as CSV, in their language, in
as many statements whatever the number of bookings; a wrong period is a 422."""

import csv
import io

import pytest

from hotel.models import ItemState, Role
from tests.unit.test_revenue import JULY, sold, week  # noqa: F401 - the fixture

SPAN = "from=2030-07-01&to=2030-07-07"


def test_the_page_shows_the_weeks_figures_and_charts(client, auth, week):  # noqa: F811
    auth.staff_login(Role.MANAGER)
    page = client.get(f"/desk/reports/revenue?{SPAN}").get_data(as_text=True)
    assert 'id="total-sales">€195.00<' in page and 'id="total-discount">€10.00<' in page
    assert 'id="cancellation-rate">11.1%<' in page and 'id="no-show-rate">33.3%<' in page
    assert 'id="fill-rate">26.5%<' in page
    assert page.count('<svg class="chart"') == 4
    german = client.get(f"/desk/reports/revenue?{SPAN}&lang=de").get_data(as_text=True)
    assert "195,00\xa0€" in german and "Umsatz" in german


def test_the_csv_files_hold_the_same_figures(client, auth, week):  # noqa: F811
    auth.staff_login(Role.MANAGER)
    sales = client.get(f"/desk/reports/revenue.csv?report=sales&{SPAN}")
    assert sales.status_code == 200 and sales.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(sales.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[1] == ["Kids club", "Kids club", "2", "96.00", "4.00"]
    assert rows[-1] == ["All services", "4", "195.00", "10.00"]
    use = client.get(f"/desk/reports/revenue.csv?report=use&{SPAN}").get_data(as_text=True)
    assert "Kids club,5,1,0,0,1,1,20.0,50.0" in use
    assert "Kids club,10:00,2,20,6,30.0" in use


@pytest.mark.parametrize("query", ["from=2030-07-08&to=2030-07-01", "from=yesterday"])
def test_a_wrong_period_is_refused_with_a_message(client, auth, query):
    auth.staff_login(Role.MANAGER)
    assert client.get(f"/desk/reports/revenue?{query}").status_code == 422
    assert client.get(f"/desk/reports/revenue.csv?{query}").status_code == 422


def test_the_page_takes_as_many_statements_with_more_bookings(
        db, client, auth, week, count_queries):  # noqa: F811
    auth.staff_login(Role.MANAGER)
    counts = []
    for extra in (0, 120):
        for _ in range(extra):
            sold(week["stay"], week["riding"], ItemState.COMPLETED, "10.00", day=JULY[5])
        db.session.commit()
        with count_queries() as counter:
            assert client.get(f"/desk/reports/revenue?{SPAN}").status_code == 200
        counts.append(counter.count)
    assert counts[0] == counts[1]
