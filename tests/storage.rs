//! Storage behind its port, natively: the index, saving, backups, the newer-index guard and the
//! operations, against storage in memory made to fail as a browser's does (full, blocked,
//! another tab writing between two calls).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use risk_checklist::app::boot::boot;
use risk_checklist::app::choices::fresh;
use risk_checklist::app::memory::MemoryStorage;
use risk_checklist::app::ops::{Env, Ops};
use risk_checklist::app::port::StoragePort;
use risk_checklist::app::saving::Pending;
use risk_checklist::app::state::{Problem, Resolution, Undo, Version};
use risk_checklist::app::store::{Loaded, Store};
use risk_checklist::app::{AppState, Msg, StorageError};
use risk_checklist::core::default_checklist::default_checklist;
use risk_checklist::core::library::AssessmentId;
use risk_checklist::core::{Action, Assessment, ChecklistDefinition, StoredAssessment, Timestamp};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::rc::Rc;

const NS: &str = "ns";
const FULL: &str = "this browser's storage is full";

fn def() -> Rc<ChecklistDefinition> {
    Rc::new(default_checklist())
}

fn at(second: u32) -> Timestamp {
    Timestamp::parse(&format!("2026-03-01T10:{:02}:{:02}Z", second / 60, second % 60)).unwrap()
}

fn id(n: usize) -> AssessmentId {
    AssessmentId::parse(&format!("a-{n}")).unwrap()
}

/// An assessment titled `title`, with `note` on the first item.
fn assessment(def: &ChecklistDefinition, title: &str, note: &str) -> Assessment {
    let mut a = fresh(def, Some(title), at(0));
    let item = def.sections[0].items[0].id.clone();
    a.apply(def, Action::SetNotes { item, notes: note.into() }, at(1));
    a
}

fn store(port: MemoryStorage) -> Store<MemoryStorage> {
    Store::open(port, NS)
}

fn record_key(n: usize) -> String {
    format!("risk-checklist/v1/{NS}/assessment/a-{n}")
}

fn index_key() -> String {
    format!("risk-checklist/v1/{NS}/index")
}

/// The ids a fresh tab lists.
fn listed(port: &MemoryStorage) -> BTreeSet<String> {
    store(port.other_tab()).library().entries.iter().map(|e| e.id.as_str().to_owned()).collect()
}

/// The ids of the records stored.
fn stored(port: &MemoryStorage) -> BTreeSet<String> {
    let prefix = format!("risk-checklist/v1/{NS}/assessment/");
    port.snapshot().keys().filter_map(|k| k.strip_prefix(&prefix).map(str::to_owned)).collect()
}

fn restored(s: &Store<MemoryStorage>, n: usize, def: &ChecklistDefinition) -> Assessment {
    match s.load(&id(n), def, &at(9)) {
        Loaded::Restored(a) => a,
        other => panic!("a-{n} did not open: {other:?}"),
    }
}

#[test]
fn a_save_writes_the_record_and_its_entry_and_reads_back() {
    let def = def();
    let s = store(MemoryStorage::new());
    let a = assessment(&def, "Teams pilot", "first");
    s.save_open(&id(1), &def, &a).unwrap();
    assert_eq!(restored(&s, 1, &def), a);
    let lib = s.library();
    assert_eq!(lib.current, Some(id(1)));
    assert_eq!(lib.get(&id(1)).map(|e| e.title.as_str()), Some("Teams pilot"));
    // The probe left nothing behind: the record and the index only.
    assert_eq!(s.port().snapshot().len(), 2);
}

