//! The change waiting to be saved. The page saves the newest version of the open assessment
//! after a pause in typing, or at once when it is hidden, left or an operation needs storage
//! to be up to date; `src/ui/storage.rs` keeps the timer, this keeps what is queued.

use super::port::StoragePort;
use super::store::Store;
use super::StorageError;
use crate::core::library::AssessmentId;
use crate::core::{Assessment, ChecklistDefinition};
use std::rc::Rc;

/// At most one assessment's newest version, not yet saved.
#[derive(Debug, Default)]
pub struct Pending(Option<(AssessmentId, Rc<Assessment>)>);

impl Pending {
    /// Whether a change to an assessment other than `id` is queued: it is saved first.
    pub fn holds_other_than(&self, id: &AssessmentId) -> bool {
        self.0.as_ref().is_some_and(|(queued, _)| queued != id)
    }

    /// Queues `assessment`, replacing any older version queued.
    pub fn queue(&mut self, id: AssessmentId, assessment: Rc<Assessment>) {
        self.0 = Some((id, assessment));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// Drops the queued change without saving it (a newer stored version replaced it).
    pub fn discard(&mut self) {
        self.0 = None;
    }

    /// Saves the queued change as the open assessment, if there is one. On failure it stays
    /// queued: the next change or the next flush tries again.
    pub fn save<P: StoragePort>(
        &mut self,
        store: &Store<P>,
        def: &ChecklistDefinition,
    ) -> Option<Result<(), StorageError>> {
        let (id, assessment) = self.0.take()?;
        let result = store.save_open(&id, def, &assessment);
        if result.is_err() {
            self.0 = Some((id, assessment));
        }
        Some(result)
    }
}
