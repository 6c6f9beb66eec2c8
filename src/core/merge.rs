//! Merging a colleague's answers into mine: a plan of what their file adds, where the two
//! differ and what is the same ([`plan_merge`]), then the merged assessment with a side kept
//! for each difference ([`apply_merge`]).
//!
//! Nothing of mine is lost unless chosen away: an answer only they gave is added, an answer only
//! I gave stays, and where both differ mine is kept unless the choices say otherwise. Saving the
//! merged assessment is the shell's step, which backs up mine first, as before any replacement.

use super::assessment::{check_answer, unknown_items, Answer, Assessment};
use super::definition::{ChecklistDefinition, ItemId, QuestionId, SectionId};
use super::time::Timestamp;
use super::words::filled;

/// Which side of a difference to keep.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Keep {
    /// My answer, unchanged.
    #[default]
    Mine,
    /// Their answer, with when it last changed.
    Theirs,
    /// My answer with both notes: mine, then a line naming their file ([`their_name`]), then
    /// theirs. For a scope answer, which has no notes, the same as [`Keep::Mine`].
    Both,
}

/// An item both answer, differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub item: ItemId,
    pub title: String,
    /// Both answers, each with when it last changed (`Answer::changed`).
    pub mine: Answer,
    pub theirs: Answer,
}

impl Conflict {
    /// True when the notes differ, so keeping both notes means something.
    pub fn notes_differ(&self) -> bool {
        self.mine.notes != self.theirs.notes
    }

    /// True when I have a note and they have none, so taking theirs would remove mine.
    pub fn theirs_removes_my_note(&self) -> bool {
        filled(&self.mine.notes).is_some() && filled(&self.theirs.notes).is_none()
    }
}

/// What their side is called: the name of their file, and its assessor's name when that is
/// not this assessment's own (someone merging a copy of their own work is not named as a
/// colleague).
pub fn their_name(file_name: &str, mine: &Assessment, theirs: &Assessment) -> String {
    let file = filled(file_name).map_or("the merged file", str::trim);
    match filled(&theirs.assessor).map(str::trim) {
        // ASCII case alone: Unicode's case tables would weigh more than the rare name they help.
        Some(name) if !name.eq_ignore_ascii_case(mine.assessor.trim()) => {
            format!("{file} ({name})")
        }
        _ => file.to_owned(),
    }
}

/// What merging means for one section's items. Items neither answers are not listed, nor are
/// items only I answer (they stay as they are).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionPlan {
    pub section: SectionId,
    pub title: String,
    /// Items only they answer: their answers are added.
    pub added: Vec<ItemId>,
    /// Items both answer differently: a side is chosen for each.
    pub conflicts: Vec<Conflict>,
    /// Items both answer the same (when each changed aside).
    pub same: Vec<ItemId>,
}

/// A scope question both answer, differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScopeConflict {
    pub question: QuestionId,
    pub mine: bool,
    pub theirs: bool,
}

/// One of their answers that this checklist refuses, and why: it is left out of the merge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub item: ItemId,
    pub problem: String,
}

/// What merging their assessment into mine would do, for a person to review and choose.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergePlan {
    /// By section, in checklist order; sections with nothing to add, choose or confirm are left
    /// out.
    pub sections: Vec<SectionPlan>,
    /// Scope questions only they answer: their answers are added.
    pub scope_added: Vec<QuestionId>,
    /// Scope questions both answer differently. A scope answer decides which items count, so a
    /// difference is put to the person like an item's, rather than settled silently; mine is
    /// kept unless chosen otherwise.
    pub scope_conflicts: Vec<ScopeConflict>,
    /// Answers to items the checklist lacks (retired) that only they have: added, so nothing
    /// they recorded is lost.
    pub retired_added: Vec<ItemId>,
    /// Retired items both answer differently: mine is kept, as the checklist no longer asks
    /// them and so offers nothing to choose with.
    pub retired_kept: Vec<ItemId>,
    /// Their answers this checklist refuses (a rating off its scale, say): left out. The
    /// checklist's items first, in its order, then retired answers by id.
    pub refused: Vec<Refused>,
}

