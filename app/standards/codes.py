"""Code tables of the AODTS-NMDS, and the answers of our forms mapped onto them, in one place.

Two kinds of table live here:
- NATIONAL tables: code -> the national label, each with the METeOR id it comes from.
  The export uses the code and these labels.
- ANSWERS: what a person is asked (Appendix Two of the model of care, in plain words),
  key -> Answer(label, code). Records store the key (the person's own answer); the national
  code is derived here and nowhere else, so a code can be corrected in one place.

How sure each table is: see ../shared/data/aodts-nmds.md. "sure" = read on METeOR;
"likely" = two unofficial sources agree; "check" = confirm before an official submission.
"""

from __future__ import annotations

from dataclasses import dataclass

PREFER_NOT = "prefer_not"
PREFER_NOT_LABEL = "Prefer not to say"


@dataclass(frozen=True)
class Answer:
    label: str  # the words a person sees
    code: int | str | None  # the national code (None: not a national item)


# --- national tables --------------------------------------------------------------------

# METeOR 270011: episode of treatment, reason for cessation, code N[N]. 1-5 sure, 6-13 likely,
# 98 and 99 check.
REASON_FOR_CESSATION: dict[int, str] = {
    1: "Treatment completed",
    2: "Change in main treatment type",
    3: "Change in the delivery setting",
    4: "Change in the principal drug of concern",
    5: "Transferred to another service provider",
    6: "Ceased to participate against advice",
    7: "Ceased to participate without notice",
    8: "Ceased to participate involuntarily (non-compliance)",
    9: "Ceased to participate at expiation",
    10: "Ceased to participate by mutual agreement",
    11: "Drug court and/or sanctioned by court diversion service",
    12: "Imprisoned, other than drug court sanctioned",
    13: "Died",
    98: "Other",
    99: "Not stated/inadequately described",
}
# The same reasons in the app's own words (the national label stays in the export).
REASON_FOR_CESSATION_WORDS: dict[int, str] = {
    **REASON_FOR_CESSATION,
    1: "The plan is done",
    5: "Moved to another service",
    6: "Chose to stop, against our advice",
    7: "Stopped coming, without telling us",
    8: "Asked to leave the service",
    10: "We agreed together to stop",
    12: "Went to prison",
    13: "Died",
    99: "Not known",
}

# METeOR 270056 (value domain 270660): main treatment type, code N. Sure.
MAIN_TREATMENT_TYPE: dict[int, str] = {
    1: "Withdrawal management (detoxification)",
    2: "Counselling",
    3: "Rehabilitation",
    4: "Pharmacotherapy",
    5: "Support and case management only",
    6: "Information and education only",
    7: "Assessment only",
    8: "Other",
}
PTSS_MAIN_TREATMENT_TYPE = 5

# METeOR 270068: treatment delivery setting, code N. Code 1 sure; 2, 3, 4, 8 check.
DELIVERY_SETTING: dict[int, str] = {
    1: "Non-residential treatment facility",
    2: "Residential treatment facility",
    3: "Home",
    4: "Outreach setting",
    8: "Other",
}

# Source of referral, code N[N]. Likely (ACT schema 2019 and a PHN extract agree).
# METeOR id: check (the episode's "source of referral" data element).
SOURCE_OF_REFERRAL: dict[int, str] = {
    1: "Self",
    2: "Family member/friend",
    3: "Medical practitioner",
    4: "Hospital",
    5: "Mental health care service",
    6: "Alcohol and other drug treatment service",
    7: "Other community/health care service",
    8: "Correctional service",
    9: "Police diversion",
    10: "Court diversion",
    98: "Other",
    99: "Not stated/inadequately described",
}

# METeOR 270083: client type, code N. Sure.
CLIENT_TYPE: dict[int, str] = {
    1: "Own alcohol or other drug use",
    2: "Other's alcohol or other drug use",
}