/// Delete then Undo lists the assessment as before: its title, the checklist's title and its
/// progress through the items in scope, not the checklist's id and a count of every answer.
#[test]
fn an_assessment_deleted_then_put_back_is_listed_as_before() {
    let def = def();
    let s = store(MemoryStorage::new());
    let mut a = assessment(&def, "Teams pilot", "first");
    // Answers to items the scope sets aside are kept, but do not count towards progress.
    let q = def.questions[0].id.clone();
    let aside: Vec<_> = def.items_in_scope(&a.scope).map(|(_, i)| i.id.clone()).collect();
    a.apply(&def, Action::SetScope { question: q, answer: Some(false) }, at(2));
    for item in aside {
        a.apply(
            &def,
            Action::SetStatus { item, status: risk_checklist::core::Status::Achieved },
            at(3),
        );
    }
    s.save_open(&id(1), &def, &a).unwrap();
    let before = s.library().get(&id(1)).cloned().unwrap();
    assert!(before.progress.assessed <= before.progress.total, "{:?}", before.progress);
    let raw = s.delete(&id(1)).unwrap();
    assert!(s.library().get(&id(1)).is_none());
    s.undelete(&id(1), &raw, &def).unwrap();
    assert_eq!(s.library().get(&id(1)), Some(&before));
}

/// Two tabs on one storage: tab B saves its new assessment just before each call tab A's save
/// makes in turn. Whichever call it lands before, both assessments are listed afterwards, in
/// each tab and in a third.
#[test]
fn two_tabs_saving_at_once_lose_no_assessment_from_the_list() {
    let def = def();
    let calls = {
        let a = store(MemoryStorage::new());
        a.save_open(&id(1), &def, &assessment(&def, "A", "x")).unwrap();
        let before = a.port().calls();
        a.save_open(&id(2), &def, &assessment(&def, "A2", "y")).unwrap();
        a.port().calls() - before
    };
    assert!(calls >= 4, "a save reads and writes the index and writes the record");
    for k in 0..calls {
        let a = store(MemoryStorage::new());
        a.save_open(&id(1), &def, &assessment(&def, "A", "x")).unwrap();
        let b = Rc::new(store(a.port().other_tab()));
        let (b2, d2) = (b.clone(), def.clone());
        a.port().before_call(a.port().calls() + k, move || {
            b2.save_open(&id(3), &d2, &assessment(&d2, "B", "z")).unwrap();
        });
        a.save_open(&id(2), &def, &assessment(&def, "A2", "y")).unwrap();
        let all: BTreeSet<String> = ["a-1", "a-2", "a-3"].map(String::from).into();
        assert_eq!(stored(a.port()), all, "hook before call {k}");
        assert_eq!(listed(a.port()), all, "hook before call {k}");
        let in_tab = |s: &Store<MemoryStorage>| -> BTreeSet<String> {
            s.library().entries.iter().map(|e| e.id.as_str().to_owned()).collect()
        };
        assert_eq!((in_tab(&a), in_tab(&b)), (all.clone(), all), "hook before call {k}");
    }
}

/// The number of writes a save of `new` over `old` makes when storage has room.
fn writes_of_a_save(
    def: &ChecklistDefinition,
    old: Option<&Assessment>,
    new: &Assessment,
) -> usize {
    let s = store(MemoryStorage::new());
    if let Some(old) = old {
        s.save_open(&id(1), def, old).unwrap();
    }
    let before = s.port().writes();
    s.save_open(&id(1), def, new).unwrap();
    s.port().writes() - before
}

/// Storage full at each write of a save in turn, for a first save and for a save over an older
/// version: the save reports storage full, and storage is exactly as it was before it.
#[test]
fn storage_full_at_each_write_of_a_save_leaves_everything_as_it_was() {
    let def = def();
    let old = assessment(&def, "Pilot", "old");
    // Longer in title and notes, so the record and the index both grow.
    let new = assessment(&def, "Pilot of the collaboration tool", "the newest answers, longer");
    for old in [None, Some(&old)] {
        let writes = writes_of_a_save(&def, old, &new);
        assert_eq!(writes, 2, "a save writes the record and the index once each");
        for n in 0..writes {
            let s = store(MemoryStorage::new());
            if let Some(old) = old {
                s.save_open(&id(1), &def, old).unwrap();
            }
            s.save_open(&id(2), &def, &assessment(&def, "Other", "kept")).unwrap();
            let before = s.port().snapshot();
            s.port().full_after(n);
            let result = s.save_open(&id(1), &def, &new);
            assert_eq!(
                result,
                Err(StorageError::Refused { reason: FULL.into() }),
                "full after {n}"
            );
            assert_eq!(s.port().snapshot(), before, "full after {n}: nothing half-written");
            // Once there is room again, the same save goes through.
            s.port().make_room();
            s.save_open(&id(1), &def, &new).unwrap();
            assert_eq!(restored(&s, 1, &def), new);
            assert_eq!(s.library().get(&id(1)).map(|e| e.title.as_str()), Some(new.title.as_str()));
        }
    }
}

