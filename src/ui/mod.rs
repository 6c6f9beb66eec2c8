//! The browser shell: mounts the widget into each host element, reads the browser and renders
//! `app`'s state.
//!
//! Data flows one way: a component turns a DOM event into a [`crate::app::Msg`], or asks
//! [`ops`] for an operation that ends in one; the reducer (`app::AppState::reduce`) applies it,
//! components render the new state, and an effect hands each assessment changed here to
//! `storage` to save.

pub mod clock;
pub mod components;
pub mod context;
pub mod download;
pub mod focus;
pub mod ops;
pub mod storage;
pub mod tables;

use crate::app::config::{HostAttributes, HostConfig};
use components::app::{App, AppProps};
use std::sync::atomic::{AtomicUsize, Ordering};
use wasm_bindgen::JsCast;

/// The attribute that marks a host element.
pub const HOST_SELECTOR: &str = "[data-risk-checklist]";

static INSTANCES: AtomicUsize = AtomicUsize::new(0);

/// Mounts a widget into every host element on the page that does not have one yet, and into
/// every host added later.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(root) = document.document_element() {
        mount_within(&root);
        watch_for_hosts(&root);
    }
}

/// Mounts every host element at or under `node`.
fn mount_within(node: &web_sys::Element) {
    if node.matches(HOST_SELECTOR).unwrap_or(false) {
        mount(node.clone());
    }
    let Ok(hosts) = node.query_selector_all(HOST_SELECTOR) else { return };
    for i in 0..hosts.length() {
        if let Some(host) = hosts.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            mount(host);
        }
    }
}

/// Content management systems often render parts of a page after it loaded: hosts added then
/// are mounted too. One query for hosts not mounted yet answers each batch of changes, so the
/// widget's own rendering (thousands of added nodes) costs one query, not a call per node.
fn watch_for_hosts(root: &web_sys::Element) {
    use wasm_bindgen::closure::Closure;
    let unmounted = format!("{HOST_SELECTOR}:not([data-mounted])");
    let within = root.clone();
    let callback = Closure::<dyn FnMut()>::new(move || {
        let Ok(hosts) = within.query_selector_all(&unmounted) else { return };
        for i in 0..hosts.length() {
            if let Some(host) = hosts.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                mount(host);
            }
        }
    });
    let Ok(observer) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    let options = web_sys::MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    let _ = observer.observe_with_options(root, &options);
    // The observer lives as long as the page.
    callback.forget();
}

/// Mounts one widget into `host`, configured by its data attributes.
pub fn mount(host: web_sys::Element) -> Option<yew::AppHandle<App>> {
    if host.get_attribute("data-mounted").is_some() {
        return None;
    }
    let config = read_config(&host);
    // The host's own content (the inline definition, a loading message) is replaced.
    host.set_inner_html("");
    let _ = host.set_attribute("data-mounted", "");
    let n = INSTANCES.fetch_add(1, Ordering::Relaxed);
    let props = AppProps { config: std::rc::Rc::new(config), id_prefix: format!("rc{n}").into() };
    Some(yew::Renderer::<App>::with_root_and_props(host, props).render())
}

/// Reads the host's data attributes and an inline
/// `<script type="application/json" data-checklist>` child; `app::config` interprets them.
pub fn read_config(host: &web_sys::Element) -> HostConfig {
    let attr = |name: &str| host.get_attribute(name);
    let inline = host
        .query_selector("script[type='application/json'][data-checklist]")
        .ok()
        .flatten()
        .and_then(|script| script.text_content());
    let (namespace, url) = (attr("data-namespace"), attr("data-checklist-url"));
    let (title, heading_level) = (attr("data-title"), attr("data-heading-level"));
    HostConfig::from_attributes(&HostAttributes {
        namespace: namespace.as_deref(),
        inline: inline.as_deref(),
        url: url.as_deref(),
        title: title.as_deref(),
        heading_level: heading_level.as_deref(),
    })
}
