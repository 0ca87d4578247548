"""Training in a real browser at tablet size: a trainee reads and hears an item, marks it
done, writes a reflection, plays the word game and agrees to the agreements; a manager signs
off level one and gives the front desk role; the same work without JavaScript."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, assert_targets_at_least, sign_in
from tests.factories import make_user, training

# Headless Chromium has no voices. This stands in for the browser's speech, so the test can
# hear what the read-aloud button says.
FAKE_SPEECH = """
window.__spoken = [];
(function () {
  var voice = {lang: "en-AU", name: "Test voice"};
  Object.defineProperty(window, "speechSynthesis", {value: {
    speaking: false,
    getVoices: function () { return [voice]; },
    speak: function (u) { window.__spoken.push(u.text); },
    cancel: function () {},
    addEventListener: function () {}
  }});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})();
"""


def test_a_trainee_reads_hears_marks_done_reflects_and_matches_words(page, app, db_session):
    training.load_programme(app, db_session)
    trainee = make_user(db_session, "trainee", display_name="Jordan Lee")
    first = training.items(db_session, training.module(db_session, 1, 1))[0]
    card = f"#item-{first.id}"

    sign_in(page, trainee)
    page.get_by_role("link", name=re.compile("My training")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My training")
    expect(page.get_by_text("You are here")).to_be_visible()
    expect(page.get_by_text("0 of 20 done")).to_be_visible()
    # Each card has a read-aloud button (hidden while the browser has no voice).
    expect(page.locator(f'{card} [data-read-aloud="item-{first.id}-text"]')).to_have_count(1)
    assert_accessible(page)
    assert_targets_at_least(page, 44)

    # With a voice, the button shows and reads the card aloud.
    page.add_init_script(FAKE_SPEECH)
    page.reload()
    read_aloud = page.locator(card).get_by_role("button", name="Read aloud")
    expect(read_aloud).to_be_visible()
    read_aloud.click()
    spoken = page.evaluate("window.__spoken")
    assert "Our code of conduct" in spoken[0] and "How we treat each other" in spoken[0]

    page.locator(card).get_by_role("button", name="Mark as done").click()
    expect(page.locator(card).get_by_role("button", name="Not done yet")).to_be_visible()
    expect(page.locator("#status")).to_contain_text("Marked as done: Our code of conduct.")
    page.reload()
    expect(page.get_by_text("1 of 20 done")).to_be_visible()

    page.locator(card).get_by_role("link", name=re.compile("Write what you learned")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Our code of conduct")
    page.get_by_label("What did you learn, or what do you think?").fill("It is short and fair.")
    page.get_by_role("button", name="Save what I wrote").click()
    expect(page.get_by_text("Your reflection is saved.")).to_be_visible()
    expect(page.get_by_text("It is short and fair.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Back to the module").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Module 1: Our rules and you")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Word game for this module")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Word game")
    game = page.locator("#match-game")
    expect(game).to_be_visible()
    expect(page.locator("#match-fallback")).to_be_hidden()
    assert_accessible(page)

    words = game.locator('[data-side="word"]')
    count = words.count()
    # A wrong match first: instant feedback, and another go.
    words.nth(0).click()
    game.locator('[data-side="meaning"][data-key="1"]').click()
    expect(page.locator("#match-feedback")).to_have_text("Not quite. Try again.")
    for n in range(count):
        words.nth(n).click()
        game.locator(f'[data-side="meaning"][data-key="{n}"]').click()
        expect(page.locator("#match-feedback")).to_contain_text("Yes!")
    expect(page.get_by_role("heading", name="All matched")).to_be_visible()
    expect(page.locator("#match-score")).to_have_text(
        f"You matched all {count} words. {count - 1} of {count} were right the first time. "
        "Only you can see this."
    )
    assert_accessible(page)
    page.get_by_role("button", name="Play again").click()
    expect(page.get_by_role("heading", name="All matched")).to_be_hidden()

    page.goto("/training/agreements")
    assert_accessible(page)
    page.get_by_label("I have read or heard these agreements, and I agree to them").check()
    page.get_by_role("button", name="I agree").click()
    expect(page.get_by_text("You have agreed to all of them.")).to_be_visible()

    for path, heading in (
        ("/training/levels", "All five levels"),
        ("/training/hours", "My hours"),
        ("/training/certificates", "My certificates"),
        ("/training/certificates/new", "Add a certificate"),
    ):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_accessible(page)


def test_a_manager_signs_off_level_one_and_gives_the_front_desk_role(page, app, db_session):
    training.load_programme(app, db_session)
    trainee = make_user(db_session, "trainee", display_name="Jordan Lee")
    training.mark_done(
        db_session, trainee, training.items(db_session, training.module(db_session, 1, 1))[:3]
    )
    training.make_certificate(db_session, trainee, "nsp", expires_in=12)
    manager = make_user(db_session, "manager", display_name="Chris Mahoney")

    sign_in(page, manager)
    expect(page.get_by_text("Certificates running out")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Trainees")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Trainees")
    assert_accessible(page)
    page.get_by_role("link", name="Jordan Lee").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jordan Lee: training")
    assert_accessible(page)

    page.get_by_role("link", name="Module 1: Our rules and you").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Jordan Lee: Module 1: Our rules and you"
    )
    assert_accessible(page)
    page.get_by_role("link", name="Back to Jordan Lee").click()

    page.get_by_role("link", name="Sign off level 1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign off level 1 for Jordan Lee")
    assert_accessible(page)
    page.get_by_label("A note (you can leave this empty)").fill("Covered desk two alone.")
    page.get_by_role("button", name="Sign off level 1").click()
    expect(page.get_by_text("Level 1 is signed off for Jordan Lee.")).to_be_visible()
    expect(page.get_by_role("heading", name="Ready for the front desk")).to_be_visible()
    expect(page.get_by_text("Covered desk two alone.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Give the front desk role").click()
    expect(page.get_by_text("Jordan Lee now has the front desk role.")).to_be_visible()
    expect(page.get_by_text("Front desk volunteer", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Ready for the front desk")).to_have_count(0)

    page.goto("/training/programme")
    assert_accessible(page)
    page.get_by_role("link", name="Module 2: The front desk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change: Module 2: The front desk")
    assert_accessible(page)
    page.get_by_role("link", name="Add an item").click()
    assert_accessible(page)


def test_training_works_without_javascript(no_js_page, app, db_session):
    page = no_js_page
    training.load_programme(app, db_session)
    trainee = make_user(db_session, "trainee", display_name="Jordan Lee")
    module = training.module(db_session, 1, 1)
    first = training.items(db_session, module)[0]

    sign_in(page, trainee)
    page.goto("/training/")
    page.locator(f"#item-{first.id}").get_by_role("button", name="Mark as done").click()
    expect(page.get_by_text("Marked as done: Our code of conduct.")).to_be_visible()
    expect(page.get_by_text("1 of 20 done")).to_be_visible()

    page.goto(f"/training/modules/{module.id}/words")
    expect(page.locator("#match-game")).to_be_hidden()
    question = page.locator("#word-0")
    expect(question.get_by_role("group")).to_contain_text("What does")
    word = module.words[0]
    from app import glossary

    question.get_by_label(glossary.meaning(word)).check()
    question.get_by_role("button", name="Check my answer").click()
    expect(page.locator("#word-0")).to_contain_text("Yes, that is right.")

    other = page.locator("#word-1")
    other.get_by_label(glossary.meaning(word)).check()
    other.get_by_role("button", name="Check my answer").click()
    expect(page.locator("#word-1")).to_contain_text("Not quite. Have another go.")
