//! risk-checklist: a light risk checklist for public-sector social media and collaboration
//! tools, run entirely in the browser.
//!
//! `core` is pure Rust and holds every rule; `ui` (WebAssembly only) renders it with Yew.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod ui;
