//! Native tests of reviews over time: a review started from a signed-off assessment, written
//! and read back with its copy of the earlier one, and refused when that copy breaks a rule.
#![cfg(not(target_arch = "wasm32"))]

use risk_checklist::core::document::DocumentError;
use risk_checklist::core::{Assessment, Document, ItemId, Timestamp};

const FIXTURE: &str = include_str!("fixtures/assessment-mixed.json");

fn t(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn fixture() -> Document {
    Document::from_json(FIXTURE).unwrap()
}

/// A review of the fixture (signed off, with a retired answer and items out of scope).
fn review() -> (Document, Assessment) {
    let doc = fixture();
    let review = doc.assessment.start_review("a-mi3k2x1-4fz0qa", t("2027-01-10T09:00:00Z"));
    (doc, review)
}

#[test]
fn a_review_is_written_and_read_back_with_its_copy_of_the_earlier_assessment() {
    let (doc, review) = review();
    let written = Document::new(&doc.definition, &review, t("2027-01-11T09:00:00Z"));
    let json = written.to_json();
    let read = Document::from_json(&json).unwrap();
    assert_eq!(read, written);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let of = &value["assessment"]["review_of"];
    assert_eq!(of["id"], "a-mi3k2x1-4fz0qa");
    assert_eq!(of["decided"], "2026-11-20");
    assert_eq!(of["previous"]["signoff"]["decision"], "proceed_with_conditions");
    assert_eq!(of["previous"]["scope"]["paid-promotion"], false);
    assert_eq!(of["previous"]["answers"]["old-item"]["notes"], "Retired, but kept");
    assert!(value["assessment"].get("signoff").is_none(), "the review is not signed off yet");
    assert!(of["previous"].get("review_of").is_none(), "the copy holds no review of its own");
    // An assessment that is not a review writes no review_of at all.
    assert!(!Document::new(&doc.definition, &doc.assessment, t("2027-01-11T09:00:00Z"))
        .to_json()
        .contains("review_of"));
}

/// Reads the review of the fixture with its JSON changed by `edit`, and checks the outcome.
fn check_read(edit: fn(&mut serde_json::Value), expected: Result<(), &str>) {
    let (doc, review) = review();
    let mut value: serde_json::Value = serde_json::from_str(
        &Document::new(&doc.definition, &review, t("2027-01-11T09:00:00Z")).to_json(),
    )
    .unwrap();
    edit(&mut value);
    let got = Document::from_json(&value.to_string()).map(|_| ()).map_err(|e| e.to_string());
    match (got, expected) {
        (Ok(()), Ok(())) => {}
        (Err(e), Err(part)) => assert!(e.contains(part), "{e:?} does not say {part:?}"),
        (got, expected) => panic!("got {got:?}, expected {expected:?}"),
    }
}

#[test]
fn the_copy_of_the_earlier_assessment_is_read_by_the_rules_of_an_assessment() {
    check_read(|_| {}, Ok(()));
    check_read(
        |v| v["assessment"]["review_of"]["previous"]["answers"]["recovery"]["likelihood"] = 4.into(),
        Err("The assessment's record of the earlier assessment is not valid: the answer to \"recovery\": likelihood 4 is not on the scale 1 to 3"),
    );
    check_read(
        |v| v["assessment"]["review_of"]["decided"] = "2026-02-30".into(),
        Err("the decision date \"2026-02-30\" is not a date like 2026-03-31"),
    );
    check_read(
        |v| v["assessment"]["review_of"]["previous"]["signoff"]["decided"] = "soon".into(),
        Err("its sign-off: the decision date \"soon\""),
    );
    check_read(
        |v| v["assessment"]["review_of"]["previous"]["colour"] = "red".into(),
        Err("unknown field `colour`"),
    );
    check_read(|v| v["assessment"]["review_of"]["extra"] = 1.into(), Err("unknown field `extra`"));
    check_read(
        |v| {
            v["assessment"]["review_of"].as_object_mut().unwrap().remove("previous");
        },
        Err("missing field `previous`"),
    );
    // A title and decision date may be left out; the answers a copy holds may be none.
    check_read(
        |v| {
            let of = v["assessment"]["review_of"].as_object_mut().unwrap();
            of.remove("title");
            of.remove("decided");
            of["previous"] = serde_json::json!({});
        },
        Ok(()),
    );
}

#[test]
fn an_earlier_answer_given_twice_is_refused() {
    let (doc, review) = review();
    let json = Document::new(&doc.definition, &review, t("2027-01-11T09:00:00Z")).to_json();
    let previous = json.find("\"previous\"").unwrap();
    let (head, tail) = json.split_at(previous);
    let twice = format!(
        "{head}{}",
        tail.replacen("\"answers\": {", "\"answers\": {\n\"foi\": {}, \"foi\": {},", 1)
    );
    match Document::from_json(&twice) {
        Err(DocumentError::Syntax { message, .. }) => {
            assert!(message.contains("the answer to \"foi\" is given twice"), "{message}")
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    assert!(review.review_of.unwrap().previous.answers.contains_key(&ItemId::new("old-item")));
}
