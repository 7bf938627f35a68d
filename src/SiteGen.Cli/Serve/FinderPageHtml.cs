namespace SiteGen.Cli.Serve;

/// <summary>
/// The finder page: a form whose every change asks the search endpoint again (debounced), results built with
/// textContent (scraped text is never markup; only the server-escaped snippet carries &lt;mark&gt;), and a
/// "Copy as reading" button per result.
/// </summary>
internal static class FinderPageHtml
{
    public const string Page = """
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>Find readings (instructor preview)</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 1.25rem;color:#111}
h1{font-size:1.4rem;margin:.2rem 0 .8rem}
form{display:grid;grid-template-columns:1fr 1fr;gap:.5rem 1rem;margin-bottom:1rem}
form .wide{grid-column:1/-1}
label{display:flex;flex-direction:column;font-size:.85rem;color:#444;gap:.15rem}
label.check{flex-direction:row;align-items:center;gap:.4rem}
input,select{font:inherit;padding:.3rem .4rem}
#finder-status{color:#555;font-size:.9rem;margin:.4rem 0}
#finder-error{color:#b00020;font-family:ui-monospace,monospace;font-size:.85rem;white-space:pre-wrap}
.finder-result{border-top:1px solid #ddd;padding:.6rem 0}
.finder-result h2{font-size:1.05rem;margin:0}
.finder-meta,.finder-where{font-size:.85rem;color:#555}
.finder-snippet{margin:.25rem 0}
mark{background:#fde68a}
.finder-copy{font:inherit;font-size:.85rem}
#finder-copied{width:100%;min-height:6rem;font:12px/1.4 ui-monospace,monospace}
</style>
</head>
<body>
<h1>Find readings</h1>
<p>Searches every paper of the course: session readings and every listing entry, also those the students' search leaves out. Only the preview server shows this page; the built site has no copy of it.</p>
<form id="finder-form" autocomplete="off" onsubmit="return false">
  <label class="wide">Query (Lucene syntax: words, "a phrase", title:, authors:, abstract:, prefix*, fuzzy~, -exclude, AND, OR)
    <input type="search" id="finder-query" name="q" placeholder="tool use" autofocus></label>
  <label>Similar to session <select id="finder-like" name="like"><option value="">(none)</option></select></label>
  <label>From file <select id="finder-source" name="source"><option value="">(any)</option></select></label>
  <label>Since <input type="date" id="finder-since" name="since"></label>
  <label class="check"><input type="checkbox" id="finder-unassigned" name="unassigned" value="1"> Only papers no session assigns</label>
</form>
<div id="finder-error" role="alert"></div>
<div id="finder-status" aria-live="polite"></div>
<div id="finder-results"></div>
<p><label>Last copied reading (paste it into a session's reading section)<textarea id="finder-copied" readonly></textarea></label></p>
<script>
(function () {
  var base = "/__sitegen/finder/";
  var form = document.getElementById("finder-form");
  var results = document.getElementById("finder-results");
  var status = document.getElementById("finder-status");
  var error = document.getElementById("finder-error");
  var copied = document.getElementById("finder-copied");
  var sequence = 0, timer = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function authors(p) {
    var shown = p.authors.slice(0, 3).join(", ");
    var more = Math.max(p.authorCount, p.authors.length) - 3;
    return more > 0 ? shown + " +" + more + " more" : shown;
  }

  function copy(p, button) {
    copied.value = p.reading;
    var done = function () {
      document.querySelectorAll(".finder-copy").forEach(function (b) { b.textContent = "Copy as reading"; });
      button.textContent = "Copied";
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(p.reading).then(done, function () { copied.select(); document.execCommand("copy"); done(); });
    } else { copied.select(); document.execCommand("copy"); done(); }
  }

  function show(data) {
    results.replaceChildren();
    data.papers.forEach(function (p) {
      var item = el("article", "finder-result");
      item.dataset.id = p.id;
      item.appendChild(el("h2", null, p.rank + ". " + (p.title || (p.arxivId ? "arXiv:" + p.arxivId : p.id))));
      var meta = [];
      if (p.authors.length) meta.push(authors(p));
      if (p.date) meta.push(p.date);
      if (p.arxivId) meta.push("arXiv:" + p.arxivId);
      if (meta.length) item.appendChild(el("div", "finder-meta", meta.join(" · ")));
      item.appendChild(el("div", "finder-where", (p.sessions.length ? "assigned: " + p.sessions.join(", ") : "unassigned") + " · " +
        p.sources.map(function (s) { return s.file + ":" + s.line; }).join(", ")));
      var snippet = el("p", "finder-snippet");
      snippet.innerHTML = p.snippetHtml; // escaped by the server; only <mark> is markup
      item.appendChild(snippet);
      var button = el("button", "finder-copy", "Copy as reading");
      button.type = "button";
      button.addEventListener("click", function () { copy(p, button); });
      item.appendChild(button);
      results.appendChild(item);
    });
    status.textContent = data.papers.length + " of " + data.total + " matching paper(s)";
  }

  function search() {
    var params = new URLSearchParams();
    var q = document.getElementById("finder-query").value;
    if (q) params.set("q", q);
    ["like", "source", "since"].forEach(function (name) {
      var v = document.getElementById("finder-" + name).value;
      if (v) params.set(name, v);
    });
    if (document.getElementById("finder-unassigned").checked) params.set("unassigned", "1");
    var mine = ++sequence;
    fetch(base + "search?" + params.toString()).then(function (r) { return r.json(); }).then(function (data) {
      if (mine !== sequence) return; // a newer search is on its way
      if (data.error) { error.textContent = data.error; return; }
      error.textContent = "";
      show(data);
    }, function (e) { if (mine === sequence) error.textContent = String(e); });
  }

  function soon() { clearTimeout(timer); timer = setTimeout(search, 120); }
  form.addEventListener("input", soon);
  form.addEventListener("change", soon);

  fetch(base + "options").then(function (r) { return r.json(); }).then(function (data) {
    var like = document.getElementById("finder-like");
    (data.sessions || []).forEach(function (s) { var o = el("option", null, s.title + " (" + s.file + ")"); o.value = s.file; like.appendChild(o); });
    var source = document.getElementById("finder-source");
    (data.sources || []).forEach(function (f) { var o = el("option", null, f); o.value = f; source.appendChild(o); });
    if (data.error) error.textContent = data.error;
    search();
  });
})();
</script>
</body>
</html>
""";
}
