//! `plenary serve` on an ephemeral port: pages, live reload after an edit,
//! the error overlay, deleted pages, and requests that try to leave the
//! site. Every wait is bounded.

mod common;

use common::*;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    /// `127.0.0.1:PORT`
    host: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(root: &Path, output: &Path) -> Server {
    let mut command = Command::new(env!("CARGO_BIN_EXE_plenary"));
    command.args(["serve", "--output"]).arg(output);
    spawn(command, root)
}

/// Starts `plenary serve` (already in `command`, with its options) on a
/// free port.
fn spawn(mut command: Command, root: &Path) -> Server {
    let mut child = command
        .args(["--port", "0", "--root"])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = loop {
        let line = lines
            .next()
            .expect("the server says where it serves")
            .unwrap();
        if let Some(rest) = line.strip_prefix("Serving the site at http://") {
            break rest.split('/').next().unwrap().to_string();
        }
    };
    // Keep reading stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Server { child, host: url }
}

/// A raw HTTP/1.1 GET, so the path is sent exactly as written (a client
/// library would clean up `..` before sending): the status, the head and
/// the body.
fn request(host: &str, path: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(host).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    s.read_to_end(&mut response).unwrap();
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    (status, head.to_string(), body.to_string())
}

fn get(host: &str, path: &str) -> (u16, String) {
    let (status, _, body) = request(host, path);
    (status, body)
}

/// The status and `Location` header of a raw GET.
fn location(host: &str, path: &str) -> (u16, Option<String>) {
    let (status, head, _) = request(host, path);
    let location = head.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.eq_ignore_ascii_case("location")
            .then(|| value.trim().to_string())
    });
    (status, location)
}

/// The server's event stream, read until `event: NAME` arrives.
struct Events(TcpStream, String);

impl Events {
    fn open(host: &str) -> Events {
        let mut s = TcpStream::connect(host).unwrap();
        write!(
            s,
            "GET /archive/__plenary/events HTTP/1.1\r\nHost: {host}\r\n\r\n"
        )
        .unwrap();
        s.set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        let mut e = Events(s, String::new());
        e.wait_for("text/event-stream");
        e
    }

    /// Waits (at most 15 s) for `needle` in the stream; returns what came.
    fn wait_for(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        let mut buf = [0u8; 4096];
        while !self.1.contains(needle) {
            assert!(
                Instant::now() < deadline,
                "no {needle:?} in time; got {:?}",
                self.1
            );
            if let Ok(n) = self.0.read(&mut buf) {
                self.1.push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        }
        let at = self.1.find(needle).unwrap() + needle.len();
        let seen = self.1[..at].to_string();
        self.1 = self.1[at..].to_string();
        seen
    }
}

/// The text of operative paragraph 1 on a page.
fn op1(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let p = doc.select(&sel("p#op1")).next().expect("paragraph op1");
    p.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many scripts on a page open the live-reload event stream.
fn reload_scripts(html: &str) -> usize {
    let doc = scraper::Html::parse_document(html);
    doc.select(&sel("script"))
        .filter(|s| {
            s.text()
                .collect::<String>()
                .contains("new EventSource(\"/archive/__plenary/events\")")
        })
        .count()
}

#[test]
fn serves_reloads_shows_errors_and_stays_inside_the_site() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    let output = tmp.path().join("preview");
    copy_tree(&fixture("basic"), &root);
    let server = start(&root, &output);
    let host = server.host.as_str();

    let (status, page) = get(host, "/archive/ga/70/9/");
    assert_eq!(status, 200);
    assert_eq!(op1(&page), "1. Decides to keep natural order.¶");
    assert_eq!(
        reload_scripts(&page),
        1,
        "the reload client is injected into the page served"
    );
    let built = fs::read_to_string(output.join("ga/70/9/index.html")).unwrap();
    assert_eq!(reload_scripts(&built), 0, "but not into the file");

    // An edit reloads the page with the new text.
    let mut events = Events::open(host);
    let source = root.join("content/ga/70/9.md");
    let good = fs::read_to_string(&source).unwrap();
    fs::write(
        &source,
        good.replace("keep natural order", "keep a natural order"),
    )
    .unwrap();
    events.wait_for("event: reload");
    assert_eq!(
        op1(&get(host, "/archive/ga/70/9/").1),
        "1. Decides to keep a natural order.¶"
    );

    // A broken file: the browser hears the problem, the last good page stays.
    fs::write(&source, "---\nsubject: x\n---\n## 70/9. T\n").unwrap();
    let seen = events.wait_for("event: problem");
    assert!(seen.is_empty() || !seen.contains("event: reload"));
    let problem = events.wait_for("\n\n");
    assert!(
        problem.contains("content/ga/70/9.md:2: error: invalid YAML: unknown field `subject`"),
        "{problem}"
    );
    assert_eq!(
        op1(&get(host, "/archive/ga/70/9/").1),
        "1. Decides to keep a natural order.¶"
    );
    fs::write(&source, &good).unwrap();
    events.wait_for("event: reload");

    // A deleted file's page is gone, and the site's 404 page answers.
    fs::remove_file(&source).unwrap();
    events.wait_for("event: reload");
    let (status, body) = get(host, "/archive/ga/70/9/");
    assert_eq!(status, 404);
    let doc = scraper::Html::parse_document(&body);
    let h1: String = doc.select(&sel("main h1")).next().unwrap().text().collect();
    assert_eq!(h1, "Page not found");

    // Nothing outside the output folder is served.
    fs::write(tmp.path().join("secret.txt"), "secret").unwrap();
    std::os::unix::fs::symlink(tmp.path().join("secret.txt"), output.join("leak.txt")).unwrap();
    for path in [
        "/archive/../secret.txt",
        "/archive/%2e%2e/secret.txt",
        "/archive/..%2fsecret.txt",
        "/archive/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/archive/leak.txt",
        "/archive//etc/passwd",
        "/archive/..\\secret.txt",
    ] {
        let (status, body) = get(host, path);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("secret"), "{path}");
    }
    assert_eq!(get(host, "/archive/style.css").0, 200);
    assert_eq!(get(host, "/elsewhere/").0, 404);
}

