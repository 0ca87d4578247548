"""The seeded programme holds every level, module and row of Appendix Three of the model of
care, and the module text of its Level sections. The appendix is typed out again here, cell
by cell, so the programme data is checked against an independent copy."""

from collections import Counter

import pytest
from sqlalchemy import select

from app.models import LearningItem, Level, Module
from app.training.programme import load_programme
from app.training.programme_file import read_programme

LEVELS = read_programme()

# Appendix Three, row by row: level, in-house training, content, basic concepts,
# activities / methodology, position, additional training.
APPENDIX_THREE = [
    {
        "level": 1,
        "in_house": "CAHMA VOL Module 1 Naloxone basic",
        "content_heading": "Basic policies & procedures",
        "content": ["code of conduct", "privacy & confidentiality", "WHS", "feedback & complaints"],
        "concept": [
            "boundaries",
            "conflicts of interest",
            "peer identity vs. Lived experience",
            "difference between peer worker & worker with lived experience",
            "marginalisation, discrimination stigma & internalised stigma",
            "tackling stereotypes about PWUD",
            "community development, health promotion & social determinants of health",
        ],
        "activity": [
            "reading",
            "discussions",
            "simulations",
            "game-based learning",
            "self-reflection",
        ],
        "position": "Trainee",
        "additional": [],
    },
    {
        "level": 1,
        "in_house": "CAHMA VOL Module 2",
        "content_heading": "Front of house & practical tasks at CAHMA",
        "content": ["computer skills", "emails", "stats", "admin", "reception phone"],
        "concept": [
            "harm reduction language",
            "drug use/ dependency in cultural context",
            "drug use as: health/ MH/ identity/ political/ class/ human rights issue",
        ],
        "activity": [
            "reading",
            "video material",
            "discussions",
            "observation and shadowing",
            "simple data collection",
            "self-reflection",
        ],
        "position": "Trainee",
        "additional": [],
    },
    {
        "level": 2,
        "in_house": "CAHMA VOL Module 3",
        "content_heading": "Harm reduction",
        "content": [
            "history",
            "theoretical framework",
            "basic principles",
            "peer education",
            "person-centred care",
        ],
        "concept": [
            "three pillars of harm minimisation",
            "relationship between three pillars and funding discrepancies",
            "abstinence vs harm reduction approaches",
        ],
        # Appendix Three gives level two's activities once, for modules three and four.
        "activity_for_level": [
            "front of house",
            "first point of contact with service users",
            "research about CAHMA projects and programs",
            "individual meetings with all CAHMA workers",
            "coffee with the ED",
        ],
        "activity": [],
        "position": "Volunteer",
        "additional": [],
    },
    {
        "level": 2,
        "in_house": "CAHMA VOL Module 4",
        "content_heading": "",
        "content": ["CAHMA vision & mission", "Org. structure", "Model of care"],
        "concept": ["CAHMA projects", "CAHMA teams & workers"],
        "activity": [],
        "position": "Volunteer",
        "additional": [],
    },
    {
        "level": 3,
        "in_house": "CAHMA VOL Module 5",
        "content_heading": "",
        "content": ["CAHMA partnerships", "ATOD services in the ACT"],
        "concept": ["CAHMA systems", "Employment Hero", "Swag", "SharePoint", "networking"],
        # "brief interventions" is in the appendix twice; the second is in the next module.
        "activity_for_level": [
            "outreach work",
            "community events",
            "brief interventions",
            "health promotions",
            "community BBQs",
            "community engagement within the harm reduction framework",
            "CAHMA projects promotion",
            "Naloxone",
            "brief interventions",
            "teamwork",
        ],
        "activity": [],
        "position": "Volunteer/ Casual worker (where available)",
        "additional": ["NSP certificate", "food handling"],
    },
    {
        "level": 3,
        "in_house": "Overdose prevention Brief interventions",
        "in_house_items": ["Overdose prevention", "Brief interventions"],
        "content_heading": "",
        "content": [],
        "concept": [],
        "activity": [],
        "position": "Volunteer/ Casual worker (where available)",
        "additional": [],
    },
    {
        "level": 4,
        "in_house": "The Fix",
        "in_house_items": ["The Fix"],
        "content_heading": "",
        "content": [],
        "concept": ["CAHMA systems"],
        "activity": [
            "research",
            "project proposal writing",
            "systemic advocacy",
            "Grants",
            "Campaigns",
            "Partnerships",
            "Identifying service gaps & community needs",
        ],
        "position": "Project work (as casual / volunteer); Consumer rep",
        "additional": ["consumer rep training", "Senior First Aid", "Cultural Awareness training"],
    },
    {
        "level": 5,
        "in_house": "rediCASE PTSS basics",
        "in_house_items": ["rediCASE", "PTSS basics"],
        "content_heading": "PTSS model of care",
        "content": ["PTSS model of care"],
        "concept": ["case manager vs PTSS worker", "person-centred approach"],
        "activity": ["shadowing PTSS workers", "intake and PTSS outreach"],
        "position": "PTSS worker",
        "additional": [
            "AOD Cert IV, compulsory",
            "de-escalation and dealing with difficult behaviours",
            "trauma informed practice",
        ],
    },
    {
        "level": 5,
        "in_house": "Policies and procedures related to individual client work",
        "in_house_items": ["Policies and procedures related to individual client work"],
        "content_heading": "",
        "content": [],
        "concept": [],
        "activity": [],
        "position": "PTSS worker",
        "additional": [],
    },
]

