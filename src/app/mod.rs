//! The shell's logic, without the browser: what is on screen and how each message changes it,
//! the choices the widget makes (what opens after a delete, what a tab does when another tab
//! saves), the host configuration and the checks an import must pass; and storage behind a
//! port (`port`, `store`, `saving`), with the operations on it (`ops`) and what opens at
//! start-up (`boot`), tested against storage in memory (`memory`).
//!
//! Like the core, nothing here may use a browser crate: it is compiled and tested natively,
//! and `src/ui` only reads the browser, renders, and hands outcomes to [`state::AppState::reduce`].
//! `tests/architecture.rs` enforces this.

pub mod announcements;
pub mod boot;
pub mod choices;
pub mod comparing;
pub mod config;
pub mod deciding;
pub mod filter;
pub mod import;
pub mod memory;
pub mod merging;
pub mod messages;
pub mod navigation;
pub mod ops;
mod outcomes;
pub mod port;
pub mod saving;
mod screen;
pub mod state;
pub mod store;
pub mod tabs;
mod tests;
pub mod words;

pub use announcements::Announcement;
pub use filter::Filter;
pub use state::{AppState, FocusTarget, Msg, Origin, Printing, StorageError, View};
