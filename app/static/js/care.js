// Care work: point out words the sector has moved away from while a note is written, and show
// Print buttons. Only a suggestion: the server checks again on save, and nothing is blocked.
(function () {
  "use strict";

  function rulesOf(box) {
    try {
      return JSON.parse(box.getAttribute("data-word-rules") || "[]").map(function (rule) {
        return { re: new RegExp(rule.pattern, "gi"), instead: rule.instead, unless: rule.unless || [] };
      });
    } catch (error) {
      return [];
    }
  }

  function sentenceAround(text, start, end) {
    var before = text.slice(0, start).split(/[.!?;\n]/).pop();
    var after = text.slice(end).split(/[.!?;\n]/)[0];
    return (before + " " + after).toLowerCase().match(/[a-z]+/g) || [];
  }

  function findWords(text, rules) {
    var found = [];
    var taken = [];
    var seen = {};
    rules.forEach(function (rule) {
      rule.re.lastIndex = 0;
      var match;
      while ((match = rule.re.exec(text)) !== null) {
        var start = match.index;
        var end = start + match[0].length;
        if (match[0].length === 0) { rule.re.lastIndex += 1; continue; }
        var overlaps = taken.some(function (span) { return start < span[1] && span[0] < end; });
        var words = rule.unless.length ? sentenceAround(text, start, end) : [];
        var skip = words.some(function (word) { return rule.unless.indexOf(word) !== -1; });
        if (overlaps || skip) { continue; }
        taken.push([start, end]);
        var key = match[0].toLowerCase().replace(/\s+/g, " ");
        if (!seen[key]) {
          seen[key] = true;
          found.push({ at: start, words: match[0].replace(/\s+/g, " "), instead: rule.instead });
        }
      }
    });
    return found.sort(function (a, b) { return a.at - b.at; });
  }

  function show(box, hints, found) {
    hints.textContent = "";
    if (!found.length) { hints.hidden = true; return; }
    var intro = document.createElement("p");
    intro.textContent = "A thought about words (you can keep yours):";
    var list = document.createElement("ul");
    found.forEach(function (item) {
      var li = document.createElement("li");
      li.textContent = "Instead of \u201c" + item.words + "\u201d, try: " + item.instead + ".";
      list.appendChild(li);
    });
    hints.appendChild(intro);
    hints.appendChild(list);
    hints.hidden = false;
  }

  function setUp(root) {
    root.querySelectorAll("[data-word-rules]").forEach(function (box) {
      if (box.dataset.wordsReady) { return; }
      box.dataset.wordsReady = "1";
      var area = box.querySelector("textarea");
      var hints = box.querySelector(".word-hints");
      if (!area || !hints) { return; }
      var rules = rulesOf(box);
      var timer = null;
      if (!document.getElementById("word-check")) { show(box, hints, findWords(area.value, rules)); }
      area.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { show(box, hints, findWords(area.value, rules)); }, 600);
      });
    });
    var check = root.querySelector("#word-check");
    if (check) { check.focus(); }
  }

  // app.js runs this file once the page is read (app/page_scripts.py): start now.
  setUp(document);
  document.addEventListener("htmx:afterSettle", function (event) { setUp(event.target); });
})();
