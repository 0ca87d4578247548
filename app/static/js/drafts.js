// Peerdesk drafts: keeps what a person types on the server as they type (issue 12).
// Every form still saves normally without this file.
//
// A form keeps a draft when it holds <input name="draft_key"> (macros/drafts.html). Its
// fields are sent to /drafts/save 3 seconds after the last key, and at once when the page is
// hidden or left. When the page brings a kept draft back (data-draft-kept), the words are
// put back in the form and the banner is shown. Sending the form itself removes the draft
// on the server, so nothing is sent once the form is on its way.
(function () {
  "use strict";

  var WAIT_MS = 3000;
  var SAVE_URL = "/drafts/save";
  // Fields the page holds for itself, never part of what a person typed.
  var NOT_TYPED = { csrf_token: 1, form_key: 1, draft_key: 1 };
  // The version a form was filled from (app/locking.py) is kept with the words: a draft
  // finished after someone else saved the record then shows what they changed.
  var KEPT_HIDDEN = { version: 1 };
  var SKIPPED_TYPES = { hidden: 1, submit: 1, button: 1, reset: 1, image: 1, file: 1, password: 1 };
  var states = [];

  function csrfToken(form) {
    var field = form.querySelector("input[name=csrf_token]");
    if (field) { return field.value; }
    var meta = document.querySelector("meta[name=csrf-token]");
    return meta ? meta.getAttribute("content") : "";
  }

  function typedFields(form) {
    var fields = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      var name = el.name;
      if (!name || NOT_TYPED[name] || el.disabled) { return; }
      if (SKIPPED_TYPES[el.type] && !(el.type === "hidden" && KEPT_HIDDEN[name])) { return; }
      if (el.type === "checkbox") {
        fields[name] = fields[name] || [];
        if (el.checked) { fields[name].push(el.value); }
      } else if (el.type === "radio") {
        if (el.checked) { fields[name] = el.value; }
      } else if (el.tagName === "SELECT" && el.multiple) {
        fields[name] = Array.prototype.filter.call(el.options, function (o) { return o.selected; })
          .map(function (o) { return o.value; });
      } else {
        fields[name] = el.value;
      }
    });
    return fields;
  }

  function fill(form, fields) {
    Object.keys(fields).forEach(function (name) {
      if (NOT_TYPED[name]) { return; }
      var value = fields[name];
      var list = Array.isArray(value) ? value.map(String) : [String(value)];
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name !== name) { return; }
        if (SKIPPED_TYPES[el.type] && !(el.type === "hidden" && KEPT_HIDDEN[name])) { return; }
        if (el.type === "checkbox" || el.type === "radio") {
          el.checked = list.indexOf(el.value) !== -1;
        } else if (el.tagName === "SELECT" && el.multiple) {
          Array.prototype.forEach.call(el.options, function (o) { o.selected = list.indexOf(o.value) !== -1; });
        } else {
          el.value = list[0];
        }
        // Other scripts (the word check on notes) see the words as if typed.
        el.dispatchEvent(new Event("input", { bubbles: true }));
      });
    });
  }

  function clockTime(date) {
    var hours = date.getHours();
    var minutes = String(date.getMinutes()).padStart(2, "0");
    return (hours % 12 || 12) + ":" + minutes + (hours < 12 ? "am" : "pm");
  }

  function say(state, words) {
    var line = state.form.querySelector("[data-draft-status]");
    if (!line) { return; }
    line.textContent = words;
    line.hidden = false;
  }

  function body(state) {
    var data = new URLSearchParams();
    data.append("csrf_token", csrfToken(state.form));
    data.append("key", state.key);
    data.append("path", state.path);
    data.append("fields", JSON.stringify(typedFields(state.form)));
    return data;
  }

  // Send one form's draft now; a Promise that settles when the server has answered.
  function send(state) {
    clearTimeout(state.timer);
    state.timer = null;
    if (!state.dirty || state.sent || state.refused) { return Promise.resolve(); }
    state.dirty = false;
    return fetch(SAVE_URL, {
      method: "POST",
      body: body(state),
      credentials: "same-origin",
      keepalive: true,
      headers: { "X-CSRFToken": csrfToken(state.form) }
    }).then(function (response) {
      if (response.status === 204) {
        say(state, "Draft kept at " + clockTime(new Date()) + ".");
      } else if (response.status === 400) {
        say(state, "This is too long to keep as a draft. Save the form to keep your words.");
      } else if (response.status === 404) {
        state.refused = true; // this form keeps no draft for this person: stop asking
      } else {
        state.dirty = true; // try again with the next key
      }
    }).catch(function () {
      state.dirty = true;
    });
  }

  // The page is going away: a beacon is sent even as the page closes.
  function sendBeacon(state) {
    clearTimeout(state.timer);
    state.timer = null;
    if (!state.dirty || state.sent || state.refused || !navigator.sendBeacon) { return; }
    if (navigator.sendBeacon(SAVE_URL, body(state))) { state.dirty = false; }
  }

  function typed(state) {
    if (state.filling || state.sent) { return; }
    state.dirty = true;
    clearTimeout(state.timer);
    state.timer = setTimeout(function () { send(state); }, WAIT_MS);
  }

  function throwAway(state, banner) {
    var url = banner.getAttribute("data-draft-discard-url");
    clearTimeout(state.timer);
    state.dirty = false;
    fetch(url, {
      method: "POST",
      body: new URLSearchParams({ csrf_token: csrfToken(state.form) }),
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(state.form), "X-Draft-Quiet": "1" }
    }).then(function (response) {
      if (!response.ok) { return; }
      state.filling = true;
      state.form.reset(); // back to what the page first held
      // A hidden field's default is its value, so reset() cannot bring the version back.
      Object.keys(state.hiddenAtFirst).forEach(function (name) {
        var field = state.form.querySelector("input[type=hidden][name=" + name + "]");
        if (field) { field.value = state.hiddenAtFirst[name]; }
      });
      state.form.querySelectorAll("textarea").forEach(function (box) {
        box.dispatchEvent(new Event("input", { bubbles: true })); // the word check looks again
      });
      state.filling = false;
      banner.hidden = true;
      say(state, "The draft is thrown away.");
      var first = state.form.querySelector("textarea, input:not([type=hidden]), select");
      if (first) { first.focus(); }
    });
  }

  function restore(state) {
    var banner = state.form.querySelector("[data-draft-kept]");
    if (!banner) { return; }
    Object.keys(KEPT_HIDDEN).forEach(function (name) {
      var field = state.form.querySelector("input[type=hidden][name=" + name + "]");
      if (field) { state.hiddenAtFirst[name] = field.value; }
    });
    try {
      state.filling = true;
      fill(state.form, JSON.parse(banner.getAttribute("data-draft-fields") || "{}"));
    } catch (error) {
      return;
    } finally {
      state.filling = false;
    }
    banner.classList.remove("draft-waiting");
    var button = banner.querySelector("[data-draft-discard]");
    if (button) {
      button.addEventListener("click", function () { throwAway(state, banner); });
    }
  }

  function watch(form) {
    if (form.hasAttribute("data-draft-watched")) { return; }
    form.setAttribute("data-draft-watched", "");
    var state = {
      form: form,
      key: form.querySelector("input[name=draft_key]").value,
      path: window.location.pathname + window.location.search,
      timer: null,
      dirty: false,
      sent: false,
      refused: false,
      filling: false,
      hiddenAtFirst: {}
    };
    states = states.filter(function (s) { return s.form.isConnected || s.dirty; });
    states.push(state);
    restore(state);
    form.addEventListener("input", function () { typed(state); });
    form.addEventListener("change", function () { typed(state); });
    // The form is sent: the server removes its draft, so no late save may bring it back.
    form.addEventListener("submit", function () {
      clearTimeout(state.timer);
      state.sent = true;
    });
  }

  function scan(root) {
    (root || document).querySelectorAll("form").forEach(function (form) {
      if (form.querySelector("input[name=draft_key]")) { watch(form); }
    });
  }

  function saveAll() {
    return Promise.all(states.map(send)).then(function () { return undefined; });
  }

  // app.js runs this file once the page is read (app/page_scripts.py): start now.
  scan(document);
  document.addEventListener("htmx:afterSettle", function () { scan(document); });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") { states.forEach(sendBeacon); }
  });
  window.addEventListener("pagehide", function () { states.forEach(sendBeacon); });

  // Other scripts (the idle sign-out in app.js) call window.PeerdeskDrafts.saveAll()
  // before the page leaves; it returns a Promise that settles when every draft is sent.
  window.PeerdeskDrafts = { saveAll: saveAll };
})();
