-- A year of a hotel group, added in SQL to a PostgreSQL database that holds the demo
-- hotel (its catalogue, slot rules, staff and present-day stays). bench/scale.py runs
-- it after creating the table "scale" with one row of settings:
--   stays       how many stays to make (50,000)
--   first_day   the first arrival day of the year
--   last_day    the last departure day (a week before the demo's today, so that the
--               present-day pages show the demo hotel's day on top of a year of history)
--   zone        the hotel's time zone, for the slots' and requests' times
-- Every row is derived from its number by hashing, so that two runs build the same year.
-- Ids are given here, in blocks above the demo's, and the sequences are moved past them.
-- Counters are made consistent with the items: each slot's and rental day's "booked" is
-- the sum of the quantities of its items that keep their places, and capacity and stock
-- are raised where a group's year needs more than the demo hotel has.

-- h(number, stream): a pseudo-random whole number from 0 to 2^31 - 1.
CREATE FUNCTION pg_temp.h(bigint, bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS 'SELECT hashint8extended($1, $2) & 2147483647';

SET LOCAL work_mem = '256MB';
SET LOCAL maintenance_work_mem = '512MB';

-- Loading is faster without the indexes and foreign keys of the tables it fills: they are
-- put aside here and made again at the end, each in one pass (keys are checked then).
CREATE TEMP TABLE put_aside AS
SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) AS drop_ddl,
       format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname,
              pg_get_constraintdef(oid)) AS create_ddl
FROM pg_constraint
WHERE contype = 'f' AND conrelid::regclass::text IN (
    'stay', 'party_member', 'booking', 'booking_item', 'booking_item_participant', 'rating',
    'ticket', 'audit_entry')
UNION ALL
SELECT format('DROP INDEX %s', indexrelid::regclass), pg_get_indexdef(indexrelid)
FROM pg_index
WHERE indrelid::regclass::text IN (
    'stay', 'party_member', 'booking', 'booking_item', 'booking_item_participant', 'rating',
    'ticket', 'audit_entry')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conindid = indexrelid);
DO $$ DECLARE ddl text; BEGIN
    FOR ddl IN SELECT drop_ddl FROM put_aside LOOP EXECUTE ddl; END LOOP;
END $$;

CREATE TEMP TABLE base AS SELECT
    (SELECT coalesce(max(id), 0) FROM stay) AS stay,
    (SELECT coalesce(max(id), 0) FROM party_member) AS member,
    (SELECT coalesce(max(id), 0) FROM booking) AS booking,
    (SELECT coalesce(max(id), 0) FROM booking_item) AS item,
    (SELECT coalesce(max(id), 0) FROM rating) AS rating,
    (SELECT coalesce(max(id), 0) FROM ticket) AS ticket,
    (SELECT id FROM staff_user WHERE role = 'reception' ORDER BY id LIMIT 1) AS reception;

-- The slot rules apply from the first day of the year.
UPDATE slot_rule SET valid_from = (SELECT first_day FROM scale)
WHERE valid_from > (SELECT first_day FROM scale);

-- Slots: every rule on every day of the year it applies to.
INSERT INTO slot (service_id, rule_id, starts_at, ends_at, capacity, booked, closed, closed_reason)
SELECT rule.service_id, rule.id, at.starts_at,
       at.starts_at + make_interval(mins => rule.duration_minutes),
       rule.capacity, 0, false, ''
FROM slot_rule AS rule
CROSS JOIN scale
CROSS JOIN LATERAL generate_series(scale.first_day, scale.last_day, interval '1 day') AS day
CROSS JOIN LATERAL (SELECT ((day::date + rule.start_time) AT TIME ZONE scale.zone)
                           AT TIME ZONE 'UTC' AS starts_at) AS at
WHERE position((extract(isodow FROM day)::int - 1)::text IN rule.weekdays) > 0
ON CONFLICT (service_id, starts_at) DO NOTHING;

