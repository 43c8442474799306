//! `plenary serve` and `plenary build --watch`: the same long-lived build
//! ([`crate::pipeline`]), driven by file events.

pub mod reload;
pub mod server;
pub mod watch;

use std::future::IntoFuture;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::thread;

use crate::diagnostics::Diagnostic;
use crate::pipeline::BuildOptions;
use crate::pipeline::{Outcome, Pipeline};
use server::{Notice, Shared};

/// What the caller hears about each rebuild, to print it.
pub type OnBuild = Arc<dyn Fn(&Result<Outcome, Vec<Diagnostic>>) + Send + Sync>;

pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub drafts: bool,
    /// Where to write the site; a temporary folder by default, so the
    /// published `public/` never gets preview addresses.
    pub output: Option<PathBuf>,
    /// Called if a build holds `output`, before waiting for it.
    pub on_lock_wait: Option<fn(&std::path::Path)>,
}

/// Builds, serves and rebuilds on every change until the process is
/// stopped. `on_ready` gets the address the site is served at.
pub fn serve(
    opts: ServeOptions,
    on_ready: impl FnOnce(&str),
    on_build: OnBuild,
) -> Result<(), String> {
    let runtime =
        tokio::runtime::Runtime::new().map_err(|e| format!("cannot start the server: {e}"))?;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(SocketAddr::new(
            opts.bind, opts.port,
        )))
        .map_err(|e| format!("cannot listen on {}:{}: {e}", opts.bind, opts.port))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    let temp = tempfile::Builder::new()
        .prefix("plenary-serve-")
        .tempdir()
        .map_err(|e| format!("cannot make a folder for the preview: {e}"))?;
    let output = opts
        .output
        .clone()
        .unwrap_or_else(|| temp.path().join("site"));

    // The configured base path is kept, so links work as they will when
    // published; only the host becomes this server.
    let mut build = BuildOptions {
        root: opts.root.clone(),
        output: Some(output.clone()),
        drafts: opts.drafts,
        on_lock_wait: opts.on_lock_wait,
        ..BuildOptions::default()
    };
    let base_path = crate::pipeline::configure(&build)
        .map_err(|d| d.to_string())?
        .base_path;
    let host = match address {
        SocketAddr::V6(a) => format!("[{}]:{}", a.ip(), a.port()),
        SocketAddr::V4(a) => a.to_string(),
    };
    let base_url = format!("http://{host}{base_path}");
    build.base_url = Some(base_url.clone());

    let first = Pipeline::start(build);
    let (session, shared) = match first {
        Ok((session, outcome)) => {
            on_build(&Ok(outcome));
            let root = std::fs::canonicalize(session.output()).map_err(|e| e.to_string())?;
            (session, Shared::new(root, base_path))
        }
        Err(diags) => {
            let text = problems(&diags);
            on_build(&Err(diags));
            return Err(format!(
                "the first build failed; fix it and start again:\n{text}"
            ));
        }
    };
    let watcher = watch::watch(&opts.root)?;
    let loop_shared = shared.clone();
    thread::spawn(move || rebuild_loop(session, watcher, on_build, move |n| loop_shared.notify(n)));

    on_ready(&base_url);
    runtime.block_on(async move {
        let (signal, signalled) = tokio::sync::oneshot::channel::<()>();
        let server = axum::serve(listener, server::router(shared))
            .with_graceful_shutdown(async {
                stopped().await;
                let _ = signal.send(());
            })
            .into_future();
        // Open pages hold their event streams for ever: once stopped,
        // give requests in flight a moment, then go.
        let grace = async {
            if signalled.await.is_ok() {
                tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            } else {
                std::future::pending::<()>().await;
            }
        };
        tokio::select! {
            r = server => r.map_err(|e| format!("the server stopped: {e}")),
            () = grace => Ok(()),
        }
    })?;
    drop(temp);
    Ok(())
}

/// Resolves on Ctrl+C, or on SIGTERM (what `kill`, systemd and terminal
/// multiplexers send), so the preview folder is removed either way.
async fn stopped() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// `plenary build --watch`: builds into the output folder, then rebuilds on
/// every change until the process is stopped.
pub fn watch_build(opts: BuildOptions, on_build: OnBuild) -> Result<(), String> {
    let root = opts.root.clone();
    let session = match Pipeline::start(opts) {
        Ok((session, outcome)) => {
            on_build(&Ok(outcome));
            session
        }
        Err(diags) => {
            on_build(&Err(diags));
            return Err("the first build failed; fix it and start again".to_string());
        }
    };
    let watcher = watch::watch(&root)?;
    rebuild_loop(session, watcher, on_build, |_| {});
    Ok(())
}

/// Applies each batch of changes; tells the caller and the browsers.
fn rebuild_loop(
    mut session: Pipeline,
    watcher: watch::Watcher,
    on_build: OnBuild,
    notify: impl Fn(Notice),
) {
    while let Ok(mut changes) = watcher.changes.recv() {
        // Changes that arrived while the last rebuild ran join this one.
        while let Ok(more) = watcher.changes.try_recv() {
            changes.extend(more);
        }
        let result = session.apply(&changes);
        match &result {
            // Nothing written (a file saved unchanged): no need to reload.
            Ok(o) if o.written + o.removed == 0 => {}
            Ok(_) => notify(Notice::Reload),
            Err(diags) => notify(Notice::Problem(problems(diags))),
        }
        on_build(&result);
    }
}

/// Errors first, one per line, as the command line prints them.
fn problems(diags: &[Diagnostic]) -> String {
    let mut sorted: Vec<&Diagnostic> = diags.iter().collect();
    sorted.sort_by_key(|d| !d.is_error());
    sorted
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}
