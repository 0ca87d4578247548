"""Made-up names and short plain phrases for `scale-data`. Nothing here is a real person."""

GIVEN = (
    "Aaron Abby Adam Aisha Alana Alex Ali Amber Amy Andrew Angela Anh Anna Aroha Ash Ava Beau "
    "Ben Bianca Blake Bree Brett Brodie Callum Cameron Carla Casey Chantelle Charlie Chloe "
    "Chris Claire Cody Connor Craig Dale Damien Dan Daniel Darren Dean Dennis Derek Dylan Eli "
    "Ella Emily Emma Eric Erin Ethan Fatima Finn Fiona Gary Gemma Georgia Glen Grace Hamish "
    "Hannah Harley Hayley Heath Holly Hugh Isaac Isla Jack Jade Jake James Jamie Jason Jay "
    "Jess Jesse Joel John Jordan Josh Julie Justin Kane Karen Kate Kayla Kev Kirra Kim Kyle "
    "Lachlan Leanne Lee Liam Lily Linh Luke Maddie Mark Matt Maya Mel Mele Mia Mick Mitch "
    "Nadia Nathan Neil Nick Noah Olivia Paul Paulo Peta Phil Priya Quinn Rachel Rhys Riley "
    "Rob Rosa Ryan Sam Sarah Scott Sean Shane Shanice Simon Sione Skye Sophie Stacey Steve "
    "Stevie Tahlia Tam Tara Taylor Tess Tim Toby Tom Troy Tyson Vanessa Vince Wayne Will "
    "Yindi Zac Zoe"
).split()
FAMILY = (
    "Abbott Ahmed Allen Anderson Ashby Bailey Baker Barnes Bell Bennett Boyd Brennan Brooks "
    "Brown Burke Campbell Carroll Carter Chen Clarke Collins Cook Costa Cox Cunningham Davies "
    "Dawson Dixon Donnelly Doyle Duncan Edwards Ellis Evans Farrell Fenwick Fisher Fleming "
    "Fonua Ford Foster Fraser Gibson Graham Grant Gray Green Hall Hamilton Harris Harvey Hayes "
    "Hill Hogan Holmes Howard Hughes Hunt Jackson James Jenkins Johnson Jones Kaur Kelly "
    "Kennedy King Knight Kowalski Lamb Lane Lawson Lee Lewis Lloyd Long Marsh Martin Mason "
    "Matthews McDonald McKenzie Miller Mitchell Moore Moretti Morgan Morris Murphy Murray "
    "Nguyen Nolan O'Brien O'Connor O'Loughlin Orchard Palmer Parker Patel Pearce Perry "
    "Phillips Pryce Purcell Quinn Reid Reis Rennie Reynolds Richards Roberts Robinson Rogers "
    "Ross Ryan Scott Sharma Shaw Simpson Singh Smith Spencer Stewart Sullivan Tane Taylor "
    "Thomas Thompson Tran Turner Walker Walsh Ward Watson Webb White Whitlock Williams Wilson "
    "Wood Wright Young"
).split()
NICKNAMES = "Ace Bluey Bub Chook Dags Doc Flash Ginge Happy Jonesy Red Shorty Sparky Tiny Wal"
NICKNAMES = NICKNAMES.split()

NOTE_TEXT = (
    "Met at the drop-in. Talked about housing and the next step with the application.",
    "Phone call to check in. Sounded well. Will call again next week.",
    "Went with them to the GP. Got a script and a referral to the health centre.",
    "Talked about their goal to cut down. Using less than last month.",
    "Helped fill in the Centrelink form. Payment should start in two weeks.",
    "Court support. The matter was put off for a month. They were calm.",
    "Home visit. The place is tidy and the heater works now.",
    "Texted about the appointment tomorrow. They said yes.",
    "Dropped off a food voucher and a swag. Cold nights coming.",
    "Talked about the kids and the next CYF meeting. Wrote down their questions.",
    "Did not come to the meeting. Left a message with their sister.",
    "Outreach in the city. Found them near the library and had a coffee.",
    "Reviewed the plan together. Goal two is done. New goal in their words.",
    "Talked about naloxone and using alone. Took a kit.",
)
WHO_WAS_THERE = ("Just us", "Their partner", "Their sister", "A housing worker", "Their GP")
GOALS = (
    "Find a place of my own",
    "Get back on methadone with a doctor who listens",
    "See my kids every week",
    "Sort out my Centrelink",
    "Get my licence back",
    "Cut down on ice",
    "Go to the forklift course",
    "Get my teeth fixed",
    "Sort out the court matters",
)
STRENGTHS = (
    "Knows what they want. Good sense of humour.",
    "Keeps appointments. Looks out for friends.",
    "Has done rehab before and knows what helps.",
)
SUPPORTS = (
    "A sister who calls every week.",
    "Sees a GP at the health centre.",
    "A friend they stay with sometimes.",
)
REFERRAL_REASONS = (
    "Wants help with housing.",
    "Needs a GP who knows about OMT.",
    "Legal advice before court.",
    "Counselling, at their own pace.",
)
AID_NOTES = ("Winter clothes", "Food for the week", "Phone credit to stay in touch", None)
ADVOCACY = (
    "Payment cut off after a missed letter.",
    "Refused a script at the chemist.",
    "Housing repairs not done for months.",
)
FILE_AUDIT_FEEDBACK = (
    "Please add the review date to the plan.",
    "Two notes were written late. Try to write them the same day.",
    "The consent form for the GP has expired.",
)
