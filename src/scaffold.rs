//! `plenary init DIR`: a new archive with a config and one sample
//! resolution. The default theme lives in the binary, so nothing else is
//! needed to build.

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

/// Creates the archive; refuses a folder that already has files in it.
pub fn init(dir: &Path) -> io::Result<()> {
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
    Ok(())
}
