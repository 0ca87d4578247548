"""Demo client files: about 25 invented people across the demo workers. None is real."""

from __future__ import annotations

from datetime import date, timedelta

from app import clock
from app.clients import (
    allocation,
    assessments,
    confidentiality,
    consents,
    cover,
    drafts,
    episodes,
    files,
    known_outside_work,
    links,
    requests,
)
from app.clients.demo_people import DRUGS, FREQUENCIES, HOUSING, NOTES, PEOPLE, WORKER_WISHES
from app.core.areas import DemoContext
from app.extensions import db
from app.models import Client, CoverAccess


def make_demo_clients(context: DemoContext) -> None:
    today = clock.today()
    users = context.users
    made = []
    for n, person in enumerate(PEOPLE):
        given, family, nickname, pronouns, born, gender, worker_name, needs, level = person
        worker = users[worker_name]
        answers = {
            "given_name": given,
            "family_name": family,
            "nickname": nickname,
            "pronouns": pronouns,
            "gender": gender,
            "contact_date": (today - timedelta(days=20 + n * 9)).isoformat(),
            "service_location": ("drop_in", "outreach", "phone", "event")[n % 4],
            "referral_source": ("self", "family", "aod", "community", "corrections")[n % 5],
        }
        if isinstance(born, date):
            answers["born_on"] = born.isoformat()
        elif born:
            answers["birth_year_estimate"] = born
        if n % 6 != 5 and born:
            answers.update(
                phone=f"04{n:02d} {100 + n * 7:03d} {200 + n * 3:03d}",
                ok_to_call="yes",
                ok_to_text="yes" if n % 3 else "no",
                ok_to_email="no",
                postcode=("2617", "2602", "2615", "2900")[n % 4],
                indigenous=("neither", "aboriginal", "neither", "not_stated")[n % 4],
                country_of_birth="Australia" if n % 5 else "New Zealand",
                preferred_language="English",
                nesb="no",
                accommodation=HOUSING[n % len(HOUSING)],
                living=("alone", "friends", "partner")[n % 3],
                client_type="own",
                main_drug=DRUGS[n % len(DRUGS)],
                method=("injects", "smokes", "injects", "eat_drink")[n % 4],
                other_drugs=[DRUGS[(n + 2) % len(DRUGS)]],
                last_injected=("0_3_months", "over_12_months", "never")[n % 3],
            )
        client = files.create_client(answers, worker)
        allocation.allocate(client, worker, reason="Did the intake", by=users["senior"])
        client.worker_preferences = dict(WORKER_WISHES.get(given, {}))
        client.contact_frequency = FREQUENCIES[n % len(FREQUENCIES)]
        episode = episodes.open_episode(client, user=worker)
        if needs or level:
            assessments.save_assessment(
                client,
                {
                    "met_on": date.fromisoformat(answers["contact_date"]),
                    "support_level": level,
                    "needs": needs,
                    "need_notes": {k: NOTES[k] for k in needs if k in NOTES},
                    "strengths": "Knows what they want. Good sense of humour.",
                    "supports": "A sister who calls every week. Sees a GP at the health centre.",
                    "risks": "Overdose risk when using alone." if n % 3 == 0 else None,
                },
                worker,
                episode=episode,
            )
        if n % 4 == 0:
            consents.create_consent(
                client,
                {
                    "party_name": "Housing ACT",
                    "relationship_to": "Housing caseworker",
                    "contact_details": "Phone 133 427",
                    "shares": ["client_here", "housing"],
                    "how_given": "signed_paper",
                    "given_on": (today - timedelta(days=345 if n % 8 == 0 else 30)).isoformat(),
                },
                worker,
            )
        if n % 5 == 1:
            consents.create_consent(
                client,
                {
                    "party_name": "Their GP",
                    "relationship_to": "Doctor at the health centre",
                    "shares": ["health", "drug_treatment", "appointments"],
                    "how_given": "verbal",
                    "witness": users["senior"].display_name,
                    "given_on": (today - timedelta(days=60)).isoformat(),
                },
                worker,
            )
        if n in (7, 16):
            episode_closed_on = today - timedelta(days=5)
            episodes.close_episode(
                episode, closed_on=episode_closed_on, reason=1 if n == 7 else 7, by=worker
            )
            if n == 7:
                episodes.start_new_episode(client, from_last=True, user=worker)
        made.append(client)

    withdrawn = consents.create_consent(
        made[2],
        {
            "party_name": "Centrelink",
            "relationship_to": "Payments officer",
            "shares": ["money"],
            "how_given": "signed_screen",
            "given_on": (today - timedelta(days=90)).isoformat(),
        },
        users["worker3"],
    )
    consents.withdraw_consent(
        withdrawn, on=today - timedelta(days=10), note="Wants to talk to them directly"
    )
    requests.create_request(
        made[5],
        kind="access",
        received_on=today - timedelta(days=6),
        asked_for="A copy of everything in my file",
        user=users["worker2"],
    )
    drafts.create_draft(
        users["worker"],
        answers={"nickname": "Blue", "_not_said": [], "service_location": "drop_in"},
    )
    _demo_cover(made, users)
    _demo_family(made, users)
    _demo_confidentiality(made, users)
    context.made["clients"] = made


