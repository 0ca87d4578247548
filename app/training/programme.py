"""The Community Development Program (CDP) as the model of care sets it out, as data.

Source: the model of care, "Training Structure for Peer Treatment Support Service Workers"
(Level one to Level five) and Appendix Three. Every level, module, content point, basic
concept, activity or method, position and additional training of Appendix Three is an item
here, with `source` naming its column and `text` its words there, so a test can check the
programme against the appendix. Items with source "text" come from the level's own words.

`load_programme()` puts it in an empty database (demo-data, `flask training load-programme`,
the trainer's "Load the programme" button and the tests all call it). After that it is the
trainer's to edit.

Appendix Three gives level two's activities once for both of its modules. The Level two
text puts the meetings with each worker and the coffee with the executive director in
module four, so they are there; the desk work stays in module three.
"""

from __future__ import annotations

from sqlalchemy import func, select

from app.extensions import db
from app.models import LearningItem, Level, Module


def item(kind, title, body, source, text, minutes=None, **extra) -> dict:
    return {
        "kind": kind,
        "title": title,
        "body": body,
        "source": source,
        "source_text": text,
        "minutes": minutes,
        **extra,
    }


# --- Level one -------------------------------------------------------------------------

MODULE_ONE = {
    "title": "Module 1: Our rules and you",
    "in_house": "CAHMA VOL Module 1 Naloxone basic",
    "content_heading": "Basic policies & procedures",
    "summary": "Learn the rules that keep everyone safe and respected. Then sign our agreements.",
    "description": (
        "This module covers the basic policies and procedures at CAHMA, including the code "
        "of conduct; privacy; confidentiality; work, health and safety (WHS); feedback and "
        "complaints. In this initial phase of the training, the trainee familiarises "
        "themselves with different CAHMA policies and procedures and signs agreements that "
        "will promote professional and respectful behaviour within the organisation."
    ),
    "words": [
        "Peer",
        "Lived experience",
        "Stigma",
        "Self-stigma",
        "Discrimination",
        "Health promotion",
        "Social determinants of health",
        "WHS",
    ],
    "items": [
        item(
            "read",
            "Our code of conduct",
            "How we treat each other and the people who come to us. Read it, or ask "
            "your trainer to read it with you.",
            "content",
            "code of conduct",
            20,
            link="/training/agreements",
        ),
        item(
            "read",
            "Privacy and keeping things private",
            "What we keep private, who may see it, and what to do if someone asks about a person.",
            "content",
            "privacy & confidentiality",
            20,
            link="/training/agreements",
        ),
        item(
            "read",
            "Work health and safety",
            "How we keep everyone safe at work. Where the first aid kit is. What to do with "
            "a used needle.",
            "content",
            "WHS",
            20,
            link="/training/agreements",
        ),
        item(
            "read",
            "Feedback and complaints",
            "How anyone can tell us what we do well or badly, and what happens next.",
            "content",
            "feedback & complaints",
            15,
            link="/training/agreements",
        ),
        item(
            "watch",
            "Naloxone basics",
            "Naloxone can bring a person back from an opioid overdose. Learn what it looks "
            "like and how it is given.",
            "in_house",
            "Naloxone basic",
            30,
        ),
        item(
            "talk",
            "Boundaries",
            "Where is the line between helping someone and doing too much? Why do lines keep "
            "everyone safe?",
            "concept",
            "boundaries",
            30,
        ),
        item(
            "talk",
            "Conflicts of interest",
            "What if you know the person at the desk, or owe them something? Talk about "
            "what to do.",
            "concept",
            "conflicts of interest",
            20,
        ),
        item(
            "talk",
            "Being a peer and having lived experience",
            "Is being a peer the same as having lived experience? Talk about what each one "
            "means to you.",
            "concept",
            "peer identity vs. Lived experience",
            20,
        ),
        item(
            "talk",
            "Peer worker or worker with lived experience",
            "Talk about how a peer worker is different from a worker who has lived experience.",
            "concept",
            "difference between peer worker & worker with lived experience",
            20,
        ),
        item(
            "talk",
            "Being pushed out, and stigma",
            "Talk about being pushed to the edge, being treated unfairly, stigma, and "
            "believing the bad things people say.",
            "concept",
            "marginalisation, discrimination stigma & internalised stigma",
            30,
        ),
        item(
            "talk",
            "Tackling stereotypes about people who use drugs",
            "What do people wrongly think about people who use drugs or drug treatment? "
            "How can we change it?",
            "concept",
            "tackling stereotypes about PWUD",
            20,
        ),
        item(
            "talk",
            "Community, health and the things that shape health",
            "Talk about building community, helping people look after their health, and "
            "how housing, money and friends shape health.",
            "concept",
            "community development, health promotion & social determinants of health",
            30,
        ),
        item(
            "talk",
            "Who we are",
            "We are run by peers. Talk about what that means, and why it matters.",
            "text",
            "what is CAHMA (as a peer-based organisation)",
            15,
        ),
        item(
            "talk",
            "What we hope for, and what we do",
            "Talk about our vision and our main programs and projects.",
            "text",
            "what is CAHMA's vision and core programs/projects",
            15,
        ),
        item(
            "read",
            "Reading",
            "Take the policies home and read a little at a time. Mark any words you do not "
            "know, and ask about them.",
            "activity",
            "reading",
            60,
        ),
        item(
            "talk",
            "Talking it through",
            "Each week you and your trainer talk about this module. There are no wrong answers.",
            "activity",
            "discussions",
            60,
        ),
        item(
            "do",
            "Act it out",
            "You and your trainer act out a hard moment. For example, someone asks you for "
            "a favour that crosses a line.",
            "activity",
            "simulations",
            30,
        ),
        item(
            "do",
            "Play the word game",
            "Match each word to what it means. Try as many times as you like. Only you see "
            "your score.",
            "activity",
            "game-based learning",
            15,
            special="words",
        ),
        item(
            "do",
            "Think about what you learned",
            "Write a sentence or two about what you learned. Any card has a box for it.",
            "activity",
            "self-reflection",
            15,
        ),
        item(
            "do",
            "Read and accept our agreements",
            "Module one ends here. Read or hear our four agreements, then say you agree. "
            "You get the date it was saved.",
            "text",
            "signs agreements that will promote professional and respectful behaviour",
            30,
            special="agreements",
        ),
    ],
}

