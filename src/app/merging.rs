//! A merge waiting for the person's choices: a colleague's file planned against the open
//! assessment, the side chosen for each difference, and what applying it would do.
//!
//! The plan is made when the merge is shown; applying it plans again against the assessment as
//! it is then (`app::ops`), with these choices, which name items, sections and questions rather
//! than positions in the plan.

use crate::core::compare::Field;
use crate::core::definition::QuestionId;
use crate::core::merge::{plan_merge, their_name, Choices, Conflict, Keep, MergePlan};
use crate::core::{Answer, Assessment, ChecklistDefinition, ItemId, RiskScale, SectionId};
use std::rc::Rc;

/// A colleague's file planned against the open assessment, with the choices made so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merging {
    /// The file's name, as shown.
    pub file_name: String,
    /// What their side is called: the file's name, with its assessor's when that is not mine
    /// (`core::merge::their_name`); their notes kept beside mine are credited to it.
    pub their_name: String,
    /// Their assessment, as the file holds it.
    pub theirs: Rc<Assessment>,
    pub plan: Rc<MergePlan>,
    /// Mine for every difference until the person chooses otherwise.
    pub choices: Choices,
}

/// What a side is chosen for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// One item both answer differently.
    Item { section: SectionId, item: ItemId },
    /// Every difference in a section.
    Section(SectionId),
    /// A scope question both answer differently.
    Question(QuestionId),
}

/// What applying a merge does, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Answers and scope answers only their file has, added.
    pub added: usize,
    /// Differences settled with their answer.
    pub theirs: usize,
    /// Differences settled with my answer and both notes.
    pub both: usize,
    /// Differences settled with their answer, which has no note where mine has one.
    pub notes_removed: usize,
}

impl Merging {
    /// Their assessment, read from `file_name`, planned against mine.
    pub fn new(
        def: &ChecklistDefinition,
        file_name: &str,
        mine: &Assessment,
        theirs: Rc<Assessment>,
    ) -> Merging {
        Merging {
            file_name: file_name.to_owned(),
            their_name: their_name(file_name, mine, &theirs),
            plan: Rc::new(plan_merge(def, mine, &theirs)),
            theirs,
            choices: Choices::default(),
        }
    }

    /// Chooses `keep` for `choice`. A section's choice replaces those made for its items, so
    /// that "the whole section" means every item in it, whatever was chosen before. Keeping
    /// both notes is a choice for one item whose notes differ, and is refused otherwise.
    pub fn choose(&mut self, choice: Choice, keep: Keep) {
        match choice {
            Choice::Item { section, item } => {
                let notes_differ = self.conflict(&section, &item).is_some_and(|c| c.notes_differ());
                if keep == Keep::Both && !notes_differ {
                    return;
                }
                self.choices.items.retain(|(i, _)| *i != item);
                if keep != self.choices.for_item(&section, &item) {
                    self.choices.items.push((item, keep));
                }
            }
            Choice::Section(section) if keep != Keep::Both => {
                let items: Vec<&ItemId> = self
                    .plan
                    .sections
                    .iter()
                    .filter(|s| s.section == section)
                    .flat_map(|s| s.conflicts.iter().map(|c| &c.item))
                    .collect();
                self.choices.items.retain(|(i, _)| !items.contains(&i));
                self.choices.sections.retain(|(s, _)| *s != section);
                self.choices.sections.push((section, keep));
            }
            Choice::Section(_) => {}
            Choice::Question(question) if keep != Keep::Both => {
                self.choices.questions.retain(|(q, _)| *q != question);
                self.choices.questions.push((question, keep));
            }
            Choice::Question(_) => {}
        }
    }

    /// The side kept, as chosen so far, for what `choice` is about.
    pub fn kept(&self, choice: &Choice) -> Keep {
        match choice {
            Choice::Item { section, item } => self.choices.for_item(section, item),
            Choice::Section(section) => self
                .choices
                .sections
                .iter()
                .rev()
                .find(|(s, _)| s == section)
                .map_or(self.choices.all, |c| c.1),
            Choice::Question(question) => self.choices.for_question(question),
        }
    }

    /// The conflict of an item in a section, if the plan has one.
    fn conflict(&self, section: &SectionId, item: &ItemId) -> Option<&Conflict> {
        let part = self.plan.sections.iter().find(|s| s.section == *section)?;
        part.conflicts.iter().find(|c| c.item == *item)
    }

