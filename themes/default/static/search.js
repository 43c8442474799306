// The search page's client. It reads the index plenary writes under
// /search/ (see src/search/mod.rs): meta.json once, then one term shard per
// word typed, the document records of the results shown, and each shown
// result's own page to find the paragraph that matched. Words are split as
// src/search/terms.rs splits them.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) {
    return;
  }
  var base = form.dataset.index;
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var PAGE = 20;
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

  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function terms(text, stop) {
    return fold(text).split(/[^\p{Alphabetic}\p{N}]+/u).filter(function (t) {
      return t && (Array.from(t).length > 1 || /\p{N}/u.test(t)) && !stop.has(t);
    });
  }

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

  function shardOf(term, shards) {
    var hash = 0x811c9dc5;
    new TextEncoder().encode(term).forEach(function (b) {
      hash = Math.imul(hash ^ b, 0x01000193) >>> 0;
    });
    return hash % shards;
  }

  function postings(term, m) {
    return get(base + "terms/" + shardOf(term, m.shards) + ".json").then(function (shard) {
      return Object.prototype.hasOwnProperty.call(shard, term) ? decode(shard[term]) : [];
    });
  }

  function intersect(a, b) {
    var out = [];
    for (var i = 0, j = 0; i < a.length && j < b.length;) {
      if (a[i] === b[j]) {
        out.push(a[i]);
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return out;
  }

  function yearOf(doc, m) {
    var year = 0;
    for (var k = 0; k < m.years.length && m.years[k][0] <= doc; k++) {
      year = m.years[k][1];
    }
    return year;
  }

  // Documents matching the query and the filters, newest first.
  async function find(query, filters) {
    var m = await meta;
    var stop = new Set(m.stop_words);
    var words = terms(query, stop);
    var hits = [];
    var symbol = false;
    if (/\d/.test(query)) {
      var key = "#" + query.replace(/^\s*resolution\s+/i, "").replace(/\s+/g, "").toLowerCase();
      hits = await postings(key, m);
      symbol = hits.length > 0;
    }
    if (!symbol && words.length > 0) {
      var lists = await Promise.all(words.map(function (w) { return postings(w, m); }));
      hits = lists.reduce(intersect);
    }
    if (filters.body) {
      var b = m.bodies.findIndex(function (x) { return x.key === filters.body; });
      hits = hits.filter(function (d) { return parseInt(m.body_of[d], 36) === b; });
    }
    var from = parseInt(filters.from, 10);
    var to = parseInt(filters.to, 10);
    if (from || to) {
      hits = hits.filter(function (d) {
        var y = yearOf(d, m);
        return (!from || y >= from) && (!to || y <= to);
      });
    }
    if (filters.subject) {
      var subject = await get(base + "subjects/" + encodeURIComponent(filters.subject) + ".json");
      hits = intersect(hits, decode(subject));
    }
    return { hits: hits.reverse(), words: words, symbol: symbol, meta: m };
  }

  function record(doc, m) {
    var file = Math.floor(doc / m.docs_per_file);
    return get(base + "docs/" + file + ".json").then(function (docs) {
      return docs[doc % m.docs_per_file];
    });
  }

  // The first paragraph of the page holding every word (else any word).
  async function paragraph(url, words) {
    if (words.length === 0) {
      return null;
    }
    var html = await get(url, "text");
    var doc = new DOMParser().parseFromString(html, "text/html");
    var paras = Array.from(doc.querySelectorAll(".text [id]"));
    var best = null;
    var bestCount = 0;
    paras.forEach(function (p) {
      var text = paragraphText(p);
      var have = new Set(terms(text, new Set()));
      var count = words.filter(function (w) { return have.has(w); }).length;
      if (count > bestCount) {
        var permalink = p.querySelector(".permalink");
        var name = permalink ? (permalink.getAttribute("aria-label") || "").replace(/^Link to /, "") : "";
        best = { id: p.id, name: name || p.id, text: text };
        bestCount = count;
      }
    });
    return best;
  }

  function paragraphText(p) {
    var copy = p.cloneNode(true);
    copy.querySelectorAll(".permalink, .cited-count, .fnref").forEach(function (e) { e.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  // The paragraph's text with the query's words marked, built as text
  // nodes so nothing in it is read as markup.
  function marked(text, words) {
    var wanted = new Set(words);
    var out = document.createDocumentFragment();
    var last = 0;
    var shown = text.length > 400 ? text.slice(0, 400) + "…" : text;
    shown.replace(/[\p{Alphabetic}\p{N}\p{M}]+/gu, function (word, at) {
      if (wanted.has(fold(word))) {
        out.appendChild(document.createTextNode(shown.slice(last, at)));
        var mark = document.createElement("mark");
        mark.textContent = word;
        out.appendChild(mark);
        last = at + word.length;
      }
      return word;
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

  // One result: its heading at once, the matching paragraph when its page
  // has been read.
  async function show(doc, found, li) {
    var r = await record(doc, found.meta);
    var head = element("p", "search-title");
    var link = element("a", "", r[0]);
    link.href = r[3];
    head.appendChild(link);
    head.appendChild(document.createTextNode(" " + r[1]));
    li.appendChild(head);
    var details = [found.meta.bodies[r[4]] ? found.meta.bodies[r[4]].name : ""];
    if (r[2]) {
      details.push(r[2]);
    }
    li.appendChild(element("p", "details", details.join(" · ")));
    var para = await paragraph(r[3], found.words).catch(function () { return null; });
    if (para) {
      var quote = element("p", "search-paragraph");
      var at = element("a", "", "¶ " + para.name);
      at.href = r[3] + "#" + para.id;
      quote.appendChild(at);
      quote.appendChild(document.createTextNode(" "));
      quote.appendChild(marked(para.text, found.words));
      li.appendChild(quote);
    }
  }

  var current = null;
  var shownCount = 0;

  // Shows the next page of results, in order, reading their pages at once;
  // marks the list `data-done` when all of them are there.
  async function showMore() {
    var batch = current.hits.slice(shownCount, shownCount + PAGE);
    shownCount += batch.length;
    more.hidden = shownCount >= current.hits.length;
    delete list.dataset.done;
    await Promise.all(batch.map(function (doc) {
      var li = element("li", "search-result");
      list.appendChild(li);
      return show(doc, current, li);
    }));
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

  async function run(params, typed) {
    var query = (params.get("q") || "").trim();
    list.replaceChildren();
    delete list.dataset.done;
    more.hidden = true;
    if (!query) {
      status.textContent = "";
      return;
    }
    status.textContent = "Searching…";
    try {
      current = await find(query, filtersFrom(params));
    } catch (e) {
      status.textContent = "The search index could not be read (" + e.message + ").";
      return;
    }
    var n = current.hits.length;
    if (typed && current.symbol && n === 1) {
      var only = await record(current.hits[0], current.meta);
      status.textContent = "Going to " + only[0] + "…";
      location.assign(only[3]);
      return;
    }
    list.dataset.done = "true";
    status.textContent = n === 0 ? "No resolution matches." : n + (n === 1 ? " resolution" : " resolutions") + ", newest first.";
    shownCount = 0;
    await showMore();
  }

  function fill(params) {
    ["q", "body", "from", "to", "subject"].forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (field && params.has(name)) {
        field.value = params.get(name);
      }
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var params = new URLSearchParams(new FormData(form));
    Array.from(params.keys()).forEach(function (k) {
      if (!params.get(k)) {
        params.delete(k);
      }
    });
    history.replaceState(null, "", "?" + params.toString());
    run(params, true);
  });
  more.addEventListener("click", showMore);
  var initial = new URLSearchParams(location.search);
  fill(initial);
  run(initial, false);
})();
