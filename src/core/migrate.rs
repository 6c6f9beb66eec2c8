//! Upgrades of documents written by older versions, one format version at a time.
//!
//! Every format version so far has only added fields that may be left out, so a file of any
//! earlier version reads with today's types, and each step is a pure function on the assessment
//! read, from version `n` to `n + 1`; an old file passes through every step from its own version
//! on. Each step is tested on a real file of the version it starts from
//! (`tests/fixtures/formats/`), and docs/FORMAT.md lists what each does. The same steps upgrade
//! an exported file and a stored record.
//!
//! A future version that renames or moves a field will need a step on the JSON before the types
//! read it. The steps are not written on `serde_json::Value` until then: reading and writing
//! a generic JSON value links its number formatting and parsing, about 9 KB gzip of the widget.

use super::assessment::Assessment;
use super::time::{is_date, Timestamp};
use std::fmt;

/// One upgrade step: changes an assessment read from format version `n` into one of `n + 1`.
pub type Step = fn(&mut Assessment);

/// `STEPS[i]` upgrades format version `i + 1` to `i + 2`.
pub const STEPS: &[Step] = &[answers_changed_when_updated, dated_decisions_recorded];

/// 1 to 2: each answer gains `changed`, when it last changed. Version 1 did not record it, so
/// the best time known is the assessment's `updated`, when anything in it last changed.
/// Version 2 also added `scope`, which a version 1 file simply lacks.
pub fn answers_changed_when_updated(a: &mut Assessment) {
    for answer in a.answers.values_mut() {
        answer.changed.get_or_insert_with(|| a.updated.clone());
    }
}

/// 2 to 3: each answer may gain `response` (treat, tolerate, transfer or terminate), a sign-off
/// `recorded`, `warnings` and `fingerprint`, and the assessment `withdrawn` (decisions withdrawn
/// by reopening it). Versions 1 and 2 recorded a decision by choosing it and dating it, so a
/// decision with a date counts as recorded: it gains `recorded`, at the start of the day it
/// was dated (the best time known). Nothing else is known, so nothing else is added: no
/// response, no warnings, no fingerprint.
pub fn dated_decisions_recorded(a: &mut Assessment) {
    let Some(signoff) = a.signoff.as_mut() else { return };
    if signoff.decision.is_none() || signoff.recorded.is_some() {
        return;
    }
    let dated = signoff.decided.as_deref().filter(|d| is_date(d));
    if let Some(at) = dated.and_then(|d| Timestamp::parse(&format!("{d}T00:00:00Z"))) {
        signoff.recorded = Some(at);
    }
}

/// The newest format version this app reads and the one it writes. It follows from the steps,
/// so adding a step cannot leave the version behind.
pub const FORMAT_VERSION: u32 = STEPS.len() as u32 + 1;

/// Why a document could not be upgraded. The document reader turns it into its own error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UpgradeError {
    /// The version is 0 or newer than the steps reach.
    UnknownVersion { found: u32 },
}

impl fmt::Display for UpgradeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UpgradeError::UnknownVersion { found } => {
                write!(f, "format version {found} cannot be upgraded")
            }
        }
    }
}

impl std::error::Error for UpgradeError {}

/// Brings an assessment read from format version `from` up to this app's version; nothing
/// changes when it is current.
pub fn upgrade(a: &mut Assessment, from: u32) -> Result<(), UpgradeError> {
    upgrade_with(STEPS, a, from)
}