    /// What applying the merge with the choices made so far would do.
    pub fn outcome(&self) -> Outcome {
        let plan = &self.plan;
        let mut out = Outcome {
            added: plan.sections.iter().map(|s| s.added.len()).sum::<usize>()
                + plan.retired_added.len()
                + plan.scope_added.len(),
            ..Outcome::default()
        };
        for section in &plan.sections {
            for c in &section.conflicts {
                match self.choices.for_item(&section.section, &c.item) {
                    Keep::Mine => {}
                    Keep::Theirs => {
                        out.theirs += 1;
                        out.notes_removed += usize::from(c.theirs_removes_my_note());
                    }
                    Keep::Both if c.notes_differ() => out.both += 1,
                    Keep::Both => {}
                }
            }
        }
        for q in &plan.scope_conflicts {
            out.theirs += usize::from(self.choices.for_question(&q.question) == Keep::Theirs);
        }
        out
    }
}

/// The parts of two answers to one item that differ, in the order of [`Field`]: the band is
/// listed when the risk's band differs, and notes when the notes do.
pub fn differing(scale: &RiskScale, mine: &Answer, theirs: &Answer) -> Vec<Field> {
    let band = |a: &Answer| scale.risk(a).map(|r| r.band);
    [
        (Field::Status, mine.status != theirs.status),
        (Field::Likelihood, mine.likelihood != theirs.likelihood),
        (Field::Impact, mine.impact != theirs.impact),
        (Field::Band, band(mine) != band(theirs)),
        (Field::Owner, mine.owner != theirs.owner),
        (Field::Due, mine.due != theirs.due),
        (Field::Action, mine.action != theirs.action),
        (Field::Response, mine.response != theirs.response),
        (Field::Notes, mine.notes != theirs.notes),
    ]
    .into_iter()
    .filter_map(|(field, differs)| differs.then_some(field))
    .collect()
}

