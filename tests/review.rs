//! Native tests of reviews over time: a review started from a signed-off assessment, written
//! and read back with its copy of the earlier one, and refused when that copy breaks a rule;
//! and the comparison of two assessments of one checklist, on pairs of small assessments of a
//! checklist with scope questions (tests/fixtures/definitions/valid-scoped.json), where what
//! is expected is worked out by hand from the pair.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use risk_checklist::core::compare::{since_review, Field};
use risk_checklist::core::document::DocumentError;
use risk_checklist::core::{
    compare, Action, Assessment, ChecklistDefinition, Comparison, Document, ItemId, Status,
    Summary, Timestamp,
};

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

// ---- Comparing two assessments ----

const SCOPED: &str = include_str!("fixtures/definitions/valid-scoped.json");

fn scoped() -> ChecklistDefinition {
    ChecklistDefinition::from_json(SCOPED).unwrap()
}

/// An assessment of the scoped checklist from the JSON of its `scope` and `answers` (answers to
/// ids the checklist lacks included), read as a file is.
fn given(parts: serde_json::Value) -> Assessment {
    let mut value = serde_json::json!({
        "created": "2026-03-01T09:00:00Z",
        "updated": "2026-03-01T09:00:00Z",
        "answers": {}
    });
    for (key, part) in parts.as_object().unwrap() {
        value[key] = part.clone();
    }
    let a: Assessment = serde_json::from_value(value).unwrap();
    risk_checklist::core::document::check_assessment(&scoped(), &a).unwrap();
    a
}

/// A comparison as read in a test: each changed item as `id: Field, Field`, scope changes as
/// `(in -> out)` or `(out -> in)`, then the counts and the overall ratings.
#[derive(Debug, PartialEq)]
struct Seen {
    items: Vec<String>,
    retired: Vec<String>,
    /// Opened, closed, raised, lowered.
    counts: [usize; 4],
    overall: (String, String),
}

fn seen(c: &Comparison) -> Seen {
    let line = |change: &risk_checklist::core::compare::ItemChange| {
        let fields: Vec<&str> = change.fields.iter().map(|f| f.label()).collect();
        let place = |out: &Option<String>| if out.is_some() { "out" } else { "in" };
        let scope = if change.scope_changed() {
            format!(
                " ({} -> {})",
                place(&change.before.out_of_scope),
                place(&change.after.out_of_scope)
            )
        } else {
            String::new()
        };
        format!("{}: {}{scope}", change.item, fields.join(", "))
    };
    Seen {
        items: c.items.iter().map(line).collect(),
        retired: c.retired.iter().map(line).collect(),
        counts: [c.opened, c.closed, c.raised, c.lowered],
        overall: (c.overall_before.label(), c.overall_after.label()),
    }
}

/// Compares two assessments given as JSON and checks what the comparison says.
fn check(before: serde_json::Value, after: serde_json::Value, expected: Seen) {
    let (b, a) = (given(before), given(after));
    let c = compare(&scoped(), &b, &a);
    assert_eq!(seen(&c), expected, "\nbefore {b:?}\nafter {a:?}");
    assert_eq!(c.is_empty(), expected.items.is_empty() && expected.retired.is_empty());
}

fn lines(list: &[&str]) -> Vec<String> {
    list.iter().map(|l| l.to_string()).collect()
}

fn overall(before: &str, after: &str) -> (String, String) {
    (before.to_owned(), after.to_owned())
}

#[test]
fn an_assessment_compared_with_itself_changes_nothing() {
    let same = serde_json::json!({
        "scope": { "public-channel": true },
        "answers": { "owner": { "status": "not_achieved", "likelihood": 3, "impact": 3 },
                     "old": { "status": "achieved", "notes": "retired" } }
    });
    check(
        same.clone(),
        same,
        Seen { items: vec![], retired: vec![], counts: [0; 4], overall: overall("High", "High") },
    );
    // When each answer changed does not count.
    check(
        serde_json::json!({ "answers": { "owner": { "status": "achieved", "changed": "2026-03-01T09:00:00Z" } } }),
        serde_json::json!({ "answers": { "owner": { "status": "achieved", "changed": "2027-03-01T09:00:00Z" } } }),
        Seen {
            items: vec![],
            retired: vec![],
            counts: [0; 4],
            overall: overall("No open risks", "No open risks"),
        },
    );
}

