// The search page's client. It reads the index plenary writes under
// /search/ (see src/search/mod.rs): meta.json once; for each word typed,
// its vocabulary file (which gives the stems of the word, or of every word
// it begins) and the term shards of those stems; the document records of
// the results shown; and each shown result's own page, to quote the
// paragraph that matched. Words are split as src/search/terms.rs splits
// them, in every language alike; stemming was done when the index was
// built. What it says is in the page's language: the theme's words, in
// the form's data-words.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) {
    return;
  }
  var base = form.dataset.index;
  var words = {};
  try {
    words = JSON.parse(form.dataset.words || "{}");
  } catch (e) {
    words = {};
  }
  var box = form.elements.namedItem("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var PAGE = 20;
  // Vocabulary files are named by a word's first three letters, or the
  // first character of a pair of Chinese ones.
  var PREFIX = 3;
  var SNIPPET_WORDS = 36;
  var MAX_SUFFIX = 5;
  // While typed, a word of at least four letters that is not yet a word
  // of the archive stands for the commonest three it begins.
  var GUESS_FROM = 4;
  var MAX_GUESSES = 3;
  // How long typing must pause before the results' pages are read.
  var TYPING_PAUSE = 350;
  var cache = new Map();

  function get(path, as) {
    var key = (as || "json") + ":" + path;
    if (!cache.has(key)) {
      cache.set(key, fetch(path).then(function (r) {
        if (!r.ok) {
          throw new Error(path + ": " + r.status);
        }
        return as === "text" ? r.text() : r.json();
      }));
    }
    return cache.get(key);
  }
  var meta = get(base + "meta.json");

  // Compatibility forms made plain, accents and vowel marks dropped
  // (Russian keeps its й), the tatweel out, ى as ي, Arabic-Indic digits as
  // ASCII ones, lower case.
  function fold(text) {
    return text.replace(/[йЙ]/g, "\ue000").normalize("NFKD").replace(/\p{M}/gu, "")
      .replace(/\ue000/g, "й").replace(/\u0640/g, "").replace(/\u0649/g, "\u064a")
      .replace(/[\u0660-\u0669]/g, function (d) { return String(d.charCodeAt(0) - 0x660); })
      .replace(/[\u06f0-\u06f9]/g, function (d) { return String(d.charCodeAt(0) - 0x6f0); })
      .toLowerCase();
  }

  // Chinese characters and Japanese kana: written without spaces, indexed
  // as each pair of neighbours.
  var PAIRED = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;

  function splitWords(text) {
    var out = [];
    fold(text).split(/[^\p{Alphabetic}\p{N}]+/u).forEach(function (run) {
      var word = "";
      var before = null;
      Array.from(run).forEach(function (c) {
        if (!PAIRED.test(c)) {
          word += c;
          before = null;
          return;
        }
        if (word) {
          out.push(word);
          word = "";
        }
        if (before) {
          out.push(before + c);
        }
        before = c;
      });
      if (word) {
        out.push(word);
      } else if (before && Array.from(run).length === 1) {
        // A Chinese character alone: not indexed, but a query may begin
        // the pairs it starts (see expand).
        out.push(before);
      }
    });
    return out;
  }

  function vocabularyPrefix(word) {
    var chars = Array.from(word);
    return chars.slice(0, PAIRED.test(chars[0] || "") ? 1 : PREFIX).join("");
  }

  // What the script says where the page gives no words (a site's own
  // search.html from before they were translated): the English ones.
  var ENGLISH = {
    searching: "Searching…", results_one: "{n} resolution", results_other: "{n} resolutions",
    by_relevance: "{results}, by relevance.", newest_first: "{results}, newest first.",
    no_match: "No resolution matches.", going_to: "Going to {symbol}…",
    index_unreadable: "The search index could not be read ({error}).",
    no_phrase: "No resolution holds that phrase.", with_phrase: "{results} with the phrase, by relevance.",
    with_phrase_so_far: "{results} with the phrase so far, of {total} holding its words.",
    note_n: "note {n}", link_to: "Link to {name}",
  };

  // The page's words: `key` with each {name} of `values` filled in.
  function say(key, values) {
    var text = words[key] || ENGLISH[key] || "";
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(values[name]));
    });
    return text;
  }

  function indexed(word, stop) {
    return (Array.from(word).length > 1 || /\p{N}/u.test(word) || PAIRED.test(word)) && !stop.has(word);
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function fnv(text) {
    var hash = 0x811c9dc5;
    new TextEncoder().encode(text).forEach(function (b) {
      hash = Math.imul(hash ^ b, 0x01000193) >>> 0;
    });
    return hash;
  }

  // Ascending document numbers from their gaps in base 36 (subjects).
  function decode(text) {
    var out = [];
    var last = 0;
    if (text) {
      text.split(",").forEach(function (gap) {
        last += parseInt(gap, 36);
        out.push(last);
      });
    }
    return out;
  }

  // [document, score] pairs from src/search/mod.rs's encode_scored: each
  // gap in groups of five bits, lowest first (a character of the upper
  // half of the alphabet says another follows), then one score character.
  var DIGITS64 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  var VALUE64 = {};
  Array.from(DIGITS64).forEach(function (c, k) { VALUE64[c] = k; });
  function decodeScored(text) {
    var out = [];
    var last = 0;
    var i = 0;
    while (i < text.length) {
      var gap = 0;
      var scale = 1;
      var d;
      do {
        d = VALUE64[text[i++]];
        gap += (d & 31) * scale;
        scale *= 32;
      } while (d >= 32);
      last += gap;
      out.push([last, VALUE64[text[i++]]]);
    }
    return out;
  }

  function postings(term, m) {
    return get(base + "terms/" + (fnv(term) % m.shards) + ".json").then(function (shard) {
      return has(shard, term) ? decodeScored(shard[term]) : [];
    });
  }

  // What the query asks: words (the last one also as a prefix while it
  // is being typed), phrases in quotes, and a symbol key if it reads as
  // one. Dashes of every kind, non-breaking spaces and typographic double
  // quotes (“ ” „ « ») count as plain ones.
  function parse(query, stop, typing) {
    var plain = query.normalize("NFKC").replace(/[\u2010-\u2015\u2212]/g, "-").replace(/[\u00a0\u202f]/g, " ")
      .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, "\"")
      .replace(/[\u0660-\u0669]/g, function (d) { return String(d.charCodeAt(0) - 0x660); })
      .replace(/[\u06f0-\u06f9]/g, function (d) { return String(d.charCodeAt(0) - 0x6f0); });
    var phrases = [];
    var rest = plain.replace(/"([^"]*)("|$)/g, function (_, inside) {
      var words = splitWords(inside).filter(function (w) { return indexed(w, stop); });
      if (words.length) {
        phrases.push({ all: splitWords(inside), words: words });
      }
      return " ";
    });
    var words = splitWords(rest).filter(function (w) { return indexed(w, stop); });
    // A symbol being typed (`45/1`, `1325 (2`) is looked up as a symbol
    // only, not as words, until it is submitted.
    if (typing && /\d\s*\/|\d\s*\(\s*\d/.test(plain)) {
      words = [];
    }
    var terms = words.map(function (w) { return { word: w, prefix: false }; });
    var open = /[\p{Alphabetic}\p{N}]$/u.test(plain);
    if (typing && open && terms.length) {
      terms[terms.length - 1].prefix = true;
    }
    phrases.forEach(function (p) {
      p.words.forEach(function (w) { terms.push({ word: w, prefix: false }); });
    });
    var keys = [];
    if (/\d/.test(plain) && phrases.length === 0) {
      var compact = function (s) { return "#" + s.replace(/\s+/g, "").toLowerCase(); };
      keys.push(compact(plain));
      // "resolution 76/10", "General Assembly resolution 76/10", "res. 76/10"
      var cited = plain.match(/(?:^|\s)(?:resolutions?|res\.?)\s+(.*\d.*)$/i);
      if (cited) {
        keys.push(compact(cited[1]));
      }
      // A number as cited amid words of any language: "résolution 74/10
      // de l'Assemblée", "第74/10号决议", "القرار 1325 (2000)".
      var number = plain.match(/\d+\/\d+(?:\s?[A-Z](?![\p{L}\p{N}]))?|\d+\s*\(\d{4}\)/u);
      if (number && keys.indexOf(compact(number[0])) < 0) {
        keys.push(compact(number[0]));
      }
    }
    return { terms: terms, phrases: phrases, keys: keys };
  }

  // A word's stems from its vocabulary file, and the words of the archive
  // that share them (to mark in the quoted paragraph). Each entry of the
  // file is [stem ("" for the word itself), documents holding the stem].
  async function expand(term, m) {
    var first = vocabularyPrefix(term.word);
    var vocabulary = await get(base + "words/" + (fnv(first) % m.vocabulary) + ".json");
    var stemOf = function (w) { return vocabulary[w][0] || w; };
    var words = Object.keys(vocabulary);
    var stems = new Map();
    if (has(vocabulary, term.word)) {
      stems.set(stemOf(term.word), 1);
    } else if ((term.prefix && Array.from(term.word).length >= GUESS_FROM) || PAIRED.test(term.word)) {
      // A word being typed: the commonest few words it begins, each a
      // little below a word typed whole.
      words
        .filter(function (w) { return w.startsWith(term.word); })
        .sort(function (a, b) { return vocabulary[b][1] - vocabulary[a][1] || (a < b ? -1 : 1); })
        .forEach(function (w) {
          if (stems.size < MAX_GUESSES && !stems.has(stemOf(w))) {
            stems.set(stemOf(w), 0.8);
          }
        });
    }
    if (stems.size === 0 && m.stemmed) {
      // A form the archive lacks ("protects" where it has "protection"):
      // the longest stem of the archive that begins it, leaving no more
      // than a suffix.
      var best = "";
      words.forEach(function (w) {
        var stem = stemOf(w);
        if (stem.length > best.length && stem.length > PREFIX &&
            term.word.startsWith(stem) && term.word.length - stem.length <= MAX_SUFFIX) {
          best = stem;
        }
      });
      if (best) {
        stems.set(best, 1);
      }
    }
    var surfaces = new Set([term.word]);
    words.forEach(function (w) {
      if (stems.has(stemOf(w))) {
        surfaces.add(w);
      }
    });
    return { stems: stems, surfaces: surfaces };
  }

  // Document → score for one word: BM25, the best of its stems.
  async function scores(term, m) {
    var found = await expand(term, m);
    var byDoc = new Map();
    var stems = Array.from(found.stems.entries());
    var lists = await Promise.all(stems.map(function (s) { return postings(s[0], m); }));
    lists.forEach(function (list, k) {
      var df = list.length;
      var idf = Math.log(1 + (m.docs - df + 0.5) / (df + 0.5));
      var weight = stems[k][1] * idf * (m.k1 + 1) / m.top_score;
      list.forEach(function (p) {
        var s = p[1] * weight;
        if (!(byDoc.get(p[0]) >= s)) {
          byDoc.set(p[0], s);
        }
      });
    });
    return { byDoc: byDoc, surfaces: found.surfaces };
  }

  function yearOf(doc, m) {
    var year = 0;
    for (var k = 0; k < m.years.length && m.years[k][0] <= doc; k++) {
      year = m.years[k][1];
    }
    return year;
  }

  async function filtered(docs, filters, m) {
    var out = docs;
    if (filters.body) {
      var b = m.bodies.findIndex(function (x) { return x.key === filters.body; });
      out = out.filter(function (d) { return parseInt(m.body_of[d], 36) === b; });
    }
    var from = parseInt(filters.from, 10);
    var to = parseInt(filters.to, 10);
    if (from || to) {
      out = out.filter(function (d) {
        var y = yearOf(d, m);
        return (!from || y >= from) && (!to || y <= to);
      });
    }
    if (filters.subject) {
      if (!m.subjects.some(function (s) { return s.file === filters.subject; })) {
        return [];
      }
      var subject = new Set(decode(await get(base + "subjects/" + encodeURIComponent(filters.subject) + ".json")));
      out = out.filter(function (d) { return subject.has(d); });
    }
    return out;
  }

  function anyFilter(filters) {
    return Boolean(filters.body || filters.from || filters.to || filters.subject);
  }

  // Documents matching the query and the filters: by relevance for
  // words, newest first for filters alone.
  async function find(query, filters, typing) {
    var m = await meta;
    var q = parse(query, new Set(m.stop_words), typing);
    var found = { query: query, hits: [], surfaces: new Set(), phrases: q.phrases, symbol: false, meta: m };
    for (var k = 0; k < q.keys.length && !found.symbol; k++) {
      var exact = await postings(q.keys[k], m);
      if (exact.length) {
        found.hits = exact.map(function (p) { return p[0]; }).reverse();
        found.symbol = true;
      }
    }
    if (!found.symbol && q.terms.length) {
      var each = await Promise.all(q.terms.map(function (t) { return scores(t, m); }));
      each.sort(function (a, b) { return a.byDoc.size - b.byDoc.size; });
      var total = new Map(each[0].byDoc);
      each.slice(1).forEach(function (s) {
        total.forEach(function (score, doc) {
          if (s.byDoc.has(doc)) {
            total.set(doc, score + s.byDoc.get(doc));
          } else {
            total.delete(doc);
          }
        });
      });
      each.forEach(function (s) { s.surfaces.forEach(function (w) { found.surfaces.add(w); }); });
      found.hits = Array.from(total.keys()).sort(function (a, b) {
        return total.get(b) - total.get(a) || b - a;
      });
    } else if (!found.symbol && q.terms.length === 0 && query.trim() === "" && anyFilter(filters)) {
      found.hits = Array.from({ length: m.docs }, function (_, d) { return m.docs - 1 - d; });
    }
    found.hits = await filtered(found.hits, filters, m);
    return found;
  }

  function record(doc, m) {
    var file = Math.floor(doc / m.docs_per_file);
    return get(base + "docs/" + file + ".json").then(function (docs) {
      return docs[doc % m.docs_per_file];
    });
  }

  function paragraphText(p) {
    var copy = p.cloneNode(true);
    copy.querySelectorAll(".permalink, .cited-count, .fnref, .label").forEach(function (e) { e.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function containsPhrase(words, phrase) {
    outer: for (var i = 0; i + phrase.length <= words.length; i++) {
      for (var j = 0; j < phrase.length; j++) {
        if (words[i + j] !== phrase[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  // A paragraph's name in its ¶ link's label (`Link to paragraph 3`, in
  // the words of the page's language).
  function nameIn(label) {
    var pattern = say("link_to");
    var at = pattern.indexOf("{name}");
    var before = pattern.slice(0, at);
    var after = pattern.slice(at + "{name}".length);
    if (at < 0 || !label.startsWith(before) || !label.endsWith(after)) {
      return label;
    }
    return label.slice(before.length, label.length - after.length);
  }

  // The paragraph (or note) of the page holding the most of the query's
  // words, and every phrase; null when no paragraph holds the phrases.
  async function paragraph(url, found) {
    var html = await get(url, "text");
    var doc = new DOMParser().parseFromString(html, "text/html");
    var paras = Array.from(doc.querySelectorAll(".para[id], .footnotes li[id]"));
    var best = null;
    var bestCount = 0;
    paras.forEach(function (p) {
      var text = paragraphText(p);
      var words = splitWords(text);
      if (!found.phrases.every(function (ph) { return containsPhrase(words, ph.all); })) {
        return;
      }
      var count = new Set(words.filter(function (w) { return found.surfaces.has(w); })).size + found.phrases.length;
      if (count > bestCount) {
        var permalink = p.querySelector(".permalink");
        var name = permalink ? nameIn(permalink.getAttribute("aria-label") || "") : "";
        best = { id: p.id, name: name || say("note_n", { n: p.id.replace(/^fn/, "") }), text: text };
        bestCount = count;
      }
    });
    return best;
  }

  // The token where the phrase begins (tokens are words and the spaces
  // between them).
  function phraseStart(tokens, phrase) {
    var words = [];
    var at = [];
    tokens.forEach(function (t, k) {
      splitWords(t).forEach(function (w) {
        words.push(w);
        at.push(k);
      });
    });
    for (var i = 0; i + phrase.length <= words.length; i++) {
      if (phrase.every(function (w, j) { return words[i + j] === w; })) {
        return at[i];
      }
    }
    return 0;
  }

  // Where the query's words are in `text`: [start, end) ranges, merged. A
  // word of the archive's is marked whole; of Chinese, each pair found.
  var PIECES = new RegExp(PAIRED.source + "|(?:(?!" + PAIRED.source + ")[^])+", "gu");
  function marks(text, found) {
    var ranges = [];
    text.replace(/[\p{Alphabetic}\p{N}\p{M}]+/gu, function (run, at) {
      var pieces = run.match(PIECES) || [];
      var offset = at;
      pieces.forEach(function (piece, k) {
        var next = pieces[k + 1];
        if (!PAIRED.test(piece)) {
          if (found.surfaces.has(fold(piece))) {
            ranges.push([offset, offset + piece.length]);
          }
        } else if (next && PAIRED.test(next) && found.surfaces.has(fold(piece + next))) {
          ranges.push([offset, offset + piece.length + next.length]);
        }
        offset += piece.length;
      });
      return run;
    });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) {
        last[1] = Math.max(last[1], r[1]);
      } else {
        merged.push(r.slice());
      }
    });
    return merged;
  }

  // The text's tokens: words and the spaces between them, and each
  // Chinese character on its own.
  function tokensOf(text) {
    return text.split(new RegExp("(\\s+|" + PAIRED.source + ")", "u")).filter(Boolean);
  }

  // Some forty words (or seventy Chinese characters) around the first
  // match, marked, built as text nodes so nothing in the text is read as
  // markup.
  function snippet(text, found) {
    var tokens = tokensOf(text);
    var first = 0;
    if (found.phrases.length && !PAIRED.test(text)) {
      first = phraseStart(tokens, found.phrases[0].all);
    } else {
      var at = (marks(text, found)[0] || [0])[0];
      for (var length = 0; first < tokens.length && length + tokens[first].length <= at; first++) {
        length += tokens[first].length;
      }
    }
    var start = Math.max(0, first - 12);
    var end = Math.min(tokens.length, start + 2 * SNIPPET_WORDS);
    var shown = (start > 0 ? "… " : "") + tokens.slice(start, end).join("") + (end < tokens.length ? " …" : "");
    var out = document.createDocumentFragment();
    var last = 0;
    marks(shown, found).forEach(function (r) {
      out.appendChild(document.createTextNode(shown.slice(last, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = shown.slice(r[0], r[1]);
      out.appendChild(mark);
      last = r[1];
    });
    out.appendChild(document.createTextNode(shown.slice(last)));
    return out;
  }

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text) {
      e.textContent = text;
    }
    return e;
  }

  // Dates as resolutions write them: 19 December 2019.
  var lang = document.documentElement.lang || "en";
  var dates = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : lang, {
    day: "numeric", month: "long", year: "numeric", timeZone: "UTC",
  });

  function readableDate(iso) {
    var d = new Date(iso + "T00:00:00Z");
    return isNaN(d) ? iso : dates.format(d);
  }

  // One result's heading: its symbol, title, body and date.
  async function heading(doc, found, li) {
    var r = await record(doc, found.meta);
    var head = element("p", "search-title");
    var link = element("a", "", r[0]);
    link.href = r[3];
    head.appendChild(link);
    head.appendChild(document.createTextNode(" " + r[1]));
    li.appendChild(head);
    var details = [found.meta.bodies[r[4]] ? found.meta.bodies[r[4]].name : ""];
    if (r[2]) {
      details.push(readableDate(r[2]));
    }
    li.appendChild(element("p", "details", details.join(" · ")));
    return r[3];
  }

  // The paragraph that matched, quoted under the heading; `data-quoted`
  // says it has been looked for.
  function quote(li, para, url) {
    if (para) {
      var p = element("p", "search-paragraph");
      var at = element("a", "", "¶ " + para.name);
      at.href = url + "#" + para.id;
      p.appendChild(at);
      p.appendChild(document.createTextNode(" "));
      p.appendChild(snippet(para.text, current));
      li.appendChild(p);
    }
    li.dataset.quoted = para ? "true" : "none";
  }

  // A result's page is read only when it is on screen, one page at a
  // time from the top (each quote pushes the results below it down, maybe
  // off the screen), and, while a query is being typed, only once typing
  // pauses: a query downloads the pages of the results one looks at.
  var onScreen = new Set();
  var quoting = false;
  var quoteTimer = 0;
  var nearScreen = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        onScreen.add(entry.target);
      } else {
        onScreen.delete(entry.target);
      }
    });
    quoteSoon();
  });
  // No page is read before this time (performance.now()).
  var quoteFrom = 0;

  function quoteSoon() {
    clearTimeout(quoteTimer);
    quoteTimer = setTimeout(quoteNext, Math.max(0, quoteFrom - performance.now()));
  }

  async function quoteNext() {
    if (quoting) {
      return;
    }
    if (performance.now() < quoteFrom) {
      quoteSoon();
      return;
    }
    var li = Array.from(list.children).find(function (x) { return onScreen.has(x); });
    if (!li) {
      return;
    }
    quoting = true;
    onScreen.delete(li);
    nearScreen.unobserve(li);
    var found = current;
    var para = await paragraph(li.dataset.url, found).catch(function () { return null; });
    quoting = false;
    if (found === current) {
      quote(li, para, li.dataset.url);
    }
    quoteSoon();
  }

  // One result, ready to be shown; null when a phrase is not in its text
  // (which must then be read at once).
  async function result(doc, found) {
    var li = element("li", "search-result");
    var url = await heading(doc, found, li);
    if (found.phrases.length) {
      var para = await paragraph(url, found).catch(function () { return null; });
      if (!para) {
        return null;
      }
      quote(li, para, url);
    } else if (found.surfaces.size > 0) {
      li.dataset.url = url;
    }
    return li;
  }

  var current = null;
  var next = 0;
  var shown = 0;
  var generation = 0;

  // "12 resolutions", in the plural form the page's language takes.
  var plurals = new Intl.PluralRules(document.documentElement.lang || "en");
  function counted(n) {
    var key = "results_" + plurals.select(n);
    return say(words[key] || ENGLISH[key] ? key : "results_other", { n: n });
  }

  // Shows the next page of results, in order; with a phrase, skips those
  // whose text lacks it. Marks the list `data-done` (and `data-query`)
  // when the page is there.
  async function showMore() {
    var run = generation;
    delete list.dataset.done;
    var wanted = shown + PAGE;
    while (shown < wanted && next < current.hits.length) {
      var batch = current.hits.slice(next, next + (wanted - shown));
      next += batch.length;
      var items = await Promise.all(batch.map(function (doc) { return result(doc, current); }));
      if (run !== generation) {
        return;
      }
      items.forEach(function (li) {
        if (li) {
          list.appendChild(li);
          shown++;
          if (li.dataset.url) {
            nearScreen.observe(li);
          }
        }
      });
    }
    more.hidden = next >= current.hits.length;
    if (current.phrases.length) {
      status.textContent = next >= current.hits.length
        ? (shown === 0 ? say("no_phrase") : say("with_phrase", { results: counted(shown) }))
        : say("with_phrase_so_far", { results: counted(shown), total: current.hits.length });
    }
    list.dataset.query = current.query;
    list.dataset.done = "true";
  }

  function filtersFrom(params) {
    return {
      body: params.get("body") || "",
      from: params.get("from") || "",
      to: params.get("to") || "",
      subject: params.get("subject") || "",
    };
  }

  // Runs a search. `how`: "typing" (as-you-type: the last word may be a
  // prefix), "submit" (Enter: a symbol goes to its resolution) or "load"
  // (from the address: a symbol goes there too, unless we came Back).
  async function run(params, how) {
    var run = ++generation;
    var query = (params.get("q") || "").trim();
    var filters = filtersFrom(params);
    list.replaceChildren();
    delete list.dataset.done;
    more.hidden = true;
    if (!query && !anyFilter(filters)) {
      status.textContent = "";
      list.dataset.done = "true";
      return;
    }
    status.textContent = say("searching");
    var found;
    try {
      found = await find(params.get("q") || "", filters, how === "typing");
    } catch (e) {
      status.textContent = say("index_unreadable", { error: e.message });
      return;
    }
    if (run !== generation) {
      return;
    }
    current = found;
    // Quotes wait for a pause in typing (see quoteNext).
    clearTimeout(quoteTimer);
    onScreen.clear();
    nearScreen.disconnect();
    quoteFrom = performance.now() + (how === "typing" ? TYPING_PAUSE : 0);
    var n = found.hits.length;
    if (found.symbol && n === 1 && how !== "typing") {
      var only = await record(found.hits[0], found.meta);
      if (how === "submit" || !cameBack()) {
        status.textContent = say("going_to", { symbol: only[0] });
        (how === "submit" ? location.assign : location.replace).call(location, only[3]);
        return;
      }
    }
    status.textContent = n === 0 ? say("no_match")
      : say(query && !found.symbol ? "by_relevance" : "newest_first", { results: counted(n) });
    next = 0;
    shown = 0;
    await showMore();
  }

  function cameBack() {
    var nav = performance.getEntriesByType("navigation")[0];
    return Boolean(nav && nav.type === "back_forward");
  }

  function paramsOfForm() {
    var params = new URLSearchParams(new FormData(form));
    Array.from(params.keys()).forEach(function (k) {
      if (!params.get(k)) {
        params.delete(k);
      }
    });
    return params;
  }

  function fill(params) {
    ["q", "body", "from", "to", "subject"].forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (field) {
        field.value = params.get(name) || "";
      }
    });
  }

  // Every search is an entry of the history: the first change after a
  // search was shown starts a new entry, later keystrokes update it.
  var editing = false;
  function remember(params) {
    var url = "?" + params.toString();
    if (url === location.search || (url === "?" && !location.search)) {
      return;
    }
    if (editing) {
      history.replaceState(null, "", url);
    } else {
      history.pushState(null, "", url);
      editing = true;
    }
  }

  var timer = 0;
  function changed() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var params = paramsOfForm();
      remember(params);
      run(params, "typing");
    }, 60);
  }

  form.addEventListener("input", changed);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    var params = paramsOfForm();
    remember(params);
    editing = false;
    run(params, "submit");
  });
  window.addEventListener("popstate", function () {
    var params = new URLSearchParams(location.search);
    editing = false;
    fill(params);
    run(params, "history");
  });
  window.addEventListener("pageshow", function () {
    editing = false;
  });
  more.addEventListener("click", showMore);
  var initial = new URLSearchParams(location.search);
  fill(initial);
  if (box && !initial.get("q")) {
    box.focus();
  }
  run(initial, "load");
})();
