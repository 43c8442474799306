//! Akoma Ntoso, the OASIS standard for legal documents, as the UN uses it
//! (AKN4UN): every resolution page has an AKN twin (`export`) and a JSON
//! record of its data (`json`); the UN's own XML converts to source files
//! (`import`).

pub(crate) mod export;
pub mod extract;
pub mod import;
mod inline;
pub mod json;
pub(crate) mod uris;
