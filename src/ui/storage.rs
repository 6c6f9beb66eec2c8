//! The one module that touches `localStorage`.
//!
//! Keys are namespaced and versioned (`risk-checklist/v1/<namespace>/...`); nothing else on
//! the origin is read, written or cleared. A stored value that cannot be opened is copied to a
//! backup key before anything could replace it, and when even that fails it is never written
//! over. Saving is debounced while a person types and flushed when the page is hidden.

use crate::app::tabs::StorageChange;
use crate::app::StorageError;
use crate::core::changes::ChangesSince;
use crate::core::document::{check_assessment, older_version, DocumentError, StoredAssessment};
use crate::core::library::{AssessmentId, Entry, Library};
use crate::core::{Assessment, ChecklistDefinition, Timestamp};
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use yew::Callback;

/// Every key this app writes starts with this.
pub const KEY_PREFIX: &str = "risk-checklist/v1/";
/// The name of the user-timing measure recorded for each save.
pub const SAVE_MEASURE: &str = "risk-checklist:save";
const SAVE_START: &str = "risk-checklist:save-start";
/// How long typing must pause before a save, in milliseconds.
pub const DEBOUNCE_MS: u32 = 300;

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

/// localStorage for one widget's namespace, or none when the browser blocks it.
pub struct Store {
    storage: Option<web_sys::Storage>,
    namespace: String,
}

impl Store {
    /// Opens storage, checking that it can really be written: some browsers hand out a
    /// `localStorage` object that throws on every write. The probe's key is under the
    /// namespace, like every key the widget writes.
    pub fn open(namespace: &str) -> Store {
        let mut store = Store { storage: None, namespace: namespace.to_owned() };
        let probe = format!("{}probe", store.prefix());
        store.storage =
            web_sys::window().and_then(|w| w.local_storage().ok().flatten()).filter(|s| {
                let ok = s.set_item(&probe, "1").is_ok();
                let _ = s.remove_item(&probe);
                ok
            });
        store
    }