/// The queue of unsaved changes keeps a change storage refused, and saves it once it can.
#[test]
fn a_refused_save_stays_queued_until_storage_has_room() {
    let def = def();
    let s = store(MemoryStorage::new());
    let a = Rc::new(assessment(&def, "Queued", "typed while full"));
    let mut pending = Pending::default();
    pending.queue(id(1), a.clone());
    s.port().full_after(0);
    assert!(matches!(pending.save(&s, &def), Some(Err(StorageError::Refused { .. }))));
    assert!(!pending.is_empty() && s.raw(&id(1)).is_none());
    s.port().make_room();
    assert_eq!(pending.save(&s, &def), Some(Ok(())));
    assert!(pending.is_empty());
    assert_eq!(restored(&s, 1, &def), *a);
    assert_eq!(pending.save(&s, &def), None, "nothing left to save");
}

fn newer_index() -> String {
    let e = |n: u32, title: &str| {
        format!(
            r#"{{"id":"a-{n}","title":"{title}","checklist_id":"c","checklist_title":"C","progress":{{"assessed":1,"total":5}},"updated":"2026-01-0{n}T00:00:00Z","colour":"red"}}"#
        )
    };
    format!(
        r#"{{"format":"risk-checklist/index","format_version":7,"current":"a-1","entries":[{},{},{{"id":"not an id","checklist_id":"c","updated":"2026-01-02T00:00:00Z"}}],"views":{{}}}}"#,
        e(1, "Kept by the newer version"),
        e(2, "Another")
    )
}

