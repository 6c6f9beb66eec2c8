//! The one module that touches `localStorage`.
//!
//! Keys are namespaced and versioned (`risk-checklist/v1/<namespace>/...`); nothing else on
//! the origin is read, written or cleared. A stored value that cannot be opened is copied to a
//! backup key before anything could replace it, and when even that fails it is never written
//! over. Saving is debounced while a person types and flushed when the page is hidden.

use super::state::StorageHealth;
use crate::core::document::{check_assessment, DocumentError, StoredAssessment};
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

/// What was found in storage for a namespace.
#[derive(Debug)]
pub enum Loaded {
    /// Nothing stored yet.
    Nothing,
    Restored(Assessment),
    /// A value was stored but could not be opened; it is described by `health`.
    Unusable(StorageHealth),
}

/// localStorage for one widget's namespace, or none when the browser blocks it.
pub struct Store {
    storage: Option<web_sys::Storage>,
    namespace: String,
}

impl Store {
    /// Opens storage, checking that it can really be written: some browsers hand out a
    /// `localStorage` object that throws on every write.
    pub fn open(namespace: &str) -> Store {
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten()).filter(|s| {
            let probe = format!("{KEY_PREFIX}probe");
            let ok = s.set_item(&probe, "1").is_ok();
            let _ = s.remove_item(&probe);
            ok
        });
        Store { storage, namespace: namespace.to_owned() }
    }

    pub fn is_available(&self) -> bool {
        self.storage.is_some()
    }

    pub fn assessment_key(&self) -> String {
        format!("{KEY_PREFIX}{}/assessment", self.namespace)
    }

    fn backup_key(&self, now: &Timestamp) -> String {
        format!("{KEY_PREFIX}{}/backup/{}", self.namespace, now)
    }

    /// Reads the stored assessment for `def`. Anything unreadable is backed up first.
    pub fn load(&self, def: &ChecklistDefinition, now: &Timestamp) -> Loaded {
        let Some(storage) = &self.storage else { return Loaded::Unusable(StorageHealth::Unavailable) };
        let key = self.assessment_key();
        let raw = match storage.get_item(&key) {
            Ok(Some(raw)) => raw,
            Ok(None) => return Loaded::Nothing,
            Err(_) => return Loaded::Unusable(StorageHealth::Unavailable),
        };
        let problem = match StoredAssessment::from_json(&raw) {
            Ok(stored) if stored.checklist.id != def.id => format!(
                "it answers another checklist (\"{}\")",
                stored.checklist.id.chars().take(60).collect::<String>()
            ),
            Ok(stored) => match check_assessment(def, &stored.assessment) {
                Ok(()) => return Loaded::Restored(stored.assessment),
                Err(e) => e.to_string(),
            },
            Err(e @ DocumentError::NewerVersion { .. }) => {
                // Never back up and replace what a newer version wrote: leave it as it is.
                return Loaded::Unusable(StorageHealth::Protected { reason: e.to_string() });
            }
            Err(e) => e.to_string(),
        };
        let backup_key = self.backup_key(now);
        match storage.set_item(&backup_key, &raw) {
            Ok(()) => Loaded::Unusable(StorageHealth::Recovered { backup_key, reason: problem }),
            Err(_) => Loaded::Unusable(StorageHealth::Protected { reason: problem }),
        }
    }

    /// Writes the assessment. On failure the previous stored copy is left as it was.
    pub fn save(&self, def: &ChecklistDefinition, assessment: &Assessment) -> Result<(), StorageHealth> {
        let Some(storage) = &self.storage else { return Err(StorageHealth::Unavailable) };
        let perf = web_sys::window().and_then(|w| w.performance());
        if let Some(perf) = &perf {
            let _ = perf.mark(SAVE_START);
        }
        let json = StoredAssessment::new(def, assessment).to_json();
        let result = storage.set_item(&self.assessment_key(), &json).map_err(|e| StorageHealth::Failing { reason: describe(&e) });
        // A user-timing entry lets the benchmark read how long a save takes.
        if let Some(perf) = perf {
            perf.clear_measures_with_measure_name(SAVE_MEASURE);
            let _ = perf.measure_with_start_mark(SAVE_MEASURE, SAVE_START);
            perf.clear_marks_with_mark_name(SAVE_START);
        }
        result
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

/// Saves the newest assessment after a pause in typing, or at once on [`Saver::flush`].
pub struct Saver {
    store: Store,
    def: Rc<ChecklistDefinition>,
    pending: Option<Rc<Assessment>>,
    timer: Option<Timeout>,
    report: Callback<StorageHealth>,
    /// When false (unavailable, or protecting a value it could not back up) nothing is written.
    writable: bool,
}

pub type SharedSaver = Rc<RefCell<Saver>>;

impl Saver {
    pub fn new(store: Store, def: Rc<ChecklistDefinition>, writable: bool, report: Callback<StorageHealth>) -> SharedSaver {
        Rc::new(RefCell::new(Saver { store, def, pending: None, timer: None, report, writable }))
    }

    /// Queues `assessment` to be saved once typing pauses.
    pub fn schedule(this: &SharedSaver, assessment: Rc<Assessment>) {
        let weak: Weak<RefCell<Saver>> = Rc::downgrade(this);
        let mut saver = this.borrow_mut();
        if !saver.writable {
            return;
        }
        saver.pending = Some(assessment);
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
            let Some(assessment) = saver.pending.take() else { return };
            let result = saver.store.save(&saver.def, &assessment);
            if result.is_err() {
                // Keep it queued: the next change or the next flush tries again.
                saver.pending = Some(assessment);
            }
            (result, saver.report.clone())
        };
        report.emit(result.err().unwrap_or(StorageHealth::Saving));
    }

    /// Whether a change is waiting to be saved.
    pub fn has_pending(this: &SharedSaver) -> bool {
        this.try_borrow().map(|s| s.pending.is_some()).unwrap_or(true)
    }
}
