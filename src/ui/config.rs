//! What an embedding page asks for, read from the host element's data attributes.

use crate::core::default_checklist::default_checklist;
use crate::core::{ChecklistDefinition, DefinitionError};

/// The configuration of one widget.
#[derive(Debug, PartialEq)]
pub struct HostConfig {
    /// Separates this widget's storage from others on the same origin.
    pub namespace: String,
    /// The checklist to show, or every problem found in the one supplied.
    pub definition: Result<ChecklistDefinition, Vec<DefinitionError>>,
}

impl HostConfig {
    /// Reads `data-namespace` and an inline `<script type="application/json" data-checklist>`.
    pub fn read(host: &web_sys::Element) -> HostConfig {
        let namespace = host
            .get_attribute("data-namespace")
            .map(|n| sanitise_namespace(&n))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "default".into());
        let inline = host
            .query_selector("script[type='application/json'][data-checklist]")
            .ok()
            .flatten()
            .and_then(|script| script.text_content());
        let definition = match inline {
            Some(text) => ChecklistDefinition::from_json(&text),
            None => Ok(default_checklist()),
        };
        HostConfig { namespace, definition }
    }
}

/// Keeps a namespace to characters that are safe inside a storage key.
pub fn sanitise_namespace(raw: &str) -> String {
    raw.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')).take(64).collect()
}
