// Peerdesk: small helpers on top of htmx. Every page works without this file.
(function () {
  "use strict";

  // CSRF: htmx requests carry the token from the page's <meta>.
  document.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) { event.detail.headers["X-CSRFToken"] = meta.content; }
  });

  // Read aloud with the browser's own voice (en-AU, else en-GB, else any English voice).
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
      button.hidden = !voice;
    });
  }
  function speak(button) {
    var target = document.getElementById(button.getAttribute("data-read-aloud"));
    var voice = pickVoice();
    if (!target || !voice) { return; }
    if (speech.speaking) { speech.cancel(); return; }
    var utterance = new SpeechSynthesisUtterance(target.innerText);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.95;
    speech.speak(utterance);
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-read-aloud]");
    if (button) { speak(button); }
  });
  if (speech) {
    speech.addEventListener("voiceschanged", showReadAloudButtons);
    window.addEventListener("pagehide", function () { speech.cancel(); });
    document.addEventListener("htmx:beforeHistorySave", function () { speech.cancel(); });
  }

  // Session warning: two minutes before the idle timeout, ask "Are you still there?".
  var warnTimer = null;
  var endTimer = null;
  function startSessionClock() {
    var panel = document.getElementById("session-warning");
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    if (!panel) { return; }
    var left = parseInt(panel.getAttribute("data-seconds-left"), 10);
    if (isNaN(left)) { return; }
    panel.hidden = true;
    warnTimer = setTimeout(function () {
      panel.hidden = false;
      var button = panel.querySelector("button");
      if (button) { button.focus(); }
    }, Math.max(0, left - 120) * 1000);
    // When the time is up, load the page again: the server sends the person to sign in.
    endTimer = setTimeout(function () { window.location.reload(); }, (left + 2) * 1000);
  }
  // Any request the server answered resets its idle clock, so reset ours too.
  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.successful) { renewSessionClock(); }
  });
  function renewSessionClock() {
    var panel = document.getElementById("session-warning");
    if (panel) {
      // The server reset the idle clock; the page's figure is the full idle time again.
      panel.setAttribute("data-seconds-left", panel.getAttribute("data-idle-seconds") || panel.getAttribute("data-seconds-left"));
    }
    startSessionClock();
  }

  // Print buttons, shown only with JavaScript (without it, the browser's own print works).
  function showPrintButtons() {
    document.querySelectorAll("[data-print]").forEach(function (button) { button.hidden = false; });
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) { window.print(); }
  });

  function ready() {
    showReadAloudButtons();
    showPrintButtons();
    startSessionClock();
  }
  document.addEventListener("DOMContentLoaded", ready);
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.detail.boosted || event.target === document.body) { ready(); }
    else { showReadAloudButtons(); showPrintButtons(); }
  });
})();
