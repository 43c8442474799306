//! The preview server: the built site over axum, with a small script in
//! every HTML page that listens for rebuilds on server-sent events.
//!
//! The request path is decoded and cleaned before anything else. Only
//! files inside the output folder are served: dot segments (encoded or
//! not), backslashes and symbolic links that lead out of it get the site's
//! 404 page; and a redirect goes to the cleaned path, never to an address
//! the request spelled (`//host` would send the browser elsewhere).

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::{Stream, StreamExt};

use super::reload::{inject, EVENTS};

/// What the rebuild loop tells the browsers.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The site changed: reload.
    Reload,
    /// The last rebuild failed: show this over the page.
    Problem(String),
}

/// What the handlers share.
pub struct Shared {
    /// The output folder, canonical.
    pub root: PathBuf,
    /// `/` or `/archive/`.
    pub base_path: String,
    pub notices: broadcast::Sender<Notice>,
    /// The problem shown to browsers that connect while a build is broken.
    pub problem: RwLock<Option<String>>,
}

impl Shared {
    pub fn new(root: PathBuf, base_path: String) -> Arc<Shared> {
        let (notices, _) = broadcast::channel(64);
        Arc::new(Shared {
            root,
            base_path,
            notices,
            problem: RwLock::new(None),
        })
    }

    /// Tells every open page what happened, and remembers a problem for
    /// pages opened later.
    pub(crate) fn notify(&self, notice: Notice) {
        if let Ok(mut p) = self.problem.write() {
            *p = match &notice {
                Notice::Problem(text) => Some(text.clone()),
                Notice::Reload => None,
            };
        }
        let _ = self.notices.send(notice);
    }
}

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    let events = format!("{}{EVENTS}", shared.base_path);
    Router::new()
        .route(&events, get(events_stream))
        .fallback(get(file))
        .with_state(shared)
}

async fn events_stream(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let current = shared.problem.read().ok().and_then(|p| p.clone());
    let first = tokio_stream::iter(current.map(|text| Ok(problem_event(&text))));
    let later = BroadcastStream::new(shared.notices.subscribe()).filter_map(|n| match n {
        Ok(Notice::Reload) => Some(Ok(Event::default().event("reload").data("{}"))),
        Ok(Notice::Problem(text)) => Some(Ok(problem_event(&text))),
        Err(_) => None,
    });
    Sse::new(first.chain(later)).keep_alive(KeepAlive::default())
}

fn problem_event(text: &str) -> Event {
    // JSON keeps line breaks inside one `data:` line.
    Event::default()
        .event("problem")
        .data(serde_json::to_string(text).unwrap_or_default())
}

async fn file(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
    let Some(request) = Request::parse(uri.path()) else {
        return not_found(&shared).await;
    };
    let base: Vec<String> = shared
        .base_path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let Some(rel) = request.segments.strip_prefix(base.as_slice()) else {
        if request.segments.is_empty() {
            return Redirect::temporary(&shared.base_path).into_response();
        }
        return not_found(&shared).await;
    };
    if rel.is_empty() && !request.slash {
        // `/archive` (or `//`) for the site's root.
        return Redirect::temporary(&shared.base_path).into_response();
    }
    let mut path = rel.iter().fold(shared.root.clone(), |p, s| p.join(s));
    if path.is_dir() {
        if !request.slash || request.path() != uri.path() {
            return Redirect::permanent(&request.folder_location()).into_response();
        }
        path = path.join("index.html");
    }
    match read_inside(&shared.root, &path).await {
        Some(bytes) => respond(&shared, &path, bytes, StatusCode::OK),
        None => not_found(&shared).await,
    }
}

/// A request path, decoded and cleaned: its segments, none empty, `.`,
/// `..`, or holding a backslash, NUL or drive colon.
#[derive(Debug, PartialEq)]
pub struct Request {
    pub segments: Vec<String>,
    /// Whether it ended with `/`.
    pub slash: bool,
}

/// What may stay unencoded in a path segment of a `Location`.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'(')
    .remove(b')');

