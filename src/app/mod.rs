//! The shell's logic, without the browser: what is on screen and how each message changes it,
//! the choices the widget makes (what opens after a delete, what a tab does when another tab
//! saves), the host configuration and the checks an import must pass.
//!
//! Like the core, nothing here may use a browser crate: it is compiled and tested natively,
//! and `src/ui` only reads the browser, renders, and hands outcomes to [`state::AppState::reduce`].
//! `tests/architecture.rs` enforces this.

pub mod announcements;
pub mod choices;
pub mod comparing;
pub mod config;
pub mod filter;
pub mod import;
pub mod merging;
pub mod messages;
pub mod navigation;
mod outcomes;
mod screen;
pub mod state;
pub mod tabs;
mod tests;

pub use announcements::Announcement;
pub use filter::Filter;
pub use state::{AppState, FocusTarget, Msg, Origin, StorageError, View};