MODULE_TWO = {
    "title": "Module 2: The front desk",
    "in_house": "CAHMA VOL Module 2",
    "content_heading": "Front of house & practical tasks at CAHMA",
    "summary": "Get ready for the front desk: the computer, the phone, the forms and the "
    "daily counts.",
    "description": (
        "This module prepares the trainee for the practical tasks they will be doing at "
        "their first experiential position (placement) – front of house (FOH) in the CAHMA "
        "community drop-in centre. In module two the trainee slowly becomes familiar with "
        "the CAHMA paperwork and forms (e.g. daily/monthly drop-in centre datasheet, daily "
        "tasks form, etc.) and learns about their role as a volunteer through a series of "
        "simulations, observations and shadowing of CAHMA drop-in community centre "
        "receptionists. Depending on their previous experience and knowledge, trainees "
        "spend different amounts of time practicing basic computer skills (logging into "
        "the reception account, writing emails, basic Word processing and use of Excel), "
        "answering the phone at reception, basic data collection, administration tasks, "
        "de-escalation skills, and learning about the operational side of the drop-in "
        "centre."
    ),
    "words": ["FOH", "NSP", "Harm reduction", "Naloxone", "People who use drugs", "In-reach"],
    "items": [
        item(
            "do",
            "Computer skills",
            "Sign in to the reception account. Try a Word document and an Excel sheet with "
            "your trainer.",
            "content",
            "computer skills",
            60,
        ),
        item(
            "do",
            "Emails",
            "Read, write and send an email from the reception account.",
            "content",
            "emails",
            30,
        ),
        item(
            "do",
            "The daily counts",
            "Learn the daily and monthly drop-in counts: visitors, meals, needles and more.",
            "content",
            "stats",
            30,
        ),
        item(
            "do",
            "Office jobs",
            "Learn the daily tasks form and the other small jobs that keep the centre running.",
            "content",
            "admin",
            30,
        ),
        item(
            "do",
            "Answering the reception phone",
            "How to answer, take a message and pass a call on. Practise with your trainer first.",
            "content",
            "reception phone",
            30,
        ),
        item(
            "talk",
            "Harm reduction language",
            "Words can hurt or help. Talk about the words we use, like a person who uses "
            "drugs, not a junkie.",
            "concept",
            "harm reduction language",
            30,
        ),
        item(
            "talk",
            "Talking with respect to everyone",
            "For example, using the right pronouns, and kind words about mental health and drugs.",
            "text",
            "respectful communication with diverse communities",
            20,
        ),
        item(
            "talk",
            "Drug use and culture",
            "Talk about how drug use and needing a drug look different in different cultures.",
            "concept",
            "drug use/ dependency in cultural context",
            20,
        ),
        item(
            "talk",
            "Drug use is about more than drugs",
            "Talk about drug use as a matter of health, mental health, who we are, "
            "politics, class and human rights.",
            "concept",
            "drug use as: health/ MH/ identity/ political/ class/ human rights issue",
            30,
        ),
        item(
            "do",
            "Calming things down",
            "Simple ways to calm a tense moment at the desk, and when to get help.",
            "text",
            "de-escalation skills",
            45,
        ),
        item(
            "do",
            "How the drop-in centre runs",
            "Tea, coffee and sugar in the kitchen, meals, clean needles, and the daily sheet.",
            "text",
            "the operational side of the drop-in centre",
            30,
        ),
        item(
            "read",
            "Reading",
            "Short readings about the front desk and about harm reduction.",
            "activity",
            "reading",
            45,
        ),
        item(
            "watch",
            "Videos",
            "Short videos about harm reduction and the front desk. Watch with your "
            "trainer or at home.",
            "activity",
            "video material",
            45,
        ),
        item(
            "talk",
            "Talking it through",
            "Talk with your trainer about what you read, saw and heard at the desk.",
            "activity",
            "discussions",
            60,
        ),
        item(
            "shadow",
            "Watch and shadow the receptionist",
            "Sit with the person at the front desk. Watch, then help. Stay as long as you "
            "need to feel ready.",
            "activity",
            "observation and shadowing",
            180,
        ),
        item(
            "do",
            "Keep a simple count",
            "Help keep the day's counts, then look at what the numbers tell us.",
            "activity",
            "simple data collection",
            30,
        ),
        item(
            "do",
            "Think about what you learned",
            "Write a sentence or two about your time at the desk.",
            "activity",
            "self-reflection",
            15,
        ),
        item(
            "do",
            "Play the word game",
            "Match each front desk word to what it means. Only you see your score.",
            "text",
            "game-based learning",
            15,
            special="words",
        ),
        item(
            "do",
            "Your first shift on your own",
            "When you feel ready, cover the front desk on your own for a few hours. Your "
            "trainer signs off level one.",
            "text",
            "first independent shift as a volunteer",
            180,
        ),
    ],
}

