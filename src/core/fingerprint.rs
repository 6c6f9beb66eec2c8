//! The fingerprint of what was signed: SHA-256 over a canonical form of the checklist, the
//! scope answers, the answers to the items in scope and the decision. Anyone can recompute it
//! from an exported file without the widget: docs/FORMAT.md describes the canonical form byte
//! for byte, and `sha256sum` does the rest.
//!
//! The canonical form is plain text rather than JSON, because JSON writers differ in how they
//! escape and order; here there is one way to write each value.

use super::assessment::{Assessment, SignOff};
use super::definition::ChecklistDefinition;
use sha2::{Digest, Sha256};
use std::fmt::Write;

/// The first line of the canonical form: what it is, and its version.
const HEADER: &str = "risk-checklist fingerprint 1";

/// How many hex digits of the fingerprint are shown, in groups of four.
pub const SHOWN_DIGITS: usize = 12;

/// The canonical form of assessment `a` of checklist `def` with the decision `signoff`, as
/// docs/FORMAT.md describes it: lines of tab-separated fields, each ended by a line feed.
pub fn canonical(def: &ChecklistDefinition, a: &Assessment, signoff: &SignOff) -> String {
    let mut out = String::new();
    line(&mut out, &[HEADER]);
    line(&mut out, &["checklist", &def.id, &def.version]);
    for (question, yes) in &a.scope {
        line(&mut out, &["scope", question.as_str(), if *yes { "yes" } else { "no" }]);
    }
    let mut in_scope: Vec<_> = def
        .items_in_scope(&a.scope)
        .filter_map(|(_, item)| a.answers.get(&item.id).map(|answer| (&item.id, answer)))
        .filter(|(_, answer)| !answer.is_empty())
        .collect();
    in_scope.sort_by(|x, y| x.0.as_str().cmp(y.0.as_str()));
    for (id, answer) in in_scope {
        let level = |l: Option<u8>| l.map(|l| l.to_string()).unwrap_or_default();
        line(
            &mut out,
            &[
                "item",
                id.as_str(),
                answer.status.key(),
                &level(answer.likelihood),
                &level(answer.impact),
                answer.response.map_or("", |r| r.key()),
                &answer.owner,
                answer.due.as_deref().unwrap_or_default(),
                &answer.action,
                &answer.notes,
            ],
        );
    }
    line(
        &mut out,
        &[
            "decision",
            signoff.decision.map_or("", |d| d.key()),
            &signoff.owner,
            &signoff.role,
            signoff.decided.as_deref().unwrap_or_default(),
            signoff.review_date.as_deref().unwrap_or_default(),
            &signoff.conditions,
        ],
    );
    out
}

/// Writes one line: the fields escaped and joined by tabs, then a line feed.
fn line(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push('\t');
        }
        for c in field.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\t' => out.push_str("\\t"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                c => out.push(c),
            }
        }
    }
    out.push('\n');
}

/// The SHA-256 of the canonical form, as 64 lowercase hex digits: what a recorded sign-off
/// keeps.
pub fn fingerprint(def: &ChecklistDefinition, a: &Assessment, signoff: &SignOff) -> String {
    let digest = Sha256::digest(canonical(def, a, signoff).as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest.iter() {
        // Writing into a String cannot fail.
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// A fingerprint as people read it: its first 12 hex digits in groups of four, `3f2a 9c01 7b4e`.
pub fn shown(fingerprint: &str) -> String {
    let digits: Vec<char> = fingerprint.chars().take(SHOWN_DIGITS).collect();
    let groups: Vec<String> = digits.chunks(4).map(|g| g.iter().collect()).collect();
    groups.join(" ")
}

/// Whether an assessment is still what its recorded decision signed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signed {
    /// No decision with a fingerprint is recorded.
    NotSigned,
    /// The answers, scope and decision are as they were signed.
    Matches,
    /// Something signed has changed since.
    Changed,
}

impl Signed {
    /// Recomputes the fingerprint of `a` and compares it with the one its sign-off recorded.
    pub fn of(def: &ChecklistDefinition, a: &Assessment) -> Signed {
        let Some((signoff, recorded)) =
            a.signoff.as_ref().and_then(|s| s.fingerprint.as_deref().map(|f| (s, f)))
        else {
            return Signed::NotSigned;
        };
        if fingerprint(def, a, signoff) == recorded {
            Signed::Matches
        } else {
            Signed::Changed
        }
    }

    /// What a file opened or imported is said to be.
    pub fn sentence(self) -> Option<&'static str> {
        match self {
            Signed::NotSigned => None,
            Signed::Matches => Some("This assessment matches the signed version."),
            Signed::Changed => Some("This assessment has changed since it was signed."),
        }
    }

    /// What a file read for import is said to be.
    pub fn file_sentence(self) -> Option<&'static str> {
        match self {
            Signed::NotSigned => None,
            Signed::Matches => Some("This file matches the signed version."),
            Signed::Changed => Some("This file has changed since it was signed."),
        }
    }
}
