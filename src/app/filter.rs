//! Which items of the section on screen are shown.

use crate::core::scoring::is_open;
use crate::core::{Answer, Band, ChecklistDefinition, ItemId};

/// Which items the current section shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Filter {
    #[default]
    All,
    NotAssessed,
    HighRisk,
}

impl Filter {
    /// Every filter, in the order the choice lists them.
    pub const ALL: [Filter; 3] = [Filter::All, Filter::NotAssessed, Filter::HighRisk];

    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "All items",
            Filter::NotAssessed => "Not yet assessed",
            Filter::HighRisk => "High risk",
        }
    }

    /// A short name for element ids and values.
    pub fn key(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::NotAssessed => "not-assessed",
            Filter::HighRisk => "high",
        }
    }

    /// What the section says when no item passes the filter.
    pub fn empty_text(self) -> &'static str {
        match self {
            Filter::NotAssessed => "Every item in this section has been assessed.",
            Filter::HighRisk => "No open high risks in this section.",
            Filter::All => "This section has no items.",
        }
    }

    /// Whether an item is shown: the filter passes its answer, or it was answered while this
    /// filter was on (`kept`), so it stays where it is, under the person's hand and focus,
    /// until the filter or the section changes.
    pub fn shows_item(
        self,
        def: &ChecklistDefinition,
        item: &ItemId,
        answer: &Answer,
        kept: &[ItemId],
    ) -> bool {
        self.shows(def, answer) || kept.contains(item)
    }

    /// Whether an item with this answer is shown.
    pub fn shows(self, def: &ChecklistDefinition, answer: &Answer) -> bool {
        match self {
            Filter::All => true,
            Filter::NotAssessed => !answer.status.is_assessed(),
            Filter::HighRisk => {
                is_open(answer) && def.scale.risk(answer).is_some_and(|r| r.band == Band::High)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::default_checklist::default_checklist;
    use crate::core::Status;

    /// An answer with this status and rating.
    fn answer(status: Status, likelihood: Option<u8>, impact: Option<u8>) -> Answer {
        Answer { status, likelihood, impact, ..Answer::default() }
    }

    fn check(answer: Answer, expected: [bool; 3]) {
        let def = default_checklist();
        let shown = Filter::ALL.map(|f| f.shows(&def, &answer));
        assert_eq!(shown, expected, "[All, NotAssessed, HighRisk] for {answer:?}");
    }

    #[test]
    fn each_filter_shows_its_items() {
        // An item not assessed yet is shown by All and Not yet assessed.
        check(answer(Status::NotAssessed, None, None), [true, true, false]);
        // A high rating counts only while the risk is open.
        check(answer(Status::NotAchieved, Some(3), Some(3)), [true, false, true]);
        check(answer(Status::PartiallyAchieved, Some(3), Some(3)), [true, false, true]);
        check(answer(Status::Achieved, Some(3), Some(3)), [true, false, false]);
        check(answer(Status::NotApplicable, Some(3), Some(3)), [true, false, false]);
        check(answer(Status::NotAssessed, Some(3), Some(3)), [true, true, false]);
        // A medium rating, or half a rating, is not high.
        check(answer(Status::NotAchieved, Some(2), Some(2)), [true, false, false]);
        check(answer(Status::NotAchieved, Some(3), None), [true, false, false]);
    }

    #[test]
    fn an_item_kept_in_view_is_shown_whatever_its_answer() {
        let def = default_checklist();
        let (a, b) = (&def.sections[0].items[0].id, &def.sections[0].items[1].id);
        let achieved = answer(Status::Achieved, None, None);
        let kept = [a.clone()];
        for filter in Filter::ALL {
            assert!(filter.shows_item(&def, a, &achieved, &kept), "{filter:?}");
        }
        assert!(!Filter::NotAssessed.shows_item(&def, b, &achieved, &kept));
        assert!(!Filter::HighRisk.shows_item(&def, b, &achieved, &kept));
        assert!(Filter::All.shows_item(&def, b, &achieved, &kept));
    }
}
