"""The first version of our four agreements, in plain words. The manager edits them later;
each change is a new version that everyone accepts again."""

AGREEMENTS = [
    (
        "code_of_conduct",
        "Code of conduct",
        "We treat everyone with respect: the people who come to us, and each other.\n\n"
        "We do not judge anyone for using drugs.\n\n"
        "We are on time, or we tell someone if we cannot come.\n\n"
        "We keep clear lines. We do not lend money, buy or sell drugs, or start a "
        "relationship with a person we support.\n\n"
        "If we know a person from outside work, we tell our trainer or manager.\n\n"
        "We do not come to work too affected by alcohol or drugs to do the job safely.",
    ),
    (
        "privacy",
        "Privacy and keeping things private",
        "What people tell us stays here. We only share it when the person says yes, or the "
        "law says we must.\n\n"
        "We do not talk about the people we support outside work, or on social media.\n\n"
        "We never say whether a person comes here, even to family or police, unless the "
        "person said yes.\n\n"
        "We sign out of the computer when we leave the desk.\n\n"
        "If we think a person is in danger, we tell the manager straight away.",
    ),
    (
        "whs",
        "Work health and safety",
        "We look after our own safety and each other's.\n\n"
        "Used needles go in the yellow sharps bin. We never put a cap back on a used needle.\n\n"
        "We know where the first aid kit, the naloxone and the fire exits are.\n\n"
        "If something feels unsafe, we step back and get help.\n\n"
        "We tell the manager about any accident or near miss on the same day.",
    ),
    (
        "feedback",
        "Feedback and complaints",
        "Anyone can tell us what we do well or badly. It helps us get better.\n\n"
        "A person can complain to any worker, in person, on the phone or in writing.\n\n"
        "We write the complaint down and give it to the manager that day.\n\n"
        "Nobody is treated worse because they complained.\n\n"
        "If you have a worry about your own training, talk to your trainer or the manager.",
    ),
]