    pub fn is_available(&self) -> bool {
        self.storage.is_some()
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
        self.storage.as_ref()?.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let Some(storage) = &self.storage else { return Err(StorageError::Unavailable) };
        // Every write goes through here, so none can change a namespace a newer version owns.
        if let Some(version) = self.newer_index() {
            return Err(StorageError::ReadOnly { version });
        }
        storage.set_item(key, value).map_err(|e| StorageError::Refused { reason: describe(&e) })
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
    pub fn update_library(&self, change: impl FnOnce(&mut Library)) -> Library {
        let (mut lib, _) = self.read_library();
        change(&mut lib);
        let _ = self.set(&self.index_key(), &lib.to_json());
        lib
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
        let Some(storage) = &self.storage else { return Vec::new() };
        let record_prefix = format!("{}assessment/", self.prefix());
        let count = storage.length().unwrap_or(0);
        let keys: Vec<String> = (0..count).filter_map(|i| storage.key(i).ok().flatten()).collect();
        keys.iter()
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

    /// Writes the record, then its index entry with `also` done to the index.
    fn write(
        &self,
        id: &AssessmentId,
        def: &ChecklistDefinition,
        assessment: &Assessment,
        also: impl FnOnce(&mut Library),
    ) -> Result<(), StorageError> {
        let perf = web_sys::window().and_then(|w| w.performance());
        if let Some(perf) = &perf {
            let _ = perf.mark(SAVE_START);
        }
        let json = StoredAssessment::new(def, assessment).to_json();
        let result = self.set(&self.record_key(id), &json);
        if result.is_ok() {
            let entry = Entry::of(id, def, assessment);
            self.update_library(|lib| {
                lib.upsert(entry);
                also(lib);
            });
        }
        // A user-timing entry lets the benchmark read how long a save takes.
        if let Some(perf) = perf {
            perf.clear_measures_with_measure_name(SAVE_MEASURE);
            let _ = perf.measure_with_start_mark(SAVE_MEASURE, SAVE_START);
            perf.clear_marks_with_mark_name(SAVE_START);
        }
        result
    }

    /// Removes an assessment; returns its stored text so that the removal can be undone.
    pub fn delete(&self, id: &AssessmentId) -> Option<String> {
        if self.newer_index().is_some() {
            return None;
        }
        let raw = self.raw(id)?;
        self.storage.as_ref()?.remove_item(&self.record_key(id)).ok()?;
        self.update_library(|lib| {
            lib.remove(id);
        });
        Some(raw)
    }

    /// Puts back an assessment removed by [`Store::delete`].
    pub fn undelete(&self, id: &AssessmentId, raw: &str) -> Result<(), StorageError> {
        self.set(&self.record_key(id), raw)?;
        if let Ok(stored) = StoredAssessment::from_json(raw) {
            let entry = Entry::of_stored(id, &stored);
            self.update_library(|lib| lib.upsert(entry));
        }
        Ok(())
    }

    /// Remembers which assessment is open, so the next visit resumes it. Only opening an
    /// assessment, and saving the one open ([`Store::save_open`]), does this.
    pub fn set_current(&self, id: &AssessmentId) {
        self.update_library(|lib| lib.current = Some(id.clone()));
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
        if let Some(storage) = &self.storage {
            let count = storage.length().unwrap_or(0);
            let existing = (0..count)
                .filter_map(|i| storage.key(i).ok().flatten())
                .filter(|k| k.starts_with(&prefix))
                .find(|k| self.get(k).as_deref() == Some(text));
            if let Some(key) = existing {
                return Ok(key);
            }
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

/// A short explanation of a failed write.
fn describe(error: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    match error.dyn_ref::<web_sys::DomException>().map(|e| e.name()) {
        Some(name) if name == "QuotaExceededError" => "this browser's storage is full".into(),
        Some(name) => format!("the browser refused to save ({name})"),
        None => "the browser refused to save".into(),
    }
}

/// Saves the newest assessment after a pause in typing, or at once on [`Saver::flush`]. Each
/// save it makes is reported, whoever asked for it.
pub struct Saver {
    store: Rc<Store>,
    def: Rc<ChecklistDefinition>,
    pending: Option<(AssessmentId, Rc<Assessment>)>,
    timer: Option<Timeout>,
    report: Callback<Result<(), StorageError>>,
}

pub type SharedSaver = Rc<RefCell<Saver>>;

impl Saver {
    pub fn new(
        store: Rc<Store>,
        def: Rc<ChecklistDefinition>,
        report: Callback<Result<(), StorageError>>,
    ) -> SharedSaver {
        Rc::new(RefCell::new(Saver { store, def, pending: None, timer: None, report }))
    }

    /// Queues an assessment to be saved once typing pauses. A change queued for another
    /// assessment is saved first.
    pub fn schedule(this: &SharedSaver, id: AssessmentId, assessment: Rc<Assessment>) {
        if this.try_borrow().is_ok_and(|s| s.pending.as_ref().is_some_and(|(p, _)| p != &id)) {
            Saver::flush(this);
        }
        let weak: Weak<RefCell<Saver>> = Rc::downgrade(this);
        let Ok(mut saver) = this.try_borrow_mut() else { return };
        if !saver.store.is_available() {
            return;
        }
        saver.pending = Some((id, assessment));
        saver.timer = Some(Timeout::new(DEBOUNCE_MS, move || {
            if let Some(this) = weak.upgrade() {
                Saver::flush(&this);
            }
        }));
    }

    /// Saves anything queued now.
    pub fn flush(this: &SharedSaver) {
        let (result, report) = {
            let Ok(mut saver) = this.try_borrow_mut() else { return };
            saver.timer = None;
            let Some((id, assessment)) = saver.pending.take() else { return };
            let result = saver.store.save_open(&id, &saver.def, &assessment);
            if result.is_err() {
                // Keep it queued: the next change or the next flush tries again.
                saver.pending = Some((id, assessment));
            }
            (result, saver.report.clone())
        };
        report.emit(result);
    }

    /// Whether a change is waiting to be saved.
    pub fn has_pending(this: &SharedSaver) -> bool {
        this.try_borrow().map(|s| s.pending.is_some()).unwrap_or(true)
    }

    /// Drops a queued change without saving it (it was replaced by a newer stored version).
    pub fn discard(this: &SharedSaver) {
        if let Ok(mut saver) = this.try_borrow_mut() {
            saver.pending = None;
            saver.timer = None;
        }
    }
}