# --- Level two -------------------------------------------------------------------------

MODULE_THREE = {
    "title": "Module 3: Harm reduction",
    "in_house": "CAHMA VOL Module 3",
    "content_heading": "Harm reduction",
    "summary": "Where harm reduction came from, what it stands for, and how peers teach peers.",
    "description": (
        "This module is predominantly devoted to learning about harm reduction concepts – "
        "history, theoretical frameworks, basic principles, peer education and "
        "person-centred care. To pass this module the volunteer needs to demonstrate a good "
        "understanding of the three pillars of harm minimisation and to be able to "
        "critically analyse this model, understand the relationships between the three "
        "pillars, recognise funding discrepancies and identify inherent contradictions. "
        "This module contains the greatest amount of reading and viewing material and is "
        "probably the most demanding on participants who don't have good literacy and/or "
        "academic skills. For that reason, some teaching methodologies include visual "
        "learning aids like matching the words/images to the text, game-based learning and "
        "animations. Other activities and teaching methodologies include research, "
        "discussion and self-reflection. There is a compulsory reading list that covers "
        "the basics and an additional literature list for those who want to learn more."
    ),
    "words": [
        "Harm reduction",
        "Peer",
        "Person centred care",
        "Health promotion",
        "OMT",
        "NSP",
        "Naloxone",
    ],
    "items": [
        item(
            "read",
            "Where harm reduction came from",
            "The story of harm reduction in Australia, and why peers started it.",
            "content",
            "history",
            45,
            link="https://apo.org.au/sites/default/files/resource-files/2012-02/apo-nid31128.pdf",
        ),
        item(
            "read",
            "The big ideas behind harm reduction",
            "The ideas that harm reduction is built on.",
            "content",
            "theoretical framework",
            45,
        ),
        item(
            "read",
            "What harm reduction stands for",
            "Meet people where they are. No judging. The person leads.",
            "content",
            "basic principles",
            30,
        ),
        item(
            "read",
            "Peers teaching peers",
            "Why people learn well from someone who has been there too.",
            "content",
            "peer education",
            30,
            link="https://doi.org/10.1177/002204260603600303",
        ),
        item(
            "read",
            "Care that starts with the person",
            "Care that starts with what matters to the person, not with the service.",
            "content",
            "person-centred care",
            30,
            link="https://doi.org/10.7861/futurehosp.3-2-114",
        ),
        item(
            "talk",
            "The three pillars",
            "Australia's drug plan has three pillars: less supply, less demand and less "
            "harm. Talk about each one.",
            "concept",
            "three pillars of harm minimisation",
            45,
        ),
        item(
            "talk",
            "The pillars and the money",
            "How do the three pillars fit together? Which one gets the most money, and "
            "why does it matter?",
            "concept",
            "relationship between three pillars and funding discrepancies",
            45,
        ),
        item(
            "talk",
            "Stopping drugs, or making them safer",
            "Talk about stopping drug use completely, compared with harm reduction.",
            "concept",
            "abstinence vs harm reduction approaches",
            30,
        ),
        item(
            "talk",
            "Peer teaching and expert teaching",
            "How is learning from a peer different from learning from an expert? What is "
            "good and hard about each?",
            "text",
            "the difference between peer and professional educational models",
            30,
        ),
        item(
            "talk",
            "Services that start with the person",
            "Talk about a service built around the person, compared with one built around "
            "the system.",
            "text",
            "the difference between person-centred and system-centred health services/care",
            30,
        ),
        item(
            "read",
            "The reading list",
            "The readings everyone does. Your trainer has copies, and can read them with you.",
            "text",
            "compulsory reading list",
            120,
        ),
        item(
            "read",
            "More to read if you want",
            "An extra list for people who want to learn more. This one is up to you.",
            "text",
            "additional literature list",
            None,
        ),
        item(
            "do",
            "Play the word game",
            "Match the words to what they mean. Only you see your score.",
            "text",
            "matching the words/images to the text",
            15,
            special="words",
        ),
        item(
            "watch",
            "Short cartoons",
            "Short animated videos about harm reduction.",
            "text",
            "animations",
            20,
        ),
        item(
            "shadow",
            "Front desk shifts",
            "Cover front desk two for 3 to 6 hours a week.",
            "activity",
            "front of house",
            240,
        ),
        item(
            "do",
            "The first person people meet",
            "At the desk you are the first person people meet. Practise a warm welcome and "
            "a warm handover.",
            "activity",
            "first point of contact with service users",
            60,
        ),
        item(
            "do",
            "Think about what you learned",
            "Write a sentence or two about what harm reduction means to you now.",
            "text",
            "self-reflection",
            15,
        ),
    ],
}

