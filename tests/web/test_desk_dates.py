"""Staff read dates and times as the hotel's region writes them, in their own language: a
hotel in Vienna shows English staff "01/12/2026, 04:49" (en_AT), not "12/1/26, 4:49 AM";
guests keep their own language's conventions."""

import re
from datetime import UTC, date, datetime

import pytest

from hotel.i18n import date_label, datetime_label, day_label, regional_locale, time_label
from hotel.models import AuditEntry, Role

INSTANT = datetime(2026, 12, 1, 3, 49, tzinfo=UTC)  # 04:49 in Vienna


@pytest.mark.parametrize(("path", "expected"), [
    ("/desk/audit?lang=en", ("01/12/2026, 04:49", "04:49", "Tue, 1 Dec", "1 Dec 2026")),
    ("/desk/audit?lang=de", ("01.12.26, 04:49", "04:49", "Di., 1. Dez.", "01.12.2026")),
    ("/?lang=en", ("12/1/26, 4:49\u202fAM", "4:49\u202fAM", "Tue, Dec 1", "Dec 1, 2026")),
])
def test_desk_dates_follow_the_hotels_region_and_guest_dates_their_language(
        app, path, expected):
    with app.test_request_context(path):
        app.preprocess_request()
        found = (datetime_label(INSTANT, "short"), time_label(INSTANT), day_label(INSTANT),
                 date_label(date(2026, 12, 1)))
    assert found == expected


def test_korean_staff_read_the_morning_and_afternoon_in_korean(app):
    """Babel's short Korean date-time writes "AM"/"PM"; the desk writes 오전/오후, as the
    guest pages' times do."""
    afternoon = datetime(2026, 12, 1, 17, 45, tzinfo=UTC)
    with app.test_request_context("/desk/audit?lang=ko"):
        app.preprocess_request()
        found = (datetime_label(INSTANT, "short"), datetime_label(afternoon, "short"),
                 datetime_label(afternoon))
    assert found == ("26. 12. 1. 오전 4:49", "26. 12. 1. 오후 6:45", "2026. 12. 1. 오후 6:45:00")


@pytest.mark.parametrize(("language", "zone", "expected"), [
    ("en", "Europe/Vienna", "en_AT"), ("de", "Europe/Vienna", "de_AT"),
    ("ko", "Europe/Vienna", "ko"), ("ar", "Europe/Vienna", "ar"),
    ("en", "Europe/London", "en_GB"), ("fr", "Europe/Zurich", "fr_CH"),
])
def test_a_language_takes_the_hotels_territory_where_babel_has_it(language, zone, expected):
    assert regional_locale(language, zone) == expected


def test_the_audit_log_shows_english_staff_day_before_month_on_a_24_hour_clock(
        client, auth, db):
    boss = auth.staff_login(Role.MANAGER, username="boss")
    db.session.add(AuditEntry(action="staff.updated", object_type="StaffUser",
                              object_id=str(boss.id), staff_id=boss.id, details={},
                              created_at=INSTANT))
    db.session.commit()
    page = client.get("/desk/audit?lang=en").text
    assert re.findall(r'<time datetime="[^"]+">([^<]+)</time>', page) == ["01/12/2026, 04:49"]
