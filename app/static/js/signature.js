// Consent: a signature drawn with a finger or the mouse, with signature_pad (vendored).
// The box shows when "Signed on the screen" is chosen; each stroke puts the drawing, as a
// PNG data URL, in the form's hidden "signature" field. Without this file the box stays
// hidden and the server refuses that choice in plain words.
(function () {
  "use strict";

  function setUp(box) {
    var form = box.closest("form");
    var value = form && form.querySelector("input[name=signature]");
    var canSign = form && form.querySelector("input[name=can_sign]");
    var canvas = box.querySelector("canvas");
    var clear = box.querySelector("[data-signature-clear]");
    var kept = box.querySelector("[data-signature-kept]");
    if (!window.SignaturePad || !value || !canvas) { return; }
    canSign.value = "yes";
    var pad = new window.SignaturePad(canvas, { minWidth: 1, maxWidth: 3, penColor: "#000" });

    // The canvas draws at the screen's own sharpness; changing its size clears it, so the
    // strokes are put back.
    function fit() {
      var ratio = Math.min(Math.max(window.devicePixelRatio || 1, 1), 2);
      var strokes = pad.toData();
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext("2d").scale(ratio, ratio);
      pad.clear();
      if (strokes.length) { pad.fromData(strokes); }
    }

    function show() {
      var chosen = form.querySelector("input[name=how_given]:checked");
      box.hidden = !(chosen && chosen.value === "signed_screen");
      if (!box.hidden) { fit(); }
    }

    pad.addEventListener("endStroke", function () {
      value.value = pad.toDataURL("image/png");
      if (kept) { kept.hidden = true; }
    });
    clear.addEventListener("click", function () {
      pad.clear();
      value.value = "";
      if (kept) { kept.hidden = true; }
    });
    form.addEventListener("change", function (event) {
      if (event.target.name === "how_given") { show(); }
    });
    window.addEventListener("resize", function () {
      if (box.isConnected && !box.hidden) { fit(); }
    });
    if (kept && value.value) { kept.hidden = false; }
    show();
  }

  function ready() {
    document.querySelectorAll("[data-signature]").forEach(function (box) {
      if (!box.getAttribute("data-ready")) {
        box.setAttribute("data-ready", "1");
        setUp(box);
      }
    });
  }
  // app.js runs this file once the page is read (app/page_scripts.py): start now.
  ready();
  document.addEventListener("htmx:afterSettle", ready);
})();