# METeOR 270111: method of use for principal drug of concern, code N. Sure.
METHOD_OF_USE: dict[int, str] = {
    1: "Ingests",
    2: "Smokes",
    3: "Injects",
    4: "Sniffs (powder)",
    5: "Inhales (vapour)",
    6: "Other",
    9: "Not stated/inadequately described",
}

# METeOR 707379: injecting drug use status, code N. Sure.
INJECTING_STATUS: dict[int, str] = {
    1: "Last injected three months ago or less",
    2: "Last injected more than three months ago but less than or equal to twelve months ago",
    3: "Last injected more than twelve months ago",
    4: "Never injected",
    9: "Not stated/inadequately described",
}

# METeOR 602543: Indigenous status, code N. Likely (same order everywhere).
INDIGENOUS_STATUS: dict[int, str] = {
    1: "Aboriginal but not Torres Strait Islander origin",
    2: "Torres Strait Islander but not Aboriginal origin",
    3: "Both Aboriginal and Torres Strait Islander origin",
    4: "Neither Aboriginal nor Torres Strait Islander origin",
    9: "Not stated/inadequately described",
}

# METeOR 287316: sex, code N. Sure for this version (newer 741686 calls 3 "Another term").
SEX: dict[int, str] = {
    1: "Male",
    2: "Female",
    3: "Intersex or indeterminate",
    9: "Not stated/inadequately described",
}

# METeOR 294429: date accuracy indicator, AAA. A = accurate, E = estimated, U = unknown,
# for day, month and year in that order. Check.
DATE_ACCURACY_KNOWN = "AAA"
DATE_ACCURACY_YEAR_ONLY = "UUE"

# ABS Australian Standard Classification of Drugs of Concern (ASCDC) 2011, 4 digits, used by
# the principal and other drugs of concern (METeOR id of the data elements: check).
ASCDC: dict[str, str] = {
    "0000": "Inadequately described",
    "0001": "Not stated",
    "0002": "Not a drug of concern",
    "1000": "Analgesics, not further defined",
    "1101": "Codeine",
    "1102": "Morphine",
    "1201": "Buprenorphine",
    "1202": "Heroin",
    "1204": "Oxycodone",
    "1304": "Methadone",
    "2101": "Alcohol (ethanol)",
    "2202": "Ketamine",
    "2400": "Benzodiazepines, not further defined",
    "2403": "Diazepam",
    "2499": "Benzodiazepines, not elsewhere classified",
    "2501": "GHB",
    "3101": "Amphetamine",
    "3103": "Methamphetamine",
    "3405": "MDMA (ecstasy)",
    "3903": "Cocaine",
    "3906": "Nicotine",
    "7101": "Cannabis (cannabinoids from plants)",
    "7102": "Synthetic cannabinoids",
}

# --- our answers, mapped onto the national codes ----------------------------------------

# Appendix Two: gender, exactly its options. "Not stated" is the "prefer not to say" answer.
# Sex code (METeOR 287316) derived here, in one mapping the manager reviews: a person's
# affirmed gender gives the code (trans woman 2, trans man 1); non-binary and intersex 3.
GENDER: dict[str, Answer] = {
    "female": Answer("Female", 2),
    "male": Answer("Male", 1),
    "trans_woman": Answer("Trans woman", 2),
    "trans_man": Answer("Trans man", 1),
    "non_binary": Answer("Non-binary", 3),
    "intersex": Answer("Intersex", 3),
    "not_stated": Answer("Not stated (prefer not to say)", 9),
    "other": Answer("Other (say in their words)", 9),
}

# Appendix Two: Aboriginal and Torres Strait Islander status -> METeOR 602543.
INDIGENOUS: dict[str, Answer] = {
    "aboriginal": Answer("Aboriginal, not Torres Strait Islander", 1),
    "torres_strait": Answer("Torres Strait Islander, not Aboriginal", 2),
    "both": Answer("Both Aboriginal and Torres Strait Islander", 3),
    "neither": Answer("Neither Aboriginal nor Torres Strait Islander", 4),
    "not_stated": Answer("Not stated (prefer not to say)", 9),
}