def _demo_confidentiality(made: list[Client], users: dict) -> None:
    """Tam was told their file is confidential; a subpoena for Danny's notes waits for the
    manager; a worker knows Danny outside work, so his file never goes to them."""
    tam, danny = made[0], made[1]
    confidentiality.explain(tam, tam.worker or users["worker"])
    confidentiality.record_disclosure(
        danny,
        kind="subpoena",
        asked_by="ACT Magistrates Court",
        authority="Subpoena 1234 of 2026, for a family law matter",
        asked_on=clock.today() - timedelta(days=2),
        what_given="Case notes from the last three months. Nothing else.",
        by=danny.worker or users["worker"],
    )
    friend = next(
        users[k] for k in ("worker3", "worker2", "worker") if users[k].id != danny.worker_id
    )
    known_outside_work.declare(
        danny, friend, how="friends", note="We grew up on the same street.", by=users["senior"]
    )


def _demo_family(made: list[Client], users: dict) -> None:
    """A couple linked on both files, and a child in CYF care on a parent's file."""
    tam, danny = made[0], made[1]
    links.add_link(tam, danny, kind="partner", note="Together about two years", by=users["worker"])
    year = clock.today().year - 7
    child = {"name": "Mia", "born_year": year, "lives_with": "In CYF care"}
    links.add_child(tam, {**child, "note": "Tam sees her on Saturdays."}, by=users["worker"])


def _demo_cover(made: list[Client], users: dict) -> None:
    """One file opened while covering, not reviewed yet, so the home panels have something;
    and one new worker's request waiting for a senior's yes."""
    opened = next(c for c in made if c.worker_id not in (None, users["worker2"].id))
    now = clock.now()
    db.session.add(
        CoverAccess(
            client_id=opened.id,
            user_id=users["worker2"].id,
            reason_kind="away",
            covering_for_id=opened.worker_id,
            reason="They are off sick and this person came in needing a food voucher.",
            until=cover.end_of_today(),
            state="open",
            created_at=now - timedelta(hours=2),
            created_by_id=users["worker2"].id,
        )
    )
    asked = next(
        c for c in made if c.worker_id not in (None, users["worker3"].id) and c.id != opened.id
    )
    db.session.add(
        CoverAccess(
            client_id=asked.id,
            user_id=users["worker3"].id,
            reason_kind="here_now",
            reason="They are at the front desk and want to move their appointment today.",
            until=cover.end_of_today(),
            state="asked",
            created_at=now - timedelta(minutes=20),
            created_by_id=users["worker3"].id,
        )
    )
    db.session.flush()
