//! What this tab does when another tab (or another app on the origin) changes storage: follow
//! the other tab's save, ask the person, write this tab's work back, or take up the assessment
//! another tab has just started. The browser's `storage` event is read in `ui::ops` and
//! followed in `app::ops`; every decision is made here.

use super::state::AppState;
use crate::core::Assessment;
use std::rc::Rc;

/// What a `storage` event is about, as far as this widget is concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageChange {
    /// Every key was cleared (another app called `localStorage.clear()`).
    Cleared,
    /// This namespace's index changed.
    Index,
    /// The open assessment's record changed: its new content when it can be read.
    OpenRecord(Option<Rc<Assessment>>),
    /// Something this widget does not follow.
    Other,
}

/// What this tab does when another tab saved the open assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Follow {
    /// Nothing to do: it was removed, cannot be read, or is what this tab shows.
    Nothing,
    /// This tab has nothing unsaved: show theirs.
    Show(Rc<Assessment>),
    /// This tab has changes of its own: keep them on screen, unsaved, and ask the person.
    Ask(Rc<Assessment>),
}

/// The step for another tab's save of the open assessment. `pending` tells whether this tab
/// has a change waiting to be saved.
pub fn follow(state: &AppState, theirs: Option<Rc<Assessment>>, pending: bool) -> Follow {
    match theirs {
        None => Follow::Nothing,
        Some(theirs) if theirs == state.assessment => Follow::Nothing,
        Some(theirs) if pending || state.conflict.is_some() => Follow::Ask(theirs),
        Some(theirs) => Follow::Show(theirs),
    }
}

/// Whether the open assessment is written back at once after storage was cleared, so that it
/// does not live only in this page. A blank one that was never saved has nothing to lose.
pub fn writes_back_after_clear(state: &AppState) -> bool {
    !state.is_unsaved_blank(&state.library)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::Origin;
    use crate::core::default_checklist::default_checklist;
    use crate::core::library::{AssessmentId, Entry, Library};
    use crate::core::{Action, Status, Timestamp};

    fn id(n: &str) -> AssessmentId {
        AssessmentId::parse(&format!("a-{n}")).unwrap()
    }

    /// A tab showing the blank, never stored assessment `a-mine`, changed by `edit`.
    fn tab(edit: impl FnOnce(&mut AppState)) -> AppState {
        let def = Rc::new(default_checklist());
        let mut s =
            AppState::new(def, id("mine"), Assessment::new(Timestamp::epoch()), Library::new());
        s.default_title = Some("Default title".into());
        edit(&mut s);
        s
    }

    fn set(s: &mut AppState, action: Action) {
        let mut a = (*s.assessment).clone();
        a.apply(&s.def, action, Timestamp::epoch());
        s.assessment = Rc::new(a);
    }

    /// An index naming `current` as open, listing these (id, checklist) entries.
    fn index(current: &str, entries: &[(&str, &str)]) -> Library {
        let def = default_checklist();
        let mut lib = Library::new();
        lib.current = Some(id(current));
        for (n, checklist) in entries {
            let mut e = Entry::of(&id(n), &def, &Assessment::new(Timestamp::epoch()));
            e.checklist_id = (*checklist).into();
            lib.entries.push(e);
        }
        lib
    }

    fn check(s: AppState, lib: Library, expected: Option<&str>) {
        assert_eq!(s.to_take_up(&lib), expected.map(id), "{lib:?}");
    }

    #[test]
    fn a_blank_tab_takes_up_the_assessment_another_tab_started() {
        let ours = default_checklist().id;
        check(tab(|_| {}), index("theirs", &[("theirs", &ours)]), Some("theirs"));
        // The default title given by the page is not a change of the person's.
        let titled = tab(|s| set(s, Action::SetTitle { title: "Default title".into() }));
        check(titled, index("theirs", &[("theirs", &ours)]), Some("theirs"));
    }

    #[test]
    fn a_tab_with_anything_of_its_own_keeps_it() {
        let ours = default_checklist().id;
        let theirs = || index("theirs", &[("theirs", &ours)]);
        check(tab(|s| set(s, Action::SetTitle { title: "Mine".into() })), theirs(), None);
        check(tab(|s| set(s, Action::SetAssessor { assessor: "Jo".into() })), theirs(), None);
        let item = default_checklist().sections[0].items[0].id.clone();
        check(
            tab(|s| set(s, Action::SetStatus { item, status: Status::Achieved })),
            theirs(),
            None,
        );
        check(tab(|s| s.origin = Origin::Local), theirs(), None);
        // Stored already: it is in the index.
        check(tab(|_| {}), index("theirs", &[("theirs", &ours), ("mine", &ours)]), None);
    }

    #[test]
    fn only_another_assessment_of_this_checklist_is_taken_up() {
        check(tab(|_| {}), index("theirs", &[("theirs", "another-checklist")]), None);
        check(tab(|_| {}), index("theirs", &[]), None);
        let ours = default_checklist().id;
        check(tab(|_| {}), index("mine", &[("mine", &ours)]), None);
    }

    #[test]
    fn another_tabs_save_is_shown_unless_this_tab_has_changes_of_its_own() {
        let s = tab(|_| {});
        let item = default_checklist().sections[0].items[0].id.clone();
        let mut theirs = (*s.assessment).clone();
        theirs.apply(
            &s.def,
            Action::SetStatus { item, status: Status::Achieved },
            Timestamp::epoch(),
        );
        let theirs = Rc::new(theirs);
        let show = Follow::Show(theirs.clone());
        let ask = Follow::Ask(theirs.clone());
        for (state, theirs, pending, expected) in [
            (&s, Some(theirs.clone()), false, show),
            (&s, Some(theirs.clone()), true, ask.clone()),
            (&tab(|s| s.conflict = Some(theirs.clone())), Some(theirs.clone()), false, ask),
            // What this tab shows already, a removed record or an unreadable one: nothing.
            (&s, Some(Rc::new((*s.assessment).clone())), true, Follow::Nothing),
            (&s, None, true, Follow::Nothing),
        ] {
            assert_eq!(follow(state, theirs, pending), expected, "pending: {pending}");
        }
    }

    #[test]
    fn after_storage_is_cleared_only_work_worth_keeping_is_written_back() {
        assert!(!writes_back_after_clear(&tab(|_| {})));
        assert!(writes_back_after_clear(&tab(|s| s.origin = Origin::Local)));
        assert!(writes_back_after_clear(&tab(|s| set(
            s,
            Action::SetAssessor { assessor: "Jo".into() }
        ))));
    }
}