MODULE_FOUR = {
    "title": "Module 4: Getting to know us",
    "in_house": "CAHMA VOL Module 4",
    "content_heading": "",
    "summary": "Our history and what we stand for. Meet each worker, and have a coffee with "
    "the boss.",
    "description": (
        "This module is focused on expanding and building on the basic knowledge about "
        "CAHMA that participants have gained so far. It talks about CAHMA's history, its "
        "vision, mission, organisational structure and model of care. Participants learn "
        "in detail about all CAHMA projects, programs, and the different CAHMA teams. This "
        "module is more practical, as the trainee has the task of booking a series of "
        "individual meetings with different CAHMA project workers in order to discuss the "
        "projects they work on. At the end, the participant also has an informal meeting "
        "with CAHMA's executive director (they usually go for a coffee) to discuss "
        "strategic and governance work, such as relationships with stakeholders, building "
        "partnerships, funding, systemic advocacy, media and sector relations."
    ),
    "words": ["PTSS", "CDP", "Advocacy", "Systemic advocacy", "Peer mentoring", "Warm referral"],
    "items": [
        item(
            "read",
            "Our history",
            "How we started, and how we grew.",
            "text",
            "CAHMA's history",
            20,
        ),
        item(
            "read",
            "What we hope for and why we are here",
            "Our vision and our mission, in a few lines.",
            "content",
            "CAHMA vision & mission",
            15,
        ),
        item(
            "read",
            "Who does what here",
            "The teams, the managers and the board, and how they fit together.",
            "content",
            "Org. structure",
            15,
        ),
        item(
            "read",
            "Our model of care",
            "How we support people one to one. It is the guide for the peer workers.",
            "content",
            "Model of care",
            60,
        ),
        item(
            "talk",
            "Our projects",
            "Talk about each of our projects and programs: who they help and how.",
            "concept",
            "CAHMA projects",
            30,
        ),
        item(
            "talk",
            "Our teams and workers",
            "Talk about our teams and who works in each one.",
            "concept",
            "CAHMA teams & workers",
            30,
        ),
        item(
            "do",
            "Find out about our projects",
            "Pick a project or program and find out more. Tell your trainer what you found.",
            "activity",
            "research about CAHMA projects and programs",
            60,
        ),
        item(
            "meet",
            "Meet each worker",
            "Book a short meeting with each worker. Ask about the project they work on.",
            "activity",
            "individual meetings with all CAHMA workers",
            300,
        ),
        item(
            "meet",
            "Coffee with the executive director",
            "An easy chat over coffee about the big picture: partners, money, speaking up "
            "and the media.",
            "activity",
            "coffee with the ED",
            60,
        ),
        item(
            "shadow",
            "Cover front desk one",
            "Desk one is busier. It has the phone, the visitors and more jobs at once.",
            "text",
            "confidently cover the FOH desk one",
            240,
        ),
    ],
}

# --- Level three -----------------------------------------------------------------------

