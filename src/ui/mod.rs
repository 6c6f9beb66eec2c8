//! The browser shell: mounts the widget into each host element and renders the core's state.
//!
//! Data flows one way: a component turns a DOM event into a [`state::Msg`], the reducer in
//! `state` applies it (assessment changes go through `core::Assessment::apply`), components
//! render the new state, and an effect hands each new assessment to `storage` to save.

pub mod clock;
pub mod components;
pub mod config;
pub mod download;
pub mod ops;
pub mod state;
pub mod storage;

use components::app::{App, AppProps};
use std::sync::atomic::{AtomicUsize, Ordering};
use wasm_bindgen::JsCast;

/// The attribute that marks a host element.
pub const HOST_SELECTOR: &str = "[data-risk-checklist]";

static INSTANCES: AtomicUsize = AtomicUsize::new(0);

/// Mounts a widget into every host element on the page that does not have one yet.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(hosts) = document.query_selector_all(HOST_SELECTOR) else { return };
    for i in 0..hosts.length() {
        if let Some(host) = hosts.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            mount(host);
        }
    }
}

/// Mounts one widget into `host`, configured by its data attributes.
pub fn mount(host: web_sys::Element) -> Option<yew::AppHandle<App>> {
    if host.get_attribute("data-mounted").is_some() {
        return None;
    }
    let config = config::HostConfig::read(&host);
    // The host's own content (the inline definition, a loading message) is replaced.
    host.set_inner_html("");
    let _ = host.set_attribute("data-mounted", "");
    let n = INSTANCES.fetch_add(1, Ordering::Relaxed);
    let props = AppProps { config: std::rc::Rc::new(config), id_prefix: format!("rc{n}").into() };
    Some(yew::Renderer::<App>::with_root_and_props(host, props).render())
}
