"""Demo client files: about 25 invented people across the demo workers. None is real."""

from __future__ import annotations

from datetime import date, timedelta

from app import clock
from app.clients import care, consents, requests, service
from app.demo import REAL_DATA_MODELS, DemoContext, demo_area
from app.extensions import db
from app.models import Client, CoverAccess

REAL_DATA_MODELS.append(Client)

# given, family, nickname, pronouns, born (or a year), gender, worker, needs, support level
PEOPLE = (
    (
        "Tamsin",
        "Orchard",
        "Tam",
        "she/her",
        date(1988, 4, 12),
        "female",
        "worker",
        ["drug_treatment", "children"],
        "ongoing",
    ),
    (
        "Daniel",
        "Whitlock",
        "Danny",
        "he/him",
        date(1979, 11, 2),
        "male",
        "worker",
        ["drug_treatment", "legal"],
        "intensive",
    ),
    (
        "Kirra",
        "Brennan",
        None,
        "she/her",
        date(1995, 1, 23),
        "female",
        "worker3",
        ["housing", "money"],
        "ongoing",
    ),
    (
        "Robert",
        "Fenwick",
        "Bob",
        "he/him",
        1968,
        "male",
        "worker3",
        ["physical_health", "housing"],
        "ongoing",
    ),
    (
        "Skye",
        "Marlowe",
        None,
        "they/them",
        date(1999, 8, 30),
        "non_binary",
        "worker2",
        ["mental_health", "housing"],
        "immediate",
    ),
    (
        "Leanne",
        "Costa",
        "Lee",
        "she/her",
        date(1983, 6, 7),
        "trans_woman",
        "worker2",
        ["housing", "family"],
        "ongoing",
    ),
    (
        "Mick",
        "Donnelly",
        None,
        "he/him",
        date(1971, 3, 18),
        "male",
        "worker",
        ["drug_treatment"],
        "ongoing",
    ),
    (
        "Aroha",
        "Tane",
        None,
        "she/her",
        date(1990, 9, 9),
        "female",
        "worker",
        ["children", "money"],
        "intensive",
    ),
    (
        "Jesse",
        "Kowalski",
        "Jess",
        None,
        date(2001, 12, 1),
        "not_stated",
        "worker2",
        ["mental_health"],
        "ongoing",
    ),
    (
        "Wayne",
        "Purcell",
        None,
        "he/him",
        1975,
        "male",
        "worker3",
        ["legal", "transport"],
        "ongoing",
    ),
    (
        "Mele",
        "Fonua",
        None,
        "she/her",
        date(1986, 2, 14),
        "female",
        "worker2",
        ["family", "food"],
        "ongoing",
    ),
    (
        "Craig",
        "Ashby",
        "Ash",
        "he/him",
        date(1980, 10, 25),
        "trans_man",
        "worker",
        ["drug_treatment", "work_study"],
        "ongoing",
    ),
    (
        "Narelle",
        "Hogan",
        None,
        "she/her",
        date(1977, 5, 5),
        "female",
        "worker3",
        ["housing", "aid"],
        "immediate",
    ),
    (
        "Toby",
        "Rennie",
        None,
        "he/him",
        date(1993, 7, 19),
        "male",
        "worker",
        ["drug_treatment", "physical_health"],
        "ongoing",
    ),
    (
        "Shanice",
        "Walker",
        "Shan",
        "she/her",
        date(1997, 3, 3),
        "female",
        "worker3",
        ["children", "legal"],
        "intensive",
    ),
    (
        "Paulo",
        "Reis",
        None,
        "he/him",
        date(1985, 12, 12),
        "male",
        "worker2",
        ["money", "mental_health"],
        "ongoing",
    ),
    (
        "Georgie",
        "Lamb",
        None,
        "she/her",
        date(1991, 4, 4),
        "female",
        "worker",
        ["drug_treatment"],
        "ongoing",
    ),
    (
        "Harley",
        "Quist",
        None,
        "they/them",
        date(2000, 6, 16),
        "non_binary",
        "worker2",
        ["housing"],
        "ongoing",
    ),
    (
        "Dennis",
        "O'Loughlin",
        "Denny",
        "he/him",
        1962,
        "male",
        "worker3",
        ["physical_health", "transport"],
        "ongoing",
    ),
    (
        "Bianca",
        "Moretti",
        None,
        "she/her",
        date(1989, 8, 8),
        "female",
        "worker",
        ["children", "housing"],
        "ongoing",
    ),
    (
        "Lachlan",
        "Boyd",
        "Lachie",
        "he/him",
        date(1996, 1, 1),
        "male",
        "worker2",
        ["mental_health", "drug_treatment"],
        "ongoing",
    ),
    (
        "Yindi",
        "Marsh",
        None,
        "she/her",
        date(1987, 10, 10),
        "female",
        "worker3",
        ["family", "housing"],
        "ongoing",
    ),
    ("Stevie", "Nolan", None, None, None, None, "worker", ["food"], "immediate"),
    ("Kev", None, None, None, None, None, "worker3", [], None),
    (
        "Rhiannon",
        "Pryce",
        "Rhi",
        "she/her",
        date(1994, 2, 28),
        "female",
        "worker2",
        ["money", "work_study"],
        "ongoing",
    ),
)
DRUGS = ("heroin", "methamphetamine", "cannabis", "alcohol", "methadone", "benzos", "bupe")
HOUSING = ("private_rental", "public_housing", "homeless", "shelter", "hostel")
NOTES = {
    "drug_treatment": "Wants to start on bupe and find a prescriber who is kind.",
    "children": "Two kids in care. Wants to get ready for the next CYF meeting.",
    "housing": "Couch surfing. On the housing list for a year.",
    "money": "Payment cut off after a missed appointment.",
    "legal": "Court date next month. Needs a lawyer.",
    "mental_health": "Low mood. Likes to talk while walking.",
    "physical_health": "Sore leg that needs a doctor to look at it.",
    "family": "Wants to reconnect with their sister.",
    "food": "Comes to the drop-in for lunch most days.",
    "aid": "Needs a swag and warm clothes for winter.",
    "transport": "No car. Appointments are far away.",
    "work_study": "Wants to do a forklift course.",
}


@demo_area(40, "clients")
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
        client = service.create_client(answers, worker)
        service.allocate(client, worker, reason="Did the intake", by=users["senior"])
        episode = care.open_episode(client, user=worker)
        if needs or level:
            care.save_assessment(
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
            care.close_episode(
                episode, closed_on=episode_closed_on, reason=1 if n == 7 else 7, by=worker
            )
            if n == 7:
                care.start_new_episode(client, from_last=True, user=worker)
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
    service.create_draft(
        users["worker"],
        answers={"nickname": "Blue", "_not_said": [], "service_location": "drop_in"},
    )
    _demo_cover(made, users)
    context.made["clients"] = made


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
            until=service.end_of_today(),
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
            until=service.end_of_today(),
            state="asked",
            created_at=now - timedelta(minutes=20),
            created_by_id=users["worker3"].id,
        )
    )
    db.session.flush()
