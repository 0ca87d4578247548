"""A consent signed on the screen, and a shadow shift the volunteer confirms, on a tablet
(768 by 1024), signed in through the sign-in page. Zero axe violations on every page
(issue 17)."""

from datetime import timedelta

from playwright.sync_api import expect
from sqlalchemy import select

from app import clock
from app.models import Consent, ConsentSignature, RegistrationDraft, Shift
from tests.e2e.conftest import assert_accessible, assert_targets_at_least, sign_in
from tests.factories import make_user
from tests.factories.clients import make_client


def heading(page, text):
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def draw(page, locator):
    """A signature with the mouse: two strokes across the box."""
    box = locator.bounding_box()
    x, y, w, h = box["x"], box["y"], box["width"], box["height"]
    for row in (0.4, 0.6):
        page.mouse.move(x + w * 0.1, y + h * row)
        page.mouse.down()
        for step in range(1, 11):
            page.mouse.move(
                x + w * (0.1 + 0.08 * step), y + h * (row + (0.1 if step % 2 else -0.1))
            )
        page.mouse.up()


def test_a_consent_signed_on_the_screen_by_drawing(page, db_session):
    worker = make_user(db_session, "worker", display_name="Alex Murray")
    person = make_client(db_session, worker, given_name="Tam")
    sign_in(page, worker)
    page.goto(f"/clients/{person.id}/consents")
    page.get_by_role("button", name="Record a new consent").click()
    heading(page, "Who they want us to share with")
    # Who and what are another part's steps: answered here in the draft, so this journey
    # is about the "how" step and what follows.
    draft = db_session.scalars(
        select(RegistrationDraft).order_by(RegistrationDraft.id.desc())
    ).first()
    draft.answers = {
        "party_name": "Housing ACT",
        "relationship_to": "Caseworker",
        "shares": ["housing"],
    }
    db_session.commit()
    page.goto(f"/clients/{person.id}/consents/draft/{draft.id}/how")
    heading(page, "How they gave consent")
    box = page.locator("[data-signature]")
    expect(box).to_be_hidden()
    page.get_by_label("Signed on the screen").check()
    expect(box).to_be_visible()
    assert_accessible(page)
    assert_targets_at_least(page)

    # Saving with an empty box is refused, in plain words.
    page.get_by_role("button", name="Save and check answers").click()
    expect(page.get_by_role("link", name="Ask them to sign in the box")).to_be_visible()
    assert_accessible(page)

    canvas = page.locator(".signature-canvas")
    expect(canvas).to_be_visible()
    draw(page, canvas)
    page.get_by_role("button", name="Clear").click()  # start again
    draw(page, canvas)
    page.get_by_role("button", name="Save and check answers").click()
    heading(page, "Check the consent")
    assert_accessible(page)
    page.get_by_role("button", name="Save the consent").click()
    heading(page, "Consent to share with Housing ACT")
    picture = page.get_by_role("img", name="The signature Tam drew on the screen")
    expect(picture).to_be_visible()
    page.wait_for_function(  # the picture really loads, from its own route
        "() => { const i = document.querySelector('.signature-image');"
        " return i && i.complete && i.naturalWidth > 0; }"
    )
    assert_accessible(page)
    [consent] = db_session.scalars(select(Consent)).all()
    [signature] = db_session.scalars(select(ConsentSignature)).all()
    assert signature.consent_id == consent.id and signature.png.startswith(b"\x89PNG")


def test_a_shadow_shift_the_volunteer_confirms(page, db_session):
    volunteer = make_user(db_session, "frontdesk", display_name="Kim Nguyen")
    trainee = make_user(db_session, "trainee", display_name="Jordan Lee")
    sign_in(page, trainee)
    page.goto("/training/hours")
    assert_accessible(page)
    page.get_by_role("link", name="I shadowed at the front desk").click()
    heading(page, "I shadowed at the front desk")
    assert_accessible(page)
    page.get_by_label("Who was on duty at the desk").select_option(label="Kim Nguyen")
    yesterday = clock.today() - timedelta(days=1)  # any time of day is over by now
    for part, value in (
        ("day", yesterday.day),
        ("month", yesterday.month),
        ("year", yesterday.year),
    ):
        page.locator(f"#day-{part}").fill(str(value))
    page.get_by_label("Started at").fill("00:00")
    page.get_by_label("Ended at").fill("00:30")
    page.get_by_role("button", name="Save my shadow shift").click()
    heading(page, "My hours")
    expect(page.get_by_text("Waiting for Kim Nguyen")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Switch user").click()
    sign_in(page, volunteer)
    page.goto("/")
    expect(page.get_by_role("heading", name="Were they with you at the desk?")).to_be_visible()
    assert_accessible(page)
    assert_targets_at_least(page)
    page.get_by_role("button", name="Yes, they were with me").click()
    expect(
        page.get_by_text("Thank you. Jordan Lee's 30 minutes with you now count.")
    ).to_be_visible()
    assert_accessible(page)
    [shift] = db_session.scalars(select(Shift)).all()
    db_session.refresh(shift)
    assert shift.kind == "shadow" and shift.confirmed_at is not None


def test_without_javascript_signing_on_the_screen_is_refused_in_plain_words(no_js_page, db_session):
    page = no_js_page
    worker = make_user(db_session, "worker")
    person = make_client(db_session, worker)
    sign_in(page, worker)
    page.goto(f"/clients/{person.id}/consents")
    page.get_by_role("button", name="Record a new consent").click()
    draft = db_session.scalars(
        select(RegistrationDraft).order_by(RegistrationDraft.id.desc())
    ).first()
    draft.answers = {"party_name": "Housing ACT", "shares": ["housing"]}
    db_session.commit()
    page.goto(f"/clients/{person.id}/consents/draft/{draft.id}/how")
    expect(page.locator("[data-signature]")).to_be_hidden()
    page.get_by_label("Signed on the screen").check()
    page.get_by_role("button", name="Save and check answers").click()
    expect(page.get_by_role("link", name="This screen cannot take a signature.")).to_be_visible()
    # (axe needs JavaScript to run: this page is checked with it on, above.)


def test_a_finished_word_game_is_kept_and_its_item_is_done(page, app, db_session):
    from app.models import LearningItem, Module
    from tests.factories import training

    training.load_programme(app, db_session)
    module = db_session.scalars(select(Module).order_by(Module.id)).first()
    item = db_session.scalars(
        select(LearningItem).where(
            LearningItem.module_id == module.id, LearningItem.special == "words"
        )
    ).one()
    trainee = make_user(db_session, "trainee")
    sign_in(page, trainee)
    page.goto(f"/training/modules/{module.id}/words")
    game = page.locator("#match-game")
    expect(game).to_be_visible()
    words = game.locator('[data-side="word"]')
    count = words.count()
    for n in range(count):
        words.nth(n).click()
        game.locator(f'[data-side="meaning"][data-key="{n}"]').click()
    expect(page.get_by_role("heading", name="All matched")).to_be_visible()
    expect(page.locator("#word-best")).to_have_text(f"Your best: {count} of {count}")
    expect(page.locator("#status")).to_contain_text("Marked as done: Play the word game.")
    assert_accessible(page)
    page.goto(f"/training/items/{item.id}")
    expect(page.get_by_text(f"Your best: {count} of {count}")).to_be_visible()
    expect(page.get_by_text("Done", exact=True)).to_be_visible()
    assert_accessible(page)
