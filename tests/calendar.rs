//! The review date as an iCalendar file: read back by a small RFC 5545 reader written here,
//! independently of the writer.
#![cfg(not(target_arch = "wasm32"))]

use risk_checklist::core::calendar::{escape, fold, review_event};
use risk_checklist::core::{Decision, SignOff, Timestamp};

fn now() -> Timestamp {
    Timestamp::parse("2026-12-07T09:30:15.250Z").unwrap()
}

fn signoff() -> SignOff {
    SignOff {
        owner: "Jo Bloggs".into(),
        role: "Director".into(),
        decision: Some(Decision::ProceedWithConditions),
        conditions: "Rota agreed; weekly check, by \\comms\\\nthen monthly".into(),
        review_date: Some("2027-12-31".into()),
        decided: Some("2026-12-07".into()),
        ..SignOff::default()
    }
}

/// Unfolds content lines (RFC 5545, 3.1), checking each physical line first.
fn unfold(text: &str) -> Vec<String> {
    assert!(text.ends_with("\r\n"));
    let mut lines: Vec<String> = Vec::new();
    for physical in text[..text.len() - 2].split("\r\n") {
        assert!(physical.len() <= 75, "{} octets: {physical:?}", physical.len());
        assert!(!physical.contains('\n') && !physical.contains('\r'), "{physical:?}");
        match physical.strip_prefix(' ') {
            Some(rest) => lines.last_mut().expect("a continuation follows a line").push_str(rest),
            None => lines.push(physical.to_owned()),
        }
    }
    lines
}

/// Reads TEXT back (RFC 5545, 3.3.11).
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') | Some('N') => out.push('\n'),
            Some(other @ ('\\' | ';' | ',')) => out.push(other),
            other => panic!("bad escape \\{other:?}"),
        }
    }
    out
}

/// The value of the property named `name` (with its parameters), unescaped.
fn property(lines: &[String], name: &str) -> String {
    let found: Vec<&String> = lines.iter().filter(|l| l.starts_with(&format!("{name}:"))).collect();
    assert_eq!(found.len(), 1, "{name} in {lines:?}");
    unescape(&found[0][name.len() + 1..])
}

#[test]
fn one_all_day_event_on_the_review_date_reads_back() {
    let text =
        review_event("a-mi3k2x1-4fz0qa", "Team blog, pilot; phase 2", &signoff(), &now()).unwrap();
    let lines = unfold(&text);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    assert_eq!(property(&lines, "VERSION"), "2.0");
    assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 1);
    assert_eq!(property(&lines, "UID"), "a-mi3k2x1-4fz0qa-review@risk-checklist");
    assert_eq!(property(&lines, "DTSTAMP"), "20261207T093015Z");
    assert_eq!(property(&lines, "DTSTART;VALUE=DATE"), "20271231");
    assert_eq!(property(&lines, "DTEND;VALUE=DATE"), "20280101", "the next day, over a year end");
    assert_eq!(property(&lines, "SUMMARY"), "Review: Team blog, pilot; phase 2");
    assert_eq!(
        property(&lines, "DESCRIPTION"),
        "Decision: Proceed with conditions on 7 December 2026.\nConditions: Rota agreed; weekly check, by \\comms\\\nthen monthly"
    );
    assert!(!text.contains("Jo Bloggs"), "no name beyond the title and decision");
    assert!(!text.contains("http"), "no URL");
}

#[test]
fn the_uid_is_stable_and_the_stamp_follows_the_clock() {
    let later = Timestamp::parse("2027-01-02T03:04:05Z").unwrap();
    let one = unfold(&review_event("a-1", "T", &signoff(), &now()).unwrap());
    let two = unfold(&review_event("a-1", "Renamed", &signoff(), &later).unwrap());
    assert_eq!(property(&one, "UID"), property(&two, "UID"));
    assert_eq!(property(&two, "DTSTAMP"), "20270102T030405Z");
    let other = unfold(&review_event("a-2", "T", &signoff(), &now()).unwrap());
    assert_ne!(property(&one, "UID"), property(&other, "UID"));
}

#[test]
fn no_event_without_a_real_review_date() {
    for review in [None, Some("2027-02-29"), Some("soon")] {
        let s = SignOff { review_date: review.map(str::to_owned), ..signoff() };
        assert_eq!(review_event("a-1", "T", &s, &now()), None, "{review:?}");
    }
}

#[test]
fn text_escapes_backslash_semicolon_comma_and_line_breaks() {
    assert_eq!(escape(r"a\b;c,d"), r"a\\b\;c\,d");
    assert_eq!(escape("one\r\ntwo\nthree"), r"one\ntwo\nthree");
    assert_eq!(escape("tab\there"), "tabhere", "other control characters are dropped");
    assert_eq!(unescape(&escape("x\\;,\n:\"é")), "x\\;,\n:\"é");
}

#[test]
fn a_long_multibyte_title_folds_at_75_octets_without_splitting_a_character() {
    // 3-octet and 4-octet characters, so that a fold at exactly 75 octets would split them.
    let title = "Évaluation – 社交媒体 🎉 ".repeat(12);
    let text = review_event("a-1", &title, &signoff(), &now()).unwrap();
    let physical: Vec<&str> = text.split("\r\n").collect();
    assert!(physical.iter().filter(|l| l.starts_with(' ')).count() >= 5, "it folds");
    // Every physical line is whole UTF-8 (a &str split proves it) and at most 75 octets;
    // some come within 3 octets of the limit, so the limit is what stops them.
    assert!(physical.iter().all(|l| l.len() <= 75));
    assert!(physical.iter().any(|l| l.len() >= 72));
    let lines = unfold(&text);
    assert_eq!(property(&lines, "SUMMARY"), format!("Review: {title}"));
    // Folded by octets, not characters.
    assert_eq!(fold(&"a".repeat(75)), format!("{}\r\n", "a".repeat(75)));
    assert_eq!(fold(&"a".repeat(76)), format!("{}\r\n a\r\n", "a".repeat(75)));
    assert_eq!(fold(&format!("{}é", "a".repeat(74))), format!("{}\r\n é\r\n", "a".repeat(74)));
}

#[test]
fn an_untitled_assessment_is_named_as_everywhere() {
    let lines = unfold(&review_event("a-1", " ", &signoff(), &now()).unwrap());
    assert_eq!(property(&lines, "SUMMARY"), "Review: Untitled assessment");
}
