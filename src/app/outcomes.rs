//! The reducer's handlers of the one outcome of each operation (`ui::ops`), after its storage
//! or file work: what opens, what Undo can put back, what is announced.

use super::announcements::Announcement;
use super::comparing::Comparing;
use super::import::{ImportPreview, Refusal};
use super::messages::{Opening, Problem};
use super::navigation::{first_in_scope, resume_section};
use super::state::{AppState, FocusTarget, Origin, Replacement, StorageError, Undo, View};
use crate::core::changes::ChangesSince;
use crate::core::library::{AssessmentId, Library};
use crate::core::Assessment;
use std::rc::Rc;

/// The saver's latest save succeeded, or why it failed.
/// The Assessments view, listed afresh: a banner of another view goes with that view.
pub(super) fn listed(s: &mut AppState, library: Rc<Library>) {
    s.library = library;
    if s.view != View::Assessments {
        s.banner = None;
    }
    s.view = View::Assessments;
    s.close_panels();
}

pub(super) fn saved(s: &mut AppState, result: Result<(), StorageError>) {
    let recovered = result.is_ok() && s.storage.is_some();
    s.storage = result.err();
    // The warning goes quietly: say so, or a screen reader user never learns it.
    if recovered {
        s.announce(Announcement::SavingWorksAgain);
    }
}

/// A file was downloaded: `json` is the assessment a JSON export holds, `None` for a report.
pub(super) fn exported(s: &mut AppState, file_name: String, json: Option<Rc<Assessment>>) {
    let is_json = json.is_some();
    if is_json {
        s.exported = json;
    }
    s.announce(Announcement::Exported { file_name, json: is_json });
}

/// In a conflict, this tab's version was kept.
pub(super) fn kept_mine(
    s: &mut AppState,
    backup: Option<String>,
    saved: Result<(), StorageError>,
    library: Rc<Library>,
) {
    s.conflict = None;
    s.storage = saved.err();
    s.library = library;
    s.announce(Announcement::KeptMine { backup_kept: backup.is_some() });
    // The question and its buttons are gone.
    s.focus_on(FocusTarget::ViewHeading);
}

/// A copy titled `title` was stored.
pub(super) fn copied(s: &mut AppState, title: String, library: Rc<Library>) {
    s.library = library;
    s.announce(Announcement::Copied { title });
}

/// A deleted assessment is stored again.
pub(super) fn restored(s: &mut AppState, title: String, library: Rc<Library>) {
    s.undo = None;
    s.library = library;
    // Undo is gone with the banner it was in: the new banner takes the focus.
    s.notify(Announcement::Restored { title });
}

/// An import's or a merge's replacement of an assessment not on screen was undone.
pub(super) fn put_back(
    s: &mut AppState,
    title: String,
    by: Replacement,
    backup: Option<String>,
    library: Rc<Library>,
) {
    s.undo = None;
    s.library = library;
    // Undo is gone with the banner it was in: the new banner takes the focus.
    s.notify(Announcement::PutBack { title, by, backup_kept: backup.is_some() });
}

/// Two assessments compared, shown in place of the view with the focus on its heading.
pub(super) fn compared(s: &mut AppState, comparing: Rc<Comparing>) {
    s.compare = Some(comparing);
    s.merge = None;
    s.renaming = None;
    s.focus_on(FocusTarget::ViewHeading);
}

/// A file read for import and waiting for the person's choice, or why it was refused (in the
/// banner): either takes the focus, as it may follow a drop far up the page.
pub(super) fn import_read(s: &mut AppState, read: Result<Rc<ImportPreview>, Refusal>) {
    match read {
        Ok(preview) => {
            s.import = Some(preview);
            if matches!(s.banner, Some(Announcement::Refused(_))) {
                s.banner = None;
            }
            s.focus_on(FocusTarget::Notification);
        }
        Err(refusal) => {
            s.import = None;
            s.notify(Announcement::Refused(refusal));
        }
    }
}

/// The merge on screen was applied.
pub(super) fn merged(
    s: &mut AppState,
    assessment: Rc<Assessment>,
    backup: Option<String>,
    library: Rc<Library>,
) {
    let Some(m) = s.merge.take() else { return };
    s.library = library;
    // The merge is gone with its button: the banner saying what it did takes the focus, at
    // the top of the view it leaves on screen.
    if assessment == s.assessment {
        s.notify(Announcement::MergedNothing { file_name: m.file_name.clone() });
        return;
    }
    let outcome = m.outcome();
    // A scope answer taken from the file may set the section on screen aside.
    if let Some(next) = first_in_scope(&s.def, &assessment.scope, s.section) {
        s.section = next;
    }
    s.undo = Some(Rc::new(Undo::Replaced {
        id: s.current.clone(),
        previous: s.assessment.clone(),
        by: Replacement::Merge,
    }));
    s.assessment = assessment;
    s.origin = Origin::Local;
    s.conflict = None;
    s.notify(Announcement::Merged {
        file_name: m.file_name.clone(),
        added: outcome.added,
        theirs: outcome.theirs,
        both: outcome.both,
        backup_kept: backup.is_some(),
    });
}