# Appendix Two: non-English-speaking background (circled on the same line). Not a national
# code of its own (it comes from country of birth and language); kept as asked.
NESB: dict[str, Answer] = {
    "yes": Answer("Yes", None),
    "no": Answer("No", None),
    PREFER_NOT: Answer(PREFER_NOT_LABEL, None),
}

# Appendix Two: accommodation type. Not in the AODTS-NMDS episode row; the codes are local
# (ACT minimum data set style) until confirmed: check before any official use.
ACCOMMODATION: dict[str, Answer] = {
    "public_housing": Answer("Government housing", 1),
    "private_rental": Answer("Private rental", 2),
    "owned": Answer("Own home (privately owned)", 3),
    "hostel": Answer("Hostel or supported housing", 4),
    "rehab": Answer("Detox or rehab", 5),
    "psychiatric": Answer("Psychiatric hospital", 6),
    "shelter": Answer("Shelter or refuge", 7),
    "prison": Answer("Prison", 8),
    "homeless": Answer("Homeless or couch surfing", 9),
    "other": Answer("Other (say in their words)", 98),
    PREFER_NOT: Answer(PREFER_NOT_LABEL, 99),
}

# Appendix Two: living arrangements. The national living arrangement item (check the METeOR
# id) has 1 Lives alone, 2 Lives with others, 9 Not stated; the appendix's detail is kept.
LIVING: dict[str, Answer] = {
    "alone": Answer("Alone", 1),
    "alone_children": Answer("Alone with children", 2),
    "partner": Answer("Spouse or partner", 2),
    "partner_children": Answer("Spouse or partner and children", 2),
    "friends": Answer("Friends", 2),
    "parents": Answer("Parents", 2),
    "family_children": Answer("Parents, friends or relatives, and children", 2),
    "relatives": Answer("Other relatives", 2),
    "shared": Answer("Shared housing", 2),
    "other": Answer("Other (say in their words)", 2),
    PREFER_NOT: Answer(PREFER_NOT_LABEL, 9),
}

# Appendix Two: main drug and other drugs -> ASCDC. "Opiates" with no drug named is the
# analgesics group, not further defined (1000); tobacco is nicotine (3906, check).
DRUGS: dict[str, Answer] = {
    "heroin": Answer("Heroin", "1202"),
    "opiates": Answer("Opiates (other)", "1000"),
    "methadone": Answer("Methadone", "1304"),
    "bupe": Answer("Bupe (buprenorphine)", "1201"),
    "benzos": Answer("Benzos", "2400"),
    "cannabis": Answer("Cannabis", "7101"),
    "methamphetamine": Answer("Methamphetamine (ice, speed)", "3103"),
    "ecstasy": Answer("Ecstasy (MDMA)", "3405"),
    "cocaine": Answer("Cocaine", "3903"),
    "alcohol": Answer("Alcohol", "2101"),
    "tobacco": Answer("Tobacco", "3906"),
    "other": Answer("Other (say in their words)", "0000"),
    PREFER_NOT: Answer(PREFER_NOT_LABEL, "0001"),
}

# Appendix Two: method of use for the main drug -> METeOR 270111.
METHOD: dict[str, Answer] = {
    "eat_drink": Answer("Eat or drink", 1),
    "smokes": Answer("Smokes", 2),
    "injects": Answer("Injects", 3),
    "inhales": Answer("Inhales (vapour)", 5),
    "snorts": Answer("Snorts (powder)", 4),
    "other": Answer("Other (say in their words)", 6),
    PREFER_NOT: Answer(PREFER_NOT_LABEL, 9),
}

# Appendix Two: last injected -> METeOR 707379, straight on.
LAST_INJECTED: dict[str, Answer] = {
    "0_3_months": Answer("3 months ago or less", 1),
    "3_12_months": Answer("3 to 12 months ago", 2),
    "over_12_months": Answer("More than 12 months ago", 3),
    "never": Answer("Never injected", 4),
    PREFER_NOT: Answer(PREFER_NOT_LABEL, 9),
}

