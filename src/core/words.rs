//! The shared vocabulary: how a rating level, a risk, a missing rating, blank text and an
//! assessment without a title read, wherever they are shown. The widget, the HTML and CSV
//! reports and the printout all word them here, so each reads the same everywhere and a second
//! language would replace this one file of the core.
//!
//! The lowest module of the core: it uses none of the others, so any of them may use it.

/// What a missing likelihood, impact, score or band reads as.
pub const NOT_RATED: &str = "Not rated";
/// What blank text, such as an owner or a due date, reads as.
pub const NOT_SET: &str = "Not set";
/// The title shown when an assessment has none.
pub const UNTITLED: &str = "Untitled assessment";

/// The app and its version, at the foot of the widget (and so of its printout) and of the HTML
/// report, so a page or a paper copy says which release made it.
pub const MADE_WITH: &str = concat!("risk-checklist ", env!("CARGO_PKG_VERSION"));

/// An assessment's title as shown to people: [`UNTITLED`] when it has none.
pub fn display_title(title: &str) -> &str {
    filled(title).map_or(UNTITLED, |_| title)
}

/// `text` with each character that `escape` names replaced by its escape ("" drops it): the one
/// loop behind the HTML report's escaping and the calendar file's.
pub fn escaped(text: &str, escape: impl Fn(char) -> Option<&'static str>) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match escape(c) {
            Some(with) => out.push_str(with),
            None => out.push(c),
        }
    }
    out
}

/// The text, or `None` when it is blank (empty or only spaces): blank text is "not set"
/// everywhere.
pub fn filled(text: &str) -> Option<&str> {
    Some(text).filter(|t| !t.trim().is_empty())
}

/// The text, or [`NOT_SET`] when it is blank.
pub fn or_not_set(text: &str) -> &str {
    filled(text).unwrap_or(NOT_SET)
}

/// A rating level with its label, as `3 – Probable`, on the given labels (lowest first); just
/// the number when the level is off the scale.
pub fn level_text(level: u8, labels: &[String]) -> String {
    match usize::from(level).checked_sub(1).and_then(|i| labels.get(i)) {
        Some(label) => format!("{level} – {label}"),
        None => level.to_string(),
    }
}

/// A rating as [`level_text`] says it, or [`NOT_RATED`] without one.
pub fn rating_text(level: Option<u8>, labels: &[String]) -> String {
    level.map_or_else(|| NOT_RATED.to_owned(), |l| level_text(l, labels))
}

/// A risk as its band and score, `High (9)`. The band comes as text, so that a report can
/// mark it up.
pub fn risk_text(band: &str, score: u32) -> String {
    format!("{band} ({score})")
}

/// An item's risk line in the checklist: `Risk: High (score 9)`, or `Risk: not rated`.
pub fn item_risk(band_and_score: Option<(&str, u32)>) -> String {
    match band_and_score {
        Some((band, score)) => format!("Risk: {band} (score {score})"),
        None => "Risk: not rated".to_owned(),
    }
}

/// The scores of a band: `scores 3 to 4`, or `score 9` when it is one.
pub fn score_range(from: u32, to: u32) -> String {
    if from >= to {
        format!("score {to}")
    } else {
        format!("scores {from} to {to}")
    }
}

/// Progress as `3 of 10 items assessed (30%)`.
pub fn progress_text(assessed: usize, total: usize, percent: u8) -> String {
    format!("{assessed} of {total} items assessed ({percent}%)")
}

/// The heading of the part a review adds: what changed since the assessment it reviews.
pub const CHANGES_HEADING: &str = "Changes since last review";

/// The heading and the line above the answers to items out of scope, in the record.
pub const OUT_OF_SCOPE_ANSWERS: (&str, &str) = (
    "Items out of scope",
    "Answers to items out of scope for this assessment, kept as they were in case the scope changes.",
);
/// The heading and the line above the answers to retired items, in the record.
pub const RETIRED_ANSWERS: (&str, &str) = (
    "Retired items",
    "Answers to items this version of the checklist no longer has, kept as they were.",
);
/// The section of an answer whose item the checklist no longer has, in a report or a
/// comparison.
pub const RETIRED_SECTION: &str = "(retired item)";
/// What comes before the conditions of the decision a review reviews.
pub const ITS_CONDITIONS: &str = "Its conditions: ";
/// What "Not assessed" means, where the Summary first says it.
pub const NOT_ASSESSED_MEANS: &str = "Not assessed: no status has been chosen for the item yet.";
/// What "Not rated" means, where the Summary first says it.
pub const NOT_RATED_MEANS: &str =
    "Not rated: the item is partially or not achieved, but its likelihood and impact are not both chosen yet.";
/// What a due date already past is marked with.
pub const OVERDUE: &str = "Overdue";
/// What a risk without a response chosen says.
pub const NO_RESPONSE: &str = "No response chosen";
/// What a baseline item not applicable without a reason says.
pub const NO_REASON: &str = "No reason given";
/// The label of a decision's fingerprint, wherever it is shown.
pub const FINGERPRINT: &str = "Fingerprint";

/// What the not-yet-assessed list says when it is empty.
pub const ALL_ASSESSED: &str = "Every item in scope is assessed.";

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> Vec<String> {
        ["Remote", "Possible", "Probable"].map(String::from).to_vec()
    }

    #[test]
    fn a_level_reads_with_its_label_and_a_level_off_the_scale_as_its_number() {
        assert_eq!(level_text(3, &labels()), "3 – Probable");
        assert_eq!(level_text(1, &labels()), "1 – Remote");
        assert_eq!(level_text(4, &labels()), "4");
        assert_eq!(level_text(0, &labels()), "0");
        assert_eq!(rating_text(None, &labels()), "Not rated");
        assert_eq!(rating_text(Some(2), &labels()), "2 – Possible");
    }

    #[test]
    fn blank_text_is_not_set_and_a_blank_title_untitled() {
        for blank in ["", " ", "\t \n"] {
            assert_eq!(filled(blank), None, "{blank:?}");
            assert_eq!(or_not_set(blank), "Not set");
            assert_eq!(display_title(blank), "Untitled assessment");
        }
        assert_eq!(or_not_set(" Jo "), " Jo ");
        assert_eq!(display_title("Pilot"), "Pilot");
    }

    #[test]
    fn a_risk_reads_as_its_band_and_score() {
        assert_eq!(risk_text("High", 9), "High (9)");
        assert_eq!(item_risk(Some(("Low", 2))), "Risk: Low (score 2)");
        assert_eq!(item_risk(None), "Risk: not rated");
        assert_eq!(progress_text(3, 10, 30), "3 of 10 items assessed (30%)");
    }
}
