//! plenary: a static site generator for archives of numbered resolutions.
//!
//! The pipeline, one module per stage:
//! [`load`] → [`resolution`] (parse) → [`site`] and [`cite`] (link the
//! archive) → [`kinds`] (what files each kind of output makes, and from
//! what) → [`render`] → [`output`] (write). [`pipeline`] runs them: once
//! for [`build`], or kept alive for [`serve`].
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod akn;
pub mod build;
pub mod check;
pub mod cite;
pub mod config;
pub mod diagnostics;
#[doc(hidden)]
pub mod fuzzing;
pub mod kinds;
pub(crate) mod languages;
pub mod load;
pub mod markdown;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod resolution;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod states;
pub mod text;
pub(crate) mod urls;
pub mod yaml;