/// An assessment is on screen, opened for the reason `how`.
pub(super) fn opened(
    s: &mut AppState,
    id: AssessmentId,
    assessment: Rc<Assessment>,
    how: Opening,
    library: Rc<Library>,
) {
    let changes = imported_changes(s, &how);
    s.open(id, assessment, how.origin());
    s.changes = changes;
    if matches!(how, Opening::Undone { .. }) {
        s.undo = None;
    }
    s.library = library;
    let title = s.assessment.title.clone();
    // The control pressed is gone: with its view (Open, New), with the question about the other
    // tab's version, or with what it finished (Start a review, the import preview, Undo). The
    // focus never drops to the top of the page: it goes to the section's heading, or to the
    // banner saying what was done.
    if matches!(how, Opening::Review | Opening::ImportedAsNew { .. } | Opening::Undone { .. }) {
        s.notify(Announcement::Opened { how, title });
    } else {
        s.focus_on(FocusTarget::SectionHeading);
        s.announce(Announcement::Opened { how, title });
    }
}

/// What changed in the checklist since the assessment being opened was answered: an import
/// of a file of an earlier version, or one taken up from storage.
fn imported_changes(s: &AppState, how: &Opening) -> Option<Rc<ChangesSince>> {
    match how {
        Opening::ImportedAsNew { .. } => s.import.as_ref().and_then(|p| p.changes.clone()),
        Opening::TakenUp(changes) => Some(changes.clone()),
        _ => None,
    }
}

/// An assessment was deleted; `next` opens when it was the one on screen.
pub(super) fn deleted(
    s: &mut AppState,
    id: AssessmentId,
    title: String,
    raw: Option<Rc<String>>,
    next: Option<(AssessmentId, Rc<Assessment>)>,
    library: Rc<Library>,
) {
    if let Some((id, assessment)) = next {
        s.open(id, assessment, Origin::Stored);
        s.view = View::Assessments;
        s.leave_place();
    }
    s.library = library;
    // The row is gone with its Delete button: the focus goes to the banner with Undo, or to
    // the heading when nothing was stored to bring back.
    if let Some(raw) = raw {
        s.undo = Some(Rc::new(Undo::Deleted { id, raw, title: title.clone() }));
        s.notify(Announcement::Deleted { title });
    } else {
        s.focus_on(FocusTarget::ViewHeading);
    }
}

/// The assessment on screen was replaced by an import.
pub(super) fn replaced(
    s: &mut AppState,
    assessment: Rc<Assessment>,
    file_name: String,
    backup: Option<String>,
    library: Rc<Library>,
) {
    s.changes = s.import.as_ref().and_then(|p| p.changes.clone());
    s.undo = Some(Rc::new(Undo::Replaced {
        id: s.current.clone(),
        previous: s.assessment.clone(),
        by: Replacement::Import,
    }));
    s.section = resume_section(&s.def, &assessment);
    s.assessment = assessment;
    s.origin = Origin::Local;
    s.view = View::Checklist;
    s.import = None;
    s.conflict = None;
    s.library = library;
    // The preview is gone with its button: the banner saying what was done takes the focus.
    s.notify(Announcement::Replaced { file_name, backup_kept: backup.is_some() });
}

/// What was asked for could not be done: a storage failure is the storage notice, anything
/// else is said.
pub(super) fn failed(s: &mut AppState, problem: Problem, library: Option<Rc<Library>>) {
    if let Some(library) = library {
        s.library = library;
    }
    match problem {
        Problem::Storage(cause) => s.storage = Some(cause),
        problem => s.announce(Announcement::Failed(problem)),
    }
}

/// Another tab saved this assessment and this tab has no unsaved change: show theirs.
pub(super) fn external(s: &mut AppState, theirs: Rc<Assessment>) {
    if theirs != s.assessment {
        s.assessment = theirs;
        s.origin = Origin::Stored;
        s.conflict = None;
        s.announce(Announcement::UpdatedElsewhere);
    }
}

/// The index changed in storage: a newer app may have written it, and a blank tab takes up
/// another tab's new assessment.
pub(super) fn index_changed(
    s: &mut AppState,
    library: Rc<Library>,
    newer: Option<u64>,
    take_up: Option<(AssessmentId, Rc<Assessment>)>,
) {
    if let Some(version) = newer {
        s.storage = Some(StorageError::ReadOnly { version });
    }
    if let Some((id, assessment)) = take_up.filter(|(id, _)| *id != s.current) {
        s.current = id;
        s.assessment = assessment;
        s.origin = Origin::Stored;
        s.conflict = None;
        s.announce(Announcement::TakenUp);
    }
    s.library = library;
}
