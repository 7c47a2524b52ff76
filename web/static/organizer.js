// Organizer console: follow a matching run's progress without reloading the page.
(function () {
  "use strict";

  var card = document.querySelector("[data-run-status-url]");
  if (!card) {
    return;
  }
  var url = card.getAttribute("data-run-status-url");
  var bar = card.querySelector(".run-progress");
  var label = card.querySelector(".run-label");
  var button = card.querySelector("[data-run-button]");
  var wasRunning = card.getAttribute("data-run-status") === "running";
  var delay = 1000;

  function show(run) {
    card.setAttribute("data-run-status", run.status);
    label.textContent = run.label;
    if (run.status === "running") {
      bar.hidden = false;
      bar.value = run.progress;
      button.disabled = true;
    } else {
      bar.hidden = true;
      button.disabled = false;
    }
  }

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.json();
      })
      .then(function (body) {
        show(body.run);
        delay = 1000;
        if (body.run.status === "running") {
          window.setTimeout(poll, delay);
        } else if (wasRunning) {
          // Finished while we watched: reload once so the numbers below are fresh.
          window.location.reload();
        }
      })
      .catch(function () {
        // A hiccup (server restarting, network): try again, less often.
        delay = Math.min(delay * 2, 15000);
        window.setTimeout(poll, delay);
      });
  }

  if (wasRunning) {
    poll();
  }
})();

// Creating an event: the short name for links follows the event name ("Climate Summit
// 2026" -> "climate-summit-2026") until the organizer types one of their own.
(function () {
  "use strict";

  var name = document.querySelector("[data-slug-source]");
  var slug = document.querySelector("[data-slug-target]");
  if (!name || !slug) {
    return;
  }
  var typed = slug.value !== "";

  function shortName(text) {
    return text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/&/g, " and ")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 64)
      .replace(/-+$/g, "");
  }

  name.addEventListener("input", function () {
    if (!typed) {
      slug.value = shortName(name.value);
    }
  });
  slug.addEventListener("input", function () {
    typed = slug.value !== "";
  });
})();
