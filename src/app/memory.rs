//! Storage in memory, for native tests of everything behind the storage port. Handles made
//! with [`MemoryStorage::other_tab`] share one map, as the tabs of one origin share
//! `localStorage`, and each can be told to fail: blocked, full after a number of writes, or
//! with another tab's work run just before a given call.

use super::port::{PortError, StoragePort};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

type Hook = Box<dyn FnOnce()>;

/// One tab's handle on a map of text shared by every handle made from it.
#[derive(Default)]
pub struct MemoryStorage {
    map: Rc<RefCell<BTreeMap<String, String>>>,
    faults: RefCell<Faults>,
}

#[derive(Default)]
struct Faults {
    blocked: bool,
    /// Writes that may still grow what is stored before storage is full.
    writes_left: Option<usize>,
    /// Once storage is full: the most it holds, in characters of keys and values.
    capacity: Option<usize>,
    calls: usize,
    writes: usize,
    /// Run before the call with that number (counted from this handle's first call).
    hooks: Vec<(usize, Hook)>,
}

impl MemoryStorage {
    pub fn new() -> MemoryStorage {
        MemoryStorage::default()
    }

    /// Another tab's handle on the same storage, with no faults of its own.
    pub fn other_tab(&self) -> MemoryStorage {
        MemoryStorage { map: self.map.clone(), faults: RefCell::default() }
    }

    /// Every call from this handle fails as blocked storage does, until [`Self::unblock`].
    pub fn block(&self) {
        self.faults.borrow_mut().blocked = true;
    }

    pub fn unblock(&self) {
        self.faults.borrow_mut().blocked = false;
    }

    /// After `writes` more writes from this handle, storage is full: as with a browser's quota,
    /// a write that would make what is stored larger is refused, one that does not is made.
    pub fn full_after(&self, writes: usize) {
        let mut faults = self.faults.borrow_mut();
        faults.writes_left = Some(writes);
        faults.capacity = None;
        if writes == 0 {
            faults.capacity = Some(self.size());
        }
    }

    /// Storage has room again.
    pub fn make_room(&self) {
        let mut faults = self.faults.borrow_mut();
        faults.writes_left = None;
        faults.capacity = None;
    }

    /// Runs `hook` (typically another tab's operation) just before this handle's call number
    /// `call`, counted from its first call; [`Self::calls`] tells how many were made so far.
    pub fn before_call(&self, call: usize, hook: impl FnOnce() + 'static) {
        self.faults.borrow_mut().hooks.push((call, Box::new(hook)));
    }

    /// How many calls this handle has had.
    pub fn calls(&self) -> usize {
        self.faults.borrow().calls
    }

    /// How many writes this handle has made (removals not counted).
    pub fn writes(&self) -> usize {
        self.faults.borrow().writes
    }

    /// Everything stored, for a test to compare.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.map.borrow().clone()
    }

    /// Stores `value` under `key` directly, as another app or an older version would.
    pub fn plant(&self, key: &str, value: &str) {
        self.map.borrow_mut().insert(key.to_owned(), value.to_owned());
    }

    fn size(&self) -> usize {
        self.map.borrow().iter().map(|(k, v)| k.len() + v.len()).sum()
    }

    /// Counts a call, runs the hooks due before it, and fails it if storage is blocked.
    fn call(&self) -> Result<(), PortError> {
        let due = {
            let mut faults = self.faults.borrow_mut();
            let n = faults.calls;
            faults.calls += 1;
            let (due, later) =
                std::mem::take(&mut faults.hooks).into_iter().partition(|h| h.0 == n);
            faults.hooks = later;
            due
        };
        // Run with nothing borrowed: a hook may use this storage through another handle.
        due.into_iter().for_each(|(_, hook): (usize, Hook)| hook());
        if self.faults.borrow().blocked {
            return Err(PortError::Blocked);
        }
        Ok(())
    }
}

impl StoragePort for MemoryStorage {
    fn get(&self, key: &str) -> Result<Option<String>, PortError> {
        self.call()?;
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), PortError> {
        self.call()?;
        let old = self.map.borrow().get(key).map_or(0, |v| key.len() + v.len());
        let after = self.size() - old + key.len() + value.len();
        let mut faults = self.faults.borrow_mut();
        if faults.capacity.is_some_and(|most| after > most) {
            return Err(PortError::QuotaExceeded);
        }
        self.map.borrow_mut().insert(key.to_owned(), value.to_owned());
        faults.writes += 1;
        if let Some(left) = faults.writes_left.as_mut() {
            *left = left.saturating_sub(1);
            if *left == 0 && faults.capacity.is_none() {
                faults.capacity = Some(after);
            }
        }
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), PortError> {
        self.call()?;
        self.map.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, PortError> {
        self.call()?;
        Ok(self.map.borrow().keys().cloned().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_share_one_map_and_a_hook_runs_just_before_its_call() {
        let a = MemoryStorage::new();
        let b = Rc::new(a.other_tab());
        let b2 = b.clone();
        a.before_call(1, move || b2.set("k", "from b").unwrap());
        a.set("k", "from a").unwrap();
        assert_eq!(a.get("k").unwrap().as_deref(), Some("from b"), "b wrote between a's calls");
        assert_eq!((a.calls(), a.writes(), b.writes()), (2, 1, 1));
        assert_eq!(b.keys().unwrap(), vec!["k".to_owned()]);
    }

    #[test]
    fn full_storage_refuses_only_a_write_that_grows_it() {
        let s = MemoryStorage::new();
        s.set("k", "12345").unwrap();
        s.full_after(1);
        s.set("j", "1").unwrap();
        assert_eq!(s.set("j", "12"), Err(PortError::QuotaExceeded));
        assert_eq!(s.set("new", ""), Err(PortError::QuotaExceeded));
        s.set("k", "123").unwrap();
        s.set("j", "123").unwrap();
        s.remove("j").unwrap();
        s.make_room();
        s.set("j", "a longer value").unwrap();
    }

    #[test]
    fn blocked_storage_refuses_every_call() {
        let s = MemoryStorage::new();
        s.plant("k", "v");
        s.block();
        assert_eq!(s.get("k"), Err(PortError::Blocked));
        assert_eq!(s.set("k", "w"), Err(PortError::Blocked));
        assert_eq!(s.remove("k"), Err(PortError::Blocked));
        assert_eq!(s.keys(), Err(PortError::Blocked));
        assert_eq!(s.other_tab().get("k").unwrap().as_deref(), Some("v"));
        s.unblock();
        assert_eq!(s.get("k").unwrap().as_deref(), Some("v"));
    }
}
