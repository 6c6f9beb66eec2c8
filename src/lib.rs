//! risk-checklist: a light risk checklist for public-sector social media and collaboration
//! tools, run entirely in the browser.
//!
//! `core` is pure Rust and holds every rule; `app` (pure Rust too) holds the widget's state,
//! its reducer and the choices the shell makes; `ui` (WebAssembly only) reads the browser and
//! renders `app`'s state with Yew.

pub mod app;
pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod ui;