impl MergePlan {
    /// The number of differences to choose a side for.
    pub fn conflict_count(&self) -> usize {
        self.sections.iter().map(|s| s.conflicts.len()).sum::<usize>() + self.scope_conflicts.len()
    }

    /// True when merging would change nothing whatever is chosen.
    pub fn changes_nothing(&self) -> bool {
        self.conflict_count() == 0
            && self.sections.iter().all(|s| s.added.is_empty())
            && self.scope_added.is_empty()
            && self.retired_added.is_empty()
    }
}

/// The side to keep for each difference: by item, else by section (or scope question), else for
/// all. Later entries win over earlier ones for the same item, section or question.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choices {
    /// For every difference not chosen more narrowly; mine unless set.
    pub all: Keep,
    pub sections: Vec<(SectionId, Keep)>,
    pub items: Vec<(ItemId, Keep)>,
    pub questions: Vec<(QuestionId, Keep)>,
}

impl Choices {
    /// The same side for every difference.
    pub fn all(keep: Keep) -> Choices {
        Choices { all: keep, ..Choices::default() }
    }

    /// The side kept for an item of a section.
    pub fn for_item(&self, section: &SectionId, item: &ItemId) -> Keep {
        chosen(&self.items, item).or_else(|| chosen(&self.sections, section)).unwrap_or(self.all)
    }

    /// The side kept for a scope question.
    pub fn for_question(&self, question: &QuestionId) -> Keep {
        chosen(&self.questions, question).unwrap_or(self.all)
    }
}

/// The last choice made for `key`, if any. A list read from the end rather than a map: a person
/// chooses for a handful of items, and a list costs no code of its own.
fn chosen<K: PartialEq>(list: &[(K, Keep)], key: &K) -> Option<Keep> {
    list.iter().rev().find(|(k, _)| k == key).map(|(_, keep)| *keep)
}

/// What merging `theirs` into `mine`, two assessments of `def`, would do.
pub fn plan_merge(def: &ChecklistDefinition, mine: &Assessment, theirs: &Assessment) -> MergePlan {
    let mut plan = MergePlan::default();
    // Their answers that this checklist refuses are listed once and then passed over.
    let mut accepted = |id: &ItemId, answer: &Answer| match check_answer(def, answer) {
        Ok(()) => true,
        Err(problem) => {
            plan.refused.push(Refused { item: id.clone(), problem });
            false
        }
    };
    for section in &def.sections {
        let mut part = SectionPlan {
            section: section.id.clone(),
            title: section.title.clone(),
            added: Vec::new(),
            conflicts: Vec::new(),
            same: Vec::new(),
        };
        for item in &section.items {
            let Some(their) = theirs.answers.get(&item.id) else { continue };
            match mine.answers.get(&item.id) {
                Some(my) if my.same_as(their) => part.same.push(item.id.clone()),
                _ if !accepted(&item.id, their) => {}
                None => part.added.push(item.id.clone()),
                Some(my) => part.conflicts.push(Conflict {
                    item: item.id.clone(),
                    title: item.title.clone(),
                    mine: my.clone(),
                    theirs: their.clone(),
                }),
            }
        }
        if !(part.added.is_empty() && part.conflicts.is_empty() && part.same.is_empty()) {
            plan.sections.push(part);
        }
    }
    for id in unknown_items(def, theirs) {
        let their = theirs.answer(&id);
        match mine.answers.get(&id) {
            Some(my) if my.same_as(their) => {}
            Some(_) => plan.retired_kept.push(id),
            None if accepted(&id, their) => plan.retired_added.push(id),
            None => {}
        }
    }
    for (question, their) in &theirs.scope {
        match mine.scope.get(question) {
            None => plan.scope_added.push(question.clone()),
            Some(my) if my != their => plan.scope_conflicts.push(ScopeConflict {
                question: question.clone(),
                mine: *my,
                theirs: *their,
            }),
            Some(_) => {}
        }
    }
    plan
}

