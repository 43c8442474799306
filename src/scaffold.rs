//! `plenary init DIR`: a new archive with a config, one sample
//! resolution and the workflow that publishes it on GitHub Pages. The
//! default theme lives in the binary, so nothing else is needed to build.

use std::fs;
use std::io;
use std::path::Path;

const CONFIG: &str = r#"# Site settings. See the plenary README for every key.
title: "Resolutions"
description: "An archive of resolutions"
base_url: "http://127.0.0.1:1111/"
language: en
# Extra bodies beside the General Assembly (ga), the Economic and Social
# Council (ecosoc), the Security Council (sc) and the Human Rights Council (hrc):
# bodies:
#   unea:
#     name: United Nations Environment Assembly
#     short_names: [Assembly]
#     symbol: "UNEP/EA.{session}/Res.{number}"
"#;

const SAMPLE: &str = "## 1/1. A first resolution

*The General Assembly*,

*Recalling* the Charter of the United Nations,<sup>1</sup>

1. *Decides* to publish its resolutions with plenary;

2. *Requests* the secretariat:

(a) To keep every paragraph citable;

(b) To keep every address stable.

*1st plenary meeting  
1 January 2026*

---

<sup>1</sup> Signed at San Francisco on 26 June 1945.
";

/// What the workflow installs plenary from when `init` is not told.
pub const PLACEHOLDER_GIT: &str = "https://github.com/OWNER/plenary";

/// The GitHub Pages workflow: installs plenary from `{git}`, checks the
/// archive (broken links fail the run), builds it for the Pages address
/// and publishes it.
const WORKFLOW: &str = r#"name: Publish to GitHub Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

env:
  # The plenary to build with: its git repository and a branch or tag.
  PLENARY_GIT: "{git}"
  PLENARY_REF: "main"

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: pages
        uses: actions/configure-pages@v5
      - uses: dtolnay/rust-toolchain@stable
      - name: Install plenary
        run: |
          if [ "$PLENARY_GIT" = "{placeholder}" ]; then
            echo "::error file=.github/workflows/pages.yml::set PLENARY_GIT to the repository of plenary to build with"
            exit 1
          fi
          cargo install --locked --git "$PLENARY_GIT" --branch "$PLENARY_REF" plenary
      - name: Check links and citations
        run: plenary check --base-url "${{ steps.pages.outputs.base_url }}/"
      - name: Build the site
        run: plenary build --base-url "${{ steps.pages.outputs.base_url }}/"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: public

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"#;

/// Creates the archive; refuses a folder that already has files in it.
/// `git` is where its workflow installs plenary from.
pub fn init(dir: &Path, git: Option<&str>) -> io::Result<()> {
    if dir.exists() && fs::read_dir(dir)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} is not empty; choose a new folder", dir.display()),
        ));
    }
    fs::create_dir_all(dir.join("content/ga/1"))?;
    fs::write(dir.join("config.yaml"), CONFIG)?;
    fs::write(dir.join("content/ga/1/1.md"), SAMPLE)?;
    fs::write(dir.join(".gitignore"), "/public\n")?;
    fs::create_dir_all(dir.join(".github/workflows"))?;
    let workflow = WORKFLOW
        .replace("{git}", git.unwrap_or(PLACEHOLDER_GIT))
        .replace("{placeholder}", PLACEHOLDER_GIT);
    fs::write(dir.join(".github/workflows/pages.yml"), workflow)?;
    Ok(())
}
