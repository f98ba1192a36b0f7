"""schemathesis over the OpenAPI document the API serves: no 5xx, no answer the document
does not describe.

Every operation is sent the document's examples, its coverage cases (each boundary and
each rule broken in turn) and fuzzed requests, valid and invalid, with every check that
schemathesis has; then the stateful phase follows the document's links from sign-in and
the catalogue to a booking, its items and their cancellation, and from a new stay to its
update. Guests' operations are sent with a guest's token and the desk's with
reception's, as the document's security says.
"""

import socket
import threading
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import events
from werkzeug.serving import make_server

from hotel.extensions import db
from tests.conftest import record_cases

# Bounded so that the file stays within a few minutes per backend on a small machine.
EXAMPLES_PER_OPERATION = 25
STATEFUL_STEPS = 6
SEED = 20301
PORTS = range(5300, 5400)
# What positive_data_acceptance takes for an answer to data the document allows (its own
# default) ...
ACCEPTED = ["2xx", "3xx", "401", "403", "404", "409", "429"]
# ... and, for these operations, 422 as well: their input can meet the document and still
# break a rule no JSON Schema can state, which the API answers 422 naming the member at
# fault: a period of at most 62 days that runs forwards, a departure after the arrival and
# at most 366 nights later, a service, package or slot the catalogue has, dates within
# the guest's stay.
RULES_BEYOND_SCHEMA = ["showAvailability", "createBooking", "createStay", "updateStay",
                       "joinWaitlist", "acceptWaitlistOffer"]


def schemathesis_config(tokens: dict) -> SchemathesisConfig:
    """Return the run's configuration: every phase and check, a fixed seed, few examples,
    and the token each operation's security asks for."""
    generation = {"max-examples": EXAMPLES_PER_OPERATION, "mode": "all",
                  "deterministic": True, "database": "none",
                  # The token comes from the configuration below, not from generation.
                  "with-security-parameters": False}
    return SchemathesisConfig.from_dict({
        "seed": SEED,
        # A stay has six names, each a pattern with control characters filtered out after:
        # schemathesis draws fewer valid stays than it would like, which is no failure.
        "suppress-health-check": ["filter_too_much"],
        "checks": {"enabled": True},
        "generation": generation,
        "phases": {"examples": {"enabled": True}, "coverage": {"enabled": True},
                   "fuzzing": {"enabled": True},
                   "stateful": {"enabled": True, "max-steps": STATEFUL_STEPS}},
        "operations": [
            {"include-tag": "bookings", "headers": {"Authorization": f"Bearer {tokens['guest']}"}},
            {"include-tag": "waitlist", "headers": {"Authorization": f"Bearer {tokens['guest']}"}},
            {"include-tag": "stays", "headers": {"Authorization": f"Bearer {tokens['staff']}"}},
            *[{"include-operation-id": operation, "checks": {"positive_data_acceptance": {
                "expected-statuses": [*ACCEPTED, "422"]}}} for operation in RULES_BEYOND_SCHEMA],
        ],
    })


def free_port() -> int:
    """Return a port of PORTS that no one listens on (werkzeug exits when it finds none)."""
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.fail(f"no free port in {PORTS}")


@contextmanager
def served(app):
    """Serve the app over HTTP on a free port of 5300-5399, from threads, while in the block.

    A real server (not schemathesis' WSGI transport, which cannot resend a request in
    4.32) gives each request its own thread and app context, as in production.
    """
    server = make_server("127.0.0.1", free_port(), app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


@pytest.fixture
def tokens(api, hotel):
    """A guest's token for the guests' operations, and reception's for the desk's."""
    return {"guest": api.guest_token("LP1001", "Kim"),
            "staff": api.staff_token("reception")}


@dataclass
class Run:
    """What a schemathesis run did: cases per phase, and what failed."""

    cases: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    answers: Counter = field(default_factory=Counter)  # (operation, status): how often


def run_schemathesis(schema) -> Run:
    """Run every phase over the schema, as the command line does; return what happened."""
    run = Run()
    for event in schemathesis.engine.from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            run.cases[event.phase.value] += len(event.recorder.cases)
            for case_id, interaction in event.recorder.interactions.items():
                if interaction.response is not None and case_id in event.recorder.cases:
                    label = event.recorder.cases[case_id].value.operation.label
                    run.answers[label, interaction.response.status_code] += 1
            for case_id, checks in event.recorder.checks.items():
                for check in checks:
                    if check.failure_info is not None:
                        run.failures.append(describe(event.recorder, case_id, check))
        elif isinstance(event, events.NonFatalError):
            run.failures.append(f"{event.label}: {event.value!r}")
        elif isinstance(event, events.FatalError):
            raise event.exception
        elif isinstance(event, events.EngineFinished):
            run.failures += [str(failure) for failure in event.failures]
    return run


def operations(schema) -> list:
    """Return the operations of the document."""
    return [result.ok() for result in schema.get_all_operations()]


def describe(recorder, case_id: str, check) -> str:
    """Return a failed check with the request and the answer."""
    case = recorder.cases[case_id].value
    interaction = recorder.interactions.get(case_id)
    answer = ""
    if interaction is not None and interaction.response is not None:
        response = interaction.response
        answer = f" -> {response.status_code} {response.content[:300]!r}"
    failure = check.failure_info.failure
    return (f"{check.name}: {case.operation.label} {case.path_parameters or ''} "
            f"{case.query or ''} {case.body!r:.300}{answer}\n    {failure.title}: "
            f"{failure.message[:500]}")


def test_every_operation_answers_as_the_document_says(app, hotel, tokens):
    db.session.commit()  # the test's own transaction ends: the requests see the latest
    with served(app) as address:
        schema = schemathesis.openapi.from_url(f"{address}/api/v1/openapi.json",
                                               config=schemathesis_config(tokens))
        run = run_schemathesis(schema)
    record_cases(app, "schemathesis", sum(run.cases.values()), dict(run.cases))
    assert not run.failures, "\n".join(run.failures)
    # The tokens were sent: every operation answered something other than 401 too.
    answered = {label for (label, status), _count in run.answers.items() if status != 401}
    assert {operation.label for operation in operations(schema)} <= answered
