//! The review date as an iCalendar file (RFC 5545), which Outlook and other calendars import:
//! one all-day event on the review date. It holds the assessment's title and the decision,
//! and nothing else the person did not type: no URL, no names.

use super::assessment::SignOff;
use super::time::{add_days, is_date, long_date, Timestamp};
use super::words::{display_title, escaped};

/// The longest line, in octets, before it is folded (RFC 5545, 3.1).
const LINE_OCTETS: usize = 75;

/// The calendar file of the review of the assessment kept under `id`, titled `title`, decided
/// as `signoff` says; `now` is when the file is made. `None` without a real review date.
pub fn review_event(id: &str, title: &str, signoff: &SignOff, now: &Timestamp) -> Option<String> {
    let review = signoff.review_date.as_deref().filter(|d| is_date(d))?;
    let next_day = add_days(review, 1)?;
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        format!("PRODID:-//risk-checklist//{}//EN", env!("CARGO_PKG_VERSION")),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", escape(&format!("{id}-review@risk-checklist"))),
        format!("DTSTAMP:{}", stamp(now)),
        format!("DTSTART;VALUE=DATE:{}", review.replace('-', "")),
        format!("DTEND;VALUE=DATE:{}", next_day.replace('-', "")),
        format!("SUMMARY:{}", escape(&format!("Review: {}", display_title(title)))),
        format!("DESCRIPTION:{}", escape(&description(signoff))),
        "TRANSP:TRANSPARENT".to_owned(),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    Some(lines.iter().map(|line| fold(line)).collect())
}

/// What the event says of the decision: which, when, and its conditions.
fn description(signoff: &SignOff) -> String {
    let decision = signoff.decision.map_or("not recorded", |d| d.label());
    let mut text = format!("Decision: {decision}");
    if let Some(on) = signoff.decided.as_deref().and_then(long_date) {
        text.push_str(&format!(" on {on}"));
    }
    text.push('.');
    if !signoff.conditions.trim().is_empty() {
        text.push_str(&format!("\nConditions: {}", signoff.conditions.trim()));
    }
    text
}

/// A UTC timestamp as an iCalendar date-time, `20261207T093000Z` (no fraction).
fn stamp(t: &Timestamp) -> String {
    let s = t.as_str();
    format!("{}T{}Z", s[..10].replace('-', ""), s[11..19].replace(':', ""))
}

/// Escapes TEXT (RFC 5545, 3.3.11): backslash, semicolon, comma, and a line break as `\n`.
/// A carriage return is dropped, so that CRLF and LF both end one line.
pub fn escape(text: &str) -> String {
    escaped(text, |c| match c {
        '\\' => Some("\\\\"),
        ';' => Some("\\;"),
        ',' => Some("\\,"),
        '\n' => Some("\\n"),
        c if c.is_control() => Some(""),
        _ => None,
    })
}

/// One content line ended by CRLF, folded so that no line is longer than 75 octets: each
/// continuation starts with a space (which counts), and a UTF-8 sequence is never split.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}