MODULE_FIVE = {
    "title": "Module 5: Our partners and drug services in the ACT",
    "in_house": "CAHMA VOL Module 5",
    "content_heading": "",
    "summary": "The drug and alcohol services in Canberra, our partners, and work out in "
    "the community.",
    "description": (
        "At this level the volunteer needs to complete the last module – module five, "
        "which covers ATOD services in the ACT region and CAHMA's partnerships within the "
        "sector. There is a special focus on CAHMA projects that are run in partnership "
        "with other organisations, for example hepatitis C testing (run in partnership "
        "with Hepatitis ACT and the Kirby Institute/Flinders University), the CAHMA Clinic "
        "(in partnership with Directions Health Services). At this level the volunteer is "
        "preparing to experience work placement on CAHMA outreach programs such as CAHMA "
        "community BBQ, health promotion events, Venoscope workshops etc. Additional "
        "external training is provided, such as food handling, hand hygiene for health "
        "workers and NSP training. Upon completion of these trainings the participant is "
        "able to attend outreach sites with the CAHMA outreach BBQ team. Casual workers "
        "receive additional training on CAHMA systems (Employment Hero, Swag, SharePoint)."
    ),
    "words": ["ATOD", "AOD", "In-reach", "Warm referral", "Naloxone", "NSP", "Health promotion"],
    "items": [
        item(
            "read",
            "Our partners",
            "The groups we work with, like Hepatitis ACT for hepatitis C testing and "
            "Directions for our clinic.",
            "content",
            "CAHMA partnerships",
            30,
        ),
        item(
            "read",
            "Drug and alcohol services in the ACT",
            "Who does what in Canberra, so you can help people find the right place.",
            "content",
            "ATOD services in the ACT",
            45,
            link="https://www.atoda.org.au/wp-content/uploads/2023/07/"
            "ATO-DA-Monograph-5_2017_Fin.pdf",
        ),
        item(
            "do",
            "Our computer systems",
            "The systems casual workers use: Employment Hero for pay, Swag, and "
            "SharePoint for files.",
            "concept",
            "CAHMA systems",
            60,
        ),
        item(
            "do",
            "Employment Hero",
            "Where casual workers see shifts, pay and leave.",
            "concept",
            "Employment Hero",
            20,
        ),
        item("do", "Swag", "Learn how we use Swag.", "concept", "Swag", 20),
        item(
            "do",
            "SharePoint",
            "Where our shared files live, and how to find them.",
            "concept",
            "SharePoint",
            20,
        ),
        item(
            "talk",
            "Getting to know people in the sector",
            "How to meet people at other services, and why it helps the people we support.",
            "concept",
            "networking",
            30,
        ),
        item(
            "shadow",
            "Outreach work",
            "Go out with the team to where people are.",
            "activity",
            "outreach work",
            180,
        ),
        item(
            "do",
            "Community events",
            "Help at a community event.",
            "activity",
            "community events",
            180,
        ),
        item(
            "do",
            "Short helpful talks",
            "A few minutes of useful advice in an everyday chat.",
            "activity",
            "brief interventions",
            60,
        ),
        item(
            "do",
            "Health promotion",
            "Help people take more control of their health, for example at a Venoscope workshop.",
            "activity",
            "health promotions",
            120,
        ),
        item(
            "do",
            "Community BBQs",
            "Cook, chat and hand out information at our outreach BBQ.",
            "activity",
            "community BBQs",
            180,
        ),
        item(
            "do",
            "Harm reduction out in the community",
            "Connect with people in the community in a harm reduction way.",
            "activity",
            "community engagement within the harm reduction framework",
            60,
        ),
        item(
            "do",
            "Telling people about our projects",
            "Help spread the word about our projects.",
            "activity",
            "CAHMA projects promotion",
            60,
        ),
        item(
            "do",
            "Naloxone",
            "Learn to show people how to use naloxone.",
            "activity",
            "Naloxone",
            60,
        ),
        item(
            "do",
            "Working as a team",
            "How we share the work and look out for each other.",
            "activity",
            "teamwork",
            30,
        ),
        item(
            "do",
            "NSP certificate",
            "The course for giving out clean needles and syringes. Add your certificate when "
            "you have it.",
            "additional",
            "NSP certificate",
            480,
            certificate_kind="nsp",
        ),
        item(
            "do",
            "Food handling",
            "The course for handling food safely at the BBQ. Add your certificate when you "
            "have it.",
            "additional",
            "food handling",
            240,
            certificate_kind="food_handling",
        ),
        item(
            "do",
            "Hand hygiene",
            "The hand hygiene course for health workers.",
            "text",
            "hand hygiene for health workers",
            60,
            certificate_kind="hand_hygiene",
        ),
    ],
}

