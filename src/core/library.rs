//! The assessments kept in one storage namespace: their index, and ids for new ones.
//!
//! Each assessment is stored under its own key; the index lists them for the "Assessments"
//! view and remembers which was open last. The index is a convenience: when it is missing or
//! damaged it is rebuilt from the stored assessments themselves.

use super::assessment::{Assessment, Decision};
use super::definition::ChecklistDefinition;
use super::document::StoredAssessment;
use super::scoring::Progress;
use super::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The discriminator of the stored index.
pub const INDEX_FORMAT: &str = "risk-checklist/index";
pub const INDEX_VERSION: u32 = 1;

/// The id of one stored assessment: `a-` then lower-case letters and digits.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AssessmentId(String);

impl AssessmentId {
    /// An id from a time in milliseconds and a random number, both supplied by the shell.
    pub fn generate(millis: u64, random: u64) -> AssessmentId {
        AssessmentId(format!("a-{}-{}", base36(millis), base36(random % 36u64.pow(6))))
    }

    pub fn parse(text: &str) -> Option<AssessmentId> {
        let ok = text.len() <= 64
            && text.starts_with("a-")
            && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        ok.then(|| AssessmentId(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for AssessmentId {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        AssessmentId::parse(&s).ok_or_else(|| format!("not an assessment id: {:.40}", s))
    }
}

impl From<AssessmentId> for String {
    fn from(id: AssessmentId) -> String {
        id.0
    }
}

impl fmt::Display for AssessmentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn base36(mut n: u64) -> String {
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(digits[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// What the list of assessments shows about one of them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: AssessmentId,
    pub title: String,
    pub checklist_id: String,
    pub checklist_title: String,
    pub progress: Progress,
    pub updated: Timestamp,
    /// The decision recorded, when one is: the list shows it, and when its review is due.
    /// Left out of an index written before decisions were listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decided>,
}

/// What the list of assessments shows of a recorded decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decided {
    pub decision: Decision,
    /// The date of decision, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<String>,
    /// The review date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_date: Option<String>,
    /// What the decision weighed changed after it was recorded.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub needs_review: bool,
}

impl Decided {
    /// The decision `a` records, if it records one.
    pub fn of(a: &Assessment) -> Option<Decided> {
        let s = a.signoff.as_ref().filter(|s| s.is_decided())?;
        Some(Decided {
            decision: s.decision?,
            decided: s.decided.clone(),
            review_date: s.review_date.clone(),
            needs_review: s.needs_review,
        })
    }
}

impl Entry {
    /// The entry for an assessment of `def`.
    pub fn of(id: &AssessmentId, def: &ChecklistDefinition, a: &Assessment) -> Entry {
        Entry {
            id: id.clone(),
            title: a.title.clone(),
            checklist_id: def.id.clone(),
            checklist_title: def.title.clone(),
            progress: Progress::overall(def, a),
            updated: a.updated.clone(),
            decision: Decided::of(a),
        }
    }

    /// The entry for a stored assessment whose checklist may not be at hand: its progress
    /// counts answered items only.
    pub fn of_stored(id: &AssessmentId, stored: &StoredAssessment) -> Entry {
        let a = &stored.assessment;
        let assessed = a.answers.values().filter(|x| x.status.is_assessed()).count();
        Entry {
            id: id.clone(),
            title: a.title.clone(),
            checklist_id: stored.checklist.id.clone(),
            checklist_title: stored.checklist.id.clone(),
            progress: Progress { assessed, total: 0 },
            updated: a.updated.clone(),
            decision: Decided::of(a),
        }
    }
}

/// The index of one namespace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Library {
    pub format: String,
    pub format_version: u32,
    /// The assessment open last, so a returning person resumes it.
    #[serde(default)]
    pub current: Option<AssessmentId>,
    /// Most recently changed first.
    #[serde(default)]
    pub entries: Vec<Entry>,
}

impl Default for Library {
    /// The empty index, with its discriminator: a derived default would have an empty format,
    /// which [`Library::from_json`] refuses.
    fn default() -> Library {
        Library::new()
    }
}

impl Library {
    pub fn new() -> Library {
        Library {
            format: INDEX_FORMAT.into(),
            format_version: INDEX_VERSION,
            current: None,
            entries: Vec::new(),
        }
    }

    /// Reads a stored index; `None` when it is missing its discriminator or cannot be read,
    /// and the caller rebuilds it.
    pub fn from_json(text: &str) -> Option<Library> {
        let lib: Library = serde_json::from_str(text).ok()?;
        (lib.format == INDEX_FORMAT && lib.format_version == INDEX_VERSION).then_some(lib)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The version a stored index says it is in, when a newer version of the app wrote it.
    /// Such an index is never rebuilt or written over: the newer version's assessments would
    /// drop out of its list.
    pub fn newer_version(text: &str) -> Option<u64> {
        // Typed, with every other field passed over: a generic JSON value would add its number
        // handling to the widget.
        #[derive(Deserialize)]
        struct Header {
            format: String,
            format_version: u64,
        }
        let header: Header = serde_json::from_str(text).ok()?;
        (header.format == INDEX_FORMAT && header.format_version > u64::from(INDEX_VERSION))
            .then_some(header.format_version)
    }

    /// What this version can read of an index a newer version wrote: its entries with the
    /// fields this version knows (others are passed over), and the one open last. An index
    /// whose known fields changed shape reads as empty; the records themselves stay untouched.
    pub fn readable_part(text: &str) -> Library {
        #[derive(Deserialize)]
        struct Loose {
            #[serde(default)]
            current: Option<String>,
            #[serde(default)]
            entries: Vec<LooseEntry>,
        }
        #[derive(Deserialize)]
        struct LooseEntry {
            id: String,
            #[serde(default)]
            title: String,
            checklist_id: String,
            #[serde(default)]
            checklist_title: String,
            #[serde(default)]
            progress: LooseProgress,
            updated: String,
        }
        #[derive(Deserialize, Default)]
        struct LooseProgress {
            #[serde(default)]
            assessed: usize,
            #[serde(default)]
            total: usize,
        }
        let Ok(loose) = serde_json::from_str::<Loose>(text) else { return Library::new() };
        let entries = loose.entries.into_iter().filter_map(|e| {
            Some(Entry {
                id: AssessmentId::parse(&e.id)?,
                title: e.title,
                checklist_id: e.checklist_id,
                checklist_title: e.checklist_title,
                progress: Progress { assessed: e.progress.assessed, total: e.progress.total },
                updated: Timestamp::parse(&e.updated)?,
                decision: None,
            })
        });
        let current = loose.current.as_deref().and_then(AssessmentId::parse);
        Library::rebuild(entries.collect::<Vec<_>>(), current)
    }

    /// Rebuilds an index from the stored assessments found.
    pub fn rebuild(
        found: impl IntoIterator<Item = Entry>,
        current: Option<AssessmentId>,
    ) -> Library {
        let mut lib = Library::new();
        for entry in found {
            lib.upsert(entry);
        }
        lib.current = current.filter(|c| lib.get(c).is_some());
        lib
    }

    pub fn get(&self, id: &AssessmentId) -> Option<&Entry> {
        self.entries.iter().find(|e| &e.id == id)
    }

    /// Adds or replaces an entry, keeping the most recently changed first.
    pub fn upsert(&mut self, entry: Entry) {
        self.entries.retain(|e| e.id != entry.id);
        let at = self
            .entries
            .iter()
            .position(|e| e.updated <= entry.updated)
            .unwrap_or(self.entries.len());
        self.entries.insert(at, entry);
    }

    pub fn remove(&mut self, id: &AssessmentId) -> Option<Entry> {
        let at = self.entries.iter().position(|e| &e.id == id)?;
        if self.current.as_ref() == Some(id) {
            self.current = None;
        }
        Some(self.entries.remove(at))
    }

    /// The assessment to open: the one open last, else the most recent of this checklist.
    pub fn resume(&self, checklist_id: &str) -> Option<&Entry> {
        self.current
            .as_ref()
            .and_then(|c| self.get(c))
            .filter(|e| e.checklist_id == checklist_id)
            .or_else(|| self.entries.iter().find(|e| e.checklist_id == checklist_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, updated: &str, checklist: &str) -> Entry {
        Entry {
            id: AssessmentId::parse(id).unwrap(),
            title: id.into(),
            checklist_id: checklist.into(),
            checklist_title: checklist.into(),
            progress: Progress::default(),
            updated: Timestamp::parse(updated).unwrap(),
            decision: None,
        }
    }

    #[test]
    fn an_entry_carries_a_recorded_decision_and_an_index_without_one_still_reads() {
        use crate::core::assessment::SignOff;
        let mut a = Assessment::new(Timestamp::parse("2026-01-01T00:00:00Z").unwrap());
        let signoff = SignOff {
            decision: Some(Decision::Proceed),
            decided: Some("2026-12-01".into()),
            review_date: Some("2027-12-01".into()),
            ..SignOff::default()
        };
        a.signoff = Some(signoff.clone());
        assert_eq!(Decided::of(&a), None, "a draft is not listed as a decision");
        a.signoff = Some(SignOff { recorded: Some(a.updated.clone()), ..signoff });
        let decided = Decided::of(&a).unwrap();
        assert_eq!(decided.decision, Decision::Proceed);
        assert_eq!(decided.review_date.as_deref(), Some("2027-12-01"));
        let mut lib = Library::new();
        lib.upsert(Entry { decision: Some(decided), ..entry("a-1", "2026-01-01T00:00:00Z", "c") });
        assert_eq!(Library::from_json(&lib.to_json()), Some(lib.clone()));
        assert!(lib
            .to_json()
            .contains(r#""decision":{"decision":"proceed","decided":"2026-12-01""#));
        let older = r#"{"format":"risk-checklist/index","format_version":1,"entries":[{"id":"a-1","title":"T","checklist_id":"c","checklist_title":"C","progress":{"assessed":2,"total":5},"updated":"2026-01-01T00:00:00Z"}]}"#;
        assert_eq!(Library::from_json(older).map(|l| l.entries[0].decision.clone()), Some(None));
    }

    #[test]
    fn ids_are_generated_and_checked() {
        let id = AssessmentId::generate(1_764_000_000_000, 123_456_789);
        assert!(AssessmentId::parse(id.as_str()).is_some(), "{id}");
        assert_ne!(id, AssessmentId::generate(1_764_000_000_000, 987));
        for bad in ["", "b-1", "a-UPPER", "a-../x", &format!("a-{}", "1".repeat(70))] {
            assert!(AssessmentId::parse(bad).is_none(), "{bad}");
        }
        assert!(serde_json::from_str::<AssessmentId>("\"a-<script>\"").is_err());
    }

    #[test]
    fn entries_stay_newest_first_and_resume_prefers_the_current_one() {
        let mut lib = Library::new();
        lib.upsert(entry("a-1", "2026-01-01T00:00:00Z", "c"));
        lib.upsert(entry("a-2", "2026-01-03T00:00:00Z", "c"));
        lib.upsert(entry("a-3", "2026-01-02T00:00:00Z", "other"));
        let order: Vec<&str> = lib.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(order, ["a-2", "a-3", "a-1"]);
        assert_eq!(lib.resume("c").map(|e| e.id.as_str()), Some("a-2"));
        lib.current = AssessmentId::parse("a-1");
        assert_eq!(lib.resume("c").map(|e| e.id.as_str()), Some("a-1"));
        assert_eq!(lib.resume("other").map(|e| e.id.as_str()), Some("a-3"));
        lib.upsert(entry("a-1", "2026-01-04T00:00:00Z", "c"));
        assert_eq!(lib.entries[0].id.as_str(), "a-1");
        assert_eq!(lib.entries.len(), 3);
        assert!(lib.remove(&AssessmentId::parse("a-1").unwrap()).is_some());
        assert_eq!(lib.current, None);
    }

    #[test]
    fn the_default_index_is_the_new_one_and_reads_back() {
        assert_eq!(Library::default(), Library::new());
        assert_eq!(Library::from_json(&Library::default().to_json()), Some(Library::new()));
    }

    #[test]
    fn a_damaged_index_is_not_read_and_a_rebuilt_one_drops_a_missing_current() {
        assert_eq!(
            Library::from_json(
                "{\"format\":\"risk-checklist/index\",\"format_version\":1,\"entries\":[{]"
            ),
            None
        );
        assert_eq!(Library::from_json("{\"format\":\"other\",\"format_version\":1}"), None);
        let lib = Library::rebuild(
            vec![entry("a-1", "2026-01-01T00:00:00Z", "c")],
            AssessmentId::parse("a-9"),
        );
        assert_eq!(lib.current, None);
        assert_eq!(Library::from_json(&lib.to_json()), Some(lib));
    }

    /// Reads `text` as an index written by another version: (newer version found, entry ids
    /// readable, the current one).
    fn check_newer(text: &str, expected: (Option<u64>, Vec<&str>, Option<&str>)) {
        let lib = Library::readable_part(text);
        let ids: Vec<&str> = lib.entries.iter().map(|e| e.id.as_str()).collect();
        let got = (Library::newer_version(text), ids, lib.current.as_ref().map(|c| c.as_str()));
        assert_eq!(got, expected, "{text}");
    }

    #[test]
    fn an_index_from_a_newer_version_is_recognised_and_its_known_entries_read() {
        let e = r#"{"id":"a-1","title":"T","checklist_id":"c","checklist_title":"C","progress":{"assessed":2,"total":5},"updated":"2026-01-01T00:00:00Z"}"#;
        let extra = r#"{"id":"a-2","title":"U","checklist_id":"c","checklist_title":"C","progress":{"assessed":1,"total":5,"reviewed":1},"updated":"2026-01-02T00:00:00Z","colour":"red"}"#;
        let broken = r#"{"id":"not an id","checklist_id":"c","updated":"2026-01-02T00:00:00Z"}"#;
        check_newer(
            &format!(
                r#"{{"format":"risk-checklist/index","format_version":2,"current":"a-1","entries":[{e},{extra},{broken}],"views":{{}}}}"#
            ),
            (Some(2), vec!["a-2", "a-1"], Some("a-1")),
        );
        // The current version, another format, or no version at all is not a newer index.
        check_newer(
            &format!(r#"{{"format":"risk-checklist/index","format_version":1,"entries":[{e}]}}"#),
            (None, vec!["a-1"], None),
        );
        check_newer(r#"{"format":"other","format_version":9}"#, (None, vec![], None));
        check_newer(
            r#"{"format":"risk-checklist/index","format_version":"2"}"#,
            (None, vec![], None),
        );
        check_newer("not json", (None, vec![], None));
        let lib = Library::readable_part(&format!(
            r#"{{"format":"risk-checklist/index","format_version":3,"entries":[{extra}]}}"#
        ));
        assert_eq!(lib.entries[0].progress, Progress { assessed: 1, total: 5 });
    }
}
