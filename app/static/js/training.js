// Training: the word game. Tap a word, then tap what it means. When every word is matched
// the score (right the first time) is sent and kept, for the learner only, and the module's
// word game item is marked done. Without this file the page shows a list with a form per
// word instead.
(function () {
  "use strict";

  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var tmp = list[i]; list[i] = list[j]; list[j] = tmp;
    }
    return list;
  }

  function setUp(game) {
    var fallback = document.getElementById("match-fallback");
    var feedback = document.getElementById("match-feedback");
    var end = document.getElementById("match-end");
    var score = document.getElementById("match-score");
    var again = document.getElementById("match-again");
    var tiles = Array.prototype.slice.call(game.querySelectorAll(".match-tile"));
    var words = tiles.filter(function (t) { return t.getAttribute("data-side") === "word"; });
    var chosen = null;
    var missed = {};
    var matched = 0;

    function say(text) { feedback.textContent = text; }

    function reset() {
      chosen = null;
      missed = {};
      matched = 0;
      tiles.forEach(function (t) {
        t.disabled = false;
        t.classList.remove("match-done", "match-miss");
        t.setAttribute("aria-pressed", "false");
        var label = t.querySelector(".visually-hidden");
        if (label) { label.remove(); }
      });
      // A new order for the meanings each time.
      var meaningList = game.querySelector('[data-side="meaning"]').closest("ul");
      shuffle(Array.prototype.slice.call(meaningList.children)).forEach(function (li) {
        meaningList.appendChild(li);
      });
      end.hidden = true;
      say("");
    }

    function choose(tile) {
      tiles.forEach(function (t) {
        if (t.getAttribute("data-side") === tile.getAttribute("data-side")) {
          t.setAttribute("aria-pressed", "false");
        }
        t.classList.remove("match-miss");
      });
      if (chosen && chosen.getAttribute("data-side") !== tile.getAttribute("data-side")) {
        check(chosen, tile);
        return;
      }
      chosen = tile;
      tile.setAttribute("aria-pressed", "true");
      say(tile.getAttribute("data-side") === "word"
        ? "Now tap what " + tile.textContent.trim() + " means."
        : "Now tap the word that means this.");
    }

    function check(first, second) {
      var word = first.getAttribute("data-side") === "word" ? first : second;
      var meaning = word === first ? second : first;
      chosen = null;
      first.setAttribute("aria-pressed", "false");
      second.setAttribute("aria-pressed", "false");
      if (word.getAttribute("data-key") === meaning.getAttribute("data-key")) {
        [word, meaning].forEach(function (t) {
          t.classList.add("match-done");
          t.disabled = true;
          var label = document.createElement("span");
          label.className = "visually-hidden";
          label.textContent = " (matched)";
          t.appendChild(label);
        });
        matched += 1;
        say("Yes! " + word.firstChild.textContent.trim() + " means: " +
            meaning.firstChild.textContent.trim());
        if (matched === words.length) { finish(); }
      } else {
        missed[word.getAttribute("data-key")] = true;
        word.classList.add("match-miss");
        meaning.classList.add("match-miss");
        say("Not quite. Try again.");
      }
    }

    function finish() {
      var firstTry = words.length - Object.keys(missed).length;
      score.textContent = "You matched all " + words.length + " words. " + firstTry + " of " +
        words.length + " were right the first time. Only you can see this.";
      end.hidden = false;
      again.focus();
      var result = document.getElementById("match-result");
      if (result) {
        result.querySelector("input[name=score]").value = String(firstTry);
        result.requestSubmit();
      }
    }

    game.addEventListener("click", function (event) {
      var tile = event.target.closest(".match-tile");
      if (tile && !tile.disabled) { choose(tile); }
    });
    again.addEventListener("click", reset);

    game.hidden = false;
    if (fallback) { fallback.hidden = true; }
    reset();
  }

  function ready() {
    var game = document.getElementById("match-game");
    if (game && !game.getAttribute("data-ready")) {
      game.setAttribute("data-ready", "1");
      setUp(game);
    }
  }
  // app.js runs this file once the page is read (app/page_scripts.py): start now.
  ready();
  document.addEventListener("htmx:afterSettle", ready);
})();