/// An index a newer version wrote: what can be read is listed, and nothing in the namespace is
/// written, whatever is asked.
#[test]
fn an_index_from_a_newer_version_is_listed_and_never_written_over() {
    let def = def();
    let port = MemoryStorage::new();
    port.plant(&index_key(), &newer_index());
    port.plant(&record_key(1), r#"{"format":"from the future"}"#);
    let before = port.snapshot();
    let s = store(port);
    assert_eq!(s.newer_index(), Some(7));
    let titles: Vec<String> = s.library().entries.iter().map(|e| e.title.clone()).collect();
    assert_eq!(titles.len(), 2, "the readable entries: {titles:?}");
    assert!(titles.contains(&"Kept by the newer version".to_owned()));
    let read_only = Err(StorageError::ReadOnly { version: 7 });
    let a = assessment(&def, "Mine", "x");
    assert_eq!(s.save_open(&id(3), &def, &a), read_only);
    assert_eq!(s.save(&id(1), &def, &a), read_only);
    assert_eq!(s.back_up(&id(1), &at(2)).map(|_| ()), read_only);
    assert_eq!(s.undelete(&id(2), "{}", &def), read_only);
    assert_eq!(s.delete(&id(1)), None);
    s.set_current(&id(2));
    // Opening it at start-up says why nothing is saved, and still leaves it all as it was.
    let state = boot(&def, &s, None, at(3), || id(9));
    assert_eq!(state.storage, Some(StorageError::ReadOnly { version: 7 }));
    assert_eq!(state.library.entries.len(), 2);
    assert_eq!(s.port().snapshot(), before);
}

/// An index listing a-1 of the checklist `def`, open last.
fn index_of_a1(def: &ChecklistDefinition) -> String {
    format!(
        r#"{{"format":"risk-checklist/index","format_version":1,"current":"a-1","entries":[{{"id":"a-1","title":"T","checklist_id":"{}","checklist_title":"x","progress":{{"assessed":0,"total":0}},"updated":"2026-01-01T00:00:00Z"}}]}}"#,
        def.id
    )
}

/// A damaged record: never written over, kept as a backup, and work goes on in a new assessment.
#[test]
fn a_damaged_record_is_backed_up_and_never_written_over() {
    let def = def();
    let port = MemoryStorage::new();
    let damaged = r#"{"format":"risk-checklist/assessment","format_version":1,"assess"#;
    port.plant(&record_key(1), damaged);
    port.plant(&index_key(), &index_of_a1(&def));
    let s = store(port);
    let state = boot(&def, &s, Some("Fresh start".into()), at(5), || id(2));
    let unopened = state.unopened.clone().expect("the damaged record is reported");
    assert_eq!(unopened.id, id(1));
    let backup = unopened.backup_key.clone().expect("a backup was kept");
    assert_eq!(s.port().snapshot().get(&backup).map(String::as_str), Some(damaged));
    // Work continues in a new assessment under a new key.
    assert_eq!((state.current.clone(), state.assessment.title.as_str()), (id(2), "Fresh start"));
    s.save_open(&state.current, &def, &state.assessment).unwrap();
    // Opening it again keeps one backup, not two, and the record is still as it was.
    let again = boot(&def, &s, None, at(7), || id(3));
    let backups = s.port().snapshot().keys().filter(|k| k.contains("/backup/")).count();
    assert_eq!(backups, 1);
    assert_eq!(again.current, id(2), "the new one is resumed");
    assert_eq!(s.raw(&id(1)).as_deref(), Some(damaged));
}

#[test]
fn a_damaged_record_is_left_alone_when_no_backup_can_be_made() {
    let def = def();
    let port = MemoryStorage::new();
    port.plant(&record_key(1), "not json");
    port.plant(&index_key(), &index_of_a1(&def));
    let s = store(port);
    s.port().full_after(0);
    let before = s.port().snapshot();
    let state = boot(&def, &s, None, at(5), || id(2));
    let unopened = state.unopened.clone().expect("reported");
    assert_eq!((&unopened.id, &unopened.backup_key), (&id(1), &None));
    assert_eq!(s.port().snapshot(), before);
    assert_eq!(state.current, id(2));
}

#[test]
fn blocked_storage_is_reported_at_start_up_and_nothing_is_read_or_written() {
    let def = def();
    let port = MemoryStorage::new();
    port.plant(&record_key(1), &StoredAssessment::new(&def, &assessment(&def, "T", "x")).to_json());
    port.block();
    let s = store(port);
    assert!(!s.is_available());
    let state = boot(&def, &s, None, at(1), || id(2));
    assert_eq!(state.storage, Some(StorageError::Unavailable));
    assert_eq!((state.current, state.library.entries.len()), (id(2), 0));
    let a = assessment(&def, "T", "y");
    assert_eq!(s.save_open(&id(1), &def, &a), Err(StorageError::Unavailable));
    s.port().unblock();
    assert_eq!(s.port().snapshot().len(), 1, "only what was planted");
}

/// The page as the operations see it, in memory: a fixed clock, numbered ids, and the queue of
/// unsaved changes saved through the same store.
struct TestEnv {
    store: Rc<Store<MemoryStorage>>,
    def: Rc<ChecklistDefinition>,
    pending: RefCell<Pending>,
    saves: RefCell<Vec<Result<(), StorageError>>>,
    next: Cell<usize>,
}

impl TestEnv {
    fn new(store: Rc<Store<MemoryStorage>>, def: Rc<ChecklistDefinition>) -> TestEnv {
        let (pending, saves) = (RefCell::default(), RefCell::default());
        TestEnv { store, def, pending, saves, next: Cell::new(100) }
    }

    fn ops(&self) -> Ops<'_, MemoryStorage, TestEnv> {
        Ops { store: &self.store, env: self }
    }

    /// Queues the open assessment as an edit would.
    fn edit(&self, s: &AppState) {
        self.pending.borrow_mut().queue(s.current.clone(), s.assessment.clone());
    }
}

