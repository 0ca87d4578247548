// Runs before the page is drawn (a plain script in <head>, not deferred): it marks the page
// as one where JavaScript runs, so app.css draws what app.js will show or fold away in its
// final place from the start, and nothing on the page moves when app.js runs (a "What it
// means" word folding its meaning away, the Read aloud button appearing).
document.documentElement.classList.add("js");
