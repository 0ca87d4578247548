"""Factories for client files: a client (allocated or not), consents, episodes, assessments."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from sqlalchemy import update

from app import clock
from app.clients import registration
from app.models import Allocation, Assessment, Client, Consent, Episode, TimelineEntry
from app.standards import codes
from app.standards.slk import slk581

_numbers = itertools.count(1)


def make_client(session, worker=None, **fields) -> Client:
    number = next(_numbers)
    fields.setdefault("given_name", f"Sam{number}")
    fields.setdefault("other_drugs", [])
    fields.setdefault("not_said", [])
    client = Client(**fields)
    client.search_given = registration.search_text(client.given_name)
    client.search_family = registration.search_text(client.family_name)
    client.search_nickname = registration.search_text(client.nickname)
    client.phone_digits = registration.phone_digits(client.phone)
    client.phone2_digits = registration.phone_digits(client.phone2)
    client.slk581 = slk581(
        client.family_name, client.given_name, client.born_on, codes.sex_code(client.gender)
    )
    if worker is not None:
        client.worker_id = worker.id
    session.add(client)
    session.flush()
    if worker is not None:
        session.add(Allocation(client_id=client.id, worker_id=worker.id, started_on=clock.today()))
    session.commit()
    return client


def make_consent(session, client, **fields) -> Consent:
    given = fields.pop("given_on", clock.today())
    consent = Consent(
        client_id=client.id,
        party_name=fields.pop("party_name", "Housing ACT"),
        relationship_to=fields.pop("relationship_to", "Housing caseworker"),
        shares=fields.pop("shares", ["housing"]),
        how_given=fields.pop("how_given", "signed_paper"),
        given_on=given,
        expires_on=fields.pop("expires_on", given + timedelta(days=365)),
        **fields,
    )
    session.add(consent)
    session.commit()
    return consent


def make_episode(session, client, **fields) -> Episode:
    episode = Episode(
        client_id=client.id,
        opened_on=fields.pop("opened_on", date(2026, 1, 5)),
        source_of_referral=fields.pop("source_of_referral", 1),
        **fields,
    )
    session.add(episode)
    session.commit()
    return episode


def make_assessment(session, client, **fields) -> Assessment:
    assessment = Assessment(
        client_id=client.id,
        met_on=fields.pop("met_on", clock.today()),
        needs=fields.pop("needs", ["housing"]),
        need_notes=fields.pop("need_notes", {}),
        **fields,
    )
    session.add(assessment)
    # As saving one in the app does (app.clients.assessments.keep_support_level).
    session.execute(
        update(Client).where(Client.id == client.id).values(support_level=assessment.support_level)
    )
    session.commit()
    return assessment


def make_timeline_entry(session, client, **fields) -> TimelineEntry:
    entry = TimelineEntry(
        client_id=client.id,
        occurred_at=fields.pop("occurred_at", clock.now()),
        kind=fields.pop("kind", "note"),
        summary=fields.pop("summary", "Something happened"),
        **fields,
    )
    session.add(entry)
    session.commit()
    return entry