#[test]
fn each_part_of_an_answer_that_differs_is_named_in_checklist_order() {
    check(
        serde_json::json!({ "answers": {
            "breach": { "status": "not_achieved", "likelihood": 3, "impact": 3, "owner": "Sam" },
            "owner": { "status": "not_achieved", "likelihood": 3, "impact": 3 },
            "records": { "status": "achieved", "notes": "old note", "due": "2026-03-31" }
        } }),
        serde_json::json!({ "answers": {
            "breach": { "status": "not_achieved", "likelihood": 3, "impact": 3, "owner": "Ali", "action": "Drill" },
            "owner": { "status": "partially_achieved", "likelihood": 2, "impact": 2 },
            "records": { "status": "achieved", "notes": "new note", "due": "2026-04-30" }
        } }),
        Seen {
            items: lines(&[
                "owner: Status, Likelihood, Impact, Band",
                "records: Due date, Notes",
                "breach: Owner, Action",
            ]),
            retired: vec![],
            counts: [0, 0, 0, 1],
            overall: overall("High", "High"),
        },
    );
    // A new rating in the same band is no band change; a higher score is raised.
    check(
        serde_json::json!({ "answers": { "owner": { "status": "not_achieved", "likelihood": 2, "impact": 3 } } }),
        serde_json::json!({ "answers": { "owner": { "status": "not_achieved", "likelihood": 3, "impact": 3 } } }),
        Seen {
            items: lines(&["owner: Likelihood"]),
            retired: vec![],
            counts: [0, 0, 1, 0],
            overall: overall("High", "High"),
        },
    );
    check(
        serde_json::json!({ "answers": { "owner": { "status": "not_achieved", "likelihood": 1, "impact": 1 } } }),
        serde_json::json!({ "answers": { "owner": { "status": "not_achieved", "likelihood": 2, "impact": 2 } } }),
        Seen {
            items: lines(&["owner: Likelihood, Impact, Band"]),
            retired: vec![],
            counts: [0, 0, 1, 0],
            overall: overall("Low", "Medium"),
        },
    );
}

#[test]
fn risks_opened_and_closed_are_counted_as_the_summary_counts_open_items() {
    check(
        serde_json::json!({ "answers": {
            "owner": { "status": "not_achieved", "likelihood": 3, "impact": 3 },
            "breach": { "status": "partially_achieved" }
        } }),
        serde_json::json!({ "answers": {
            "owner": { "status": "achieved", "likelihood": 3, "impact": 3 },
            "records": { "status": "not_achieved", "likelihood": 1, "impact": 2 },
            "breach": { "status": "partially_achieved", "likelihood": 2, "impact": 1 }
        } }),
        Seen {
            items: lines(&[
                "owner: Status, Band",
                "records: Status, Likelihood, Impact, Band",
                "breach: Likelihood, Impact, Band",
            ]),
            retired: vec![],
            // Records opened, owner closed; breach was open unrated and is open rated: neither.
            counts: [1, 1, 0, 0],
            overall: overall("High", "Low"),
        },
    );
    // Not assessed and unrated is not open; found not achieved, unrated, it is.
    check(
        serde_json::json!({ "answers": { "records": { "notes": "to look at" } } }),
        serde_json::json!({ "answers": { "records": { "status": "not_achieved", "notes": "to look at" } } }),
        Seen {
            items: lines(&["records: Status"]),
            retired: vec![],
            counts: [1, 0, 0, 0],
            overall: overall("No open risks", "1 open item not rated"),
        },
    );
    // Rated but not yet assessed is not open, as in the summary: the ratings changed, no risk.
    check(
        serde_json::json!({ "answers": {} }),
        serde_json::json!({ "answers": { "records": { "likelihood": 2, "impact": 2 } } }),
        Seen {
            items: lines(&["records: Likelihood, Impact"]),
            retired: vec![],
            counts: [0, 0, 0, 0],
            overall: overall("No open risks", "No open risks"),
        },
    );
}

