// Peerdesk: small helpers on top of htmx. Every page works without this file.
(function () {
  "use strict";

  // CSRF: htmx requests carry the token from the page's <meta>.
  document.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) { event.detail.headers["X-CSRFToken"] = meta.content; }
  });

  // Read aloud with the browser's own voice (en-AU, else en-GB, else any English voice).
  // It reads the words of the page only: no buttons, boxes or words hidden from the eye.
  // Where the device has no English voice, the button says how to turn one on instead.
  var speech = window.speechSynthesis;
  function pickVoice() {
    if (!speech) { return null; }
    var voices = speech.getVoices();
    var prefer = ["en-AU", "en-GB"];
    for (var i = 0; i < prefer.length; i++) {
      for (var j = 0; j < voices.length; j++) {
        if (voices[j].lang.replace("_", "-") === prefer[i]) { return voices[j]; }
      }
    }
    for (var k = 0; k < voices.length; k++) {
      if (voices[k].lang.indexOf("en") === 0) { return voices[k]; }
    }
    return null;
  }
  function showReadAloudButtons() {
    var voice = pickVoice();
    document.querySelectorAll("[data-read-aloud]").forEach(function (button) {
      var help = document.getElementById(button.getAttribute("aria-controls") || "");
      button.hidden = false;
      button.classList.toggle("read-aloud-no-voice", !voice);
      button.querySelectorAll("[data-voice]").forEach(function (part) { part.hidden = !voice; });
      button.querySelectorAll("[data-no-voice]").forEach(function (part) { part.hidden = !!voice; });
      if (voice) {
        button.removeAttribute("aria-expanded");
        if (help) { help.hidden = true; }
      } else if (!button.hasAttribute("aria-expanded")) {
        button.setAttribute("aria-expanded", "false");
      }
    });
  }
  var SKIP_WHEN_READING = "button, input, select, textarea, option, script, style, template, " +
    "[hidden], [aria-hidden='true'], .visually-hidden, .skip-link, .back-link, .read-aloud-help, .term-toggle";
  var BLOCKS = /^(P|LI|H[1-6]|DT|DD|TR|TD|TH|DIV|SECTION|ARTICLE|LEGEND|LABEL|FIGCAPTION|CAPTION|BR)$/;
  function wordsToRead(element) {
    var parts = [];
    (function walk(node) {
      if (node.nodeType === 3) { parts.push(node.nodeValue); return; }
      if (node.nodeType !== 1 || node.matches(SKIP_WHEN_READING)) { return; }
      if (node.tagName === "DETAILS" && !node.open) {
        var summary = node.querySelector("summary");
        if (summary) { walk(summary); parts.push(". "); }
        return;
      }
      var style = window.getComputedStyle(node);
      if (style.display === "none" || style.visibility === "hidden") { return; }
      node.childNodes.forEach(walk);
      if (BLOCKS.test(node.tagName)) { parts.push(". "); }
    })(element);
    return parts.join(" ").replace(/\s+/g, " ").replace(/(\s*\.\s*){2,}/g, ". ").replace(/([.?!:])\s*\.\s/g, "$1 ").trim();
  }
  function speak(button) {
    var voice = pickVoice();
    if (!voice) {
      var help = document.getElementById(button.getAttribute("aria-controls") || "");
      if (help) {
        help.hidden = !help.hidden;
        button.setAttribute("aria-expanded", help.hidden ? "false" : "true");
      }
      return;
    }
    var target = document.getElementById(button.getAttribute("data-read-aloud"));
    if (!target) { return; }
    if (speech.speaking) { speech.cancel(); return; }
    var utterance = new SpeechSynthesisUtterance(wordsToRead(target));
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.95;
    speech.speak(utterance);
  }
  window.PeerdeskWordsToRead = wordsToRead;
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-read-aloud]");
    if (button) { speak(button); }
  });
  if (speech) {
    speech.addEventListener("voiceschanged", showReadAloudButtons);
    window.addEventListener("pagehide", function () { speech.cancel(); });
    document.addEventListener("htmx:beforeHistorySave", function () { speech.cancel(); });
  }

  // Sector words (term() in app/templating.py): without JavaScript the meaning is written
  // after the word; with it, a small button beside the word shows and hides the meaning.
  function setUpTerms() {
    document.querySelectorAll(".term-toggle[hidden]").forEach(function (button) {
      var meaning = document.getElementById(button.getAttribute("aria-controls"));
      if (!meaning) { return; }
      meaning.hidden = true;
      button.hidden = false;
    });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest(".term-toggle");
    if (!button) { return; }
    var meaning = document.getElementById(button.getAttribute("aria-controls"));
    if (!meaning) { return; }
    meaning.hidden = !meaning.hidden;
    button.setAttribute("aria-expanded", meaning.hidden ? "false" : "true");
  });

  // "There is a problem": the summary takes the focus when a form comes back with errors
  // (a whole page has autofocus on it too, for a browser without JavaScript), and each of
  // its links moves the focus to the question, with the question's words in view.
  function focusErrorSummary(within) {
    var summary = (within || document).querySelector(".error-summary");
    if (summary && document.activeElement !== summary && !summary.contains(document.activeElement)) {
      summary.focus();
    }
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".error-summary a[href^='#']");
    if (!link) { return; }
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (!field) { return; }
    event.preventDefault();
    var question = field.closest("fieldset") || field.closest(".field");
    var words = question && question.querySelector("legend, label");
    (words || field).scrollIntoView({ block: "start" });
    field.focus({ preventScroll: true });
  });

  // Session clock (issue 12). Typing, tapping and scrolling count: while someone is active the
  // page tells the server at most once a minute, so a person who is working is never signed
  // out. Near the end a band asks "Are you still there?" without taking the focus from a field.
  // When the time runs out anyway, the page keeps what was typed (drafts on the server, and a
  // copy in this tab for the same person only), then goes to sign in and comes back here.
  var PING_EVERY_MS = 60000;
  var LEAVE_EARLY_MS = 4000; // leave before the server's time is up, so drafts still save
  var WAIT_AT_MOST_MS = 4000; // a hung network never keeps the page from leaving
  var ENDING_AT_MOST_MS = 15000;
  var STASH = "peerdesk-stash:";
  var STASH_KEEPS_MS = 12 * 3600 * 1000;
  var TEXT_FIELDS = "textarea, select, [contenteditable=''], [contenteditable='true'], " +
    "input:not([type=button]):not([type=submit]):not([type=reset]):not([type=checkbox]):not([type=radio])";
  var KEEP_TYPES = ["text", "search", "email", "tel", "url", "number", "date", "time",
    "datetime-local", "month", "week", "radio"];
  var NEVER_KEPT = /csrf|token|secret|password|form_key|^version$|^code$/i;
  var clock = {
    deadline: 0, limitDeadline: 0, lastPing: 0, lastKey: 0, active: false,
    pinging: false, leaving: false, warnTimer: null, endTimer: null, returnFocus: null
  };

  function sessionBand() { return document.getElementById("session-warning"); }
  function secondsIn(panel, name) {
    var value = parseInt(panel.getAttribute(name), 10);
    return isNaN(value) ? null : value;
  }
  function csrfHeaders() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? { "X-CSRFToken": meta.content } : {};
  }
  function post(url) {
    // "manual": a session already over answers with a redirect to sign in; not following it
    // leaves the reason for the sign-in page to show.
    return fetch(url, { method: "POST", headers: csrfHeaders(), credentials: "same-origin", redirect: "manual" });
  }
  function within(ms, work) {
    var done = Promise.resolve().then(work).catch(function () { return null; });
    return Promise.race([done, new Promise(function (resolve) { setTimeout(resolve, ms); })]);
  }
  function endsByLimit() { return clock.limitDeadline <= clock.deadline + 1000; }

  function startSessionClock() {
    var panel = sessionBand();
    clearTimeout(clock.warnTimer);
    clearTimeout(clock.endTimer);
    if (!panel || clock.leaving) { return; }
    var left = secondsIn(panel, "data-seconds-left");
    if (left === null) { return; }
    var limit = secondsIn(panel, "data-limit-seconds-left");
    clock.limitDeadline = Date.now() + (limit === null ? left : limit) * 1000;
    clock.lastPing = Date.now(); // the page itself was just a request
    clock.active = false;
    hideWarning();
    restartFrom(left);
  }
  function restartFrom(left) {
    var panel = sessionBand();
    if (!panel || clock.leaving) { return; }
    clearTimeout(clock.warnTimer);
    clearTimeout(clock.endTimer);
    var now = Date.now();
    clock.deadline = now + left * 1000;
    var warn = secondsIn(panel, "data-warn-seconds");
    warn = warn === null ? 120 : warn;
    clock.warnTimer = setTimeout(warnDue, Math.max(0, clock.deadline - warn * 1000 - now));
    clock.endTimer = setTimeout(timeOut, Math.max(0, clock.deadline - LEAVE_EARLY_MS - now));
  }
  function renewFrom(headerValue) {
    var left = parseInt(headerValue, 10);
    if (isNaN(left)) { return; }
    restartFrom(left);
    if (!endsByLimit()) { hideWarning(); }
  }

  // Activity: someone working since the last ping, and a minute gone, tells the server.
  function activity(event) {
    var panel = sessionBand();
    if (!panel || clock.leaving || (event.target && event.target.nodeType === 1 && panel.contains(event.target))) { return; }
    if (event.type === "keydown") { clock.lastKey = Date.now(); }
    clock.active = true;
    if (!panel.hidden && !endsByLimit()) { ping(); return; }
    if (Date.now() - clock.lastPing >= PING_EVERY_MS) { ping(); }
  }
  ["keydown", "input", "pointerdown", "touchstart", "scroll"].forEach(function (type) {
    document.addEventListener(type, activity, { passive: true, capture: true });
  });
  function ping() {
    var panel = sessionBand();
    var form = panel && panel.querySelector("form");
    if (!form || clock.pinging || clock.leaving) { return; }
    clock.pinging = true;
    clock.lastPing = Date.now();
    clock.active = false;
    post(form.action).then(function (response) {
      clock.pinging = false;
      if (response.status === 204) { renewFrom(response.headers.get("X-Session-Seconds-Left")); }
      else if (response.type === "opaqueredirect") { timeOut(); } // the session is already over
    }, function () { clock.pinging = false; }); // no network: the clock runs on
  }
  // Any request the server answered says how long is left: the page's clock starts from it.
  document.addEventListener("htmx:afterRequest", function (event) {
    var xhr = event.detail.xhr;
    if (event.detail.successful && xhr) { renewFrom(xhr.getResponseHeader("X-Session-Seconds-Left")); }
  });

  // The warning band.
  function isTyping() {
    var field = document.activeElement;
    if (field && field.matches && field.matches(TEXT_FIELDS)) { return true; }
    return Date.now() - clock.lastKey < 5000;
  }
  function warnDue() {
    // Someone working gets more time without being asked; the absolute limit cannot move.
    if (clock.active && !endsByLimit()) { ping(); return; }
    showWarning();
  }
  function showWarning() {
    var panel = sessionBand();
    if (!panel || !panel.hidden) { return; }
    var limit = endsByLimit();
    panel.querySelector("[data-session-idle]").hidden = limit;
    panel.querySelector("[data-session-limit]").hidden = !limit;
    var form = panel.querySelector("form");
    form.hidden = limit;
    panel.hidden = false;
    document.body.classList.add("session-warning-shown");
    placeBand();
    var status = document.getElementById("status");
    if (status) {
      var words = panel.querySelector("h2").textContent + " " +
        panel.querySelector(limit ? "[data-session-limit]" : "[data-session-idle]").textContent;
      status.textContent = words;
      status.setAttribute("data-session-words", "");
    }
    // The button takes the focus only from someone who is not typing.
    if (!limit && !isTyping()) {
      clock.returnFocus = document.activeElement;
      form.querySelector("button").focus();
    }
  }
  function hideWarning() {
    var panel = sessionBand();
    document.body.classList.remove("session-warning-shown");
    var status = document.getElementById("status");
    if (status && status.hasAttribute("data-session-words")) {
      status.textContent = "";
      status.removeAttribute("data-session-words");
    }
    if (!panel || panel.hidden) { return; }
    var hadFocus = panel.contains(document.activeElement);
    panel.hidden = true;
    if (hadFocus && clock.returnFocus && document.contains(clock.returnFocus)) { clock.returnFocus.focus(); }
    clock.returnFocus = null;
  }
  function overlap(a, b) { return Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)); }
  // The band sits at the foot of the screen; it moves to the top when it would cover the
  // field in use (whichever place covers less of it).
  function placeBand() {
    var panel = sessionBand();
    if (!panel || panel.hidden) { return; }
    panel.classList.remove("session-warning-top");
    var field = document.activeElement;
    if (!field || field === document.body || panel.contains(field)) { return; }
    var box = field.getBoundingClientRect();
    var atFoot = overlap(box, panel.getBoundingClientRect());
    if (atFoot === 0) { return; }
    panel.classList.add("session-warning-top");
    if (overlap(box, panel.getBoundingClientRect()) > atFoot) { panel.classList.remove("session-warning-top"); }
  }
  document.addEventListener("focusin", placeBand);
  window.addEventListener("resize", placeBand);

  // Time is up: keep the words, end the session, sign in again, come back here.
  function timeOut() {
    var panel = sessionBand();
    if (!panel || clock.leaving) { return; }
    clock.leaving = true;
    clearTimeout(clock.warnTimer);
    clearTimeout(clock.endTimer);
    var path = window.location.pathname + window.location.search;
    keepForms(panel.getAttribute("data-user"), path, endsByLimit() ? "time limit" : "idle");
    within(WAIT_AT_MOST_MS, function () {
      var drafts = window.PeerdeskDrafts;
      return drafts && typeof drafts.saveAll === "function" ? drafts.saveAll() : null;
    }).then(function () {
      // Wait for the server to end the session (longer: the sign-in page must not find it alive).
      return within(ENDING_AT_MOST_MS, function () { return post(panel.getAttribute("data-timed-out-url")); });
    }).then(function () {
      window.location.assign(panel.getAttribute("data-sign-in-url") + "?next=" + encodeURIComponent(path));
    });
  }
  function keepable(element) {
    if (!element.name || element.disabled || NEVER_KEPT.test(element.name)) { return false; }
    if (element.autocomplete === "one-time-code" || element.multiple) { return false; }
    if (element.tagName === "TEXTAREA" || element.tagName === "SELECT") { return true; }
    return element.tagName === "INPUT" && KEEP_TYPES.indexOf(element.type) >= 0;
  }
  function typedValue(element) {
    if (element.type === "radio") { return element.checked && !element.defaultChecked ? element.value : null; }
    if (element.tagName === "SELECT") {
      var option = element.options[element.selectedIndex];
      return option && !option.defaultSelected && element.value ? element.value : null;
    }
    return element.value !== element.defaultValue && element.value.trim() ? element.value : null;
  }
  function keepForms(user, path, reason) {
    var panel = sessionBand();
    var fields = [];
    Array.prototype.forEach.call(document.forms, function (form, index) {
      if (panel.contains(form) || form.closest(".site-header")) { return; }
      Array.prototype.forEach.call(form.elements, function (element) {
        var value = keepable(element) ? typedValue(element) : null;
        if (value !== null) {
          fields.push({ form: index, action: form.getAttribute("action") || "", name: element.name, value: value });
        }
      });
    });
    if (!user || !fields.length) { return; }
    try {
      window.sessionStorage.setItem(STASH + user + ":" + path,
        JSON.stringify({ user: user, reason: reason, at: Date.now(), fields: fields }));
    } catch (error) { /* storage full or off: the server's drafts still hold the words */ }
  }
  function formFor(field) {
    var forms = Array.prototype.filter.call(document.forms, function (form) {
      return (form.getAttribute("action") || "") === field.action;
    });
    return forms.length === 1 ? forms[0] : document.forms[field.form];
  }
  function putBack(field) {
    var form = formFor(field);
    if (!form) { return; }
    var named = Array.prototype.filter.call(form.elements, function (element) {
      return element.name === field.name && keepable(element);
    });
    if (named.length && named[0].type === "radio") {
      if (named.some(function (radio) { return radio.checked; })) { return; }
      named.forEach(function (radio) {
        if (radio.value === field.value) { radio.checked = true; radio.dispatchEvent(new Event("change", { bubbles: true })); }
      });
      return;
    }
    var empty = named.filter(function (element) { return !element.value; })[0];
    if (!empty) { return; }
    empty.value = field.value;
    empty.dispatchEvent(new Event("input", { bubbles: true }));
    empty.dispatchEvent(new Event("change", { bubbles: true }));
  }
  function tellWordsAreBack(panel, reason) {
    var main = document.getElementById("main");
    if (!main || main.querySelector(".session-back")) { return; }
    var notice = document.createElement("div");
    notice.className = "notice notice-info session-back";
    var words = document.createElement("p");
    var hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = "Note: ";
    words.appendChild(hidden);
    words.appendChild(document.createTextNode(panel.getAttribute(reason === "time limit" ? "data-back-limit" : "data-back-idle")));
    notice.appendChild(words);
    var heading = main.querySelector("h1");
    if (heading) { heading.parentNode.insertBefore(notice, heading.nextSibling); } else { main.insertBefore(notice, main.firstChild); }
  }
  function bringBackForms() {
    var panel = sessionBand();
    var user = panel && panel.getAttribute("data-user");
    if (!user || !window.sessionStorage) { return; } // nobody signed in yet: leave it be
    var mine = STASH + user + ":";
    try {
      // Words kept for someone else (or long ago) go, unseen: never shown to this person.
      for (var i = window.sessionStorage.length - 1; i >= 0; i--) {
        var key = window.sessionStorage.key(i);
        if (key && key.indexOf(STASH) === 0 && key.indexOf(mine) !== 0) { window.sessionStorage.removeItem(key); }
      }
      var here = mine + window.location.pathname + window.location.search;
      var raw = window.sessionStorage.getItem(here);
      if (!raw) { return; }
      window.sessionStorage.removeItem(here);
      var kept = JSON.parse(raw);
      if (!kept || kept.user !== user || Date.now() - kept.at > STASH_KEEPS_MS) { return; }
      kept.fields.forEach(putBack);
      tellWordsAreBack(panel, kept.reason);
    } catch (error) { /* storage off: nothing kept, nothing to bring back */ }
  }

  // Wide tables: when a table is wider than the screen, it says so in words, keeps its first
  // column in view (app.css), and takes the keyboard's focus so the arrow keys scroll it.
  // Its name is its caption (or the heading before it).
  var tableNumber = 0;
  function markWideTables() {
    document.querySelectorAll("table.table").forEach(function (table) {
      if (table.closest("[hidden]")) { return; }
      var wide = table.scrollWidth > table.clientWidth + 1;
      var hint = table.previousElementSibling;
      var hasHint = hint && hint.classList.contains("table-scroll-hint");
      table.classList.toggle("table-scrolls", wide);
      if (wide) {
        if (!table.id) { tableNumber += 1; table.id = "wide-table-" + tableNumber; }
        if (!hasHint) {
          hint = document.createElement("p");
          hint.className = "table-scroll-hint";
          hint.id = table.id + "-hint";
          hint.textContent = "This table is wider than the screen: scroll it sideways to see every column.";
          table.parentNode.insertBefore(hint, table);
        }
        table.setAttribute("aria-describedby", hint.id);
        if (!table.hasAttribute("tabindex")) { table.setAttribute("tabindex", "0"); table.setAttribute("data-made-focusable", ""); }
        if (!table.querySelector("caption") && !table.hasAttribute("aria-label")) {
          var heading = table.previousElementSibling;
          while (heading && !/^H[1-6]$/.test(heading.tagName)) { heading = heading.previousElementSibling; }
          table.setAttribute("aria-label", heading ? heading.textContent.trim() : "Table");
        }
      } else {
        if (hasHint) { hint.remove(); table.removeAttribute("aria-describedby"); }
        if (table.hasAttribute("data-made-focusable")) { table.removeAttribute("tabindex"); table.removeAttribute("data-made-focusable"); }
      }
    });
  }
  var resizeTimer = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(markWideTables, 150);
  });

  // Print buttons, shown only with JavaScript (without it, the browser's own print works).
  function showPrintButtons() {
    document.querySelectorAll("[data-print]").forEach(function (button) { button.hidden = false; });
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) { window.print(); }
  });

  // Only the scripts a page needs (app/page_scripts.py): the page lists them as preload
  // links (htmx drops script tags from a boosted page), and each one this tab has not run
  // yet runs here, in order, on a whole page load and after a boosted link alike.
  var scriptsRun = {};
  function loadPageScripts() {
    document.querySelectorAll("link[data-page-script]").forEach(function (link) {
      var src = link.getAttribute("href");
      if (scriptsRun[src]) { return; }
      scriptsRun[src] = true;
      var script = document.createElement("script");
      script.src = src;
      script.async = false; // a library before the script that uses it
      document.head.appendChild(script);
    });
  }

  function ready() {
    setUpTerms();
    markWideTables();
    focusErrorSummary();
    showReadAloudButtons();
    showPrintButtons();
    startSessionClock();
    bringBackForms();
  }
  document.addEventListener("DOMContentLoaded", function () {
    ready();
    loadPageScripts();
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    loadPageScripts();
    if (event.detail.boosted || event.target === document.body) { ready(); }
    else {
      setUpTerms();
      markWideTables();
      focusErrorSummary(event.target);
      showReadAloudButtons();
      showPrintButtons();
    }
  });
})();