impl Env for TestEnv {
    fn now(&self) -> Timestamp {
        at(30)
    }
    fn new_id(&self) -> AssessmentId {
        self.next.set(self.next.get() + 1);
        id(self.next.get())
    }
    fn flush(&self) {
        if let Some(r) = self.pending.borrow_mut().save(&self.store, &self.def) {
            self.saves.borrow_mut().push(r);
        }
    }
    fn discard(&self) {
        self.pending.borrow_mut().discard();
    }
    fn has_pending(&self) -> bool {
        !self.pending.borrow().is_empty()
    }
    fn save_now(&self, id: &AssessmentId, assessment: &Rc<Assessment>) {
        self.pending.borrow_mut().queue(id.clone(), assessment.clone());
        self.flush();
    }
}

/// A tab with assessment a-1 open and saved, and a-2 stored too.
fn tab() -> (TestEnv, Rc<AppState>) {
    let def = def();
    let s = Rc::new(store(MemoryStorage::new()));
    s.save(&id(2), &def, &assessment(&def, "Second", "two")).unwrap();
    s.save_open(&id(1), &def, &assessment(&def, "First", "one")).unwrap();
    let state = boot(&def, &s, None, at(2), || id(99));
    assert_eq!(state.current, id(1));
    (TestEnv::new(s, def), Rc::new(state))
}

#[test]
fn deleting_the_open_assessment_opens_the_next_and_undo_puts_it_back_exactly() {
    let (env, state) = tab();
    let raw = env.store.raw(&id(1)).unwrap();
    let msg = env.ops().delete(&state, id(1));
    let Msg::Deleted { next: Some((next, _)), raw: Some(kept), .. } = &msg else {
        panic!("{msg:?}")
    };
    assert_eq!((next, kept.as_str()), (&id(2), raw.as_str()));
    assert_eq!(env.store.library().current, Some(id(2)));
    let state = state.reduce(msg);
    assert!(matches!(state.undo.as_deref(), Some(Undo::Deleted { .. })));
    let msg = env.ops().undo(&state).expect("an undo");
    assert!(matches!(msg, Msg::Restored { .. }), "{msg:?}");
    assert_eq!(env.store.raw(&id(1)), Some(raw));
    assert!(env.store.library().get(&id(1)).is_some());
}

#[test]
fn an_operation_saves_the_pending_change_first() {
    let (env, state) = tab();
    let state = state
        .reduce(Msg::Edit { action: Action::SetTitle { title: "Renamed".into() }, now: at(3) });
    env.edit(&state);
    let msg = env.ops().new_assessment(&state);
    assert_eq!(env.saves.borrow().as_slice(), &[Ok(())]);
    assert_eq!(restored(&env.store, 1, &env.def).title, "Renamed");
    let Msg::Opened { id: new, .. } = msg else { panic!("{msg:?}") };
    assert_eq!(new, id(101));
}

/// Keeping this tab's version over another tab's backs the other one up first; with storage
/// full, nothing is replaced and the page is told.
#[test]
fn settling_a_conflict_backs_up_the_side_replaced_or_replaces_nothing() {
    let (env, state) = tab();
    let def = env.def.clone();
    let theirs = assessment(&def, "First", "their answer");
    let other_tab = store(env.store.port().other_tab());
    other_tab.save_open(&id(1), &def, &theirs).unwrap();
    let mut state = state.reduce(Msg::Conflict(Rc::new(theirs.clone())));
    state =
        state.reduce(Msg::Edit { action: Action::SetTitle { title: "Mine".into() }, now: at(3) });
    env.store.port().full_after(0);
    let before = env.store.port().snapshot();
    let msg = env.ops().resolve(&state, Resolution::Mine).expect("an outcome");
    let Msg::Failed { problem: Problem::NoBackup { of: Version::OtherTabs, .. }, .. } = msg else {
        panic!("{msg:?}")
    };
    assert_eq!(env.store.port().snapshot(), before, "nothing replaced");
    env.store.port().make_room();
    let msg = env.ops().resolve(&state, Resolution::Mine).expect("an outcome");
    let Msg::KeptMine { backup: Some(key), saved: Ok(()), .. } = &msg else { panic!("{msg:?}") };
    let kept = StoredAssessment::from_json(&env.store.port().snapshot()[key.as_str()]).unwrap();
    assert_eq!(kept.assessment, theirs, "their version is the backup");
    assert_eq!(restored(&env.store, 1, &def).title, "Mine");
}

