// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  function enableCopyButtons(root) {
    root.querySelectorAll("button[data-copy]").forEach(function (button) {
      var field = document.getElementById(button.getAttribute("data-copy"));
      if (!field || !navigator.clipboard || button.dataset.ready) return;
      var label = button.textContent;
      button.dataset.ready = "1";
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(field.value).then(function () {
          button.textContent = "Copied";
          setTimeout(function () { button.textContent = label; }, 2000);
        }, function () {
          field.select();
        });
      });
    });
  }

  // Keys typed into a field belong to the field.
  function isTyping(target) {
    if (!target || !target.closest) return false;
    return target.isContentEditable || !!target.closest("input, textarea, select, [contenteditable]");
  }

  function events() {
    return Array.prototype.slice.call(document.querySelectorAll("li.event"));
  }

  // j / k: move to the next / previous event, by focusing its title link.
  function step(direction) {
    var list = events();
    if (!list.length) return;
    var current = document.activeElement && document.activeElement.closest ? document.activeElement.closest("li.event") : null;
    var index = current ? list.indexOf(current) + direction : (direction > 0 ? 0 : list.length - 1);
    var target = list[Math.max(0, Math.min(list.length - 1, index))];
    var link = target.querySelector(".event-title a");
    if (link) {
      link.focus();
      target.scrollIntoView({ block: "nearest" });
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if (event.key === "/") {
      var search = document.getElementById("q");
      if (search) {
        event.preventDefault();
        search.focus();
        search.select();
      }
    } else if (event.key === "j" || event.key === "k") {
      event.preventDefault();
      step(event.key === "j" ? 1 : -1);
    }
  });

  // htmx does not cancel the browser's own navigation for links inside SVG; do it here.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("svg a[hx-get]");
    if (link && window.htmx && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) {
      event.preventDefault();
    }
  }, true);

  document.addEventListener("DOMContentLoaded", function () {
    enableCopyButtons(document);
    var focused = document.querySelector("li.event.focused .event-title a");
    if (focused && location.hash === "#" + focused.closest("li.event").id) focused.focus({ preventScroll: true });
  });
  document.addEventListener("htmx:afterSettle", function (event) { enableCopyButtons(event.target); });
})();