#[test]
fn items_that_leave_or_enter_scope_are_shown_as_such_by_each_side_s_own_scope_answers() {
    // Public channel: Yes, then No. The section's three items leave scope; moderation was an
    // open risk, so leaving scope closes it; paid promotion was answered No, so the ad account
    // item was out of scope already and stays so.
    check(
        serde_json::json!({
            "scope": { "public-channel": true, "paid-promotion": false },
            "answers": { "moderation": { "status": "not_achieved", "likelihood": 2, "impact": 3 } }
        }),
        serde_json::json!({
            "scope": { "public-channel": false, "paid-promotion": false },
            "answers": { "moderation": { "status": "not_achieved", "likelihood": 2, "impact": 3 } }
        }),
        Seen {
            items: lines(&["official-list: Scope (in -> out)", "moderation: Scope (in -> out)"]),
            retired: vec![],
            counts: [0, 1, 0, 0],
            overall: overall("High", "No open risks"),
        },
    );
    // Answering paid promotion Yes brings the ad account item into scope with its answer, kept
    // while it was out: it opens. Its answer changed too.
    check(
        serde_json::json!({
            "scope": { "paid-promotion": false },
            "answers": { "ads": { "status": "not_achieved", "likelihood": 1, "impact": 1 } }
        }),
        serde_json::json!({
            "scope": { "paid-promotion": true },
            "answers": { "ads": { "status": "not_achieved", "likelihood": 1, "impact": 2 } }
        }),
        Seen {
            items: lines(&["ads: Scope, Impact (out -> in)"]),
            retired: vec![],
            counts: [1, 0, 0, 0],
            overall: overall("No open risks", "Low"),
        },
    );
    // Out of scope on both sides: a changed answer is listed, and opens nothing.
    check(
        serde_json::json!({
            "scope": { "collaboration-tool": false },
            "answers": { "guest-access": { "status": "achieved" } }
        }),
        serde_json::json!({
            "scope": { "collaboration-tool": false },
            "answers": { "guest-access": { "status": "not_achieved", "likelihood": 3, "impact": 3 } }
        }),
        Seen {
            items: lines(&["guest-access: Status, Likelihood, Impact, Band"]),
            retired: vec![],
            counts: [0; 4],
            overall: overall("No open risks", "No open risks"),
        },
    );
}

#[test]
fn answers_to_retired_items_that_differ_are_shown_as_retired() {
    check(
        serde_json::json!({ "answers": {
            "gone": { "status": "not_achieved", "likelihood": 3, "impact": 3 },
            "kept": { "status": "achieved", "notes": "same" },
            "dropped": { "status": "achieved" }
        } }),
        serde_json::json!({ "answers": {
            "gone": { "status": "achieved", "likelihood": 3, "impact": 3 },
            "kept": { "status": "achieved", "notes": "same" },
            "new": { "notes": "only after" }
        } }),
        Seen {
            items: vec![],
            retired: lines(&["dropped: Status", "gone: Status, Band", "new: Notes"]),
            // A retired item is in no figure: it opens and closes nothing.
            counts: [0; 4],
            overall: overall("No open risks", "No open risks"),
        },
    );
}

#[test]
fn each_side_of_a_change_holds_its_answer_without_the_notes_and_why_it_is_out_of_scope() {
    let b = given(serde_json::json!({
        "scope": { "public-channel": true },
        "answers": { "moderation": { "status": "not_achieved", "likelihood": 2, "impact": 3, "owner": "Sam", "due": "2026-03-31", "action": "Publish rules", "notes": "long" } }
    }));
    let a = given(serde_json::json!({ "scope": { "public-channel": false }, "answers": {} }));
    let c = compare(&scoped(), &b, &a);
    let change = c.items.iter().find(|i| i.item.as_str() == "moderation").unwrap();
    assert_eq!(change.section.as_ref().map(|s| s.as_str()), Some("public"));
    assert_eq!(change.title, "Publish house rules for comments");
    let (before, after) = (&change.before, &change.after);
    assert_eq!(
        (before.status, before.likelihood, before.impact),
        (Status::NotAchieved, Some(2), Some(3))
    );
    assert_eq!(before.risk.map(|r| (r.score, r.band.label())), Some((6, "High")));
    assert_eq!(
        (before.owner.as_str(), before.due.as_deref(), before.action.as_str()),
        ("Sam", Some("2026-03-31"), "Publish rules")
    );
    assert_eq!((before.out_of_scope.as_deref(), before.open), (None, true));
    assert_eq!(
        (after.out_of_scope.as_deref(), after.open, after.status),
        (Some("Will you run a public social media channel? No"), false, Status::NotAssessed)
    );
    assert_eq!(
        change.fields,
        [
            Field::Scope,
            Field::Status,
            Field::Likelihood,
            Field::Impact,
            Field::Band,
            Field::Owner,
            Field::Due,
            Field::Action,
            Field::Notes
        ]
    );
}

