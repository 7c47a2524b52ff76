// Meeting times in the viewer's own time zone, next to the event's (no inline script:
// strict CSP). The server writes each time in the event's zone; when this device's
// zone shows a different clock time, "Your time: …" appears under it.
(function () {
  "use strict";
  if (!window.Intl || !Intl.DateTimeFormat) { return; }
  var here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  function parts(date, zone, withDay) {
    var options = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    if (withDay) { options.weekday = "short"; options.day = "numeric"; options.month = "short"; }
    if (zone) { options.timeZone = zone; }
    try {
      return new Intl.DateTimeFormat("en-GB", options).format(date);
    } catch (e) {
      return null;
    }
  }
  document.querySelectorAll("[data-local-start]").forEach(function (el) {
    var start = new Date(el.getAttribute("data-local-start"));
    var end = new Date(el.getAttribute("data-local-end"));
    var zone = el.getAttribute("data-event-zone");
    if (isNaN(start) || isNaN(end)) { return; }
    var mine = parts(start, null, true);
    var theirs = parts(start, zone, true);
    if (!mine || mine === theirs) { return; }  // same clock here: nothing to add
    el.textContent = "Your time: " + mine + "–" + parts(end, null, false) + (here ? " (" + here + ")" : "");
    el.hidden = false;
  });
})();