/// "1 answer" or "3 answers", for the messages.
pub fn answers(n: usize) -> String {
    if n == 1 {
        "1 answer".into()
    } else {
        format!("{n} answers")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::default_checklist::default_checklist;
    use crate::core::{Action, Status, Timestamp};

    fn now() -> Timestamp {
        Timestamp::parse("2026-03-01T10:00:00Z").unwrap()
    }

    /// An assessment of the default checklist with `actions` applied.
    fn assessment(actions: Vec<Action>) -> Assessment {
        let def = default_checklist();
        let mut a = Assessment::new(now());
        for action in actions {
            assert!(a.apply(&def, action, now()));
        }
        a
    }

    fn item(section: usize, item: usize) -> ItemId {
        default_checklist().sections[section].items[item].id.clone()
    }

    fn section(section: usize) -> SectionId {
        default_checklist().sections[section].id.clone()
    }

    fn status(item: ItemId, status: Status) -> Action {
        Action::SetStatus { item, status }
    }

    fn notes(item: ItemId, notes: &str) -> Action {
        Action::SetNotes { item, notes: notes.into() }
    }

    /// Mine: two items of the first section answered; theirs: both answered otherwise (the
    /// second with other notes too), and an item of the second section only they answer.
    fn merging() -> Merging {
        let mine = assessment(vec![
            status(item(0, 0), Status::Achieved),
            status(item(0, 1), Status::Achieved),
            notes(item(0, 1), "Mine."),
        ]);
        let theirs = assessment(vec![
            status(item(0, 0), Status::NotAchieved),
            status(item(0, 1), Status::NotAchieved),
            notes(item(0, 1), "Theirs."),
            status(item(1, 0), Status::Achieved),
        ]);
        Merging::new(&default_checklist(), "theirs.json", &mine, Rc::new(theirs))
    }

    fn keep(m: &Merging, i: usize) -> Keep {
        m.choices.for_item(&section(0), &item(0, i))
    }

    #[test]
    fn the_plan_is_made_against_mine_and_every_difference_keeps_mine_until_chosen() {
        let m = merging();
        assert_eq!(m.plan.conflict_count(), 2);
        assert_eq!(m.plan.sections[1].added, [item(1, 0)]);
        assert_eq!((keep(&m, 0), keep(&m, 1)), (Keep::Mine, Keep::Mine));
        assert_eq!(m.outcome(), Outcome { added: 1, theirs: 0, both: 0, notes_removed: 0 });
    }

    #[test]
    fn an_item_is_chosen_alone_and_both_notes_only_where_the_notes_differ() {
        let mut m = merging();
        let one = |i| Choice::Item { section: section(0), item: item(0, i) };
        m.choose(one(0), Keep::Theirs);
        assert_eq!((keep(&m, 0), keep(&m, 1)), (Keep::Theirs, Keep::Mine));
        m.choose(one(0), Keep::Both);
        assert_eq!(keep(&m, 0), Keep::Theirs, "the first item's notes are the same");
        m.choose(one(1), Keep::Both);
        assert_eq!(keep(&m, 1), Keep::Both);
        assert_eq!(m.outcome(), Outcome { added: 1, theirs: 1, both: 1, notes_removed: 0 });
        // Choosing again replaces the earlier choice; choosing mine again leaves no trace.
        m.choose(one(0), Keep::Mine);
        assert_eq!(m.choices.items, [(item(0, 1), Keep::Both)]);
    }

    #[test]
    fn a_section_choice_covers_every_item_in_it_whatever_was_chosen_before() {
        let mut m = merging();
        m.choose(Choice::Item { section: section(0), item: item(0, 1) }, Keep::Both);
        m.choose(Choice::Section(section(0)), Keep::Theirs);
        assert_eq!((keep(&m, 0), keep(&m, 1)), (Keep::Theirs, Keep::Theirs));
        assert!(m.choices.items.is_empty());
        m.choose(Choice::Section(section(0)), Keep::Mine);
        assert_eq!(m.choices.sections, [(section(0), Keep::Mine)]);
        // An item may still differ from its section's choice.
        m.choose(Choice::Item { section: section(0), item: item(0, 0) }, Keep::Theirs);
        assert_eq!((keep(&m, 0), keep(&m, 1)), (Keep::Theirs, Keep::Mine));
        // Both notes is no choice for a whole section or a scope question.
        let before = m.clone();
        m.choose(Choice::Section(section(0)), Keep::Both);
        m.choose(Choice::Question(QuestionId::new("public-channel")), Keep::Both);
        assert_eq!(m, before);
        m.choose(Choice::Question(QuestionId::new("public-channel")), Keep::Theirs);
        assert_eq!(m.choices.for_question(&QuestionId::new("public-channel")), Keep::Theirs);
    }

    #[test]
    fn taking_theirs_counts_the_notes_of_mine_it_removes() {
        let mine = assessment(vec![
            status(item(0, 0), Status::Achieved),
            notes(item(0, 0), "Checked with the records manager."),
            status(item(0, 1), Status::Achieved),
            notes(item(0, 1), "Mine."),
        ]);
        let theirs = assessment(vec![
            status(item(0, 0), Status::NotAchieved),
            status(item(0, 1), Status::NotAchieved),
            notes(item(0, 1), "Theirs."),
        ]);
        let mut m = Merging::new(&default_checklist(), "theirs.json", &mine, Rc::new(theirs));
        let conflicts = &m.plan.sections[0].conflicts;
        let removes: Vec<bool> = conflicts.iter().map(|c| c.theirs_removes_my_note()).collect();
        assert_eq!(removes, [true, false], "the second has a note on both sides");
        assert_eq!(m.outcome().notes_removed, 0, "mine is kept until theirs is chosen");
        m.choose(Choice::Section(section(0)), Keep::Theirs);
        assert_eq!(m.outcome(), Outcome { added: 0, theirs: 2, both: 0, notes_removed: 1 });
        assert_eq!(m.kept(&Choice::Section(section(0))), Keep::Theirs);
        let first = Choice::Item { section: section(0), item: item(0, 0) };
        m.choose(first.clone(), Keep::Mine);
        assert_eq!((m.kept(&first), m.outcome().notes_removed), (Keep::Mine, 0));
    }

    #[test]
    fn their_side_is_named_after_the_file_and_its_assessor_only_when_not_mine() {
        let named = |my: &str, their: &str| {
            let mut mine = assessment(vec![]);
            mine.assessor = my.into();
            let mut theirs = assessment(vec![]);
            theirs.assessor = their.into();
            Merging::new(&default_checklist(), "pilot.json", &mine, Rc::new(theirs)).their_name
        };
        assert_eq!(named("Ana", "Sam Jones"), "pilot.json (Sam Jones)");
        assert_eq!(named("Sam Jones", " sam jones "), "pilot.json", "the person merging");
        assert_eq!(named("Ana", "  "), "pilot.json");
        assert_eq!(named("", "Sam"), "pilot.json (Sam)");
    }

    #[test]
    fn the_parts_that_differ_are_listed_in_order() {
        let scale = default_checklist().scale;
        let mine = Answer {
            status: Status::NotAchieved,
            likelihood: Some(1),
            impact: Some(1),
            ..Answer::default()
        };
        let theirs =
            Answer { likelihood: Some(3), notes: "x".into(), changed: Some(now()), ..mine.clone() };
        assert_eq!(
            differing(&scale, &mine, &theirs),
            [Field::Likelihood, Field::Band, Field::Notes]
        );
        assert_eq!(differing(&scale, &mine, &mine), []);
        assert_eq!((answers(1), answers(2)), ("1 answer".to_owned(), "2 answers".to_owned()));
    }
}
