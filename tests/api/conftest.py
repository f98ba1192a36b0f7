"""Fixtures for the API tests: a small hotel, two guests and their tokens."""

from datetime import time, timedelta

import pytest

from hotel.clock import hotel_today
from hotel.models import Kind, PricingUnit, Role
from tests.factories import add_slot, make_department, make_service, make_staff, make_stay


@pytest.fixture
def hotel(db):
    """A kids club with slots, a crib rental, a transfer on request, and two stays."""
    today = hotel_today()
    department = make_department("kids-club")
    club = make_service("kids-club", price="15.00", min_age=4, max_age=12,
                        department=department, age_bands=[(4, 11, "7.50")], cutoff_hours=0,
                        texts={"en": ("Kids club", "Supervised play."),
                               "ko": ("키즈 클럽", "보호자 동반 놀이.")})
    crib = make_service("crib", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                        price="8.00", stock=2, max_quantity=2, department=department)
    transfer = make_service("transfer", kind=Kind.ON_REQUEST,
                            pricing_unit=PricingUnit.PER_BOOKING, price="40.00",
                            requires_approval=True, department=department,
                            request_fields=["pickup_place", "passengers", "flight_number"])
    tomorrow = today + timedelta(days=1)
    slots = [add_slot(club, tomorrow, time(10, 0), capacity=3),
             add_slot(club, tomorrow, time(15, 0), capacity=1),
             add_slot(club, today + timedelta(days=2), time(10, 0), capacity=6)]
    kim = make_stay("LP1001", last_name="Kim", arrival_on=today, nights=5, children=[6, 8],
                    room="204")
    brown = make_stay("LP1002", last_name="Brown", first_name="Amy", arrival_on=today,
                      nights=5, children=[5], room="305")
    reception = make_staff("reception", Role.RECEPTION)
    manager = make_staff("manager", Role.MANAGER)
    kids_staff = make_staff("kidsclub", Role.STAFF, department=department)
    db.session.commit()
    return {"club": club, "crib": crib, "transfer": transfer, "slots": slots, "kim": kim,
            "brown": brown, "today": today, "reception": reception, "manager": manager,
            "kids_staff": kids_staff}


class ApiClient:
    """Signs guests and staff in through the API and sends requests with their token."""

    def __init__(self, client):
        self.client = client

    def guest_token(self, reference: str, last_name: str) -> str:
        response = self.client.post("/api/v1/auth/guest",
                                    json={"reference": reference, "last_name": last_name})
        assert response.status_code == 200, response.json
        return response.json["token"]

    def staff_token(self, username: str, password: str = "correct-horse") -> str:
        response = self.client.post("/api/v1/auth/staff",
                                    json={"username": username, "password": password})
        assert response.status_code == 200, response.json
        return response.json["token"]

    def call(self, method: str, path: str, token: str | None = None, **kwargs):
        headers = kwargs.pop("headers", {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return self.client.open(path, method=method, headers=headers, **kwargs)


@pytest.fixture
def api(client):
    return ApiClient(client)


@pytest.fixture
def kim_token(api, hotel):
    return api.guest_token("LP1001", "kim")


@pytest.fixture
def brown_token(api, hotel):
    return api.guest_token("LP1002", "Brown")
