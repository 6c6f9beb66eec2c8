//! The reducer's handlers of what a person does on screen, needing neither storage nor a file:
//! an edit, moving between sections and views, planning a merge of the file previewed.

use super::announcements::Announcement;
use super::filter::Filter;
use super::merging::Merging;
use super::navigation::{can_show, first_in_scope};
use super::state::{AppState, FocusTarget, Origin, View};
use crate::core::{Action, ItemId, Timestamp};
use std::rc::Rc;

/// A change to the assessment, made at `now`.
pub(super) fn edit(s: &mut AppState, action: Action, now: Timestamp) {
    let reset = action == Action::Reset;
    if reset {
        s.confirm_reset = false;
    }
    let item = action.item().cloned();
    let mut assessment = (*s.assessment).clone();
    if !assessment.apply(&s.def, action, now) {
        return;
    }
    if let Some(item) = item.filter(|i| s.filter != Filter::All && !s.kept_in_view.contains(i)) {
        Rc::make_mut(&mut s.kept_in_view).push(item);
    }
    // A scope answer that sets the section on screen aside moves on to the next section still
    // in scope; its answers stay, and come back with it.
    if let Some(next) = first_in_scope(&s.def, &assessment.scope, s.section) {
        s.section = next;
    }
    s.assessment = Rc::new(assessment);
    s.origin = Origin::Local;
    if reset {
        s.section = 0;
        s.set_filter(Filter::All);
        s.announce(Announcement::Cleared);
    }
}

/// The checklist at section `i`, when it can be shown.
pub(super) fn show_section(s: &mut AppState, i: usize) {
    if !can_show(&s.def, &s.assessment.scope, i) {
        return;
    }
    if s.section != i || s.view != View::Checklist {
        s.leave_place();
    }
    s.section = i;
    s.view = View::Checklist;
    s.close_panels();
}

/// A link from the Summary: the checklist at `section`, with the focus on `item` (kept in view
/// under the filter) or, without one, on the section's heading.
pub(super) fn go_to(s: &mut AppState, section: usize, item: Option<ItemId>) {
    if !can_show(&s.def, &s.assessment.scope, section) {
        return;
    }
    show_section(s, section);
    s.focus = Some(match item {
        Some(item) => {
            if s.filter != Filter::All && !s.kept_in_view.contains(&item) {
                Rc::make_mut(&mut s.kept_in_view).push(item.clone());
            }
            FocusTarget::Item(item)
        }
        None => FocusTarget::SectionHeading,
    });
}

/// Another view of the assessment.
pub(super) fn show_view(s: &mut AppState, view: View) {
    if s.view != view {
        s.leave_place();
    }
    s.view = view;
    s.close_panels();
}

/// The file previewed for import, planned as a merge into the open assessment, unless it
/// cannot be opened here.
pub(super) fn merge_import(s: &mut AppState) {
    let Some(p) = s.import.take_if(|p| p.blocked.is_none()) else { return };
    let theirs = Rc::new(p.doc.assessment.clone());
    let m = Merging::new(&s.def, &p.file_name, &s.assessment, theirs);
    s.merge = Some(Rc::new(m));
    s.compare = None;
}