# A phrase from the module text of each Level section, in the order of the modules.
MODULE_TEXT = [
    "signs agreements that will promote professional and respectful behaviour",
    "learns about their role as a volunteer through a series of simulations",
    "three pillars of harm minimisation",
    "informal meeting with CAHMA's executive director",
    "hepatitis C testing (run in partnership with Hepatitis ACT",
    "naloxone train-the-trainer workshops",
    "consumer representative training, first aid training, cultural awareness training",
    "CAHMA's PTSS database RediCASE",
    "self-help, therapeutic, educational, peer support, peer education",
]

POSITIONS = {
    1: "Trainee",
    2: "Volunteer",
    3: "Volunteer/ Casual worker (where available)",
    4: "Project work (as casual / volunteer); Consumer rep",
    5: "PTSS worker",
}


def _modules():
    return [(level["number"], module) for level in LEVELS for module in level["modules"]]


def _items(module, source):
    return [i["source_text"] for i in module["items"] if i["source"] == source]


def test_five_levels_with_their_positions():
    assert [level["number"] for level in LEVELS] == [1, 2, 3, 4, 5]
    assert {level["number"]: level["position"] for level in LEVELS} == POSITIONS
    assert [level["name"] for level in LEVELS] == [
        "Training",
        "Volunteering",
        "Work placement",
        "Project work",
        "Further employment / education",
    ]
    for level in LEVELS:
        assert level["summary"] and level["lets_you"] and level["description"]


def test_one_module_for_each_row_of_appendix_three():
    modules = _modules()
    assert [(n, m["in_house"]) for n, m in modules] == [
        (row["level"], row["in_house"]) for row in APPENDIX_THREE
    ]
    assert [m["title"] for _, m in modules] == [
        "Module 1: Our rules and you",
        "Module 2: The front desk",
        "Module 3: Harm reduction",
        "Module 4: Getting to know us",
        "Module 5: Our partners and drug services in the ACT",
        "Module 6: Overdose prevention and brief interventions",
        "Module 7: Project work",
        "Module 8: PTSS basics",
        "Module 9: Policies for one-to-one work",
    ]


@pytest.mark.parametrize("row_index", range(len(APPENDIX_THREE)))
def test_every_cell_of_the_row_is_an_item(row_index):
    row = APPENDIX_THREE[row_index]
    _level, module = _modules()[row_index]
    assert module["content_heading"] == row["content_heading"]
    assert Counter(_items(module, "content")) == Counter(row["content"])
    assert Counter(_items(module, "concept")) == Counter(row["concept"])
    assert Counter(_items(module, "activity")) >= Counter(row["activity"])
    assert Counter(_items(module, "additional")) == Counter(row["additional"])
    assert _items(module, "in_house") == row.get(
        "in_house_items", ["Naloxone basic"] if row_index == 0 else []
    )