OVERDOSE_MODULE = {
    "title": "Overdose prevention and brief interventions",
    "in_house": "Overdose prevention Brief interventions",
    "content_heading": "",
    "summary": "Learn to stop an overdose, and to teach others about naloxone in a short talk.",
    "description": (
        "Participants at this level are trained to be able to provide naloxone brief "
        "interventions to community members through CAHMA's naloxone train-the-trainer "
        "workshops."
    ),
    "words": ["Naloxone", "Harm reduction", "People who use drugs"],
    "items": [
        item(
            "do",
            "Overdose prevention",
            "Signs of an overdose, how to stay safer, and what to do if it happens.",
            "in_house",
            "Overdose prevention",
            120,
        ),
        item(
            "do",
            "Brief interventions",
            "A short, useful talk with someone, for example about naloxone.",
            "in_house",
            "Brief interventions",
            60,
        ),
        item(
            "do",
            "Naloxone train-the-trainer workshop",
            "Learn to teach other people how to use naloxone.",
            "text",
            "naloxone train-the-trainer workshops",
            240,
        ),
        item(
            "do",
            "Give naloxone brief talks",
            "Show community members how to use naloxone, with a worker nearby.",
            "activity",
            "brief interventions",
            60,
        ),
    ],
}

# --- Level four ------------------------------------------------------------------------

PROJECT_MODULE = {
    "title": "Project work",
    "in_house": "The Fix",
    "content_heading": "",
    "summary": "Choose the work you care about most, and learn the skills for it.",
    "description": (
        "It is at this point that participants make a decision about what is the most "
        "suitable project/program/domain at CAHMA that they would like to work in, with "
        "those who are the most passionate about individual work with service users "
        "specialising as PTSS workers. Others may identify different areas they are "
        "passionate about, for example consumer representation, systemic advocacy, "
        "research, or grant writing. In such cases CAHMA works towards providing additional "
        "(external and internal) training which is aligned with the participant's "
        "particular field of interest. Examples of training include consumer "
        "representative training, first aid training, cultural awareness training, "
        "training in grants writing, media training, training on the use of arts in a "
        "health setting, etc."
    ),
    "words": [
        "Consumer representative",
        "Systemic advocacy",
        "Systemic change",
        "Media training",
        "Cultural awareness",
        "Social capital",
    ],
    "items": [
        item(
            "do",
            "The Fix",
            "Our own training for project work. Ask your trainer when the next one is on.",
            "in_house",
            "The Fix",
            120,
        ),
        item(
            "talk",
            "Choose your path",
            "Talk with your supervisor about the work you love and the people you want to "
            "work with.",
            "text",
            "peer work pathway",
            45,
        ),
        item(
            "do",
            "Our systems for project work",
            "The computer systems you need for project work.",
            "concept",
            "CAHMA systems",
            60,
        ),
        item(
            "do",
            "Research",
            "Find out the facts about a question that matters to our community.",
            "activity",
            "research",
            120,
        ),
        item(
            "do",
            "Write a project plan",
            "Write down an idea for a project: what, who for, and what it needs.",
            "activity",
            "project proposal writing",
            120,
        ),
        item(
            "do",
            "Speak up for change",
            "Speak up to change a rule or a service, so it is fairer for many people.",
            "activity",
            "systemic advocacy",
            60,
        ),
        item(
            "do",
            "Grants",
            "Look for a small grant and help apply for it.",
            "activity",
            "Grants",
            120,
        ),
        item(
            "do",
            "Campaigns",
            "Help with a campaign, like Support Don't Punish.",
            "activity",
            "Campaigns",
            120,
        ),
        item(
            "do",
            "Partnerships",
            "Work with a partner service on a shared project.",
            "activity",
            "Partnerships",
            60,
        ),
        item(
            "talk",
            "Gaps and needs",
            "What is missing for our community? What do people need that no one gives?",
            "activity",
            "Identifying service gaps & community needs",
            45,
        ),
        item(
            "do",
            "Consumer rep training",
            "Learn to speak for people who use services, on a committee.",
            "additional",
            "consumer rep training",
            240,
            certificate_kind="consumer_rep",
        ),
        item(
            "do",
            "Senior First Aid",
            "A first aid course. Add your certificate when you have it.",
            "additional",
            "Senior First Aid",
            480,
            certificate_kind="first_aid",
        ),
        item(
            "do",
            "Cultural awareness training",
            "Learn about respecting other cultures, and the history of First Nations people.",
            "additional",
            "Cultural Awareness training",
            240,
            certificate_kind="cultural_awareness",
        ),
        item(
            "meet",
            "Join a committee as a consumer rep",
            "Sit on a group like the Opioid Treatment Advisory Committee and speak for our "
            "community.",
            "text",
            "advisory and consumer representative groups",
            120,
        ),
    ],
}

# --- Level five ------------------------------------------------------------------------

