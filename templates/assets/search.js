/* Site search: lunr 2.3.9 over the prebuilt search-index.json (built in C#, see src/SiteGen/Search).
   Loads lazily when the user goes for the search box (pointer over the form, touch, focus, the "/" key), fetching
   lunr, the index and the doc store at once; every text is inserted as text, never as HTML.
   Where the first search's time goes, and what was tried: docs/search.md, "Latency of the first search". */
(function () {
  'use strict';

  // Same table as SiteGen.Search.SearchFolding.Table (a test checks they agree): accented letter, replacement.
  var FOLD_TABLE = 'ÀA ÁA ÂA ÃA ÄA ÅA ÇC ÈE ÉE ÊE ËE ÌI ÍI ÎI ÏI ÑN ÒO ÓO ÔO ÕO ÖO ÙU ÚU ÛU ÜU ÝY àa áa âa ãa äa åa çc èe ée êe ëe ìi íi îi ïi ñn òo óo ôo õo öo ùu úu ûu üu ýy ÿy ĀA āa ĂA ăa ĄA ąa ĆC ćc ĈC ĉc ĊC ċc ČC čc ĎD ďd ĒE ēe ĔE ĕe ĖE ėe ĘE ęe ĚE ěe ĜG ĝg ĞG ğg ĠG ġg ĢG ģg ĤH ĥh ĨI ĩi ĪI īi ĬI ĭi ĮI įi İI ĴJ ĵj ĶK ķk ĹL ĺl ĻL ļl ĽL ľl ŃN ńn ŅN ņn ŇN ňn ŌO ōo ŎO ŏo ŐO őo ŔR ŕr ŖR ŗr ŘR řr ŚS śs ŜS ŝs ŞS şs ŠS šs ŢT ţt ŤT ťt ŨU ũu ŪU ūu ŬU ŭu ŮU ůu ŰU űu ŲU ųu ŴW ŵw ŶY ŷy ŸY ŹZ źz ŻZ żz ŽZ žz ƠO ơo ƯU ưu ǍA ǎa ǏI ǐi ǑO ǒo ǓU ǔu ǕU ǖu ǗU ǘu ǙU ǚu ǛU ǜu ǞA ǟa ǠA ǡa ǦG ǧg ǨK ǩk ǪO ǫo ǬO ǭo ǰj ǴG ǵg ǸN ǹn ǺA ǻa ȀA ȁa ȂA ȃa ȄE ȅe ȆE ȇe ȈI ȉi ȊI ȋi ȌO ȍo ȎO ȏo ȐR ȑr ȒR ȓr ȔU ȕu ȖU ȗu ȘS șs ȚT țt ȞH ȟh ȦA ȧa ȨE ȩe ȪO ȫo ȬO ȭo ȮO ȯo ȰO ȱo ȲY ȳy ḀA ḁa ḂB ḃb ḄB ḅb ḆB ḇb ḈC ḉc ḊD ḋd ḌD ḍd ḎD ḏd ḐD ḑd ḒD ḓd ḔE ḕe ḖE ḗe ḘE ḙe ḚE ḛe ḜE ḝe ḞF ḟf ḠG ḡg ḢH ḣh ḤH ḥh ḦH ḧh ḨH ḩh ḪH ḫh ḬI ḭi ḮI ḯi ḰK ḱk ḲK ḳk ḴK ḵk ḶL ḷl ḸL ḹl ḺL ḻl ḼL ḽl ḾM ḿm ṀM ṁm ṂM ṃm ṄN ṅn ṆN ṇn ṈN ṉn ṊN ṋn ṌO ṍo ṎO ṏo ṐO ṑo ṒO ṓo ṔP ṕp ṖP ṗp ṘR ṙr ṚR ṛr ṜR ṝr ṞR ṟr ṠS ṡs ṢS ṣs ṤS ṥs ṦS ṧs ṨS ṩs ṪT ṫt ṬT ṭt ṮT ṯt ṰT ṱt ṲU ṳu ṴU ṵu ṶU ṷu ṸU ṹu ṺU ṻu ṼV ṽv ṾV ṿv ẀW ẁw ẂW ẃw ẄW ẅw ẆW ẇw ẈW ẉw ẊX ẋx ẌX ẍx ẎY ẏy ẐZ ẑz ẒZ ẓz ẔZ ẕz ẖh ẗt ẘw ẙy ẠA ạa ẢA ảa ẤA ấa ẦA ầa ẨA ẩa ẪA ẫa ẬA ậa ẮA ắa ẰA ằa ẲA ẳa ẴA ẵa ẶA ặa ẸE ẹe ẺE ẻe ẼE ẽe ẾE ếe ỀE ềe ỂE ểe ỄE ễe ỆE ệe ỈI ỉi ỊI ịi ỌO ọo ỎO ỏo ỐO ốo ỒO ồo ỔO ổo ỖO ỗo ỘO ộo ỚO ớo ỜO ờo ỞO ởo ỠO ỡo ỢO ợo ỤU ụu ỦU ủu ỨU ứu ỪU ừu ỬU ửu ỮU ữu ỰU ựu ỲY ỳy ỴY ỵy ỶY ỷy ỸY ỹy ßss ẞSS ÆAE æae ŒOE œoe ØO øo ŁL łl ĐD đd ÐD ðd ÞTH þth ıi ĦH ħh ŦT ŧt';
  var foldMap = null;

  /** Folds Latin accents like the index builder did ("Café" -> "Cafe"); drops combining marks U+0300-U+036F. */
  function fold(text) {
    if (!foldMap) {
      foldMap = Object.create(null);
      FOLD_TABLE.split(' ').forEach(function (e) { foldMap[e.charAt(0)] = e.slice(1); });
    }
    var out = '';
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i), code = text.charCodeAt(i);
      if (code < 0xC0) { out += c; continue; }
      if (code >= 0x300 && code <= 0x36F) continue;
      out += foldMap[c] !== undefined ? foldMap[c] : c;
    }
    return out;
  }

  /** Query words split like lunr's tokenizer (/[\s\-]+/) and trimmed like its trimmer (ASCII \W at the ends). */
  function queryTerms(text) {
    return fold(text).toLowerCase().split(/[\s\-]+/)
      .map(function (t) { return t.replace(/^\W+/, '').replace(/\W+$/, ''); })
      .filter(function (t) { return t.length > 0; });
  }

  // lunr syntax: field:term, +required, -prohibited, wildcard*, fuzzy~1, boost^2.
  function looksAdvanced(text) { return /[:*~^+]|(^|\s)-\S/.test(text); }

  function plainQuery(lunr, index, text) {
    var terms = queryTerms(text);
    if (terms.length === 0) return [];
    var asked = [];
    var results = index.query(function (q) {
      terms.forEach(function (term, i) {
        var last = i === terms.length - 1;
        var stop = lunr.stopWordFilter(new lunr.Token(term)) === undefined;
        if (stop && !last) return;
        asked.push({ word: term, stem: lunr.stemmer(new lunr.Token(term)).toString() });
        // The word itself through lunr's stemmer ("agents" -> "agent"), ranked above ...
        q.term(term, { boost: 10 });
        // ... the word as a prefix of indexed stems, so "agen" finds "agent" while typing.
        // One letter would match nearly every term and cost most of a frame; skip that.
        if (term.length >= 2) q.term(term, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 1 });
      });
    });
    // lunr ORs the words, so a page repeating one word can outrank the paper that has them all:
    // rank by how many of the words a result matched first, then by lunr's score.
    results.forEach(function (r) {
      var matched = Object.keys(r.matchData.metadata);
      r.coverage = asked.filter(function (a) {
        return matched.some(function (m) { return m === a.stem || (a.word.length >= 2 && m.indexOf(a.word) === 0); });
      }).length;
    });
    return results.sort(function (a, b) { return b.coverage - a.coverage || b.score - a.score; });
  }

  /** Runs a query; lunr syntax is honoured when it parses, otherwise the words are searched plainly. */
  function runQuery(lunr, index, text) {
    text = (text || '').trim();
    if (!text) return [];
    if (looksAdvanced(text)) {
      try {
        var results = index.search(fold(text));
        if (results.length > 0 || !/\w$/.test(text)) return results;
        return index.search(fold(text) + '*'); // still typing the last word of a syntax query
      } catch (e) {
        if (!(e instanceof lunr.QueryParseError)) throw e;
      }
    }
    return plainQuery(lunr, index, text);
  }

  function getJson(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      return r.json();
    });
  }

  if (typeof module === 'object' && module.exports) {
    module.exports = { FOLD_TABLE: FOLD_TABLE, fold: fold, queryTerms: queryTerms, runQuery: runQuery };
  }
  if (typeof document === 'undefined') return;

  var MAX_RESULTS = 12;
  var input = document.getElementById('search-input');
  var box = document.getElementById('search-results');
  if (!input || !box) return;

  var base = document.documentElement.getAttribute('data-baseurl') || '/';
  if (base.charAt(base.length - 1) !== '/') base += '/';

  var loading = null, index = null, docs = null, shown = [], selected = -1;

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', 'search-listbox');

  // User Timing marks ("search:..."), the first of each name only: they show where the first search's time goes in
  // the browser's performance panel, and the search-latency benchmark prints them.
  function mark(name) {
    if (window.performance && performance.mark && !performance.getEntriesByName('search:' + name).length) performance.mark('search:' + name);
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      if (window.lunr) { resolve(); return; }
      var s = document.createElement('script');
      s.src = src;
      s.onload = function () { mark('lunr-ran'); resolve(); };
      s.onerror = function () { reject(new Error('could not load ' + src)); };
      document.head.appendChild(s);
    });
  }

  function ensureLoaded() {
    if (!loading) {
      mark('load-start');
      loading = Promise.all([
        loadScript(base + 'assets/lunr.min.js'),
        getJson(base + 'search-index.json').then(function (json) { mark('index-parsed'); return json; }),
        getJson(base + 'search-docs.json').then(function (json) { mark('docs-parsed'); return json; }),
      ]).then(function (parts) {
        mark('index-load-start');
        index = window.lunr.Index.load(parts[1]);
        mark('index-loaded');
        docs = parts[2];
      }).catch(function () {
        loading = null; // try again on the next focus
        status('Search is unavailable: the search index could not be loaded.');
      });
      // The words typed while it loaded are searched the moment it is ready: no waiting for another keystroke.
      loading.then(function () { if (index) update(); });
    }
    return loading;
  }

  function clear() {
    while (box.firstChild) box.removeChild(box.firstChild);
    shown = [];
    selected = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function status(text) {
    clear();
    var p = document.createElement('p');
    p.className = 'search-status';
    p.textContent = text;
    box.appendChild(p);
  }

  function span(className, text) {
    var s = document.createElement('span');
    s.className = className;
    s.textContent = text;
    return s;
  }

  function render(query, results) {
    if (results.length === 0) { status('No results for \u201c' + query.trim() + '\u201d'); return; }
    clear();
    var list = document.createElement('div');
    list.id = 'search-listbox';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Search results');
    results.slice(0, MAX_RESULTS).forEach(function (r, i) {
      var doc = docs[r.ref];
      if (!doc) return;
      var a = document.createElement('a');
      a.href = doc.url;
      a.id = 'search-result-' + i;
      a.setAttribute('role', 'option');
      a.setAttribute('aria-selected', 'false');
      a.tabIndex = -1;
      a.appendChild(span('result-kind', doc.kind));
      a.appendChild(span('result-title', doc.title));
      if (doc.snippet) a.appendChild(span('result-snippet', doc.snippet));
      list.appendChild(a);
      shown.push(a);
    });
    box.appendChild(list);
    input.setAttribute('aria-expanded', 'true');
  }

  function select(i) {
    if (selected >= 0 && shown[selected]) shown[selected].setAttribute('aria-selected', 'false');
    selected = i;
    if (i >= 0 && shown[i]) {
      shown[i].setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', shown[i].id);
      shown[i].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  var onSearchPage = location.pathname === base + 'search/' || location.pathname === base + 'search/index.html';

  function update() {
    var query = input.value;
    if (onSearchPage && window.history && history.replaceState) {
      var url = base + 'search/' + (query.trim() ? '?q=' + encodeURIComponent(query.trim()) : '');
      history.replaceState(null, '', url);
    }
    // A single character is the start of typing, not a question: no results list and no "No results" yet.
    if (query.trim().length < 2) { clear(); return; }
    if (!index) { ensureLoaded(); return; } // searched when the index is ready (ensureLoaded)
    var results = runQuery(window.lunr, index, query);
    mark('first-query-done');
    render(query, results);
    mark('first-results-rendered');
  }

  // Start loading on the earliest sign of intent: a pointer over the search form comes before the click that
  // focuses the box, a touch before the tap; keyboard users get focus (Tab, or "/" below).
  var form = input.form || input;
  form.addEventListener('pointerenter', ensureLoaded);
  form.addEventListener('touchstart', ensureLoaded, { passive: true });
  input.addEventListener('focus', ensureLoaded);
  input.addEventListener('input', update);
  input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown' && shown.length) {
      e.preventDefault();
      select(Math.min(selected + 1, shown.length - 1));
    } else if (e.key === 'ArrowUp' && shown.length) {
      e.preventDefault();
      select(Math.max(selected - 1, -1));
    } else if (e.key === 'Enter' && shown.length) {
      e.preventDefault();
      window.location.href = shown[selected >= 0 ? selected : 0].href;
    } else if (e.key === 'Escape') {
      if (shown.length || box.firstChild) { e.preventDefault(); clear(); }
    }
  });
  document.addEventListener('click', function (e) {
    if (!box.contains(e.target) && e.target !== input) clear();
  });
  // "/" anywhere but in a text field jumps to the search box, as on GitHub and MDN.
  document.addEventListener('keydown', function (e) {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    e.preventDefault();
    input.focus();
  });

  // Shareable links: {base}search/?q=words fills the box and runs the query as soon as the index is ready.
  if (onSearchPage) {
    var q = new URLSearchParams(location.search).get('q');
    if (q) {
      input.value = q;
      ensureLoaded();
    }
  }
})();
