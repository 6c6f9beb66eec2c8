//! Choices the widget makes for the person: what a new assessment starts with, what a copy is
//! called, and what opens when the open assessment is deleted.

use crate::core::assessment::MAX_NAME;
use crate::core::library::{AssessmentId, Library};
use crate::core::words::{filled, UNTITLED};
use crate::core::{Action, Assessment, ChecklistDefinition, Timestamp};

/// A new, empty assessment, titled as the embedding page asked.
pub fn fresh(def: &ChecklistDefinition, title: Option<&str>, now: Timestamp) -> Assessment {
    let mut a = Assessment::new(now.clone());
    if let Some(title) = title {
        a.apply(def, Action::SetTitle { title: title.to_owned() }, now);
    }
    a
}

/// An assessment's title as a message quotes it, or "Untitled assessment".
pub fn quoted(title: &str) -> String {
    match filled(title) {
        Some(_) => format!("“{title}”"),
        None => UNTITLED.into(),
    }
}

/// The title of a copy: "Copy of …", cut to the longest title allowed.
pub fn copy_title(title: &str) -> String {
    let of = if title.trim().is_empty() { "untitled assessment" } else { title };
    format!("Copy of {of}").chars().take(MAX_NAME).collect()
}

/// A copy of `source` made now: a new title and a new creation time, the answers as they are.
pub fn copy_of(def: &ChecklistDefinition, source: &Assessment, now: Timestamp) -> Assessment {
    let mut copy = source.clone();
    copy.apply(def, Action::SetTitle { title: copy_title(&source.title) }, now.clone());
    copy.created = now;
    copy
}

/// What opens when the open assessment is deleted: the most recently changed other assessment
/// of this checklist, or `None` for a new one.
pub fn after_delete(
    lib: &Library,
    checklist_id: &str,
    deleted: &AssessmentId,
) -> Option<AssessmentId> {
    lib.entries
        .iter()
        .find(|e| e.checklist_id == checklist_id && &e.id != deleted)
        .map(|e| e.id.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::default_checklist::default_checklist;
    use crate::core::library::Entry;
    use crate::core::Progress;

    fn id(n: &str) -> AssessmentId {
        AssessmentId::parse(&format!("a-{n}")).unwrap()
    }

    /// An index of entries (id, checklist), most recently changed first.
    fn library(entries: &[(&str, &str)]) -> Library {
        let mut lib = Library::new();
        lib.entries = entries
            .iter()
            .map(|(n, checklist)| Entry {
                id: id(n),
                title: String::new(),
                checklist_id: (*checklist).into(),
                checklist_title: (*checklist).into(),
                progress: Progress { assessed: 0, total: 0 },
                updated: Timestamp::epoch(),
                decision: None,
            })
            .collect();
        lib
    }

    #[test]
    fn after_a_delete_the_newest_other_assessment_of_this_checklist_opens() {
        let check = |entries: &[(&str, &str)], deleted: &str, expected: Option<&str>| {
            let got = after_delete(&library(entries), "mine", &id(deleted));
            assert_eq!(got, expected.map(id), "{entries:?} less {deleted}");
        };
        check(&[("one", "mine"), ("two", "mine")], "one", Some("two"));
        check(&[("one", "mine"), ("two", "mine")], "two", Some("one"));
        // Another checklist's assessments cannot be opened on this page.
        check(&[("one", "mine"), ("two", "other"), ("three", "mine")], "one", Some("three"));
        check(&[("one", "mine"), ("two", "other")], "one", None);
        // The deleted one may already be gone from the index.
        check(&[], "one", None);
    }

    #[test]
    fn copies_are_named_after_their_source() {
        for (title, copy) in [
            ("Team chat", "Copy of Team chat"),
            ("  ", "Copy of untitled assessment"),
            (&"x".repeat(MAX_NAME), &format!("Copy of {}", "x".repeat(MAX_NAME - 8))),
        ] {
            assert_eq!(copy_title(title), copy, "{title:?}");
        }
        let def = default_checklist();
        let t = Timestamp::parse("2026-03-01T00:00:00Z").unwrap();
        let source = fresh(&def, Some("Team chat"), Timestamp::epoch());
        let copy = copy_of(&def, &source, t.clone());
        assert_eq!((copy.title.as_str(), &copy.created), ("Copy of Team chat", &t));
    }

    #[test]
    fn messages_quote_a_title_or_say_untitled() {
        assert_eq!(quoted("Pilot"), "“Pilot”");
        assert_eq!(quoted(" "), "Untitled assessment");
    }
}
