//! The live-reload client, added to HTML pages only as the preview server
//! sends them; built files never contain it.

/// The path, under the site's base path, of the event stream the client
/// opens and the server answers.
pub(crate) const EVENTS: &str = "__plenary/events";

/// Listens to the server's events: reloads after a rebuild, and shows a
/// failed build's problems over the page until the next good build.
const CLIENT: &str = r#"<script>
(() => {
  const events = new EventSource("{{EVENTS}}");
  events.addEventListener("reload", () => location.reload());
  events.addEventListener("problem", (e) => {
    let box = document.getElementById("plenary-problem");
    if (!box) {
      box = document.createElement("pre");
      box.id = "plenary-problem";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;max-height:60vh;overflow:auto;z-index:2147483647;margin:0;padding:1rem;background:#2b0a0a;color:#ffd7d7;border:2px solid #e5484d;border-radius:6px;font:13px/1.45 ui-monospace,monospace;white-space:pre-wrap";
      document.body.append(box);
    }
    box.textContent = "The last build failed; this page shows the last good one.\n\n" + JSON.parse(e.data);
  });
})();
</script>
"#;

/// `html` with the client added before `</body>` (or at the end).
pub(crate) fn inject(html: &[u8], base_path: &str) -> Vec<u8> {
    let client = CLIENT.replace("{{EVENTS}}", &format!("{base_path}{EVENTS}"));
    let at = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + client.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(client.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_goes_before_the_end_of_body_and_knows_the_base_path() {
        let html = inject(b"<html><body><p>x</p></body></html>", "/archive/");
        let text = String::from_utf8(html).unwrap();
        assert!(
            text.contains("new EventSource(\"/archive/__plenary/events\")"),
            "{text}"
        );
        assert!(text.ends_with("</script>\n</body></html>"), "{text}");
        assert!(inject(b"<p>no body</p>", "/").ends_with(b"</script>\n"));
    }
}
