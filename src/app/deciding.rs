//! The reducer's handlers of the risk owner's decision: "Record the decision" (its checks, the
//! error summary and where the focus goes), reopening a signed assessment after asking, and a
//! link of the error summary to the field it names.

use super::announcements::Announcement;
use super::state::{AppState, FocusTarget, Origin};
use crate::core::decision::{record, Field, RecordError};
use crate::core::{Action, Timestamp};
use std::rc::Rc;

/// What the sign-off shows besides the assessment: the problems found the last time "Record
/// the decision" was pressed, and whether "Reopen the assessment" is waiting for an answer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recording {
    /// Shown in the error summary and beside their fields until the decision is recorded, or
    /// another assessment opens.
    pub errors: Vec<RecordError>,
    pub confirm_reopen: bool,
}

/// "Record the decision" pressed on `today` (`YYYY-MM-DD`, the person's own date) at `now`:
/// recorded, with the focus on the decision now on record; or the errors, with the focus on
/// their summary. A signed assessment has nothing to record.
pub(super) fn record_decision(s: &mut AppState, today: &str, now: Timestamp) {
    if s.assessment.is_signed() {
        return;
    }
    let draft = s.assessment.signoff.clone().unwrap_or_default();
    match record(&s.def, &s.assessment, &draft, today, now.clone()) {
        Err(errors) => {
            Rc::make_mut(&mut s.recording).errors = errors;
            s.focus_on(FocusTarget::ErrorSummary);
        }
        Ok(signoff) => settle(s, Action::Record { signoff }, now, Announcement::DecisionRecorded),
    }
}

/// Records or withdraws the decision by `action` at `now`: the sign-off's questions and errors
/// go, the focus goes to its line, which says what changed, and `said` is announced. Nothing
/// happens when the assessment refuses the action.
fn settle(s: &mut AppState, action: Action, now: Timestamp, said: Announcement) {
    let mut a = (*s.assessment).clone();
    if !a.apply(&s.def, action, now) {
        return;
    }
    s.assessment = Rc::new(a);
    s.origin = Origin::Local;
    s.recording = Rc::default();
    s.focus_on(FocusTarget::DecisionLine);
    s.announce(said);
}

/// "Reopen the assessment" asks (`true`), or its question is closed by Cancel: the focus goes
/// to the question's safe choice, or back to "Reopen the assessment".
pub(super) fn ask_reopen(s: &mut AppState, ask: bool) {
    if s.recording.confirm_reopen != ask && s.assessment.is_signed() {
        Rc::make_mut(&mut s.recording).confirm_reopen = ask;
        s.focus_on(if ask { FocusTarget::ReopenQuestion } else { FocusTarget::ReopenButton });
    }
}

/// The reopening confirmed at `now`: the decision is withdrawn and kept on record, the
/// answers can change again, and the focus goes to the sign-off's line, which says so.
pub(super) fn reopen(s: &mut AppState, now: Timestamp) {
    if s.recording.confirm_reopen {
        settle(s, Action::Reopen, now, Announcement::DecisionWithdrawn);
    }
}

/// A link of the error summary followed: the focus goes to the field it names. An item's
/// missing reason is in the checklist: its section is shown, with the focus in its notes.
pub(super) fn show_field(s: &mut AppState, field: Field) {
    if let Field::Item(item) = &field {
        let Some(section) = s.def.section_of(item) else { return };
        super::screen::go_to(s, section, Some(item.clone()));
    }
    s.focus_on(FocusTarget::Field(field));
}
