//! The one module that touches `localStorage`: the storage port for the browser, and the saver
//! that writes the open assessment after a pause in typing. Everything stored is decided by
//! `app::store`, behind the port; the keys it uses start with [`KEY_PREFIX`].
//!
//! Saving is debounced while a person types and flushed when the page is hidden.

use super::clock;
use crate::app::ops::Env;
use crate::app::port::{PortError, StoragePort};
use crate::app::saving::Pending;
use crate::app::StorageError;
use crate::core::library::AssessmentId;
use crate::core::{Assessment, ChecklistDefinition, Timestamp};
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use yew::Callback;

pub use crate::app::store::{Loaded, KEY_PREFIX};

/// The name of the user-timing measure recorded for each save.
pub const SAVE_MEASURE: &str = "risk-checklist:save";
/// How long typing must pause before a save, in milliseconds.
pub const DEBOUNCE_MS: u32 = 300;

/// The browser's `localStorage`, or none when the browser blocks it: then every call fails
/// as blocked.
pub struct LocalStorage(Option<web_sys::Storage>);

/// One widget's storage in this browser.
pub type Store = crate::app::store::Store<LocalStorage>;

impl LocalStorage {
    pub fn new() -> LocalStorage {
        LocalStorage(web_sys::window().and_then(|w| w.local_storage().ok().flatten()))
    }

    fn storage(&self) -> Result<&web_sys::Storage, PortError> {
        self.0.as_ref().ok_or(PortError::Blocked)
    }
}

impl Default for LocalStorage {
    fn default() -> LocalStorage {
        LocalStorage::new()
    }
}

impl StoragePort for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, PortError> {
        self.storage()?.get_item(key).map_err(|e| refused(&e))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), PortError> {
        self.storage()?.set_item(key, value).map_err(|e| refused(&e))
    }

    fn remove(&self, key: &str) -> Result<(), PortError> {
        self.storage()?.remove_item(key).map_err(|e| refused(&e))
    }

    fn keys(&self) -> Result<Vec<String>, PortError> {
        let storage = self.storage()?;
        let count = storage.length().map_err(|e| refused(&e))?;
        Ok((0..count).filter_map(|i| storage.key(i).ok().flatten()).collect())
    }
}

/// Why the browser refused a call, from the exception it threw.
fn refused(error: &wasm_bindgen::JsValue) -> PortError {
    use wasm_bindgen::JsCast;
    match error.dyn_ref::<web_sys::DomException>().map(|e| e.name()) {
        Some(name) if name == "QuotaExceededError" => PortError::QuotaExceeded,
        name => PortError::Refused { name },
    }
}

/// Saves the newest assessment after a pause in typing, or at once on [`Saver::flush`]. Each
/// save it makes is reported, whoever asked for it.
pub struct Saver {
    store: Rc<Store>,
    def: Rc<ChecklistDefinition>,
    pending: Pending,
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
        let pending = Pending::default();
        Rc::new(RefCell::new(Saver { store, def, pending, timer: None, report }))
    }

    /// Queues an assessment to be saved once typing pauses. A change queued for another
    /// assessment is saved first.
    pub fn schedule(this: &SharedSaver, id: AssessmentId, assessment: Rc<Assessment>) {
        if this.try_borrow().is_ok_and(|s| s.pending.holds_other_than(&id)) {
            Saver::flush(this);
        }
        let weak: Weak<RefCell<Saver>> = Rc::downgrade(this);
        let Ok(mut saver) = this.try_borrow_mut() else { return };
        if !saver.store.is_available() {
            return;
        }
        saver.pending.queue(id, assessment);
        saver.timer = Some(Timeout::new(DEBOUNCE_MS, move || {
            if let Some(this) = weak.upgrade() {
                Saver::flush(&this);
            }
        }));
    }

    /// Saves anything queued now. A user-timing measure lets the benchmark read how long a
    /// save takes.
    pub fn flush(this: &SharedSaver) {
        let (result, report) = {
            let Ok(mut saver) = this.try_borrow_mut() else { return };
            saver.timer = None;
            let Saver { store, def, pending, .. } = &mut *saver;
            if pending.is_empty() {
                return;
            }
            clock::start(SAVE_MEASURE);
            let result = pending.save(store, def);
            clock::measure(SAVE_MEASURE);
            let Some(result) = result else { return };
            (result, saver.report.clone())
        };
        report.emit(result);
    }

    /// Whether a change is waiting to be saved.
    pub fn has_pending(this: &SharedSaver) -> bool {
        this.try_borrow().map(|s| !s.pending.is_empty()).unwrap_or(true)
    }

    /// Drops a queued change without saving it (it was replaced by a newer stored version).
    pub fn discard(this: &SharedSaver) {
        if let Ok(mut saver) = this.try_borrow_mut() {
            saver.pending.discard();
            saver.timer = None;
        }
    }
}

/// The page as the operations see it: the browser's clock, new ids and the saver.
impl Env for SharedSaver {
    fn now(&self) -> Timestamp {
        clock::now()
    }
    fn new_id(&self) -> AssessmentId {
        clock::new_id()
    }
    fn flush(&self) {
        Saver::flush(self)
    }
    fn discard(&self) {
        Saver::discard(self)
    }
    fn has_pending(&self) -> bool {
        Saver::has_pending(self)
    }
    fn save_now(&self, id: &AssessmentId, assessment: &Rc<Assessment>) {
        Saver::schedule(self, id.clone(), assessment.clone());
        Saver::flush(self);
    }
    fn start(&self, measure: &str) {
        clock::start(measure)
    }
    fn measure(&self, measure: &str) {
        clock::measure(measure)
    }
}
