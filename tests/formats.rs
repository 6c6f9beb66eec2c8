//! Files written in older format versions: each upgrade step on a real file of the version it
//! starts from (tests/fixtures/formats/), and the refusal of a version newer than this app's.
#![cfg(not(target_arch = "wasm32"))]

use risk_checklist::core::document::{older_version, DocumentError, FORMAT_VERSION};
use risk_checklist::core::{Document, StoredAssessment, Timestamp};
use serde_json::Value;

const V1_EXPORT: &str = include_str!("fixtures/formats/v1-export.json");
const V1_STORED: &str = include_str!("fixtures/formats/v1-stored.json");
const V2_EXPORT: &str = include_str!("fixtures/formats/v2-export.json");
const V2_STORED: &str = include_str!("fixtures/formats/v2-stored-checklist-2.0.1.json");

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

/// The assessment of a file as read, with `changed` taken out of each answer after checking
/// it is `updated`, so that what remains can be compared with the original.
fn without_changed(mut assessment: Value) -> Value {
    let updated = assessment["updated"].clone();
    for answer in assessment["answers"].as_object_mut().unwrap().values_mut() {
        let changed = answer.as_object_mut().unwrap().remove("changed");
        assert_eq!(changed.as_ref(), Some(&updated), "{answer}");
    }
    assessment
}

/// The assessment read, less the `recorded` its dated decision gained on upgrade (checked to be
/// the start of the day it was dated: a dated decision of version 1 or 2 counts as recorded).
fn without_recorded(mut a: Value) -> Value {
    let signoff = &mut a["signoff"];
    if let (Some(_), Some(decided)) = (signoff["decision"].as_str(), signoff["decided"].as_str()) {
        assert_eq!(signoff["recorded"], format!("{decided}T00:00:00Z"), "recorded when dated");
        signoff.as_object_mut().unwrap().remove("recorded");
    }
    a
}

/// Checks a version 1 file against what it reads as: the same assessment, each answer
/// changed when the assessment was last updated; and that the upgraded file round-trips.
fn check_v1(original: &str, read: Value) {
    let original = json(original);
    assert_eq!(original["format_version"], 1, "the fixture is a version 1 file");
    assert!(original["assessment"]["answers"].as_object().unwrap().len() >= 3);
    assert!(original["assessment"]["signoff"]["needs_review"].as_bool().unwrap());
    assert_eq!(read["format_version"], FORMAT_VERSION);
    assert_eq!(
        without_changed(without_recorded(read["assessment"].clone())),
        original["assessment"]
    );
    assert_eq!(read["checklist"], original["checklist"]);
}

#[test]
fn a_version_1_export_opens_upgraded() {
    assert_eq!(older_version(V1_EXPORT), Some(1), "storage backs up the original first");
    let doc = Document::from_json(V1_EXPORT).unwrap();
    let read = json(&doc.to_json());
    check_v1(V1_EXPORT, read.clone());
    let original = json(V1_EXPORT);
    // A definition without the newer fields is written exactly as version 1 wrote it.
    assert_eq!(read["definition"], original["definition"]);
    assert_eq!(read["exported"], original["exported"]);
    assert_eq!(doc.assessment.updated, Timestamp::parse("2026-02-04T10:30:00Z").unwrap());
    assert!(doc.assessment.scope.is_empty());
    assert_eq!(Document::from_json(&doc.to_json()), Ok(doc.clone()));
    assert_eq!(older_version(&doc.to_json()), None);
}

#[test]
fn a_version_1_stored_record_opens_upgraded() {
    assert_eq!(older_version(V1_STORED), Some(1), "storage backs up the original first");
    let stored = StoredAssessment::from_json(V1_STORED).unwrap();
    check_v1(V1_STORED, json(&stored.to_json()));
    assert_eq!(StoredAssessment::from_json(&stored.to_json()), Ok(stored.clone()));
    assert_eq!(older_version(&stored.to_json()), None);
    // The export and the stored record of the same assessment upgrade alike.
    assert_eq!(stored.assessment, Document::from_json(V1_EXPORT).unwrap().assessment);
}

#[test]
fn a_version_4_file_is_refused_as_newer() {
    for (text, read) in [
        (V1_EXPORT, &|t: &str| Document::from_json(t).err() as Option<DocumentError>),
        (V1_STORED, &|t: &str| StoredAssessment::from_json(t).err()),
    ] as [(&str, &dyn Fn(&str) -> Option<DocumentError>); 2]
    {
        let mut v = json(text);
        v["format_version"] = 4.into();
        let error = read(&v.to_string()).unwrap();
        assert_eq!(error, DocumentError::NewerVersion { found: 4 });
        assert_eq!(
            error.to_string(),
            "The file was written by a newer version of this app (format version 4; this app reads up to 3). Open it with the newer version."
        );
        assert_eq!(older_version(&v.to_string()), None);
    }
}