PTSS_MODULE = {
    "title": "PTSS basics",
    "in_house": "rediCASE PTSS basics",
    "content_heading": "PTSS model of care",
    "summary": "Learn the model of care and the skills to support people one to one.",
    "description": (
        "This level of training encompasses more specialised areas related to work on "
        "particular CAHMA projects – in this case the PTSS. The focus is on expanding and "
        "formalising the skills that workers need in order to successfully and "
        "professionally provide individual peer treatment support to CAHMA service users. "
        "This includes learning relevant PTSS systems such as CAHMA's PTSS database "
        "RediCASE. Participants are trained in PTSS basics, with the main training guide "
        "being CAHMA's PTSS Model of Care and associated policies and procedures which "
        "outline case management, case noting skills, de-escalation and mental health "
        "first aid provision."
    ),
    "words": ["PTSS", "rediCASE", "Case note", "Episode of care", "Consent", "Warm referral"],
    "items": [
        item(
            "do",
            "rediCASE",
            "The case notes computer program. Practise on a made-up person first.",
            "in_house",
            "rediCASE",
            120,
        ),
        item(
            "do",
            "PTSS basics",
            "The basics of peer treatment support, step by step.",
            "in_house",
            "PTSS basics",
            120,
        ),
        item(
            "read",
            "The PTSS model of care",
            "The main guide for peer treatment support. Read it with your mentor, a part "
            "at a time.",
            "content",
            "PTSS model of care",
            240,
        ),
        item(
            "talk",
            "Case manager or peer worker",
            "How is a case manager different from a PTSS worker?",
            "concept",
            "case manager vs PTSS worker",
            45,
        ),
        item(
            "talk",
            "Starting with the person",
            "More readings and talks about putting the person first.",
            "concept",
            "person-centred approach",
            45,
        ),
        item(
            "shadow",
            "Shadow the PTSS workers",
            "Go with a PTSS worker for a day. Watch how they work.",
            "activity",
            "shadowing PTSS workers",
            480,
        ),
        item(
            "shadow",
            "Intake and PTSS outreach",
            "Help with a first meeting and with outreach, with a mentor beside you.",
            "activity",
            "intake and PTSS outreach",
            240,
        ),
        item(
            "do",
            "AOD Certificate IV",
            "A must for PTSS workers. A course about alcohol and other drugs.",
            "additional",
            "AOD Cert IV, compulsory",
            None,
            certificate_kind="aod_cert_iv",
        ),
        item(
            "do",
            "De-escalation and hard behaviour",
            "A course on calming things down and dealing with difficult behaviour.",
            "additional",
            "de-escalation and dealing with difficult behaviours",
            480,
            certificate_kind="de_escalation",
        ),
        item(
            "do",
            "Trauma informed practice",
            "A course on working in a way that is safe for people who have been through trauma.",
            "additional",
            "trauma informed practice",
            480,
            certificate_kind="trauma_informed",
        ),
    ],
}

POLICIES_MODULE = {
    "title": "Policies for one-to-one work",
    "in_house": "Policies and procedures related to individual client work",
    "content_heading": "",
    "summary": "The rules for working with one person at a time, and practice with a mentor.",
    "description": (
        "Topics relevant for discussion at this stage are differences between case "
        "management and peer treatment support work, more readings and discussions on the "
        "topic of person centred approaches, as well as learning about different types of "
        "support groups that can be utilised in PTSS work (self-help, therapeutic, "
        "educational, peer support, peer education). The main activities and teaching "
        "methods in this phase are placement within the PTSS team shadowing PTSS workers, "
        "role play, and eventually doing smaller parts of PTSS work under mentoring and "
        "supervision of more experienced workers and managers (e.g. intake, PTSS outreach, "
        "patient advocacy, home visits, court support, CYF support, material aid support). "
        "Some examples of external training provided for this group of workers at Level "
        "five are: Certificate IV in Alcohol and Other drugs, de-escalation and dealing "
        "with difficult behaviours, trauma informed practice, writing case management "
        "notes, responding to subpoenas, mental health first aid."
    ),
    "words": ["Consent", "Case note", "Material aid", "CYF", "OMT", "Purposeful disclosure"],
    "items": [
        item(
            "read",
            "Policies for one-to-one work",
            "Our policies for working with one person: case management, notes and safety.",
            "in_house",
            "Policies and procedures related to individual client work",
            120,
        ),
        item(
            "do",
            "Writing case notes",
            "How to write a short, fair note of a meeting. Practise with your mentor.",
            "text",
            "case noting skills",
            60,
        ),
        item(
            "talk",
            "Kinds of support groups",
            "Self-help, therapy, learning, peer support and peer education groups. Which "
            "could you run?",
            "text",
            "different types of support groups",
            45,
        ),
        item(
            "do",
            "Role play",
            "Act out parts of the work with your mentor before you do them for real.",
            "text",
            "role play",
            60,
        ),
        item(
            "do",
            "Small parts of the work, with a mentor",
            "For example home visits, court support, CYF support and material aid, with a mentor.",
            "text",
            "doing smaller parts of PTSS work under mentoring and supervision",
            480,
        ),
        item(
            "do",
            "Mental health first aid",
            "A course on helping someone with a mental health crisis.",
            "text",
            "mental health first aid",
            720,
            certificate_kind="mental_health_first_aid",
        ),
        item(
            "do",
            "Answering a subpoena",
            "What to do when a court asks for a person's file.",
            "text",
            "responding to subpoenas",
            120,
        ),
    ],
}

