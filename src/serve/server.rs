//! The preview server: the built site over axum, with a small script in
//! every HTML page that listens for rebuilds on server-sent events.
//!
//! Only files inside the output folder are served: dot segments (encoded
//! or not), backslashes and symbolic links that lead out of it get the
//! site's 404 page.

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

/// The path, under the site's base path, of the event stream.
pub const EVENTS: &str = "__plenary/events";

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
    pub fn notify(&self, notice: Notice) {
        if let Ok(mut p) = self.problem.write() {
            *p = match &notice {
                Notice::Problem(text) => Some(text.clone()),
                Notice::Reload => None,
            };
        }
        let _ = self.notices.send(notice);
    }
}

pub fn router(shared: Arc<Shared>) -> Router {
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
    let raw = uri.path();
    let Some(rest) = raw.strip_prefix(shared.base_path.as_str()) else {
        if format!("{raw}/") == shared.base_path || raw == "/" {
            return Redirect::temporary(&shared.base_path).into_response();
        }
        return not_found(&shared).await;
    };
    let Some(rel) = safe_relative(rest) else {
        return not_found(&shared).await;
    };
    let mut path = shared.root.join(&rel);
    if path.is_dir() {
        if !raw.ends_with('/') {
            return Redirect::permanent(&format!("{raw}/")).into_response();
        }
        path = path.join("index.html");
    }
    match read_inside(&shared.root, &path).await {
        Some(bytes) => respond(&shared, &path, bytes, StatusCode::OK),
        None => not_found(&shared).await,
    }
}

/// The request path, decoded, as a path inside the output folder; `None`
/// for anything that could step outside it.
pub fn safe_relative(rest: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(rest)
        .decode_utf8()
        .ok()?;
    let mut rel = PathBuf::new();
    for segment in decoded.split('/') {
        match segment {
            "" => continue,
            "." | ".." => return None,
            s if s.contains(['\\', '\0', ':']) => return None,
            s => rel.push(s),
        }
    }
    Some(rel)
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
        Body::from(super::reload::inject(&bytes, &shared.base_path))
    } else {
        Body::from(bytes)
    };
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(mime.as_ref()) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    // A preview must never be cached: the next rebuild changes it.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_way_out_of_the_output_folder() {
        assert_eq!(safe_relative("ga/76/10/"), Some(PathBuf::from("ga/76/10")));
        assert_eq!(safe_relative("style.css"), Some(PathBuf::from("style.css")));
        for bad in [
            "../Cargo.toml",
            "%2e%2e/x",
            "a/%2E%2E/%2e%2e/x",
            "..%2fx",
            "a\\..\\x",
            "%00",
            "C:/x",
            "a/./b",
        ] {
            assert_eq!(safe_relative(bad), None, "{bad}");
        }
    }
}
