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