#[test]
fn a_review_compares_itself_with_its_copy_of_the_earlier_assessment() {
    let (doc, mut review) = review();
    let def = &doc.definition;
    assert!(since_review(def, &doc.assessment).is_none(), "not a review");
    assert!(since_review(def, &review).unwrap().is_empty(), "nothing changed yet");
    let at = t("2027-01-12T09:00:00Z");
    for action in [
        Action::SetStatus { item: ItemId::new("shared-login"), status: Status::Achieved },
        Action::SetNotes { item: ItemId::new("links"), notes: "Checked again".into() },
        Action::SetScope {
            question: risk_checklist::core::definition::QuestionId::new("paid-promotion"),
            answer: Some(true),
        },
    ] {
        assert!(review.apply(def, action, at.clone()));
    }
    let c = since_review(def, &review).unwrap();
    assert_eq!(
        seen(&c),
        Seen {
            items: lines(&[
                "shared-login: Status, Band",
                "ad-account: Scope (out -> in)",
                "links: Notes",
                "pixel: Scope (out -> in)",
            ]),
            retired: vec![],
            // Shared login closed; the tracking pixel, answered not achieved while out of
            // scope, opens as it comes back.
            counts: [1, 1, 0, 0],
            overall: overall("High", "High"),
        }
    );
    // The earlier assessment may be gone: the copy is all a review needs.
    let read = Document::from_json(&Document::new(def, &review, at).to_json()).unwrap();
    assert_eq!(since_review(&read.definition, &read.assessment), Some(c));
}

/// One random edit: the item (by position, wrapped), its status, likelihood and impact, and
/// whether it gets a note.
type Edit = (usize, Status, Option<u8>, Option<u8>, bool);

/// Random edits to an assessment of the default checklist, as in tests/core.rs.
fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(
        (
            0usize..60,
            prop::sample::select(Status::ALL.to_vec()),
            prop::option::of(1u8..=3),
            prop::option::of(1u8..=3),
            any::<bool>(),
        ),
        0..40,
    )
}

/// An assessment of `def` after `edits`, then with its scope questions answered as `scope` says
/// (in order; the rest unanswered).
fn assessed(def: &ChecklistDefinition, edits: &[Edit], scope: &[bool]) -> Assessment {
    let ids: Vec<ItemId> = def.items().map(|(_, i)| i.id.clone()).collect();
    let mut a = Assessment::new(t("2026-01-05T10:00:00Z"));
    let now = t("2026-01-06T11:30:00Z");
    for (n, status, likelihood, impact, note) in edits {
        let item = ids[n % ids.len()].clone();
        a.apply(def, Action::SetStatus { item: item.clone(), status: *status }, now.clone());
        a.apply(
            def,
            Action::SetRisk { item: item.clone(), likelihood: *likelihood, impact: *impact },
            now.clone(),
        );
        if *note {
            a.apply(def, Action::SetNotes { item, notes: format!("note {n}") }, now.clone());
        }
    }
    for (question, yes) in def.questions.iter().zip(scope) {
        a.apply(
            def,
            Action::SetScope { question: question.id.clone(), answer: Some(*yes) },
            now.clone(),
        );
    }
    a
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever two assessments say, the open items after are those before, plus those opened,
    /// less those closed, by the summary's own count; each listed item differs; and an
    /// assessment compared with itself shows nothing.
    #[test]
    fn the_counts_add_up_to_the_summaries(
        before in edits(), after in edits(),
        scope_before in prop::collection::vec(any::<bool>(), 0..8),
        scope_after in prop::collection::vec(any::<bool>(), 0..8),
    ) {
        let def = risk_checklist::core::default_checklist::default_checklist();
        let (b, a) = (assessed(&def, &before, &scope_before), assessed(&def, &after, &scope_after));
        let c = compare(&def, &b, &a);
        let open = |x: &Assessment| { let s = Summary::of(&def, x); s.open_risks.len() + s.unrated.len() };
        prop_assert_eq!(open(&b) + c.opened - c.closed, open(&a));
        prop_assert!(c.items.iter().all(|i| !i.fields.is_empty()));
        prop_assert!(c.raised + c.lowered <= c.items.len());
        prop_assert!(compare(&def, &b, &b).is_empty());
        prop_assert!(compare(&def, &a, &a).is_empty());
    }
}
