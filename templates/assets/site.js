// Navigation toggle on phones, the theme switch, the current week in the schedule, the catalog filter.
(function () {
  "use strict";
  var root = document.documentElement;

  var toggle = document.querySelector(".nav-toggle");
  var nav = document.getElementById("site-nav");
  if (toggle && nav) {
    toggle.addEventListener("click", function () {
      var open = nav.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  var themeButton = document.querySelector(".theme-toggle");
  if (themeButton) {
    themeButton.addEventListener("click", function () {
      var current = root.getAttribute("data-theme");
      if (!current) current = window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
      var next = current === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem("sitegen-theme", next); } catch (e) { /* not remembered */ }
    });
  }

  // The current week is decided in the browser, so the built files stay the same whatever day they are built.
  var rows = document.querySelectorAll("tr[data-date]");
  if (rows.length) {
    var now = new Date();
    var today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    var monday = new Date(today); monday.setDate(today.getDate() - ((today.getDay() + 6) % 7));
    var sunday = new Date(monday); sunday.setDate(monday.getDate() + 6);
    rows.forEach(function (row) {
      var parts = row.getAttribute("data-date").split("-");
      var d = new Date(+parts[0], +parts[1] - 1, +parts[2]);
      if (d >= monday && d <= sunday) row.classList.add("current-week");
    });
  }

  var filter = document.getElementById("catalog-filter");
  if (filter) {
    var papers = document.querySelectorAll(".catalog .paper");
    filter.addEventListener("input", function () {
      var q = filter.value.trim().toLowerCase();
      papers.forEach(function (p) { p.hidden = q.length > 0 && p.textContent.toLowerCase().indexOf(q) < 0; });
    });
  }
})();