-- Stays: arrivals over the year, more in summer; one to eight nights.
CREATE TEMP TABLE year_stay AS
SELECT base.stay + g AS id, g,
       (1 + pg_temp.h(g, 1) % 8)::int AS nights,
       (ARRAY['Kim', 'Lee', 'Park', 'Sato', 'Suzuki', 'Tanaka', 'Wang', 'Li', 'Zhang',
              'Nguyen', 'Tran', 'Ivanov', 'Petrova', 'Mueller', 'Schmidt', 'Weber',
              'Martin', 'Bernard', 'Dubois', 'Garcia', 'Lopez', 'Martinez', 'Haddad',
              'Nasser', 'Smith', 'Jones', 'Brown', 'Taylor', 'Wilson', 'Evans', 'Novak',
              'Horvat', 'Rossi', 'Russo', 'Jensen', 'Hansen', 'Berger', 'Huber', 'Gruber',
              'Wagner'])[1 + pg_temp.h(g, 2) % 40] AS last_name,
       (ARRAY['Minji', 'Jisoo', 'Haruto', 'Yui', 'Wei', 'Lan', 'Minh', 'Olga', 'Ivan',
              'Anna', 'Lukas', 'Emma', 'Louis', 'Chloe', 'Lucia', 'Mateo', 'Omar', 'Layla',
              'James', 'Olivia', 'Noah', 'Mia', 'Elias', 'Sofia', 'Jakob', 'Lena', 'Paul',
              'Marie', 'Felix', 'Hannah'])[1 + pg_temp.h(g, 3) % 30] AS first_name,
       (ARRAY['en', 'en', 'en', 'de', 'de', 'ko', 'ja', 'zh', 'vi', 'ru', 'fr', 'es',
              'ar'])[1 + pg_temp.h(g, 4) % 13] AS language,
       (CASE WHEN pg_temp.h(g, 5) % 5 = 0 THEN 1 ELSE 2 END)::int AS adults,
       (ARRAY[0, 0, 0, 0, 1, 1, 1, 2, 2, 3])[1 + pg_temp.h(g, 6) % 10] AS children,
       (2 + pg_temp.h(g, 7) % 6)::int AS bookings,
       pg_temp.h(g, 8) / 2147483648.0 AS u
FROM scale, base, generate_series(1, scale.stays) AS g;

ALTER TABLE year_stay ADD COLUMN arrival_on date;
UPDATE year_stay SET arrival_on = scale.first_day + floor(
    (u + 0.15 * sin(2 * pi() * (u - 0.3)) / (2 * pi()))
    * ((scale.last_day - scale.first_day) - nights))::int
FROM scale;

INSERT INTO stay (id, reference, room, first_name, last_name, last_name_key, arrival_on,
                  departure_on, language, email, notes, created_at, updated_at, version)
SELECT id, 'Y' || to_char(g, 'FM000000'), (100 + pg_temp.h(g, 9) % 600)::text,
       first_name, last_name, lower(last_name), arrival_on, arrival_on + nights, language,
       lower(first_name || '.' || last_name) || g || '@example.com', '',
       arrival_on - 30, arrival_on - 30, 1
FROM year_stay;

-- The party: the lead guest, perhaps a second adult, and up to three children.
INSERT INTO party_member (id, stay_id, position, first_name, last_name, is_child, age, birth_date)
SELECT base.member + (s.g - 1) * 5 + p + 1, s.id, p,
       CASE WHEN p = 0 THEN s.first_name
            ELSE (ARRAY['Alex', 'Sam', 'Yuna', 'Leo', 'Mila', 'Ben', 'Ida', 'Kai', 'Noa',
                        'Tom'])[1 + pg_temp.h(s.g * 5 + p, 10) % 10] END,
       s.last_name, p >= s.adults, CASE WHEN p >= s.adults THEN pg_temp.h(s.g * 5 + p, 11) % 15 END,
       NULL
FROM year_stay AS s, base, generate_series(0, s.adults + s.children - 1) AS p;

-- Bookings: two to seven per stay, made in the days before arrival.
CREATE TEMP TABLE year_booking AS
SELECT base.booking + (s.g - 1) * 7 + j AS id, (s.g - 1) * 7 + j AS n, s.id AS stay_id, s.g,
       j, s.arrival_on, s.nights, s.adults + s.children AS members,
       (ARRAY[1, 2, 3, 4, 5, 6, 7, 4, 6])[1 + pg_temp.h((s.g - 1) * 7 + j, 12) % 9] AS items,
       (s.arrival_on - 3)::timestamp
           + make_interval(mins => (pg_temp.h((s.g - 1) * 7 + j, 13) % (72 * 60))::int)
           AS created_at
FROM year_stay AS s, base, generate_series(1, s.bookings) AS j;

-- Items: a day of the stay, then an activity (a slot of that day), a rental or a request.
CREATE TEMP TABLE day_slot AS
SELECT slot.id, slot.service_id, slot.starts_at,
       (slot.starts_at AT TIME ZONE 'UTC' AT TIME ZONE scale.zone)::date AS day,
       row_number() OVER (PARTITION BY (slot.starts_at AT TIME ZONE 'UTC'
                                        AT TIME ZONE scale.zone)::date
                          ORDER BY slot.starts_at, slot.id) - 1 AS n
