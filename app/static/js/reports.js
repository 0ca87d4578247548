// Reports: a Print button where a page is meant for paper. Without JavaScript the button
// stays hidden, and the browser's own print choice still works.
(function () {
  "use strict";
  function showPrintButtons() {
    document.querySelectorAll("[data-print-report]").forEach(function (button) { button.hidden = false; });
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print-report]")) { window.print(); }
  });
  document.addEventListener("DOMContentLoaded", showPrintButtons);
  document.addEventListener("htmx:afterSettle", showPrintButtons);
})();
