// Runs before first paint so a remembered theme never flashes the other one.
(function () {
  try {
    var saved = localStorage.getItem("sitegen-theme");
    if (saved === "dark" || saved === "light") document.documentElement.setAttribute("data-theme", saved);
  } catch (e) { /* storage blocked: follow the system setting */ }
})();
