// Peerdesk front desk: taps that wait in line and are never dropped (issue 12).
//
// On the day screen each tap (add one, take one off, Undo, a daily task) goes into a line
// kept in this screen's localStorage, with its own key and the moment it was tapped, and the
// line is sent one tap at a time. A tap that cannot be sent (no network, the server starting
// again) waits, survives a reload of the page, and is sent when the server answers again.
// The numbers on the buttons include the taps still waiting, so a tap shows at once.
// Only the second click of a mouse double-click on one button is left out: it is one tap.
// Without this file every button is a small form that works on its own.
(function () {
  "use strict";

  var STORE = "peerdesk.frontdesk.waiting";
  var RETRY_MS = 3000;
  var DOUBLE_CLICK_MS = 500;
  var TRY_AGAIN = [0, 408, 429, 502, 503, 504]; // not sent, or not taken in: keep the tap

  var line = load();
  var sending = false;
  var stalled = line.length > 0; // the last try failed (or taps waited from before a reload)
  var signedOut = false;
  var retryTimer = null;
  var lastTap = {}; // button id -> when it last made a tap
  var lastAnswer = 0; // when a tap's answer was last shown
  var refreshAskedAt = 0; // when the running totals refresh was asked for

  function board() { return document.querySelector("[data-tally-board]"); }

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORE) || "[]");
      return Array.isArray(saved) ? saved : [];
    } catch (e) { return line || []; } // no storage (private window): the line in this page
  }
  function save() {
    try { window.localStorage.setItem(STORE, JSON.stringify(line)); }
    catch (e) { /* no storage (private window): the line lives in this page only */ }
  }

  function newKey() {
    var c = window.crypto;
    if (c && c.randomUUID) { return c.randomUUID(); } // only on https or this computer
    var bytes = new Uint8Array(16);
    if (c && c.getRandomValues) { c.getRandomValues(bytes); }
    else { for (var i = 0; i < 16; i++) { bytes[i] = Math.floor(Math.random() * 256); } }
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  // --- taking a tap ---------------------------------------------------------------------

  // Before htmx and before the form is sent: the tap goes into the line instead.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-tap]") : null;
    if (!button || !button.form || !board()) { return; }
    event.preventDefault();
    event.stopPropagation();
    var now = Date.now();
    var mouse = !event.pointerType || event.pointerType === "mouse";
    if (event.detail >= 2 && mouse && now - (lastTap[button.id] || 0) < DOUBLE_CLICK_MS) {
      return; // the second click of a double-click: one tap, not two
    }
    lastTap[button.id] = now;
    take(button, now);
  }, true);

  function take(button, now) {
    var form = button.form;
    var field = function (name) { return form.elements.namedItem(name); }; // not .item: a method
    var tap = { id: newKey(), url: form.getAttribute("action"), fields: {} };
    if (field("item")) {
      tap.fields = {
        item: field("item").value,
        change: field("change").value,
        key: tap.id, // a retry of this tap counts once
        tapped_at: new Date(now).toISOString() // filed under the moment it was tapped
      };
    } else if (button.name === "event") {
      tap.fields = { event: button.value }; // Undo: undoing twice changes nothing
    } else if (field("ticked")) {
      // A task: the opposite of what the button shows now (taps still waiting included).
      tap.task = button.id;
      tap.fields = { ticked: button.getAttribute("aria-pressed") === "true" ? "0" : "1" };
    } else {
      return;
    }
    line.push(tap);
    save();
    show();
    send();
  }

  // --- sending, one at a time -----------------------------------------------------------

  function send() {
    if (sending || !line.length) { return; }
    clearTimeout(retryTimer);
    retryTimer = null;
    var tap = line[0];
    var meta = document.querySelector('meta[name="csrf-token"]');
    var token = meta ? meta.content : "";
    var body = new URLSearchParams(tap.fields);
    body.set("csrf_token", token);
    sending = true;
    fetch(tap.url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      redirect: "manual", // a redirect here means "sign in again": keep the tap
      headers: { "X-CSRFToken": token, "HX-Request": "true", "HX-Current-URL": window.location.href }
    }).then(function (response) {
      if (response.type === "opaqueredirect") { return { status: 0, text: "", away: true }; }
      return response.text().then(function (text) {
        return { status: response.status, text: text };
      }, function () { return { status: 0, text: "" }; });
    }, function () {
      return { status: 0, text: "" }; // no network
    }).then(function (answer) {
      sending = false;
      if (TRY_AGAIN.indexOf(answer.status) !== -1) {
        stalled = true;
        signedOut = !!answer.away;
        show();
        retryTimer = setTimeout(send, RETRY_MS);
        return;
      }
      stalled = false;
      signedOut = false;
      forget(tap);
      // The server heard from this person: say so (the idle clock may listen for it).
      document.dispatchEvent(new CustomEvent("peerdesk:tap-answered", { detail: { status: answer.status } }));
      if (answer.status < 300) { apply(answer.text); }
      else { say(answer.text || "That tap was not counted. Try again.", true); }
      show();
      send();
    });
  }

  function forget(tap) {
    line = line.filter(function (t) { return t.id !== tap.id; });
    save();
  }

  // The answer: today's numbers, the recent taps and the message, as out-of-band parts.
  function apply(html) {
    lastAnswer = Date.now();
    if (!board()) { return; }
    if (window.htmx && html) { window.htmx.swap(document.body, html, { swapStyle: "none" }); }
    checkTheDay();
  }

  function say(words, refused) {
    var message = document.getElementById("tally-message");
    if (message) {
      message.className = "tally-message" + (refused ? " tally-message-refused" : "");
      message.textContent = words;
    }
    var status = document.getElementById("status");
    if (status) { status.textContent = words; }
  }

  // --- what the screen shows ------------------------------------------------------------

  function waitingFor(itemId) {
    var n = 0;
    line.forEach(function (tap) {
      if (tap.fields.item === itemId) { n += tap.fields.change === "off" ? -1 : 1; }
    });
    return n;
  }

  function show() {
    var root = board();
    if (!root) { return; }
    root.setAttribute("data-waiting", String(line.length)); // for tests: 0 when all are sent
    // A number just drawn by the server is the saved total; add the taps still waiting.
    document.querySelectorAll(".tally-count").forEach(function (count) {
      if (!count.hasAttribute("data-saved")) { count.setAttribute("data-saved", count.textContent.trim()); }
      var saved = parseInt(count.getAttribute("data-saved"), 10) || 0;
      var shown = String(Math.max(0, saved + waitingFor(count.id.replace("count-", ""))));
      if (count.textContent !== shown) { count.textContent = shown; }
    });
    var ticks = {};
    line.forEach(function (tap) { if (tap.task) { ticks[tap.task] = tap.fields.ticked === "1"; } });
    Object.keys(ticks).forEach(function (id) {
      var button = document.getElementById(id);
      if (!button) { return; }
      button.setAttribute("aria-pressed", ticks[id] ? "true" : "false");
      var picture = button.querySelector("img");
      if (picture) { picture.src = picture.src.replace(/(tick-box|box)\.svg/, ticks[id] ? "tick-box.svg" : "box.svg"); }
    });
    var waiting = document.getElementById("tally-waiting");
    if (waiting) {
      var n = line.length;
      var words = "";
      if (n && stalled) {
        words = (n === 1 ? "1 tap" : n + " taps") + " waiting to send. " +
          (signedOut ? "Sign in again to send them." : "They will be sent when the connection is back.");
      }
      if (waiting.textContent !== words) { waiting.textContent = words; }
    }
  }

  // A screen left open overnight: the first refresh of a new day draws the new day.
  function checkTheDay() {
    var root = board();
    var date = document.getElementById("day-date");
    if (root && date && date.getAttribute("data-day") && date.getAttribute("data-day") !== root.getAttribute("data-day")) {
      window.location.reload();
    }
  }

  // --- the totals every few seconds (htmx polls #tally-refresh) -------------------------

  function isRefresh(event) { return event.detail && event.detail.elt && event.detail.elt.id === "tally-refresh"; }

  document.addEventListener("htmx:beforeRequest", function (event) {
    if (!isRefresh(event)) { return; }
    // Not while hidden, nor while this screen's own taps are on their way.
    if (document.hidden || sending || line.length) { event.preventDefault(); return; }
    refreshAskedAt = Date.now();
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (!isRefresh(event)) { return; }
    var old = refreshAskedAt < lastAnswer || sending || line.length;
    var xhr = event.detail.xhr;
    var elsewhere = xhr.responseURL && xhr.responseURL.indexOf("/frontdesk/totals") === -1;
    if (xhr.status !== 200 || old || elsewhere) { // elsewhere: sent to sign in
      event.detail.shouldSwap = false; // a failed or out-of-date refresh changes nothing
      event.detail.isError = false;
    }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    if (isRefresh(event)) { show(); checkTheDay(); }
  });
  document.addEventListener("visibilitychange", function () {
    if (document.hidden) { return; }
    var refresh = document.getElementById("tally-refresh");
    if (refresh && window.htmx) { window.htmx.trigger(refresh, "refresh-now"); }
    send();
  });

  window.addEventListener("online", send);
  window.addEventListener("storage", function (event) {
    if (event.key === STORE) { line = load(); show(); }
  });

  // A page just loaded (or a boosted link drew a new one): taps may wait from before.
  function ready() {
    line = load();
    if (line.length && !sending) { stalled = true; }
    show();
    send();
  }
  // app.js runs this file once the page is read (app/page_scripts.py): start now.
  ready();
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.detail.boosted) { ready(); } else { show(); } // any other swap: the numbers again
  });
})();
