"""The audit log names what it is about in words, in the reader's language: a hand-out by
its unit and a link to its rental line, a ticket by its tracking number, a staff account by
its username; an action the log has no words for shows its code rather than nothing."""

import re

from hotel.models import ItemState, Kind, PricingUnit, Role
from hotel.services import audit
from tests.factories import (
    make_booking_item,
    make_hand_out,
    make_service,
    make_staff,
    make_stay,
    make_ticket,
)
from tests.web.test_desk_manager import row_of


def test_hand_outs_tickets_and_accounts_are_named_and_linked(client, auth, db):
    boss = auth.staff_login(Role.MANAGER, username="boss")
    stroller = make_service("stroller", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_DAY,
                            stock=3, texts={"en": ("Stroller", ""), "de": ("Kinderwagen", "")})
    stay = make_stay("LP60001")
    item = make_booking_item(stay, stroller, state=ItemState.CONFIRMED, start_on=stay.arrival_on,
                             quantity=1)
    given = make_hand_out(item, unit_number=2)
    ticket = make_ticket(stay)
    desk = make_staff("desk", Role.RECEPTION)
    audit.record("rental.handed_out", given, boss)
    audit.record("ticket.answered", ticket, boss)
    audit.record("staff.updated", desk, boss)
    audit.record("something.new", stay, boss)
    db.session.commit()

    page = client.get("/desk/audit?lang=de").text
    row = row_of(page, 'data-action="rental.handed_out"')
    assert "Stück ausgegeben" in row
    assert f'<a href="/desk/rentals/items/{item.id}"><bdi>Ausgabe: Kinderwagen 2</bdi></a>' in row
    row = row_of(page, 'data-action="ticket.answered"')
    assert re.search(rf'<a href="/desk/tickets/{ticket.number}"><bdi>[^<]*'
                     rf'{ticket.number}</bdi></a>', row)
    assert f'<a href="/desk/staff/{desk.id}"><bdi>' in row_of(page, 'data-action="staff.updated"')
    assert "desk</bdi>" in row_of(page, 'data-action="staff.updated"')
    assert ">something.new</td>" in row_of(page, 'data-action="something.new"')
