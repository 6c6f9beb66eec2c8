//! Where the person is taken among the sections: the section to resume at, the sections the
//! scope answers leave in, and the pager's previous and next. One rule decides which sections
//! can be shown, for the reducer and for the section on screen alike.

use crate::core::definition::ScopeAnswers;
use crate::core::{Assessment, ChecklistDefinition, Section};

/// Whether a section has an item the scope answers leave in: only such a section is shown.
fn has_items(def: &ChecklistDefinition, s: &Section, scope: &ScopeAnswers) -> bool {
    s.items.iter().any(|i| def.in_scope(s, i, scope))
}

/// The first section with an item not yet assessed, so a returning person resumes there.
/// Only items in scope count: a section the scope answers set aside is never the one to resume.
pub fn resume_section(def: &ChecklistDefinition, a: &Assessment) -> usize {
    def.sections
        .iter()
        .position(|s| {
            s.items
                .iter()
                .any(|i| def.in_scope(s, i, &a.scope) && !a.answer(&i.id).status.is_assessed())
        })
        .or_else(|| first_in_scope(def, &a.scope, 0))
        .unwrap_or(0)
}

/// Whether every scope question is answered (and there is one): the questions can then fold
/// to one line.
pub fn scope_settled(def: &ChecklistDefinition, scope: &ScopeAnswers) -> bool {
    !def.questions.is_empty() && def.questions.iter().all(|q| scope.contains_key(&q.id))
}

/// Whether opening the page on this assessment takes the person straight to the section to
/// resume: a return visit with the scope answered (or, for a checklist without scope
/// questions, with an item answered). A first visit starts at the top, with the scope.
pub fn arrives_at_work(def: &ChecklistDefinition, a: &Assessment) -> bool {
    if def.questions.is_empty() {
        a.answers.values().any(|x| x.status.is_assessed())
    } else {
        scope_settled(def, &a.scope)
    }
}

/// The first section from `from` on (else the last before it) with an item in scope.
pub fn first_in_scope(
    def: &ChecklistDefinition,
    scope: &ScopeAnswers,
    from: usize,
) -> Option<usize> {
    let sections = &def.sections;
    (from..sections.len()).find(|&i| has_items(def, &sections[i], scope)).or_else(|| {
        (0..from.min(sections.len())).rev().find(|&i| has_items(def, &sections[i], scope))
    })
}

/// Whether section `i` can be shown: it exists and has an item in scope.
pub fn can_show(def: &ChecklistDefinition, scope: &ScopeAnswers, i: usize) -> bool {
    i < def.sections.len() && first_in_scope(def, scope, i) == Some(i)
}

/// Where a section stands among those shown, and its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pager {
    /// Its place among the sections shown, from 1.
    pub position: usize,
    /// How many sections are shown.
    pub count: usize,
    /// The section before it that is shown, if any.
    pub previous: Option<usize>,
    /// The section after it that is shown; `None` when the Summary comes next.
    pub next: Option<usize>,
}

/// The pager of section `index` under these scope answers.
pub fn pager(def: &ChecklistDefinition, scope: &ScopeAnswers, index: usize) -> Pager {
    let shown: Vec<usize> =
        (0..def.sections.len()).filter(|&i| has_items(def, &def.sections[i], scope)).collect();
    let at = shown.iter().position(|&i| i == index).unwrap_or(0);
    Pager {
        position: at + 1,
        count: shown.len(),
        previous: at.checked_sub(1).and_then(|p| shown.get(p)).copied(),
        next: shown.get(at + 1).copied(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::default_checklist::default_checklist;
    use crate::core::definition::QuestionId;

    #[test]
    fn a_return_visit_with_the_scope_answered_arrives_at_work() {
        let def = default_checklist();
        let Some(now) = crate::core::Timestamp::parse("2026-03-01T10:00:00Z") else { panic!() };
        let mut a = Assessment::new(now.clone());
        assert!(!scope_settled(&def, &a.scope) && !arrives_at_work(&def, &a));
        let (last, rest) = def.questions.split_last().unwrap();
        for q in rest {
            a.scope.insert(q.id.clone(), true);
        }
        assert!(!arrives_at_work(&def, &a), "one question still open");
        a.scope.insert(last.id.clone(), false);
        assert!(scope_settled(&def, &a.scope) && arrives_at_work(&def, &a));
        let mut bare = def.clone();
        bare.questions.clear();
        let mut b = Assessment::new(now.clone());
        assert!(!scope_settled(&bare, &b.scope) && !arrives_at_work(&bare, &b));
        let item = bare.sections[0].items[0].id.clone();
        b.apply(
            &bare,
            crate::core::Action::SetStatus { item, status: crate::core::Status::Achieved },
            now,
        );
        assert!(
            arrives_at_work(&bare, &b),
            "no scope questions: an answer makes it a return visit"
        );
    }

    #[test]
    fn the_pager_skips_sections_the_scope_answers_set_aside() {
        let def = default_checklist();
        let public = def.sections.iter().position(|s| s.id.as_str() == "public-channel").unwrap();
        let all = ScopeAnswers::default();
        let p = pager(&def, &all, public);
        assert_eq!((p.position, p.count), (public + 1, def.sections.len()));
        assert_eq!((p.previous, p.next), (Some(public - 1), Some(public + 1)));
        let scope = ScopeAnswers::from([(QuestionId::new("public-channel"), false)]);
        assert!(!can_show(&def, &scope, public));
        let before = pager(&def, &scope, public - 1);
        assert_eq!((before.next, before.count), (Some(public + 1), def.sections.len() - 1));
        let after = pager(&def, &scope, public + 1);
        assert_eq!((after.previous, after.position), (Some(public - 1), public + 1));
        let last = pager(&def, &all, def.sections.len() - 1);
        assert_eq!((last.next, pager(&def, &all, 0).previous), (None, None));
    }
}