/// 200 requests from 8 clients while the page is rewritten: every answer
/// is a whole page, old or new, never half of one.
#[test]
fn concurrent_requests_during_rebuilds_get_whole_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_tree(&fixture("basic"), &root);
    let server = start(&root, &tmp.path().join("preview"));
    let host = server.host.clone();
    let source = root.join("content/ga/70/9.md");
    let good = fs::read_to_string(&source).unwrap();

    let clients: Vec<_> = (0..8)
        .map(|_| {
            let host = host.clone();
            std::thread::spawn(move || {
                (0..25)
                    .map(|_| get(&host, "/archive/ga/70/9/"))
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    for round in 0..10 {
        fs::write(
            &source,
            good.replace("keep natural order", &format!("keep order {round}")),
        )
        .unwrap();
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut answers = 0;
    for client in clients {
        for (status, body) in client.join().unwrap() {
            assert_eq!(status, 200);
            assert!(body.trim_end().ends_with("</html>"), "a whole page");
            let text = op1(&body);
            assert!(
                text.starts_with("1. Decides to keep") && text.ends_with(".¶"),
                "{text}"
            );
            answers += 1;
        }
    }
    assert_eq!(answers, 200);
    // The server is still up.
    assert_eq!(get(&host, "/archive/").0, 200);
}

#[test]
fn redirects_stay_on_this_host_and_sigterm_cleans_up() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_tree(&fixture("basic"), &root);
    let config = fs::read_to_string(root.join("config.yaml")).unwrap();
    let config = config.replace("https://user.github.io/archive/", "https://user.github.io/");
    fs::write(root.join("config.yaml"), config).unwrap();
    // The preview goes to a temporary folder of its own, inside this one.
    let temp = tmp.path().join("temp");
    fs::create_dir(&temp).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_plenary"));
    command.arg("serve").env("TMPDIR", &temp);
    let mut server = spawn(command, &root);
    let host = server.host.clone();
    assert_eq!(
        fs::read_dir(&temp).unwrap().count(),
        1,
        "one preview folder"
    );

    for (path, to) in [
        ("//ga", "/ga/"),
        ("//ga//70", "/ga/70/"),
        ("///ga", "/ga/"),
        ("/ga", "/ga/"),
    ] {
        assert_eq!(location(&host, path), (308, Some(to.to_string())), "{path}");
    }
    for path in [
        "/..%2f..%2fetc/passwd",
        "/%2e%2e/%2e%2e/",
        "/ga/..\\..\\x",
        "/ga/%5c..%5c..%5cx",
        "//..//..//",
    ] {
        assert_eq!(location(&host, path), (404, None), "{path}");
    }

    let pid = server.child.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    let deadline = Instant::now() + Duration::from_secs(15);
    while server.child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "serve did not stop on SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    }
    let left: Vec<_> = fs::read_dir(&temp)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}