FROM slot, scale
WHERE slot.starts_at >= scale.first_day - 1 AND slot.starts_at < scale.last_day + 2;
CREATE UNIQUE INDEX ON day_slot (day, n);
CREATE TEMP TABLE day_slots AS SELECT day, count(*) AS slots FROM day_slot GROUP BY day;
CREATE UNIQUE INDEX ON day_slots (day);
ANALYZE day_slot;
ANALYZE day_slots;

CREATE TEMP TABLE service_pick AS
SELECT kind, row_number() OVER (PARTITION BY kind ORDER BY id) - 1 AS n, id, slug,
       count(*) OVER (PARTITION BY kind) AS services
FROM service WHERE active AND kind IN ('rental', 'on_request');

-- Who takes part (activities only): one to three of the party; states of a past year.
CREATE TEMP TABLE year_item AS
WITH drawn AS (
    SELECT base.item + (b.n - 1) * 8 + i AS id, b.id AS booking_id, b.stay_id, b.g,
           b.members, b.arrival_on + ((b.j * 3 + i) % b.nights)::int AS day,
           b.arrival_on + b.nights AS departure_on,
           CASE WHEN pg_temp.h((b.n - 1) * 8 + i, 20) % 100 < 60 THEN 'activity'
                WHEN pg_temp.h((b.n - 1) * 8 + i, 20) % 100 < 75 THEN 'rental'
                ELSE 'on_request' END AS kind,
           pg_temp.h((b.n - 1) * 8 + i, 21) AS r
    FROM year_booking AS b, base, generate_series(1, b.items) AS i
), placed AS (
    SELECT drawn.*, coalesce(day_slot.service_id, pick.id) AS service_id,
           day_slot.id AS slot_id, pick.slug,
           CASE drawn.kind WHEN 'activity' THEN day_slot.starts_at
                WHEN 'on_request' THEN ((drawn.day + make_time(9 + (drawn.r % 10)::int, 0, 0))
                                        AT TIME ZONE scale.zone) AT TIME ZONE 'UTC' END
               AS starts_at,
           CASE drawn.kind WHEN 'rental'
                THEN least(drawn.day + (drawn.r % 3)::int, drawn.departure_on - 1)
                ELSE drawn.day END AS end_on,
           CASE WHEN drawn.kind = 'activity'
                THEN least(drawn.members, 1 + (drawn.r / 7) % 2 + ((drawn.r / 13) % 6 = 0)::int)
                ELSE 0 END AS people
    FROM drawn
    CROSS JOIN scale
    LEFT JOIN day_slots ON drawn.kind = 'activity' AND day_slots.day = drawn.day
    LEFT JOIN day_slot ON day_slot.day = drawn.day
                      AND day_slot.n = (drawn.stay_id * 7 + drawn.r) % day_slots.slots
    LEFT JOIN service_pick AS pick ON pick.kind = drawn.kind
                                  AND pick.n = drawn.r % pick.services
)
SELECT placed.*, service.price AS unit_price,
       CASE WHEN placed.kind = 'activity' AND service.capacity_unit = 'persons' THEN placed.people
            WHEN placed.kind = 'rental' THEN 1 + (placed.r / 19) % 2
            ELSE 1 END::int AS quantity,
       CASE
        WHEN placed.kind = 'activity' THEN (ARRAY['completed', 'completed', 'completed',
            'completed', 'completed', 'completed', 'completed', 'completed', 'completed',
            'completed', 'completed', 'completed', 'completed', 'completed', 'completed',
            'completed', 'completed', 'no_show', 'cancelled', 'cancelled', 'cancelled_by_hotel',
            'declined', 'completed', 'completed', 'cancelled'])[1 + (placed.r / 17) % 25]
        WHEN placed.kind = 'rental' THEN (ARRAY['completed', 'completed', 'completed',
            'completed', 'completed', 'completed', 'completed', 'completed', 'completed',
            'completed', 'completed', 'cancelled', 'cancelled', 'completed', 'completed',
            'completed', 'completed', 'completed', 'completed', 'completed', 'completed',
            'completed', 'completed', 'confirmed', 'declined'])[1 + (placed.r / 17) % 25]
        ELSE (ARRAY['completed', 'completed', 'completed', 'completed', 'completed',
            'completed', 'completed', 'completed', 'completed', 'completed', 'completed',
            'completed', 'completed', 'completed', 'completed', 'completed', 'declined',
            'declined', 'cancelled', 'cancelled', 'cancelled', 'confirmed', 'no_show',
            'completed', 'completed'])[1 + (placed.r / 17) % 25] END AS state,
       CASE placed.slug
        WHEN 'babysitting' THEN '{"hours": 3}'
        WHEN 'paediatrician' THEN '{"reason": "Fever since last night"}'
        WHEN 'transfer' THEN '{"pickup_place": "Airport", "destination": "Hotel", "flight_number": "OS 123", "passengers": 3}'
        WHEN 'private-tour' THEN '{"pickup_place": "Lobby", "passengers": 2, "interests": "Castles"}'
        WHEN 'event-tickets' THEN '{"event_name": "Lake concert"}'
        ELSE '{}' END::json AS details
