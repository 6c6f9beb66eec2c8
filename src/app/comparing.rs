//! A comparison on screen: the open assessment and another of the same checklist side by side,
//! the one changed earlier first, each column headed with which assessment it is and when it
//! last changed.

use super::choices::quoted;
use crate::core::compare::{compare, Comparison};
use crate::core::{Assessment, ChecklistDefinition};

/// The open assessment compared with another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparing {
    /// The heading of the earlier side's column.
    pub before: String,
    /// The heading of the later side's column.
    pub after: String,
    pub comparison: Comparison,
}

/// The open assessment `open` compared with `other`, which is called `other_name`. The one
/// changed earlier is taken as before, so that risks opened and closed read in the order things
/// happened; on a tie the other one comes first, as the open one is the one being worked on.
pub fn comparing(
    def: &ChecklistDefinition,
    open: &Assessment,
    other: &Assessment,
    other_name: &str,
) -> Comparing {
    let open_name =
        format!("{}, open now (last changed {})", quoted(&open.title), open.updated.date());
    let other_name = format!("{other_name} (last changed {})", other.updated.date());
    if open.updated < other.updated {
        Comparing { before: open_name, after: other_name, comparison: compare(def, open, other) }
    } else {
        Comparing { before: other_name, after: open_name, comparison: compare(def, other, open) }
    }
}

/// The counts of a comparison in a sentence: how many risks opened, closed, went up and went
/// down from one side to the other.
pub fn risk_counts(c: &Comparison) -> String {
    format!(
        "{} opened, {} closed, {} raised, {} lowered.",
        risks(c.opened),
        c.closed,
        c.raised,
        c.lowered
    )
}

/// "1 risk" or "3 risks".
fn risks(n: usize) -> String {
    if n == 1 {
        "1 risk".into()
    } else {
        format!("{n} risks")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::default_checklist::default_checklist;
    use crate::core::{Action, Status, Timestamp};

    fn at(day: u8) -> Timestamp {
        Timestamp::parse(&format!("2026-03-{day:02}T10:00:00Z")).unwrap()
    }

    /// An assessment titled `title`, last changed on `day`, with the first item at `status`.
    fn assessment(title: &str, day: u8, status: Status) -> Assessment {
        let def = default_checklist();
        let mut a = Assessment::new(at(1));
        a.apply(&def, Action::SetTitle { title: title.into() }, at(day));
        let item = def.sections[0].items[0].id.clone();
        a.apply(&def, Action::SetStatus { item, status }, at(day));
        a
    }

    #[test]
    fn the_one_changed_earlier_is_before_and_each_side_is_named_with_its_date() {
        let def = default_checklist();
        let open = assessment("Pilot", 5, Status::NotAchieved);
        let other = assessment("Pilot", 3, Status::Achieved);
        let c = comparing(&def, &open, &other, "“Pilot”");
        assert_eq!(c.before, "“Pilot” (last changed 2026-03-03)");
        assert_eq!(c.after, "“Pilot”, open now (last changed 2026-03-05)");
        assert_eq!(c.comparison, compare(&def, &other, &open));
        assert_eq!((c.comparison.opened, c.comparison.closed), (1, 0));

        // The open one changed first: it is before, and the risk still opens from then to now.
        let c = comparing(&def, &other, &open, "pilot.json");
        assert_eq!(c.before, "“Pilot”, open now (last changed 2026-03-03)");
        assert_eq!(c.after, "pilot.json (last changed 2026-03-05)");
        assert_eq!(c.comparison, compare(&def, &other, &open));

        // On a tie, the other one is before.
        let same_day = assessment("", 5, Status::Achieved);
        let c = comparing(&def, &open, &same_day, "Untitled assessment");
        assert_eq!(c.before, "Untitled assessment (last changed 2026-03-05)");
    }

    #[test]
    fn the_counts_read_as_a_sentence() {
        let def = default_checklist();
        let mut c = compare(&def, &Assessment::new(at(1)), &Assessment::new(at(1)));
        assert_eq!(risk_counts(&c), "0 risks opened, 0 closed, 0 raised, 0 lowered.");
        (c.opened, c.closed, c.raised, c.lowered) = (1, 2, 3, 4);
        assert_eq!(risk_counts(&c), "1 risk opened, 2 closed, 3 raised, 4 lowered.");
    }
}
