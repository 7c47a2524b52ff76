// Tag entry for list fields (progressive enhancement; CSP-safe, no inline script).
//
// The plain text field ("a; b; c") stays the form's source of truth and keeps
// working without JavaScript. With JavaScript, each `input.js-tags` is shown as
// chips plus a small entry box: Enter, ";" or "," adds a tag, Backspace on an
// empty box removes the last one, and the event's existing tags (data-tags,
// JSON) are offered as suggestions matching what is being typed. Goals
// (data-goals) are phrases that may hold commas ("startups in energy, water and
// food"): there only Enter and ";" add one, and the server decides where a
// comma parts two goals, as it does for an import.
(function () {
  "use strict";

  var MAX_SUGGESTIONS = 8;

  function split(text, goals) {
    var sep = goals || text.indexOf(";") >= 0 || text.indexOf("\n") >= 0 ? /[;\n]/ : /,/;
    var seen = {};
    return text.split(sep).map(function (s) {
      return s.replace(/\s+/g, " ").trim();
    }).filter(function (s) {
      var key = s.toLowerCase();
      if (!s || seen[key]) { return false; }
      seen[key] = true;
      return true;
    });
  }

  function enhance(source) {
    var goals = source.hasAttribute("data-goals");
    var suggestions = [];
    try {
      suggestions = JSON.parse(source.getAttribute("data-tags") || "[]");
    } catch (e) {
      suggestions = [];
    }
    var label = document.querySelector('label[for="' + source.id + '"]');
    var box = document.createElement("div");
    box.className = "tags";
    var list = document.createElement("ul");
    list.className = "chips";
    list.setAttribute("aria-label", (label ? label.textContent : "Tags") + ": added");
    var entry = document.createElement("input");
    entry.type = "text";
    entry.id = source.id + "-entry";
    entry.setAttribute("autocomplete", "off");
    entry.setAttribute("enterkeyhint", "enter");
    entry.setAttribute("placeholder", "Type and press Enter");
    if (source.getAttribute("aria-describedby")) {
      entry.setAttribute("aria-describedby", source.getAttribute("aria-describedby"));
    }
    if (source.getAttribute("aria-invalid")) {
      entry.setAttribute("aria-invalid", source.getAttribute("aria-invalid"));
    }
    var offer = document.createElement("div");
    offer.className = "tags__suggestions";
    offer.setAttribute("aria-label", "Suggestions");
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");

    box.appendChild(list);
    box.appendChild(entry);
    box.appendChild(offer);
    box.appendChild(status);
    source.insertAdjacentElement("afterend", box);
    source.hidden = true;
    source.tabIndex = -1;
    if (label) { label.setAttribute("for", entry.id); }
    // Links from the error summary lead to the visible entry box.
    document.querySelectorAll('a[href="#' + source.id + '"]').forEach(function (link) {
      link.setAttribute("href", "#" + entry.id);
    });

    var tags = split(source.value, goals);

    function sync() {
      source.value = tags.join("; ");
    }

    function has(tag) {
      var key = tag.toLowerCase();
      return tags.some(function (t) { return t.toLowerCase() === key; });
    }

    function render() {
      list.textContent = "";
      tags.forEach(function (tag, index) {
        var chip = document.createElement("li");
        chip.className = "chip";
        chip.appendChild(document.createTextNode(tag));
        var remove = document.createElement("button");
        remove.type = "button";
        remove.textContent = "×";
        remove.setAttribute("aria-label", "Remove " + tag);
        remove.addEventListener("click", function () {
          tags.splice(index, 1);
          sync();
          render();
          status.textContent = tag + " removed";
          entry.focus();
        });
        chip.appendChild(remove);
        list.appendChild(chip);
      });
      renderSuggestions();
    }

    function renderSuggestions() {
      offer.textContent = "";
      var typed = entry.value.trim().toLowerCase();
      var shown = 0;
      suggestions.forEach(function (tag) {
        if (shown >= MAX_SUGGESTIONS || has(tag)) { return; }
        if (typed && tag.toLowerCase().indexOf(typed) < 0) { return; }
        if (!typed && document.activeElement !== entry && !box.contains(document.activeElement)) {
          return;
        }
        var button = document.createElement("button");
        button.type = "button";
        button.className = "tags__suggestion";
        button.textContent = "+ " + tag;
        button.setAttribute("aria-label", "Add " + tag);
        button.addEventListener("click", function () {
          add(tag);
          entry.value = "";
          renderSuggestions();
          entry.focus();
        });
        offer.appendChild(button);
        shown += 1;
      });
    }

    function add(text) {
      split(text, goals).forEach(function (tag) {
        if (!has(tag)) {
          tags.push(tag);
          status.textContent = tag + " added";
        }
      });
      sync();
      render();
    }

    entry.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === ";" || (event.key === "," && !goals)) {
        if (entry.value.trim()) {
          event.preventDefault();
          add(entry.value);
          entry.value = "";
          renderSuggestions();
        } else if (event.key !== "Enter") {
          event.preventDefault();
        }
      } else if (event.key === "Backspace" && !entry.value && tags.length) {
        var removed = tags.pop();
        sync();
        render();
        status.textContent = removed + " removed";
      }
    });
    entry.addEventListener("input", function () {
      // Pasted "a; b; c" becomes tags at once.
      if (/[;\n]/.test(entry.value)) {
        add(entry.value);
        entry.value = "";
      }
      renderSuggestions();
    });
    entry.addEventListener("focus", renderSuggestions);
    entry.addEventListener("blur", function () {
      // Whatever is left in the box still counts when the form is sent.
      window.setTimeout(function () {
        if (!box.contains(document.activeElement)) {
          if (entry.value.trim()) {
            add(entry.value);
            entry.value = "";
          }
          renderSuggestions();
        }
      }, 150);
    });
    var form = source.form;
    if (form) {
      form.addEventListener("submit", function () {
        if (entry.value.trim()) {
          add(entry.value);
          entry.value = "";
        }
      });
    }
    render();
  }

  document.querySelectorAll("input.js-tags").forEach(enhance);
})();