impl Request {
    /// `None` for anything that could step outside the output folder.
    pub fn parse(raw: &str) -> Option<Request> {
        let decoded = percent_encoding::percent_decode_str(raw)
            .decode_utf8()
            .ok()?;
        let mut segments = Vec::new();
        for segment in decoded.split('/') {
            match segment {
                "" => continue,
                "." | ".." => return None,
                s if s.contains(['\\', '\0', ':']) => return None,
                s => segments.push(s.to_string()),
            }
        }
        Some(Request {
            slash: decoded.ends_with('/'),
            segments,
        })
    }

    /// The clean path, encoded: one `/` between segments, so never
    /// `//host`.
    pub fn path(&self) -> String {
        let mut out = String::from("/");
        for s in &self.segments {
            out.extend(percent_encoding::utf8_percent_encode(s, SEGMENT));
            out.push('/');
        }
        if !self.slash && !self.segments.is_empty() {
            out.pop();
        }
        out
    }

    /// Where a folder's address redirects: its clean path with a `/`.
    pub(crate) fn folder_location(&self) -> String {
        let mut path = self.path();
        if !path.ends_with('/') {
            path.push('/');
        }
        path
    }
}

/// The file's bytes, if it is a file whose real location is inside `root`
/// (a symbolic link may not lead out).
async fn read_inside(root: &Path, path: &Path) -> Option<Vec<u8>> {
    let real = tokio::fs::canonicalize(path).await.ok()?;
    if !real.starts_with(root) || !real.is_file() {
        return None;
    }
    tokio::fs::read(&real).await.ok()
}

async fn not_found(shared: &Shared) -> Response {
    let page = shared.root.join("404.html");
    match read_inside(&shared.root, &page).await {
        Some(bytes) => respond(shared, &page, bytes, StatusCode::NOT_FOUND),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

fn respond(shared: &Shared, path: &Path, bytes: Vec<u8>, status: StatusCode) -> Response {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let body = if mime.essence_str() == "text/html" {
        Body::from(inject(&bytes, &shared.base_path))
    } else {
        Body::from(bytes)
    };
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&content_type(&mime)) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    // A preview must never be cached: the next rebuild changes it.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The content type of a file: every text a site holds is UTF-8, and a
/// browser shown Markdown or XML without saying so may guess another
/// encoding.
fn content_type(mime: &mime_guess::Mime) -> String {
    let text = mime.type_() == mime_guess::mime::TEXT
        || matches!(mime.subtype().as_str(), "json" | "xml" | "javascript")
        || mime.suffix().is_some_and(|s| s == "xml" || s == "json");
    if text && mime.get_param("charset").is_none() {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_served_as_utf_8() {
        let of = |file: &str| content_type(&mime_guess::from_path(file).first_or_octet_stream());
        for file in [
            "index.html",
            "source.md",
            "akn.xml",
            "atom.xml",
            "index.json",
            "style.css",
            "plenary.js",
            "robots.txt",
        ] {
            assert!(
                of(file).ends_with("; charset=utf-8"),
                "{file}: {}",
                of(file)
            );
        }
        assert_eq!(of("logo.png"), "image/png");
    }

    #[test]
    fn no_way_out_of_the_output_folder() {
        let segments = |raw: &str| Request::parse(raw).map(|r| r.segments);
        assert_eq!(
            segments("/ga/76/10/"),
            Some(vec!["ga".into(), "76".into(), "10".into()])
        );
        assert_eq!(segments("/style.css"), Some(vec!["style.css".into()]));
        for bad in [
            "/../Cargo.toml",
            "/%2e%2e/x",
            "/a/%2E%2E/%2e%2e/x",
            "/..%2fx",
            "/a\\..\\x",
            "/%00",
            "/C:/x",
            "/a/./b",
        ] {
            assert_eq!(Request::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn redirects_never_leave_the_host() {
        for (raw, location) in [
            ("//ecosoc", "/ecosoc/"),
            ("///evil.example//x", "/evil.example/x/"),
            ("/%2Fevil.example", "/evil.example/"),
            ("/ga/r%C3%A9s", "/ga/r%C3%A9s/"),
        ] {
            assert_eq!(Request::parse(raw).unwrap().folder_location(), location);
        }
        assert_eq!(Request::parse("//").unwrap().path(), "/");
    }
}
