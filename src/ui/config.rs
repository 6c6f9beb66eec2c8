//! What an embedding page asks for, read from the host element's data attributes.
//!
//! The embedding contract (docs/EMBEDDING.md):
//!
//! | attribute / child | meaning |
//! |---|---|
//! | `data-risk-checklist` | marks the host; the widget mounts into it |
//! | `<script type="application/json" data-checklist>` child | the checklist definition, inline |
//! | `data-checklist-url` | the checklist definition, fetched from this URL (when there is no inline one) |
//! | `data-namespace` | separates this widget's storage from others on the same origin |
//! | `data-title` | the default title of a new assessment |
//! | `data-heading-level` | the level (1-6) of the widget's top heading, default 1 |

use crate::core::default_checklist::default_checklist;
use crate::core::{ChecklistDefinition, DefinitionError};

/// The heading level used when `data-heading-level` is absent or not 1-6.
pub const DEFAULT_HEADING_LEVEL: u8 = 1;

/// Where the checklist definition comes from.
#[derive(Debug, PartialEq)]
pub enum DefinitionSource {
    /// Known at once: the inline definition, or the default checklist. `Err` holds every
    /// problem found in the inline one.
    Ready(Result<ChecklistDefinition, Vec<DefinitionError>>),
    /// To be fetched from this URL (as written in `data-checklist-url`; relative URLs are
    /// resolved against the page).
    Url(String),
}

/// The configuration of one widget.
#[derive(Debug, PartialEq)]
pub struct HostConfig {
    /// Separates this widget's storage from others on the same origin.
    pub namespace: String,
    /// The checklist to show (or every problem found in the one supplied), or where to fetch it.
    pub definition: DefinitionSource,
    /// `data-title`: the title a new assessment starts with, trimmed; `None` when absent or blank.
    pub default_title: Option<String>,
    /// `data-heading-level`: the level of the widget's top heading, 1-6 (default 1). The
    /// headings below it follow on from it.
    pub heading_level: u8,
}

impl HostConfig {
    /// Reads the host's data attributes and an inline
    /// `<script type="application/json" data-checklist>` child.
    pub fn read(host: &web_sys::Element) -> HostConfig {
        let attr = |name: &str| host.get_attribute(name);
        let inline = host
            .query_selector("script[type='application/json'][data-checklist]")
            .ok()
            .flatten()
            .and_then(|script| script.text_content());
        let url = attr("data-checklist-url").map(|u| u.trim().to_owned()).filter(|u| !u.is_empty());
        HostConfig::from_parts(
            attr("data-namespace").as_deref(),
            inline.as_deref(),
            url,
            attr("data-title").as_deref(),
            attr("data-heading-level").as_deref(),
        )
    }

    /// The configuration from the attribute values (`None` when absent). An inline definition
    /// wins over a URL: it needs no request.
    pub fn from_parts(
        namespace: Option<&str>,
        inline: Option<&str>,
        url: Option<String>,
        title: Option<&str>,
        heading_level: Option<&str>,
    ) -> HostConfig {
        let namespace = namespace
            .map(sanitise_namespace)
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "default".into());
        let definition = match (inline, url) {
            (Some(text), _) => DefinitionSource::Ready(ChecklistDefinition::from_json(text)),
            (None, Some(url)) => DefinitionSource::Url(url),
            (None, None) => DefinitionSource::Ready(Ok(default_checklist())),
        };
        HostConfig {
            namespace,
            definition,
            default_title: title.map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned),
            heading_level: parse_heading_level(heading_level),
        }
    }
}

/// `data-heading-level` as a number 1-6; anything else gives the default, 1.
pub fn parse_heading_level(raw: Option<&str>) -> u8 {
    raw.and_then(|r| r.trim().parse::<u8>().ok())
        .filter(|l| (1..=6).contains(l))
        .unwrap_or(DEFAULT_HEADING_LEVEL)
}

/// The tag name of a heading `below` levels under `level` (h1-h6; deeper levels stay h6).
pub fn heading_tag(level: u8, below: u8) -> &'static str {
    match level.saturating_add(below).clamp(1, 6) {
        1 => "h1",
        2 => "h2",
        3 => "h3",
        4 => "h4",
        5 => "h5",
        _ => "h6",
    }
}

/// Keeps a namespace to characters that are safe inside a storage key.
pub fn sanitise_namespace(raw: &str) -> String {
    raw.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .take(64)
        .collect()
}