/// [`upgrade`] with the steps given, so the mechanism is tested on its own.
pub fn upgrade_with(steps: &[Step], a: &mut Assessment, from: u32) -> Result<(), UpgradeError> {
    let current = steps.len() as u32 + 1;
    if from == 0 || from > current {
        return Err(UpgradeError::UnknownVersion { found: from });
    }
    for step in steps.iter().skip(from as usize - 1) {
        step(a);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::{Answer, Decision, SignOff};
    use crate::core::definition::ItemId;

    fn t(n: u32) -> Timestamp {
        Timestamp::parse(&format!("2026-02-0{n}T10:30:00Z")).unwrap()
    }

    /// An assessment updated at `t(9)` with answers `a` (no `changed`) and `b` (changed at t(1)).
    fn old() -> Assessment {
        let mut a = Assessment::new(t(1));
        a.updated = t(9);
        a.answers.insert(ItemId::new("a"), Answer { notes: "n".into(), ..Answer::default() });
        a.answers.insert(ItemId::new("b"), Answer { changed: Some(t(1)), ..Answer::default() });
        a
    }

    fn changed(a: &Assessment) -> Vec<Option<Timestamp>> {
        a.answers.values().map(|x| x.changed.clone()).collect()
    }

    /// Made-up steps that note their number in the title, to show the order they run in.
    fn one(a: &mut Assessment) {
        a.title.push('1');
    }
    fn two(a: &mut Assessment) {
        a.title.push('2');
    }

    #[test]
    fn each_step_runs_in_order_from_the_version_found() {
        for (from, expected) in [(1, Ok("12")), (2, Ok("2")), (3, Ok("")), (0, Err(0)), (4, Err(4))]
        {
            let mut a = Assessment::new(t(1));
            let got = upgrade_with(&[one, two], &mut a, from)
                .map(|()| a.title.clone())
                .map_err(|UpgradeError::UnknownVersion { found }| found);
            assert_eq!(got, expected.map(str::to_owned), "from {from}");
        }
    }

    #[test]
    fn version_1_answers_changed_when_the_assessment_was_last_updated() {
        let mut a = old();
        upgrade(&mut a, 1).unwrap();
        assert_eq!(changed(&a), vec![Some(t(9)), Some(t(1))], "a time already known is kept");
        let mut current = old();
        upgrade(&mut current, FORMAT_VERSION).unwrap();
        assert_eq!(current, old(), "a current assessment passes through untouched");
    }

    #[test]
    fn version_2_gains_nothing_it_did_not_say() {
        let mut a = old();
        upgrade(&mut a, 2).unwrap();
        assert_eq!(a, old(), "no response, no record of a decision");
        assert_eq!(FORMAT_VERSION, 3);
    }

    #[test]
    fn a_dated_decision_of_version_1_or_2_counts_as_recorded_and_a_draft_does_not() {
        let with = |decision: Option<Decision>, decided: Option<&str>| {
            let mut a = old();
            a.signoff = Some(SignOff {
                decision,
                decided: decided.map(str::to_owned),
                owner: "Jo".into(),
                ..SignOff::default()
            });
            a
        };
        for from in [1, 2] {
            let mut a = with(Some(Decision::Proceed), Some("2026-02-01"));
            upgrade(&mut a, from).unwrap();
            let signoff = a.signoff.as_ref().unwrap();
            assert_eq!(signoff.recorded, Timestamp::parse("2026-02-01T00:00:00Z"));
            assert!(a.is_signed(), "from version {from}");
        }
        for (decision, decided) in [(Some(Decision::Proceed), None), (None, Some("2026-02-01"))] {
            let mut a = with(decision, decided);
            upgrade(&mut a, 2).unwrap();
            assert_eq!(a, with(decision, decided), "a draft stays a draft");
        }
        // A current file says for itself whether a decision was recorded.
        let mut a = with(Some(Decision::Proceed), Some("2026-02-01"));
        upgrade(&mut a, FORMAT_VERSION).unwrap();
        assert!(!a.is_signed());
        // A time already recorded is kept.
        let mut a = with(Some(Decision::Proceed), Some("2026-02-01"));
        a.signoff.as_mut().unwrap().recorded = Some(t(3));
        upgrade(&mut a, 2).unwrap();
        assert_eq!(a.signoff.unwrap().recorded, Some(t(3)));
    }
}
