//! The reducer's handlers of the one outcome of each operation (`ui::ops`), after its storage
//! or file work: what opens, what Undo can put back, what is announced.

use super::announcements::Announcement;
use super::messages::{Opening, Problem};
use super::navigation::{first_in_scope, resume_section};
use super::state::{AppState, Origin, Replacement, StorageError, Undo, View};
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
    s.open(id, assessment, how.origin());
    if matches!(how, Opening::Undone { .. }) {
        s.undo = None;
    }
    s.library = library;
    let title = s.assessment.title.clone();
    s.announce(Announcement::Opened { how, title });
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
    if let Some(raw) = raw {
        s.announce(Announcement::Deleted { title: title.clone() });
        s.undo = Some(Rc::new(Undo::Deleted { id, raw, title }));
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