#[test]
fn when_another_app_clears_storage_this_tabs_work_is_written_back() {
    let (env, state) = tab();
    let state =
        state.reduce(Msg::Edit { action: Action::SetTitle { title: "Kept".into() }, now: at(3) });
    env.edit(&state);
    env.store.port().other_tab().plant("unrelated", "x");
    for key in env.store.port().snapshot().keys() {
        env.store.port().other_tab().remove(key).unwrap();
    }
    let msg = env.ops().follow(&state, None, None).expect("an outcome");
    assert!(matches!(msg, Msg::IndexChanged { .. }), "{msg:?}");
    assert_eq!(restored(&env.store, 1, &env.def).title, "Kept");
    assert!(env.store.library().get(&id(1)).is_some());
}

/// One tab's operation on storage, for the interleavings below.
#[derive(Clone, Debug)]
enum TabOp {
    Save(usize, u8),
    Delete(usize),
    Read,
}

fn tab_op() -> impl Strategy<Value = TabOp> {
    prop_oneof![
        4 => (0..4usize, any::<u8>()).prop_map(|(n, v)| TabOp::Save(n, v)),
        1 => (0..4usize).prop_map(TabOp::Delete),
        1 => Just(TabOp::Read),
    ]
}

fn run_op(s: &Store<MemoryStorage>, def: &ChecklistDefinition, op: &TabOp) {
    match op {
        TabOp::Save(n, v) => {
            let _ = s.save_open(&id(*n), def, &assessment(def, &format!("T{n}"), &v.to_string()));
        }
        TabOp::Delete(n) => {
            let _ = s.delete(&id(*n));
        }
        TabOp::Read => {
            let _ = s.library();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Two tabs' operations interleaved call by call: tab B's come in just before chosen calls
    /// of tab A's. Every assessment stored is listed, and every record reads.
    #[test]
    fn interleaved_tabs_never_lose_a_stored_assessment_from_the_list(
        a_ops in prop::collection::vec(tab_op(), 1..8),
        b_ops in prop::collection::vec((tab_op(), 0..60usize), 0..8),
    ) {
        let def = def();
        let a = store(MemoryStorage::new());
        let b = Rc::new(store(a.port().other_tab()));
        let queue = Rc::new(RefCell::new(VecDeque::from(b_ops.clone())));
        let start = a.port().calls();
        for (_, call) in &b_ops {
            let (b, queue, def) = (b.clone(), queue.clone(), def.clone());
            a.port().before_call(start + call, move || {
                if let Some((op, _)) = queue.borrow_mut().pop_front() {
                    run_op(&b, &def, &op);
                }
            });
        }
        a_ops.iter().for_each(|op| run_op(&a, &def, op));
        let rest: Vec<_> = queue.borrow_mut().drain(..).collect();
        rest.iter().for_each(|(op, _)| run_op(&b, &def, op));
        let records = stored(a.port());
        let listed = listed(a.port());
        prop_assert!(records.is_subset(&listed), "stored {records:?}, listed {listed:?}");
        for n in 0..4 {
            if records.contains(&format!("a-{n}")) {
                prop_assert!(matches!(a.load(&id(n), &def, &at(9)), Loaded::Restored(_)));
            }
        }
        let snapshot: BTreeMap<_, _> = a.port().snapshot();
        prop_assert!(!snapshot.keys().any(|k| k.ends_with("/probe")));
    }
}