FROM placed JOIN service ON service.id = placed.service_id;

INSERT INTO booking (id, reference, stay_id, package_id, created_at, created_by_id, currency,
                     total, discount_total, submission_key)
SELECT booking.id, 'Y' || to_char(booking.n, 'FM0000000'), booking.stay_id, NULL,
       booking.created_at, CASE WHEN pg_temp.h(booking.n, 14) % 10 = 0 THEN base.reception END,
       'EUR', coalesce(sums.total, 0), 0, NULL
FROM year_booking AS booking
CROSS JOIN base
LEFT JOIN (SELECT booking_id, sum(unit_price * quantity) AS total FROM year_item
           GROUP BY booking_id) AS sums ON sums.booking_id = booking.id;

INSERT INTO booking_item (id, booking_id, service_id, state, quantity, slot_id, start_on, end_on,
                          starts_at, details, note, unit_price, subtotal, discount, price,
                          reason, reason_language, updated_at)
SELECT id, booking_id, service_id, state, quantity, slot_id, day, end_on, starts_at, details,
       CASE WHEN r % 40 = 0 THEN 'Please bring a towel' ELSE '' END,
       unit_price, unit_price * quantity, 0, unit_price * quantity,
       CASE state WHEN 'declined' THEN 'Fully booked, sorry'
                  WHEN 'cancelled_by_hotel' THEN 'Closed for the weather' ELSE '' END,
       CASE WHEN state IN ('declined', 'cancelled_by_hotel') THEN 'en' ELSE '' END,
       day + interval '20 hours'
FROM year_item;

-- Participants: the year is past, so no one holds a place (slot_id stays empty).
INSERT INTO booking_item_participant (booking_item_id, party_member_id, slot_id)
SELECT item.id,
       base.member + (item.g - 1) * 5 + ((item.r / 23) % item.members + t) % item.members + 1,
       NULL
FROM year_item AS item
CROSS JOIN base
CROSS JOIN LATERAL generate_series(0, item.people - 1) AS t
WHERE item.people > 0;

-- Counters: places kept by completed, no-show and confirmed items; a group's slots are
-- larger than the demo hotel's, so capacity is at least what was booked.
UPDATE slot SET booked = slot.booked + used.quantity,
                capacity = greatest(slot.capacity, slot.booked + used.quantity)
FROM (SELECT slot_id, sum(quantity) AS quantity FROM year_item
      WHERE slot_id IS NOT NULL AND state NOT IN ('cancelled', 'declined', 'cancelled_by_hotel')
      GROUP BY slot_id) AS used
WHERE slot.id = used.slot_id;

CREATE TEMP TABLE rental_use AS
SELECT item.service_id, used.on_day::date AS day, sum(item.quantity) AS booked
FROM year_item AS item
CROSS JOIN LATERAL generate_series(item.day, item.end_on, interval '1 day') AS used (on_day)
WHERE item.kind = 'rental' AND item.state NOT IN ('cancelled', 'declined', 'cancelled_by_hotel')
GROUP BY item.service_id, used.on_day::date;

-- A group has more cribs and scooters than the demo hotel: the stock becomes what its
-- busiest day needed, and the demo's rental days keep their free units.
CREATE TEMP TABLE more_stock AS
SELECT service.id, greatest(max(use.booked) - service.stock, 0) AS more
FROM service JOIN rental_use AS use ON use.service_id = service.id
GROUP BY service.id, service.stock;
UPDATE service SET stock = stock + more_stock.more FROM more_stock WHERE service.id = more_stock.id;
UPDATE rental_day SET capacity = capacity + more_stock.more
FROM more_stock WHERE rental_day.service_id = more_stock.id;

