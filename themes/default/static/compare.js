// The side-by-side view: two versions of one resolution, read from their
// own pages, in rows aligned by paragraph anchor (op3 is op3 in every
// language). The address says which: /compare/?r=/ga/74/1/&a=en&b=fr,
// where r is the resolution's page in the default language.
(function () {
  var params = new URLSearchParams(location.search);
  var page = params.get("r");
  var a = params.get("a");
  var b = params.get("b");
  var status = document.getElementById("compare-status");
  var table = document.getElementById("compare-table");
  if (!page || !a || !b || page.charAt(0) !== "/" || page.charAt(1) === "/") {
    return;
  }
  document.getElementById("compare-r").value = page;
  document.getElementById("compare-a").value = a;
  document.getElementById("compare-b").value = b;

  function read(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) { throw new Error(url + ": " + r.status); }
      return r.text();
    }).then(function (html) {
      return new DOMParser().parseFromString(html, "text/html");
    });
  }
  // A version's address, from the alternates of the page in the default
  // language.
  function addressOf(doc, code) {
    var link = doc.querySelector('link[rel="alternate"][hreflang="' + code + '"]');
    return link ? new URL(link.getAttribute("href"), location.href).pathname : null;
  }
  function paragraphs(doc) {
    var article = doc.querySelector("article.resolution");
    var out = new Map();
    if (!article) { return { rows: out, lang: "", dir: "ltr", title: "" }; }
    article.querySelectorAll(".para[id], .section[id], .annex[id]").forEach(function (el) {
      var copy = el.cloneNode(true);
      copy.querySelectorAll(".permalink, .cited-count, sup.fnref").forEach(function (x) { x.remove(); });
      out.set(el.id, copy.innerHTML);
    });
    var h1 = article.querySelector("h1");
    return {
      rows: out,
      lang: article.getAttribute("lang") || document.documentElement.lang,
      dir: article.getAttribute("dir") || "ltr",
      title: h1 ? h1.textContent.trim() : ""
    };
  }
  function cell(row, html, side) {
    var td = document.createElement("td");
    td.lang = side.lang;
    td.dir = side.dir;
    td.innerHTML = html === undefined ? "" : html;
    if (html === undefined) { td.className = "absent"; td.textContent = "—"; }
    row.appendChild(td);
  }
  status.textContent = "Reading both versions…";
  read(page).then(function (home) {
    var urls = [addressOf(home, a), addressOf(home, b)];
    if (!urls[0] || !urls[1]) {
      throw new Error("this resolution is not in the archive in both languages");
    }
    return Promise.all(urls.map(read));
  }).then(function (docs) {
    var left = paragraphs(docs[0]);
    var right = paragraphs(docs[1]);
    // The rows in the left version's order, then what only the right has.
    var ids = Array.from(left.rows.keys());
    right.rows.forEach(function (_, id) { if (!left.rows.has(id)) { ids.push(id); } });
    var body = table.querySelector("tbody");
    ids.forEach(function (id) {
      var tr = document.createElement("tr");
      var th = document.createElement("th");
      th.scope = "row";
      th.textContent = id;
      tr.appendChild(th);
      cell(tr, left.rows.get(id), left);
      cell(tr, right.rows.get(id), right);
      body.appendChild(tr);
    });
    document.getElementById("compare-caption").textContent = left.title;
    var heads = [document.getElementById("compare-head-a"), document.getElementById("compare-head-b")];
    [a, b].forEach(function (code, k) {
      var option = document.querySelector('#compare-a option[value="' + code + '"]');
      heads[k].textContent = option ? option.textContent : code;
      heads[k].lang = code;
    });
    table.hidden = false;
    status.textContent = ids.length + " paragraphs side by side.";
    table.dataset.done = "";
  }).catch(function (e) {
    status.textContent = "Cannot show them side by side: " + e.message + ".";
  });
})();
