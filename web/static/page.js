// Small enhancements of attendee pages (no inline script: strict CSP).
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();

// "Copy link" buttons: data-copy names the element whose link or text to copy.
(function () {
  "use strict";
  if (!navigator.clipboard) { return; }
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var target = document.querySelector(button.getAttribute("data-copy"));
    if (!target) { return; }
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(target.href || target.textContent.trim()).then(function () {
        button.textContent = "Copied";
        window.setTimeout(function () { button.textContent = label; }, 2000);
      }, function () {
        button.textContent = "Select the link and copy it";
      });
    });
  });
})();

// A form that came back with errors: move focus to the summary so screen readers
// announce it and keyboard users start from the list of fields to fix.
(function () {
  "use strict";
  var summary = document.getElementById("form-errors");
  if (summary) {
    summary.focus();
  }
})();

// Forms that take a few seconds (sign-up finds your people): one submission only,
// and the button says what is happening. Coming back with the browser's back
// button shows the form ready again.
(function () {
  "use strict";
  document.querySelectorAll("form[data-busy-form]").forEach(function (form) {
    var button = form.querySelector("[data-busy-label]");
    var note = form.querySelector(".busy-note");
    if (!button) { return; }
    var label = button.textContent;
    var sending = false;
    form.addEventListener("submit", function (event) {
      if (sending) {
        event.preventDefault();
        return;
      }
      sending = true;
      button.disabled = true;
      button.setAttribute("aria-busy", "true");
      button.textContent = button.getAttribute("data-busy-label");
      if (note) { note.hidden = false; }
    });
    window.addEventListener("pageshow", function () {
      sending = false;
      button.disabled = false;
      button.removeAttribute("aria-busy");
      button.textContent = label;
      if (note) { note.hidden = true; }
    });
  });
})();

// While suggestions are being found (meta cg-refresh), reload every few seconds, but
// never over a navigation the person started (a link, a typed address, back).
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="cg-refresh"]');
  if (!meta) { return; }
  var timer = window.setTimeout(function () {
    window.location.reload();
  }, 1000 * (Number(meta.getAttribute("content")) || 3));
  function stop() { window.clearTimeout(timer); }
  window.addEventListener("beforeunload", stop);
  window.addEventListener("pagehide", stop);
})();
