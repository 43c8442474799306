// Following a paragraph's ¶ link also copies a ready citation of it, such
// as "E/RES/1997/2, para. 1, https://…/ecosoc/1997/2/#op1". Without
// script, or without clipboard access, the link still leads to the address.
document.addEventListener("click", function (event) {
  var link = event.target.closest ? event.target.closest("a.permalink[data-cite]") : null;
  if (!link || !navigator.clipboard) {
    return;
  }
  var text = link.dataset.cite + ", " + link.href;
  navigator.clipboard.writeText(text).then(function () {
    var status = document.getElementById("copy-status");
    if (status) {
      status.textContent = "Copied: " + text;
      clearTimeout(status.hideTimer);
      status.hideTimer = setTimeout(function () { status.textContent = ""; }, 4000);
    }
  }, function () {});
});

// A link to the same resolution in another language keeps the paragraph
// being read: anchors are the same in every language (#op3 is #op3).
document.addEventListener("click", function (event) {
  var link = event.target.closest ? event.target.closest("a[data-keep-hash]") : null;
  if (link && location.hash) {
    link.hash = location.hash;
  }
});
