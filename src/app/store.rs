//! One widget's namespace of storage, behind the storage port: the index (healed when it lacks
//! a stored assessment, never written over when a newer version wrote it), loading, saving,
//! backups and deleting, and what a `storage` event from another tab is about.
//!
//! Keys are namespaced and versioned (`risk-checklist/v1/<namespace>/...`); nothing else is
//! read, written or cleared. A stored value that cannot be opened is copied to a backup key
//! before anything could replace it, and when even that fails it is never written over.

use super::port::StoragePort;
use super::tabs::StorageChange;
use super::StorageError;
use crate::core::changes::ChangesSince;
use crate::core::document::{check_assessment, older_version, DocumentError, StoredAssessment};
use crate::core::library::{AssessmentId, Entry, Library};
use crate::core::{Assessment, ChecklistDefinition, Timestamp};
use std::rc::Rc;

/// Every key this app writes starts with this.
pub const KEY_PREFIX: &str = "risk-checklist/v1/";

/// What was found in storage for one assessment. One is made per load and moved straight
/// out, so the size of the restored variant costs nothing worth a box.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)]
pub enum Loaded {
    /// Nothing stored under that id.
    Nothing,
    Restored(Assessment),
    /// A value was stored but cannot be opened here. It stays where it is, untouched; a copy
    /// is kept under `backup_key` where one could be written.
    Unusable {
        reason: String,
        backup_key: Option<String>,
        newer: bool,
    },
}

/// Storage for one widget's namespace. When storage cannot be written at all, nothing is read
/// from it either.
pub struct Store<P: StoragePort> {
    port: P,
    available: bool,
    namespace: String,
}

impl<P: StoragePort> Store<P> {
    /// Opens storage, checking that it can really be written: some browsers hand out a
    /// `localStorage` object that throws on every write. The probe's key is under the
    /// namespace, like every key the widget writes.
    pub fn open(port: P, namespace: &str) -> Store<P> {
        let mut store = Store { port, available: false, namespace: namespace.to_owned() };
        let probe = format!("{}probe", store.prefix());
        store.available = store.port.set(&probe, "1").is_ok();
        let _ = store.port.remove(&probe);
        store
    }

    pub fn is_available(&self) -> bool {
        self.available
    }

    /// The port this store reads and writes through.
    pub fn port(&self) -> &P {
        &self.port
    }

    fn prefix(&self) -> String {
        format!("{KEY_PREFIX}{}/", self.namespace)
    }

    pub fn index_key(&self) -> String {
        format!("{}index", self.prefix())
    }

    pub fn record_key(&self, id: &AssessmentId) -> String {
        format!("{}assessment/{id}", self.prefix())
    }

    fn backup_key(&self, id: &AssessmentId, now: &Timestamp) -> String {
        format!("{}backup/{id}/{now}", self.prefix())
    }

    fn get(&self, key: &str) -> Option<String> {
        self.available.then(|| self.port.get(key).ok().flatten()).flatten()
    }

    fn keys(&self) -> Vec<String> {
        self.available.then(|| self.port.keys().ok()).flatten().unwrap_or_default()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if !self.available {
            return Err(StorageError::Unavailable);
        }
        // Every write goes through here, so none can change a namespace a newer version owns.
        if let Some(version) = self.newer_index() {
            return Err(StorageError::ReadOnly { version });
        }
        self.port.set(key, value).map_err(StorageError::from)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        if !self.available {
            return Err(StorageError::Unavailable);
        }
        self.port.remove(key).map_err(StorageError::from)
    }

    /// The raw text stored under an assessment's key, to download as it is.
    pub fn raw(&self, id: &AssessmentId) -> Option<String> {
        self.get(&self.record_key(id))
    }

    /// The index format version, when a newer version of the app wrote this namespace's index:
    /// then nothing in the namespace is written, so the newer version finds its data as it left it.
    pub fn newer_index(&self) -> Option<u64> {
        self.get(&self.index_key()).and_then(|t| Library::newer_version(&t))
    }

    /// The index of this namespace. A missing or damaged index is rebuilt from the stored
    /// assessments, a stored assessment it lacks is added, and either is written back; one
    /// written by a newer version is read as far as this version can, and left as it is.
    pub fn library(&self) -> Library {
        let (lib, changed) = self.read_library();
        if changed {
            let _ = self.set(&self.index_key(), &lib.to_json());
        }
        lib
    }

