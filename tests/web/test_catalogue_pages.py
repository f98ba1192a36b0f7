"""Public catalogue pages: home, package and service, in English and Korean."""

import pytest

from hotel.models import Kind, PackageService, PricingUnit
from tests.factories import make_package, make_service


@pytest.fixture
def catalogue(db):
    crib = make_service(
        "crib", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT, price="8.00",
        stock=6, texts={"en": ("Crib in your room", "A cot set up before you arrive."),
                        "ko": ("객실 아기 침대", "도착 전에 객실에 설치해 드립니다.")},
    )
    club = make_service(
        "kids-club", price="15.00", min_age=4, max_age=12,
        age_bands=[(0, 2, "0.00"), (3, 11, "7.50")],
        texts={"en": ("Kids club", "Supervised play."), "ko": ("키즈 클럽", "보호자 동반 놀이.")},
    )
    package = make_package([crib, club], slug="family", discount="10",
                           texts={"en": ("Family package", "All a family needs."),
                                  "ko": ("가족 패키지", "가족에게 필요한 모든 것.")})
    db.session.commit()
    return {"crib": crib, "club": club, "package": package}


def test_home_lists_packages_and_services_in_english(client, catalogue):
    response = client.get("/")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in page
    assert "Family package" in page
    assert "Crib in your room" in page
    assert "Kids club" in page
    assert "€8.00" in page


def test_home_in_korean_shows_catalogue_texts_and_interface_in_korean(client, catalogue):
    page = client.get("/?lang=ko").get_data(as_text=True)
    assert '<html lang="ko" dir="ltr">' in page
    assert "가족 패키지" in page
    assert "객실 아기 침대" in page
    assert "패키지" in page  # the interface's own heading
    assert "Family package" not in page


def test_language_choice_is_remembered_and_browser_language_is_used(client, catalogue):
    assert "가족 패키지" in client.get("/", headers={"Accept-Language": "ko-KR,ko;q=0.9"}).text
    client.get("/?lang=ko")
    assert "가족 패키지" in client.get("/", headers={"Accept-Language": "en"}).text


def test_missing_translation_falls_back_to_the_default_language(client, db):
    make_service("sauna", texts={"en": ("Sauna", "Hot.")})
    db.session.commit()
    assert "Sauna" in client.get("/services/sauna?lang=ko").text


def test_package_page_shows_included_services_and_discount(client, catalogue):
    page = client.get("/packages/family").text
    assert "Family package" in page
    assert "Crib in your room" in page and "Kids club" in page
    assert "10%" in page


def test_service_page_shows_price_child_prices_and_age_limits(client, catalogue):
    page = client.get("/services/kids-club").text
    assert "€15.00" in page
    assert "€7.50" in page
    assert "Ages 4 to 12" in page
    korean = client.get("/services/kids-club?lang=ko").text
    assert "키즈 클럽" in korean
    assert "€7.50" in korean


@pytest.mark.parametrize("path", ["/services/no-such-thing", "/packages/nope", "/nowhere"])
def test_unknown_pages_are_friendly_404s_in_the_readers_language(client, catalogue, path):
    response = client.get(path + "?lang=ko")
    assert response.status_code == 404
    assert '<html lang="ko"' in response.text
    assert "페이지를 찾을 수 없습니다" in response.text


def test_inactive_services_are_not_shown(client, db):
    make_service("old-thing", active=False, texts={"en": ("Retired ride", "")})
    db.session.commit()
    assert "Retired ride" not in client.get("/").text
    assert client.get("/services/old-thing").status_code == 404


def _first_and_next(client, count_queries, path: str) -> tuple[int, int]:
    """Return the statements of a first request for a page, and of the one after it."""
    counts = []
    for _ in range(2):
        with count_queries() as counter:
            assert client.get(path).status_code == 200
        counts.append(counter.count)
    return counts[0], counts[1]


@pytest.mark.parametrize("path", ["/", "/packages/family", "/services/kids-club"])
def test_catalogue_pages_use_a_constant_number_of_queries(client, catalogue, db,
                                                          count_queries, path):
    small = _first_and_next(client, count_queries, path)
    extra = [make_service(texts={"en": ("Extra", ""), "ko": ("추가", "")},
                          age_bands=[(0, 2, "0")]) for _ in range(40)]
    make_package(extra)
    for position, service in enumerate(extra, start=2):
        catalogue["package"].entries.append(PackageService(service=service, position=position))
    db.session.commit()
    large = _first_and_next(client, count_queries, path)
    assert large == small


@pytest.mark.parametrize("path", ["/", "/services/kids-club", "/services/crib"])
def test_what_every_guest_sees_alike_is_read_once_then_only_the_version(
        client, catalogue, count_queries, path):
    """The first request after a change renders the catalogue's part of the page from
    texts in the reader's language and the default only; the next reads the version."""
    first, after = _first_and_next(client, count_queries, path + "?lang=ko")
    begin = 1 if client.application.config["BACKEND"] == "sqlite" else 0
    assert after == begin + 1  # the catalogue's version, nothing else
    assert first == begin + 1 + {"/": 5}.get(path, 4)