LEVELS = [
    {
        "number": 1,
        "name": "Training",
        "position": "Trainee",
        "step_label": "Trainee",
        "summary": "Learn our rules and get ready for the front desk.",
        "lets_you": "You can cover the front desk on your own for a few hours.",
        "hours": "About 1 to 2 hours a week",
        "description": (
            "Level One introduces organisational policies and prepares trainees for "
            "front-of-house duties. While at Level one the official position is 'trainee', "
            "upon completion, the trainee is ready to have their first independent shift as "
            "a volunteer."
        ),
        "modules": [MODULE_ONE, MODULE_TWO],
    },
    {
        "number": 2,
        "name": "Volunteering",
        "position": "Volunteer",
        "step_label": "Volunteer",
        "summary": "Learn about harm reduction and about us, and cover the front desk.",
        "lets_you": "You can cover desk one, the busy desk, and feel part of the team.",
        "hours": "About 4 to 7 hours a week: 1 with your trainer, 3 to 6 at the desk",
        "description": (
            "Level Two deepens engagement with harm reduction and CAHMA's structure, "
            "fostering autonomy and team integration. Once the person achieves the ability "
            "to cover the FOH desk independently, the person transitions from the trainee "
            "role into the volunteer role."
        ),
        "modules": [MODULE_THREE, MODULE_FOUR],
    },
    {
        "number": 3,
        "name": "Work placement",
        "position": "Volunteer/ Casual worker (where available)",
        "step_label": "Volunteer or casual worker",
        "summary": "Work with our partners and out in the community.",
        "lets_you": "You can go out with the outreach BBQ team. You may be offered paid "
        "casual shifts.",
        "hours": "One to three shifts a week",
        "description": (
            "Level Three expands into sector partnerships and outreach, with opportunities "
            "for employment and external certifications/training."
        ),
        "modules": [MODULE_FIVE, OVERDOSE_MODULE],
    },
    {
        "number": 4,
        "name": "Project work",
        "position": "Project work (as casual / volunteer); Consumer rep",
        "step_label": "Project work or consumer rep",
        "summary": "Find the work you love, like projects, speaking up or committees.",
        "lets_you": "You can work on projects or speak for our community on committees.",
        "hours": "Depends on your projects",
        "description": (
            "Level Four supports volunteers in identifying career pathways—such as "
            "advocacy, research, or peer support—through targeted training, project "
            "involvement and strength based approaches."
        ),
        "modules": [PROJECT_MODULE],
    },
    {
        "number": 5,
        "name": "Further employment / education",
        "position": "PTSS worker",
        "step_label": "PTSS worker",
        "summary": "Learn to support people one to one as a peer worker.",
        "lets_you": "You can support people one to one as a PTSS worker.",
        "hours": "Part of your paid work",
        "description": (
            "Level Five formalises expertise in Peer Treatment Support, equipping "
            "participants with advanced case management skills and preparing them for "
            "specialised service user facing roles."
        ),
        "modules": [PTSS_MODULE, POLICIES_MODULE],
    },
]


def programme_is_loaded() -> bool:
    return bool(db.session.scalar(select(func.count()).select_from(Level)))


def load_programme(created_by=None) -> bool:
    """Put the programme in the database, once. False when it was there already."""
    if programme_is_loaded():
        return False
    by = getattr(created_by, "id", None)
    for level_data in LEVELS:
        fields = {k: v for k, v in level_data.items() if k != "modules"}
        level = Level(**fields, created_by_id=by)
        db.session.add(level)
        for m_position, module_data in enumerate(level_data["modules"], start=1):
            fields = {k: v for k, v in module_data.items() if k != "items"}
            module = Module(level=level, position=m_position, created_by_id=by, **fields)
            db.session.add(module)
            for i_position, item_data in enumerate(module_data["items"], start=1):
                db.session.add(
                    LearningItem(module=module, position=i_position, created_by_id=by, **item_data)
                )
    db.session.flush()
    return True