    /// Changes the index as it is in storage now, so that another tab's entries survive, and
    /// writes it once.
    pub fn update_library(
        &self,
        change: impl FnOnce(&mut Library),
    ) -> Result<Library, StorageError> {
        let (mut lib, _) = self.read_library();
        change(&mut lib);
        self.set(&self.index_key(), &lib.to_json()).map(|()| lib)
    }

    /// The index as [`Store::library`] gives it, and whether it differs from what is stored.
    fn read_library(&self) -> (Library, bool) {
        let text = self.get(&self.index_key());
        if let Some(mut lib) = text.as_deref().and_then(Library::from_json) {
            // Two tabs saving at the same moment (closing a window with both open) can each
            // write the index without the other's new entry, as storage reaches another tab a
            // moment later. A stored assessment the index lacks is listed again, never lost.
            let unlisted = self.stored_entries(|id| lib.get(id).is_none());
            let changed = !unlisted.is_empty();
            unlisted.into_iter().for_each(|e| lib.upsert(e));
            return (lib, changed);
        }
        if let Some(text) = text.as_deref().filter(|t| Library::newer_version(t).is_some()) {
            return (Library::readable_part(text), false);
        }
        (Library::rebuild(self.stored_entries(|_| true), None), true)
    }

    /// The index entries of the stored assessments of this namespace whose id `wanted`, read
    /// from their records.
    fn stored_entries(&self, wanted: impl Fn(&AssessmentId) -> bool) -> Vec<Entry> {
        let record_prefix = format!("{}assessment/", self.prefix());
        self.keys()
            .iter()
            .filter_map(|key| {
                // Only a record wanted is read: the keys alone are cheap to go through.
                let id = AssessmentId::parse(key.strip_prefix(&record_prefix)?)?;
                if !wanted(&id) {
                    return None;
                }
                let stored = StoredAssessment::from_json(&self.get(key)?).ok()?;
                Some(Entry::of_stored(&id, &stored))
            })
            .collect()
    }

    /// Reads an assessment of `def`. A value that cannot be opened is copied to a backup key
    /// and otherwise left alone.
    pub fn load(&self, id: &AssessmentId, def: &ChecklistDefinition, now: &Timestamp) -> Loaded {
        self.load_taking_up(id, def, now).0
    }

    /// [`Store::load`], with what changed in the checklist since the assessment was answered
    /// when it was made with an earlier version of `def`.
    pub fn load_taking_up(
        &self,
        id: &AssessmentId,
        def: &ChecklistDefinition,
        now: &Timestamp,
    ) -> (Loaded, Option<ChangesSince>) {
        let Some(raw) = self.get(&self.record_key(id)) else { return (Loaded::Nothing, None) };
        // An older format is upgraded as it is read: keep the original first. The upgraded
        // version is written back only by the next save, after it opened without a problem.
        if older_version(&raw).is_some() && self.back_up_text(id, now, &raw).is_err() {
            let reason =
                "it is in an older format and no backup could be made before upgrading it".into();
            return (Loaded::Unusable { reason, backup_key: None, newer: false }, None);
        }
        let (reason, newer) = match StoredAssessment::from_json(&raw) {
            Ok(stored) if stored.checklist.id != def.id => (
                format!(
                    "it answers another checklist (\"{}\")",
                    stored.checklist.id.chars().take(60).collect::<String>()
                ),
                false,
            ),
            Ok(mut stored) => match check_assessment(def, &stored.assessment) {
                Ok(()) => {
                    let changes = stored.checklist.take_up(def, &mut stored.assessment);
                    return (Loaded::Restored(stored.assessment), changes);
                }
                Err(e) => (e.to_string(), false),
            },
            Err(e @ DocumentError::NewerVersion { .. }) => (e.to_string(), true),
            Err(e) => (e.to_string(), false),
        };
        let backup_key = self.back_up_text(id, now, &raw).ok();
        (Loaded::Unusable { reason, backup_key, newer }, None)
    }

    /// Writes an assessment and its index entry, and nothing more: which assessment is open is
    /// left as it was. On failure the previous stored copy is left as it was.
    pub fn save(
        &self,
        id: &AssessmentId,
        def: &ChecklistDefinition,
        assessment: &Assessment,
    ) -> Result<(), StorageError> {
        self.write(id, def, assessment, |_| {})
    }

    /// Saves the assessment open in this tab: as [`Store::save`], and the index names it as
    /// the one to resume, in the same write.
    pub fn save_open(
        &self,
        id: &AssessmentId,
        def: &ChecklistDefinition,
        assessment: &Assessment,
    ) -> Result<(), StorageError> {
        self.write(id, def, assessment, |lib| lib.current = Some(id.clone()))
    }