#[test]
fn a_version_1_file_with_an_answer_given_twice_is_refused() {
    let twice = V1_EXPORT.replacen(
        "\"classification\": {",
        "\"classification\": {\"status\": \"achieved\"},\n      \"classification\": {",
        1,
    );
    assert_ne!(twice, V1_EXPORT, "the fixture edit must apply");
    match Document::from_json(&twice) {
        Err(DocumentError::Syntax { message, .. }) => {
            assert!(
                message.contains("the answer to \"classification\" is given twice"),
                "{message}"
            )
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn a_decision_recorded_against_another_checklist_version_needs_review_when_taken_up() {
    let doc = Document::from_json(V1_EXPORT).unwrap();
    let mut confirmed = doc.assessment.clone();
    if let Some(signoff) = confirmed.signoff.as_mut() {
        signoff.needs_review = false;
    }
    assert!(confirmed.signoff.as_ref().is_some_and(|s| s.is_decided()), "the fixture is decided");
    let needs_review =
        |a: &risk_checklist::core::Assessment| a.signoff.as_ref().is_some_and(|s| s.needs_review);
    // The same version: nothing to review.
    let mut same = confirmed.clone();
    doc.checklist.take_up(&doc.definition, &mut same);
    assert!(!needs_review(&same));
    // Another version of the same checklist: the decision weighed other items.
    let mut newer = doc.definition.clone();
    newer.version = format!("{}-next", newer.version);
    let mut taken = confirmed.clone();
    doc.checklist.take_up(&newer, &mut taken);
    assert!(needs_review(&taken));
    // Another checklist altogether is not taken up here (it is refused elsewhere), and an
    // assessment without a decision has nothing to review.
    let mut other = newer.clone();
    other.id = format!("{}-other", other.id);
    let mut untouched = confirmed.clone();
    doc.checklist.take_up(&other, &mut untouched);
    assert!(!needs_review(&untouched));
    let mut undecided = confirmed.clone();
    undecided.signoff = None;
    doc.checklist.take_up(&newer, &mut undecided);
    assert_eq!(undecided.signoff, None);
}

/// Checks a version 2 file against what it reads as: the same assessment, field for field, with
/// no response and nothing of a recorded decision added; written back as the current version.
fn check_v2(original: &str, written: &str) {
    let (original, read) = (json(original), json(written));
    assert_eq!(original["format_version"], 2, "the fixture is a version 2 file");
    assert!(original["assessment"]["answers"].as_object().unwrap().len() >= 3);
    assert!(original["assessment"]["signoff"].is_object(), "the fixture has a sign-off");
    assert_eq!(read["format_version"], FORMAT_VERSION);
    assert_eq!(without_recorded(read["assessment"].clone()), original["assessment"]);
    assert_eq!(read["checklist"], original["checklist"]);
    assert_eq!(older_version(written), None);
}

#[test]
fn a_version_2_export_opens_unchanged_with_no_response() {
    assert_eq!(older_version(V2_EXPORT), Some(2), "storage backs up the original first");
    let doc = Document::from_json(V2_EXPORT).unwrap();
    check_v2(V2_EXPORT, &doc.to_json());
    assert!(doc.assessment.answers.values().all(|a| a.response.is_none()));
    assert!(doc.assessment.withdrawn.is_empty());
    let signoff = doc.assessment.signoff.as_ref().unwrap();
    assert_eq!(signoff.fingerprint, None, "nothing was fingerprinted");
    assert!(signoff.warnings.is_empty());
    assert_eq!(Document::from_json(&doc.to_json()), Ok(doc.clone()));
}

#[test]
fn a_version_2_stored_record_opens_unchanged() {
    assert_eq!(older_version(V2_STORED), Some(2));
    let stored = StoredAssessment::from_json(V2_STORED).unwrap();
    check_v2(V2_STORED, &stored.to_json());
    assert!(stored.assessment.answers.values().all(|a| a.response.is_none()));
    assert_eq!(StoredAssessment::from_json(&stored.to_json()), Ok(stored.clone()));
}

#[test]
fn the_fields_version_3_adds_are_read_and_written_back() {
    let mut v = json(V2_EXPORT);
    v["format_version"] = 3.into();
    let item = v["assessment"]["answers"].as_object().unwrap().keys().next().unwrap().clone();
    v["assessment"]["answers"][&item]["response"] = "tolerate".into();
    v["assessment"]["signoff"]["recorded"] = "2026-11-25T08:00:00Z".into();
    v["assessment"]["signoff"]["warnings"] = serde_json::json!([
        { "kind": "baseline_open", "count": 2 },
        { "kind": "open_unrated", "count": 1 }
    ]);
    v["assessment"]["signoff"]["fingerprint"] = "0123456789abcdef".repeat(4).into();
    v["assessment"]["withdrawn"] = serde_json::json!([{
        "withdrawn": "2026-11-24T10:00:00Z",
        "signoff": { "owner": "Jo Bloggs", "decision": "proceed", "decided": "2026-11-20" }
    }]);
    let doc = Document::from_json(&v.to_string()).unwrap();
    assert_eq!(json(&doc.to_json())["assessment"], v["assessment"]);
    assert_eq!(doc.assessment.withdrawn.len(), 1);

    // Each is read by the rules of its kind.
    for (edit, expected) in [
        (
            &(|v: &mut Value| v["assessment"]["signoff"]["fingerprint"] = "ABC".into())
                as &dyn Fn(&mut Value),
            "the fingerprint \"ABC\" is not 64 lowercase hex digits",
        ),
        (
            &|v: &mut Value| {
                v["assessment"]["withdrawn"][0]["signoff"]["decided"] = "2026-02-30".into()
            },
            "withdrawn decision 1: the decision date \"2026-02-30\" is not a date like 2026-03-31",
        ),
    ] {
        let mut bad = v.clone();
        edit(&mut bad);
        let error = Document::from_json(&bad.to_string()).unwrap_err().to_string();
        assert!(error.contains(expected), "{error}");
    }
    for edit in [
        &(|v: &mut Value| v["assessment"]["answers"][&item]["response"] = "ignore".into())
            as &dyn Fn(&mut Value),
        &|v: &mut Value| v["assessment"]["signoff"]["warnings"][0]["kind"] = "other".into(),
        &|v: &mut Value| v["assessment"]["withdrawn"][0]["when"] = "x".into(),
    ] {
        let mut bad = v.clone();
        edit(&mut bad);
        assert!(matches!(Document::from_json(&bad.to_string()), Err(DocumentError::Syntax { .. })));
    }
}
