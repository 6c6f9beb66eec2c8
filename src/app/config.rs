//! What an embedding page asks for, from the values of the host element's data attributes.
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
//!
//! `ui::read_config` reads the element; everything it reads is interpreted here.

use crate::core::default_checklist::default_checklist;
use crate::core::{ChecklistDefinition, DefinitionError};

/// The heading level used when `data-heading-level` is absent or not 1-6.
pub const DEFAULT_HEADING_LEVEL: u8 = 1;

/// Where the checklist definition comes from. One is made per widget, once, so the size of
/// the ready variant costs nothing worth a box.
#[derive(Debug, PartialEq)]
#[allow(clippy::large_enum_variant)]
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

/// The raw values found on a host element; `None` when absent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HostAttributes<'a> {
    pub namespace: Option<&'a str>,
    /// The text of an inline `<script type="application/json" data-checklist>` child.
    pub inline: Option<&'a str>,
    pub url: Option<&'a str>,
    pub title: Option<&'a str>,
    pub heading_level: Option<&'a str>,
}

impl HostConfig {
    /// The configuration the attribute values ask for. An inline definition wins over a URL:
    /// it needs no request.
    pub fn from_attributes(found: &HostAttributes) -> HostConfig {
        let namespace = found
            .namespace
            .map(sanitise_namespace)
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "default".into());
        let url = found.url.map(str::trim).filter(|u| !u.is_empty());
        let definition = match (found.inline, url) {
            (Some(text), _) => DefinitionSource::Ready(ChecklistDefinition::from_json(text)),
            (None, Some(url)) => DefinitionSource::Url(url.to_owned()),
            (None, None) => DefinitionSource::Ready(Ok(default_checklist())),
        };
        HostConfig {
            namespace,
            definition,
            default_title: found.title.map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned),
            heading_level: parse_heading_level(found.heading_level),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What a host with these attribute values is configured as: namespace, where the
    /// definition comes from ("default", "inline <its id>", "refused" for an inline one with
    /// problems, or the URL), the default title and the heading level.
    fn check(found: HostAttributes, expected: (&str, &str, Option<&str>, u8)) {
        let config = HostConfig::from_attributes(&found);
        let source = match &config.definition {
            DefinitionSource::Ready(Ok(def)) if *def == default_checklist() => "default".to_owned(),
            DefinitionSource::Ready(Ok(def)) => format!("inline {}", def.id),
            DefinitionSource::Ready(Err(_)) => "refused".to_owned(),
            DefinitionSource::Url(url) => url.clone(),
        };
        let got = (
            config.namespace.as_str(),
            source.as_str(),
            config.default_title.as_deref(),
            config.heading_level,
        );
        assert_eq!(got, expected, "{found:?}");
    }

    #[test]
    fn a_bare_host_gets_the_defaults() {
        check(HostAttributes::default(), ("default", "default", None, 1));
    }

    #[test]
    fn namespaces_keep_only_safe_characters() {
        let ns = |namespace| HostAttributes { namespace: Some(namespace), ..Default::default() };
        check(ns("team-a_1.0"), ("team-a_1.0", "default", None, 1));
        check(ns("team a/../b"), ("teama..b", "default", None, 1));
        // Nothing left of it: the default namespace, never an empty one.
        check(ns("//"), ("default", "default", None, 1));
        check(ns(&"x".repeat(100)), (&"x".repeat(64), "default", None, 1));
    }

    #[test]
    fn an_inline_definition_wins_over_a_url() {
        let inline = include_str!("../../tests/fixtures/definitions/valid-small.json");
        let both =
            HostAttributes { inline: Some(inline), url: Some("/c.json"), ..Default::default() };
        check(both, ("default", "inline team-chat-pilot", None, 1));
        let broken =
            HostAttributes { inline: Some("{}"), url: Some("/c.json"), ..Default::default() };
        check(broken, ("default", "refused", None, 1));
        let url = HostAttributes { url: Some("  /c.json "), ..Default::default() };
        check(url, ("default", "/c.json", None, 1));
        let blank = HostAttributes { url: Some("  "), ..Default::default() };
        check(blank, ("default", "default", None, 1));
    }

    #[test]
    fn titles_are_trimmed_and_blank_ones_ignored() {
        let title = |title| HostAttributes { title: Some(title), ..Default::default() };
        check(title("  Team chat pilot "), ("default", "default", Some("Team chat pilot"), 1));
        check(title("   "), ("default", "default", None, 1));
    }

    #[test]
    fn heading_levels_outside_one_to_six_give_one() {
        for (raw, level) in [
            (None, 1),
            (Some("3"), 3),
            (Some(" 6 "), 6),
            (Some("0"), 1),
            (Some("7"), 1),
            (Some("h2"), 1),
        ] {
            assert_eq!(parse_heading_level(raw), level, "{raw:?}");
        }
    }

    #[test]
    fn headings_below_the_top_stop_at_h6() {
        for (level, below, tag) in
            [(1, 0, "h1"), (1, 1, "h2"), (3, 1, "h4"), (5, 3, "h6"), (0, 0, "h1")]
        {
            assert_eq!(heading_tag(level, below), tag, "level {level}, {below} below");
        }
    }
}