    /// Writes the record, then its index entry with `also` done to the index. When the index
    /// cannot be written, the record is put back as it was, so that the two agree, and the
    /// failure is reported.
    fn write(
        &self,
        id: &AssessmentId,
        def: &ChecklistDefinition,
        assessment: &Assessment,
        also: impl FnOnce(&mut Library),
    ) -> Result<(), StorageError> {
        let key = self.record_key(id);
        let before = self.get(&key);
        self.set(&key, &StoredAssessment::new(def, assessment).to_json())?;
        let entry = Entry::of(id, def, assessment);
        let indexed = self.update_library(|lib| {
            lib.upsert(entry);
            also(lib);
        });
        if let Err(e) = indexed {
            let _ = match before {
                Some(text) => self.set(&key, &text),
                None => self.remove(&key),
            };
            return Err(e);
        }
        Ok(())
    }

    /// Removes an assessment; returns its stored text so that the removal can be undone.
    pub fn delete(&self, id: &AssessmentId) -> Option<String> {
        if self.newer_index().is_some() {
            return None;
        }
        let raw = self.raw(id)?;
        self.remove(&self.record_key(id)).ok()?;
        let _ = self.update_library(|lib| {
            lib.remove(id);
        });
        Some(raw)
    }

    /// Puts back an assessment removed by [`Store::delete`]. Its entry in the list is made as
    /// a save makes it, with the checklist's title and the progress through the items in scope,
    /// when it answers `def`.
    pub fn undelete(
        &self,
        id: &AssessmentId,
        raw: &str,
        def: &ChecklistDefinition,
    ) -> Result<(), StorageError> {
        self.set(&self.record_key(id), raw)?;
        if let Ok(stored) = StoredAssessment::from_json(raw) {
            let entry = if stored.checklist.id == def.id {
                Entry::of(id, def, &stored.assessment)
            } else {
                Entry::of_stored(id, &stored)
            };
            let _ = self.update_library(|lib| lib.upsert(entry));
        }
        Ok(())
    }

    /// Remembers which assessment is open, so the next visit resumes it. Only opening an
    /// assessment, and saving the one open ([`Store::save_open`]), does this.
    pub fn set_current(&self, id: &AssessmentId) {
        let _ = self.update_library(|lib| lib.current = Some(id.clone()));
    }

    /// Keeps a copy of an assessment's current stored text before it is replaced: the key it
    /// is under, or `None` when nothing is stored under that id (there is nothing to lose).
    pub fn back_up(
        &self,
        id: &AssessmentId,
        now: &Timestamp,
    ) -> Result<Option<String>, StorageError> {
        match self.raw(id) {
            Some(raw) => self.back_up_text(id, now, &raw).map(Some),
            None => Ok(None),
        }
    }

    /// Keeps a copy of an assessment as it is in this page, which may differ from what is stored.
    pub fn back_up_assessment(
        &self,
        id: &AssessmentId,
        now: &Timestamp,
        def: &ChecklistDefinition,
        a: &Assessment,
    ) -> Result<String, StorageError> {
        self.back_up_text(id, now, &StoredAssessment::new(def, a).to_json())
    }

    /// Keeps `text` as a backup of an assessment; returns the key it is under. The same text
    /// backed up before is not stored twice, so reopening a damaged record does not fill storage.
    pub fn back_up_text(
        &self,
        id: &AssessmentId,
        now: &Timestamp,
        text: &str,
    ) -> Result<String, StorageError> {
        let prefix = format!("{}backup/{id}/", self.prefix());
        let existing = self
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(&prefix))
            .find(|k| self.get(k).as_deref() == Some(text));
        if let Some(key) = existing {
            return Ok(key);
        }
        let key = self.backup_key(id, now);
        self.set(&key, text).map(|_| key)
    }

    /// What a `storage` event with this key and new value is about, for a tab with `open` on
    /// screen.
    pub fn change(
        &self,
        open: &AssessmentId,
        key: Option<String>,
        new_value: Option<String>,
    ) -> StorageChange {
        match key {
            None => StorageChange::Cleared,
            Some(key) if key == self.index_key() => StorageChange::Index,
            Some(key) if key == self.record_key(open) => StorageChange::OpenRecord(
                new_value
                    .and_then(|v| StoredAssessment::from_json(&v).ok())
                    .map(|stored| Rc::new(stored.assessment)),
            ),
            Some(_) => StorageChange::Other,
        }
    }
}
