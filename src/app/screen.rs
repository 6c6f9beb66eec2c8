//! The reducer's handlers of what a person does on screen, needing neither storage nor a file:
//! an edit, moving between sections and views, planning a merge of the file previewed.

use super::announcements::Announcement;
use super::filter::Filter;
use super::merging::{Choice, Merging};
use super::navigation::{can_show, first_in_scope};
use super::state::{AppState, FocusTarget, Origin, Overlay, View};
use crate::core::library::AssessmentId;
use crate::core::merge::Keep;
use crate::core::{Action, ItemId, Timestamp};
use std::rc::Rc;

/// A change to the assessment, made at `now`.
pub(super) fn edit(s: &mut AppState, action: Action, now: Timestamp) {
    let reset = action == Action::Reset;
    if reset {
        // The question goes: the focus goes back to "Start again".
        ask_reset(s, false);
    }
    let item = action.item().cloned();
    let scope_answer = matches!(action, Action::SetScope { .. });
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
    // The questions stay open while the person answers them, so the last answer does not
    // fold them away under their hand; they fold on the next visit.
    if scope_answer {
        s.scope_open = true;
    }
    if reset {
        s.section = 0;
        s.set_filter(Filter::All);
        s.announce(Announcement::Cleared);
    }
}

/// The name field of an assessment in the list opens, with the focus in it, or closes, with
/// the focus back on its "Rename".
pub(super) fn renaming(s: &mut AppState, to: Option<AssessmentId>) {
    if s.renaming == to {
        return;
    }
    let was = std::mem::replace(&mut s.renaming, to.clone());
    match (to, was) {
        (Some(id), _) => s.focus_on(FocusTarget::RenameField(id)),
        (None, Some(id)) => s.focus_on(FocusTarget::RenameButton(id)),
        (None, None) => {}
    }
}

/// "Start again" asks (`true`) or its question is closed: the focus goes to the question's
/// safe choice, or back to "Start again".
pub(super) fn ask_reset(s: &mut AppState, ask: bool) {
    if s.confirm_reset != ask {
        s.confirm_reset = ask;
        s.focus_on(if ask { FocusTarget::ResetQuestion } else { FocusTarget::StartAgain });
    }
}

/// Closes the import panel's preview, or the banner saying a file was refused: the focus goes
/// back to what opened it.
pub(super) fn close_import(s: &mut AppState) {
    let refused = matches!(s.banner, Some(Announcement::Refused(_)));
    if s.import.is_some() || refused {
        s.import = None;
        if refused {
            s.banner = None;
        }
        s.focus_on(FocusTarget::Opener(Overlay::Import));
    }
}

/// "Change scope": the scope questions open again, with the focus on the first.
pub(super) fn change_scope(s: &mut AppState) {
    if s.scope_folded() {
        s.scope_open = true;
        s.focus_on(FocusTarget::ScopeQuestion);
    }
}

/// Closes the comparison (`comparison`) or the merge on screen: the focus goes back to what
/// opened it.
pub(super) fn close_panel(s: &mut AppState, comparison: bool) {
    let closed = if comparison { s.compare.take().is_some() } else { s.merge.take().is_some() };
    if closed {
        s.focus_on(FocusTarget::Opener(Overlay::Panel));
    }
}

/// The checklist at section `i`, when it can be shown.
pub(super) fn show_section(s: &mut AppState, i: usize) {
    if !can_show(&s.def, &s.assessment.scope, i) {
        return;
    }
    if s.section != i || s.view != View::Checklist {
        s.leave_place();
        s.banner = None;
    }
    // A filter belongs to the section it was chosen in: another section shows all its items,
    // so it never reads as empty because of a choice made elsewhere.
    if s.section != i {
        s.set_filter(Filter::All);
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
    let target = match item {
        Some(item) => {
            if s.filter != Filter::All && !s.kept_in_view.contains(&item) {
                Rc::make_mut(&mut s.kept_in_view).push(item.clone());
            }
            FocusTarget::Item(item)
        }
        None => FocusTarget::SectionHeading,
    };
    s.focus_on(target);
}

/// A link in a Summary list: as [`go_to`], remembering the row followed for "Back to summary".
pub(super) fn from_summary(s: &mut AppState, section: usize, item: Option<ItemId>, row: String) {
    if s.view != View::Summary || !can_show(&s.def, &s.assessment.scope, section) {
        return;
    }
    go_to(s, section, item);
    s.summary_row = Some(row);
}

/// "Back to summary": the Summary, with the focus on the row whose link was followed.
pub(super) fn back_to_summary(s: &mut AppState) {
    let Some(row) = s.summary_row.take() else { return };
    show_view(s, View::Summary);
    s.focus_on(FocusTarget::SummaryRow(row));
}

/// Another view of the assessment.
pub(super) fn show_view(s: &mut AppState, view: View) {
    if s.view != view {
        s.leave_place();
        s.summary_row = None;
        s.banner = None;
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
    s.renaming = None;
    s.focus_on(FocusTarget::ViewHeading);
}

/// A side chosen in the merge preview, for an item, a section or everything.
pub(super) fn choose(s: &mut AppState, choice: Choice, keep: Keep) {
    if let Some(m) = &mut s.merge {
        Rc::make_mut(m).choose(choice, keep);
    }
}