INSERT INTO rental_day (service_id, day, capacity, booked)
SELECT use.service_id, use.day, service.stock, use.booked
FROM rental_use AS use JOIN service ON service.id = use.service_id
ON CONFLICT (service_id, day) DO UPDATE SET booked = rental_day.booked + excluded.booked;

-- Ratings of about one completed item in eight, mostly good.
INSERT INTO rating (id, booking_item_id, stay_id, score, comment, created_at)
SELECT base.rating + row_number() OVER (ORDER BY item.id), item.id, item.stay_id,
       (ARRAY[5, 5, 5, 4, 4, 4, 3, 2, 1, 5])[1 + (item.r / 29) % 10],
       CASE WHEN (item.r / 29) % 10 = 8 THEN 'Not what we expected' ELSE '' END,
       item.day + interval '1 day' + make_interval(mins => ((item.r / 31) % 600)::int)
FROM year_item AS item, base
WHERE item.state = 'completed' AND (item.r / 37) % 8 = 0;

-- Tickets: about one stay in ten asks or complains; all answered and closed.
INSERT INTO ticket (id, number, stay_id, kind, category_id, department_id, booking_item_id, text,
                    language, state, created_at, due_at, answered_at, closed_at, answer,
                    answer_language, answered_by_id, satisfaction, satisfaction_comment)
SELECT base.ticket + row_number() OVER (ORDER BY stay.id), 'TY' || to_char(stay.g, 'FM000000'),
       stay.id, (ARRAY['question', 'request', 'complaint'])[1 + pg_temp.h(stay.g, 40) % 3],
       category.id, category.department_id, NULL, 'Could we have more towels?', stay.language,
       'closed', opened.at, opened.at + make_interval(hours => category.response_hours),
       opened.at + interval '50 minutes', opened.at + interval '1 day', 'Of course.', 'en',
       base.reception, CASE WHEN pg_temp.h(stay.g, 41) % 2 = 0 THEN 4 END, ''
FROM year_stay AS stay
CROSS JOIN base
JOIN LATERAL (SELECT id, department_id, response_hours FROM ticket_category
              ORDER BY id OFFSET pg_temp.h(stay.g, 42) % (SELECT count(*) FROM ticket_category)
              LIMIT 1) AS category ON true
CROSS JOIN LATERAL (SELECT stay.arrival_on + interval '1 day'
                           + make_interval(mins => (pg_temp.h(stay.g, 43) % 600)::int) AS at)
    AS opened
WHERE pg_temp.h(stay.g, 44) % 10 = 0;

-- The audit log: every booking, every answer of reception, every rating.
INSERT INTO audit_entry (created_at, staff_id, stay_id, action, object_type, object_id, details)
SELECT booking.created_at, booking.created_by_id,
       CASE WHEN booking.created_by_id IS NULL THEN booking.stay_id END, 'booking.created',
       'Booking', booking.id::text,
       json_build_object('reference', booking.reference, 'total', booking.total::text)
FROM booking WHERE booking.id > (SELECT booking FROM base);

INSERT INTO audit_entry (created_at, staff_id, stay_id, action, object_type, object_id, details)
SELECT item.day + interval '20 hours', base.reception, NULL, 'item.' || item.state,
       'BookingItem', item.id::text, json_build_object('state', item.state)
FROM year_item AS item, base
WHERE item.state <> 'completed' OR (item.r / 41) % 4 = 0;

INSERT INTO audit_entry (created_at, staff_id, stay_id, action, object_type, object_id, details)
SELECT rating.created_at, NULL, rating.stay_id, 'item.rated', 'BookingItem',
       rating.booking_item_id::text, json_build_object('score', rating.score)
FROM rating WHERE rating.id > (SELECT rating FROM base);

-- The sequences go on after the ids given here.
SELECT setval(pg_get_serial_sequence(name, 'id'), greatest(
           (SELECT max(id) FROM stay WHERE name = 'stay'),
           (SELECT max(id) FROM party_member WHERE name = 'party_member'),
           (SELECT max(id) FROM booking WHERE name = 'booking'),
           (SELECT max(id) FROM booking_item WHERE name = 'booking_item'),
           (SELECT max(id) FROM rating WHERE name = 'rating'),
           (SELECT max(id) FROM ticket WHERE name = 'ticket'), 1))
FROM unnest(ARRAY['stay', 'party_member', 'booking', 'booking_item', 'rating', 'ticket']) AS name;

DO $$ DECLARE ddl text; BEGIN
    FOR ddl IN SELECT create_ddl FROM put_aside LOOP EXECUTE ddl; END LOOP;
END $$;