@pytest.mark.parametrize("level_number", [2, 3])
def test_activities_given_once_for_a_level_are_in_that_level(level_number):
    wanted = Counter()
    for row in APPENDIX_THREE:
        if row["level"] == level_number:
            wanted.update(row.get("activity_for_level", []))
    found = Counter()
    for n, module in _modules():
        if n == level_number:
            found.update(_items(module, "activity"))
    assert found == wanted


def test_the_level_two_meetings_are_in_module_four_as_the_text_says():
    module_four = _modules()[3][1]
    assert set(_items(module_four, "activity")) == {
        "research about CAHMA projects and programs",
        "individual meetings with all CAHMA workers",
        "coffee with the ED",
    }
    kinds = {i["source_text"]: i["kind"] for i in module_four["items"]}
    assert kinds["individual meetings with all CAHMA workers"] == "meet"
    assert kinds["coffee with the ED"] == "meet"


def test_each_module_keeps_its_text_from_the_level_sections():
    for (_n, module), phrase in zip(_modules(), MODULE_TEXT, strict=True):
        assert phrase in module["description"] or any(
            phrase == i["source_text"] for i in module["items"]
        ), module["title"]


def test_module_one_discussion_topics_and_agreements_from_the_level_one_text():
    module_one = _modules()[0][1]
    texts = _items(module_one, "text")
    assert "what is CAHMA (as a peer-based organisation)" in texts
    assert "what is CAHMA's vision and core programs/projects" in texts
    last = module_one["items"][-1]
    assert last["special"] == "agreements"  # module one ends with accepting the agreements


def test_every_item_has_a_known_kind_plain_words_and_a_time_guess_where_it_makes_sense():
    kinds = {"read", "watch", "do", "talk", "shadow", "meet"}
    for _n, module in _modules():
        for item in module["items"]:
            assert item["kind"] in kinds
            assert item["title"] and item["body"]
            for sentence in item["body"].split(". "):
                assert len(sentence.split()) <= 20, item["title"]
    all_kinds = {i["kind"] for _n, m in _modules() for i in m["items"]}
    assert all_kinds == kinds


def test_loading_puts_it_all_in_the_database_once(app, db_session):
    from app.extensions import db

    with app.app_context():
        assert load_programme() is True
        assert load_programme() is False
        db.session.commit()
    levels = db_session.scalars(select(Level).order_by(Level.number)).all()
    assert [lv.position for lv in levels] == list(POSITIONS.values())
    modules = db_session.scalars(select(Module)).all()
    assert len(modules) == len(APPENDIX_THREE)
    items = db_session.scalars(select(LearningItem)).all()
    assert len(items) == sum(len(m["items"]) for _n, m in _modules())
    sources = Counter((i.source, i.source_text) for i in items)
    for row in APPENDIX_THREE:
        for column in ("content", "concept", "additional"):
            for text in row[column]:
                assert sources[(column, text)] >= 1
    assert sources[("activity", "coffee with the ED")] == 1
    assert sources[("activity", "brief interventions")] == 2


def test_module_titles_follow_one_pattern_and_repeated_items_use_the_same_words():
    """Every module is "Module N: <name>", numbered through the programme (issue 17); the
    items every module repeats have one title each."""
    titles = [m["title"] for level in LEVELS for m in level["modules"]]
    assert titles == [
        f"Module {n}: {t.split(': ', 1)[1]}" for n, t in enumerate(titles, start=1)
    ], titles
    items = [i for level in LEVELS for m in level["modules"] for i in m["items"]]
    same = {
        "words": {i["title"] for i in items if i.get("special") == "words"},
        "reading": {
            i["title"] for i in items if i["source_text"] in ("reading", "compulsory reading list")
        },
        "discussions": {i["title"] for i in items if i["source_text"] == "discussions"},
        "self-reflection": {i["title"] for i in items if i["source_text"] == "self-reflection"},
    }
    assert same == {
        "words": {"Play the word game"},
        "reading": {"Reading"},
        "discussions": {"Talking it through"},
        "self-reflection": {"Think about what you learned"},
    }
