//! What opens when the widget starts.

use super::choices::fresh;
use super::port::StoragePort;
use super::state::Unopened;
use super::store::{Loaded, Store};
use super::{AppState, Origin, StorageError};
use crate::core::library::AssessmentId;
use crate::core::{ChecklistDefinition, Timestamp};
use std::rc::Rc;

/// The state at start-up: the assessment open last resumed, or the newest of this checklist,
/// or a new one (with the id `new_id` gives). One that cannot be opened is left untouched and
/// reported, and so is storage that cannot be used or that a newer version owns.
pub fn boot<P: StoragePort>(
    def: &Rc<ChecklistDefinition>,
    store: &Store<P>,
    default_title: Option<String>,
    now: Timestamp,
    new_id: impl FnOnce() -> AssessmentId,
) -> AppState {
    let library = store.library();
    let mut unopened = None;
    let mut opened = None;
    let mut changes = None;
    if let Some(entry) = library.resume(&def.id) {
        let (loaded, taken_up) = store.load_taking_up(&entry.id, def, &now);
        changes = taken_up.map(Rc::new);
        match loaded {
            Loaded::Restored(a) => opened = Some((entry.id.clone(), a)),
            Loaded::Nothing => {}
            Loaded::Unusable { reason, backup_key, newer } => {
                unopened =
                    Some(Rc::new(Unopened { id: entry.id.clone(), reason, backup_key, newer }))
            }
        }
    }
    let (id, assessment) =
        opened.unwrap_or_else(|| (new_id(), fresh(def, default_title.as_deref(), now)));
    let mut state = AppState::new(def.clone(), id, assessment, library);
    state.default_title = default_title;
    state.unopened = unopened;
    // Taken up from an earlier version of the checklist: saved in this one, as opening it from
    // the list does, and what changed is shown.
    if changes.is_some() {
        state.origin = Origin::Local;
    }
    state.changes = changes;
    if !store.is_available() {
        state.storage = Some(StorageError::Unavailable);
    } else if let Some(version) = store.newer_index() {
        state.storage = Some(StorageError::ReadOnly { version });
    }
    state
}