/// Mine with `theirs` merged in as `plan` lists and `choices` say, at `now`. Items only they
/// answer are added whatever the choices (I have nothing there to keep); each difference keeps
/// the side chosen; notes kept from both sides credit theirs to `source` ([`their_name`]).
/// The title, assessor, sign-off and review record stay mine. A signed assessment (a decision
/// recorded) takes nothing in: it is read-only. When nothing changes, the result equals
/// `mine`, when it was updated included.
pub fn apply_merge(
    def: &ChecklistDefinition,
    mine: &Assessment,
    theirs: &Assessment,
    plan: &MergePlan,
    choices: &Choices,
    source: &str,
    now: Timestamp,
) -> Assessment {
    let mut out = mine.clone();
    if mine.is_signed() {
        // What was signed stays as it was signed: reopen it, or start a review, to merge.
        return out;
    }
    let mut changed = false;
    let mut add = |out: &mut Assessment, id: &ItemId| {
        if let (None, Some(their)) = (out.answers.get(id), theirs.answers.get(id)) {
            out.answers.insert(id.clone(), their.clone());
            changed = true;
        }
    };
    for section in &plan.sections {
        for id in &section.added {
            add(&mut out, id);
        }
    }
    for id in &plan.retired_added {
        add(&mut out, id);
    }
    for section in &plan.sections {
        for conflict in &section.conflicts {
            let keep = choices.for_item(&section.section, &conflict.item);
            let side = Side { theirs, source, keep };
            changed |= settle(def, &mut out, &conflict.item, side, &now);
        }
    }
    for question in &plan.scope_added {
        if let (None, Some(their)) = (out.scope.get(question), theirs.scope.get(question)) {
            out.scope.insert(question.clone(), *their);
            changed = true;
        }
    }
    for conflict in &plan.scope_conflicts {
        let their = theirs.scope.get(&conflict.question);
        if let (Keep::Theirs, Some(their)) = (choices.for_question(&conflict.question), their) {
            changed |= out.scope.insert(conflict.question.clone(), *their) != Some(*their);
        }
    }
    if changed {
        out.updated = now;
    }
    out
}

/// Their assessment, what it is called, and the side kept of one difference.
struct Side<'a> {
    theirs: &'a Assessment,
    source: &'a str,
    keep: Keep,
}

/// Keeps the chosen side of one item both answer; says whether mine changed.
fn settle(
    def: &ChecklistDefinition,
    out: &mut Assessment,
    id: &ItemId,
    side: Side,
    now: &Timestamp,
) -> bool {
    let (Some(my), Some(their)) = (out.answers.get(id), side.theirs.answers.get(id)) else {
        return false;
    };
    let next = match side.keep {
        Keep::Mine => return false,
        Keep::Theirs => their.clone(),
        Keep::Both => {
            let notes = both_notes(&my.notes, &their.notes, side.source);
            let mut both = Answer { notes, changed: Some(now.clone()), ..my.clone() };
            // Two very long notes together could pass the longest allowed; then mine stays
            // as it is, and theirs is still in their file and the backup.
            if check_answer(def, &both).is_err() {
                return false;
            }
            if both.same_as(my) {
                both.changed = my.changed.clone();
            }
            both
        }
    };
    if next == *my {
        return false;
    }
    out.answers.insert(id.clone(), next);
    true
}

/// My notes, then a line naming whose file the rest came from, then theirs. Either alone when
/// the other is empty, and mine alone when both are the same.
pub fn both_notes(mine: &str, theirs: &str, source: &str) -> String {
    if theirs.is_empty() || theirs == mine {
        return mine.to_owned();
    }
    if mine.is_empty() {
        return theirs.to_owned();
    }
    let name = source.trim();
    let from = if name.is_empty() { "the merged file" } else { name };
    format!("{mine}\n--- Notes from {from} ---\n{theirs}")
}
