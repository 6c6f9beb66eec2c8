//! A comparison on screen: the open assessment and another of the same checklist side by side,
//! the one changed earlier first, each column headed with which assessment it is and when it
//! last changed; and what one side of an item says for a field, in words, for the comparison,
//! the changes since the last review and a merge alike.

use super::choices::quoted;
use crate::core::compare::{compare, Comparison, Field, Side};
use crate::core::scoring::is_open;
use crate::core::words::{or_not_set, rating_text, NOT_RATED};
use crate::core::{Answer, Assessment, Band, ChecklistDefinition, RiskScale};

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

/// What `side` says for `field`, in words, with the band when the field is the risk's band, so
/// that it can be coloured as well as named. Notes are only said to have changed: they can be
/// long, and both are in the assessments themselves.
pub fn field_value(scale: &RiskScale, field: Field, side: &Side) -> (String, Option<Band>) {
    let text = match field {
        Field::Scope => match &side.out_of_scope {
            Some(reason) => format!("Out of scope: {reason}"),
            None => "In scope".into(),
        },
        Field::Status => side.status.label().into(),
        Field::Likelihood => rating_text(side.likelihood, &scale.likelihood),
        Field::Impact => rating_text(side.impact, &scale.impact),
        Field::Band => match side.risk {
            Some(risk) => return (risk.text(), Some(risk.band)),
            None => NOT_RATED.into(),
        },
        Field::Owner => or_not_set(&side.owner).into(),
        Field::Due => or_not_set(side.due.as_deref().unwrap_or_default()).into(),
        Field::Action => or_not_set(&side.action).into(),
        Field::Response => or_not_set(side.response.map_or("", |r| r.label())).into(),
        Field::Notes => "Changed".into(),
    };
    (text, None)
}

/// An answer as one side of a comparison, its scope left out: what a merge shows of each side.
pub fn side_of(scale: &RiskScale, answer: &Answer) -> Side {
    let risk = scale.risk(answer);
    Side {
        status: answer.status,
        likelihood: answer.likelihood,
        impact: answer.impact,
        risk,
        owner: answer.owner.clone(),
        due: answer.due.clone(),
        action: answer.action.clone(),
        response: answer.response,
        out_of_scope: None,
        open: is_open(answer),
    }
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
    use crate::core::{Action, Answer, Status, Timestamp};

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
    fn each_field_of_a_side_reads_in_words_and_the_band_is_named_and_coloured() {
        let def = default_checklist();
        let scale = &def.scale;
        let rated = Answer {
            status: Status::NotAchieved,
            likelihood: Some(3),
            impact: Some(2),
            owner: "Jo".into(),
            ..Answer::default()
        };
        let side = side_of(scale, &rated);
        let value = |field| field_value(scale, field, &side);
        let l3 = format!("3 – {}", scale.likelihood[2]);
        assert_eq!(value(Field::Likelihood), (l3, None));
        let band = scale.risk(&rated).unwrap().band;
        assert_eq!(value(Field::Band), (format!("{} (6)", band.label()), Some(band)));
        assert_eq!(value(Field::Status), ("Not achieved".into(), None));
        assert_eq!(value(Field::Owner), ("Jo".into(), None));
        assert_eq!(value(Field::Due), ("Not set".into(), None));
        // Blank text reads as the report says it: an owner of spaces is not set.
        let blank = side_of(scale, &Answer { owner: "   ".into(), ..rated.clone() });
        assert_eq!(field_value(scale, Field::Owner, &blank), ("Not set".into(), None));
        // A level off the scale reads as its number, as in the report.
        let off = Side { likelihood: Some(9), ..side.clone() };
        assert_eq!(field_value(scale, Field::Likelihood, &off), ("9".into(), None));
        assert_eq!(value(Field::Scope), ("In scope".into(), None));
        assert_eq!(value(Field::Notes), ("Changed".into(), None));
        // Not rated: open when not achieved, nothing to rate when achieved.
        let open = side_of(scale, &Answer { status: Status::NotAchieved, ..Answer::default() });
        assert_eq!(field_value(scale, Field::Band, &open), ("Not rated".into(), None));
        assert_eq!(field_value(scale, Field::Impact, &open), ("Not rated".into(), None));
        let done = side_of(scale, &Answer { status: Status::Achieved, ..Answer::default() });
        assert_eq!(field_value(scale, Field::Band, &done), (NOT_RATED.into(), None));
        let out = Side { out_of_scope: Some("Public channel: No".into()), ..done };
        let text = field_value(scale, Field::Scope, &out).0;
        assert_eq!(text, "Out of scope: Public channel: No");
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
