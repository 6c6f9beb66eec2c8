//! The reducer's handlers of the one outcome of each operation (`ui::ops`), after its storage
//! or file work: what opens, what Undo can put back, what is announced.

use super::announcements::Announcement;
use super::comparing::Comparing;
use super::import::ImportPreview;
use super::messages::{Opening, Problem};
use super::navigation::{first_in_scope, resume_section};
use super::state::{AppState, FocusTarget, Origin, Overlay, Replacement, StorageError, Undo, View};
use crate::core::changes::ChangesSince;
use crate::core::library::{AssessmentId, Library};
use crate::core::Assessment;
use std::rc::Rc;

/// The saver's latest save succeeded, or why it failed.
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
    s.announce(Announcement::Restored { title });
    // Undo is gone.
    s.focus_on(FocusTarget::ViewHeading);
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
    s.announce(Announcement::PutBack { title, by, backup_kept: backup.is_some() });
    // Undo is gone.
    s.focus_on(FocusTarget::ViewHeading);
}

/// Two assessments compared, shown in place of the view with the focus on its heading.
pub(super) fn compared(s: &mut AppState, comparing: Rc<Comparing>) {
    s.compare = Some(comparing);
    s.merge = None;
    s.renaming = None;
    s.focus_on(FocusTarget::ViewHeading);
}

/// A file read for import and waiting for the person's choice, or why it could not be read:
/// either takes the focus, as it may follow a drop far up the page.
pub(super) fn import_read(s: &mut AppState, read: Result<Rc<ImportPreview>, String>) {
    match read {
        Ok(preview) => {
            s.import = Some(preview);
            s.import_error = None;
        }
        Err(problem) => {
            s.import = None;
            s.import_error = Some(problem);
        }
    }
    s.focus_on(FocusTarget::Notification);
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
    // The merge is gone with its button: the focus goes back to what opened it.
    s.focus_on(FocusTarget::Opener(Overlay::Panel));
    if assessment == s.assessment {
        s.announce(Announcement::MergedNothing { file_name: m.file_name.clone() });
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
    s.announce(Announcement::Merged {
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
    let from_elsewhere = s.view != View::Checklist;
    let changes = imported_changes(s, &how);
    s.open(id, assessment, how.origin());
    s.changes = changes;
    if matches!(how, Opening::Undone { .. }) {
        s.undo = None;
    }
    // The control pressed is gone: with its view (Open, New, Start a review), with the import
    // preview (Open as a new assessment: back to what opened the preview), with Undo or with the
    // question about the other tab's version. The focus never drops to the top of the page.
    s.focus_on(match how {
        Opening::ImportedAsNew { .. } if !from_elsewhere => FocusTarget::Opener(Overlay::Import),
        _ => FocusTarget::SectionHeading,
    });
    s.library = library;
    let title = s.assessment.title.clone();
    s.announce(Announcement::Opened { how, title });
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
    // The row is gone with its Delete button: the focus goes to Undo, or to the heading when
    // nothing was stored to bring back.
    if let Some(raw) = raw {
        s.announce(Announcement::Deleted { title: title.clone() });
        s.undo = Some(Rc::new(Undo::Deleted { id, raw, title }));
        s.focus_on(FocusTarget::Undo);
    } else {
        s.focus_on(FocusTarget::ViewHeading);
    }
    if let Some((id, assessment)) = next {
        s.open(id, assessment, Origin::Stored);
        s.view = View::Assessments;
        s.leave_place();
    }
    s.library = library;
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
    s.announce(Announcement::Replaced { file_name, backup_kept: backup.is_some() });
    // The preview is gone with its button: the focus goes back to what opened it.
    s.focus_on(FocusTarget::Opener(Overlay::Import));
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