# Appendix Two: source of referral, or self referred -> the source of referral codes.
REFERRAL: dict[str, Answer] = {
    "self": Answer("Self referred (came by themselves)", 1),
    "family": Answer("Family or a friend", 2),
    "doctor": Answer("A doctor or GP", 3),
    "hospital": Answer("A hospital", 4),
    "mental_health": Answer("A mental health service", 5),
    "aod": Answer("A drug or alcohol service", 6),
    "community": Answer("Another community or health service", 7),
    "corrections": Answer("Prison, parole or probation", 8),
    "police": Answer("Police diversion", 9),
    "court": Answer("Court diversion", 10),
    "other": Answer("Other", 98),
    PREFER_NOT: Answer(PREFER_NOT_LABEL, 99),
}

# Where we met them (Appendix Two "service location") -> treatment delivery setting, 270068.
SERVICE_LOCATION: dict[str, Answer] = {
    "drop_in": Answer("Drop-in centre", 1),
    "outreach": Answer("Outreach", 4),
    "home": Answer("Their home", 3),
    "phone": Answer("Phone or online", 8),
    "event": Answer("Community event or BBQ", 4),
    # A visit to a prison or a hospital is outreach (4: a place that is not a treatment
    # facility or their home; issue 17). Likely: check with the data set's guide.
    "prison": Answer("Prison or correctional centre", 4),
    "hospital": Answer("Hospital", 4),
    "other": Answer("Somewhere else", 8),
}

# Whose drug use the support is about -> client type, METeOR 270083.
CLIENT_TYPE_ANSWERS: dict[str, Answer] = {
    "own": Answer("Their own drug use", 1),
    "other": Answer("Someone else's drug use (family or friend)", 2),
}

# OK to call, text or email (Appendix Two's consent boxes). Not a national item.
CONTACT_OK: dict[str, Answer] = {
    "yes": Answer("Yes", None),
    "no": Answer("No", None),
    PREFER_NOT: Answer(PREFER_NOT_LABEL, None),
}

ANSWER_TABLES: dict[str, dict[str, Answer]] = {
    "gender": GENDER,
    "indigenous": INDIGENOUS,
    "nesb": NESB,
    "accommodation": ACCOMMODATION,
    "living": LIVING,
    "drugs": DRUGS,
    "method": METHOD,
    "last_injected": LAST_INJECTED,
    "referral": REFERRAL,
    "service_location": SERVICE_LOCATION,
    "client_type": CLIENT_TYPE_ANSWERS,
    "contact_ok": CONTACT_OK,
}


def choices(table: dict[str, Answer]) -> list[tuple[str, str]]:
    """(key, words) pairs for a form."""
    return [(key, answer.label) for key, answer in table.items()]


def label(table: dict[str, Answer], key: str | None) -> str:
    """The words for an answer, or "" when there is none."""
    answer = table.get(key or "")
    return answer.label if answer else ""


def code(table: dict[str, Answer], key: str | None, *, missing=None):
    """The national code for an answer; `missing` when it was not answered."""
    answer = table.get(key or "")
    return answer.code if answer else missing


def sex_code(gender: str | None) -> int:
    """METeOR 287316 from the gender the person gave; 9 when not given."""
    return code(GENDER, gender, missing=9)


def indigenous_code(answer: str | None) -> int:
    return code(INDIGENOUS, answer, missing=9)


def drug_code(drug: str | None) -> str:
    """ASCDC code of a drug answer; 0001 (not stated) when there is none."""
    return code(DRUGS, drug, missing="0001")


def method_code(method: str | None) -> int:
    return code(METHOD, method, missing=9)


def injecting_code(last_injected: str | None) -> int:
    return code(LAST_INJECTED, last_injected, missing=9)


def referral_code(referral: str | None) -> int:
    return code(REFERRAL, referral, missing=99)


def delivery_setting_code(location: str | None) -> int:
    return code(SERVICE_LOCATION, location, missing=1)


def client_type_code(answer: str | None) -> int:
    return code(CLIENT_TYPE_ANSWERS, answer, missing=1)
