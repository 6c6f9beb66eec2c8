//! Recording a decision: the checks "Record the decision" makes, with each error's field and
//! wording, the warnings and their counts, and when a review is due.
#![cfg(not(target_arch = "wasm32"))]

use risk_checklist::core::decision::{
    check_record, Field, RecordError, ReviewState, Warning, WarningKind,
};
use risk_checklist::core::definition::QuestionId;
use risk_checklist::core::{
    Action, Answer, Assessment, ChecklistDefinition, Decision, ItemId, SignOff, Status, Timestamp,
};

const TODAY: &str = "2026-12-07";

/// Two baseline items (`b1`, and `b2` in a section for public channels) and two others.
fn def() -> ChecklistDefinition {
    let json = serde_json::json!({
        "id": "demo", "version": "1", "title": "Demo",
        "questions": [{ "id": "public", "question": "Public channel?" }],
        "scale": { "likelihood": ["Low", "High"], "impact": ["Low", "High"], "bands": { "low_max": 1, "medium_max": 2 } },
        "sections": [
            { "id": "all", "title": "All", "items": [
                { "id": "b1", "title": "Named owner", "baseline": true },
                { "id": "o1", "title": "Other one" },
                { "id": "o2", "title": "Other two" }
            ] },
            { "id": "pub", "title": "Public", "applies_when": { "any_yes": ["public"] }, "items": [
                { "id": "b2", "title": "Moderation", "baseline": true }
            ] }
        ]
    });
    ChecklistDefinition::from_json(&json.to_string()).unwrap()
}

fn at() -> Timestamp {
    Timestamp::parse("2026-12-07T09:00:00Z").unwrap()
}

fn assessment(answers: &[(&str, Answer)]) -> Assessment {
    let mut a = Assessment::new(at());
    for (id, answer) in answers {
        a.answers.insert(ItemId::new(*id), answer.clone());
    }
    a
}

fn status(s: Status) -> Answer {
    Answer { status: s, ..Answer::default() }
}

/// Every item achieved, public channel answered No: nothing to warn about.
fn complete() -> Assessment {
    let mut a = assessment(&[
        ("b1", status(Status::Achieved)),
        ("o1", status(Status::Achieved)),
        ("o2", status(Status::Achieved)),
    ]);
    a.scope.insert(QuestionId::new("public"), false);
    a
}

fn draft(decision: Decision) -> SignOff {
    SignOff {
        owner: "Jo Bloggs".into(),
        role: "Director of Communications".into(),
        decision: Some(decision),
        conditions: "Moderation rota agreed".into(),
        review_date: Some("2027-12-07".into()),
        decided: Some(TODAY.into()),
        ..SignOff::default()
    }
}

fn errors(a: &Assessment, d: &SignOff) -> Vec<RecordError> {
    check_record(&def(), a, d, TODAY).errors
}

#[test]
fn a_complete_draft_records_without_errors_or_warnings() {
    for decision in Decision::ALL {
        let check = check_record(&def(), &complete(), &draft(decision), TODAY);
        assert_eq!((check.errors, check.warnings), (vec![], vec![]), "{decision:?}");
    }
}

#[test]
fn each_missing_field_is_an_error_on_that_field_in_form_order() {
    let empty = SignOff::default();
    let got = errors(&complete(), &empty);
    assert_eq!(got, vec![RecordError::NoDecision, RecordError::NoOwner, RecordError::NoRole]);
    let fields: Vec<Field> = got.iter().map(RecordError::field).collect();
    assert_eq!(fields, vec![Field::Decision, Field::Owner, Field::Role]);
    let words: Vec<String> = got.iter().map(RecordError::message).collect();
    assert_eq!(
        words,
        ["Select a decision", "Enter the risk owner's name", "Enter the risk owner's role"]
    );
    // Blank is missing.
    let blank = SignOff { owner: "  ".into(), role: "\t".into(), ..draft(Decision::Proceed) };
    assert_eq!(errors(&complete(), &blank), vec![RecordError::NoOwner, RecordError::NoRole]);
}

#[test]
fn conditions_are_required_only_for_proceed_with_conditions() {
    for (decision, expected) in [
        (Decision::ProceedWithConditions, vec![RecordError::NoConditions]),
        (Decision::Proceed, vec![]),
        (Decision::DoNotProceed, vec![]),
    ] {
        let d = SignOff { conditions: " \n".into(), ..draft(decision) };
        assert_eq!(errors(&complete(), &d), expected, "{decision:?}");
    }
    assert_eq!(RecordError::NoConditions.field(), Field::Conditions);
}

#[test]
fn the_review_date_must_be_after_the_date_of_decision() {
    for (review, decided, expected) in [
        ("2026-12-08", Some(TODAY), vec![]),
        ("2026-12-07", Some(TODAY), vec![RecordError::ReviewNotAfterDecision]),
        ("2026-12-06", Some(TODAY), vec![RecordError::ReviewNotAfterDecision]),
        ("2027-01-01", Some("2026-12-31"), vec![]),
        ("2026-12-31", Some("2027-01-01"), vec![RecordError::ReviewNotAfterDecision]),
        // Without a date of decision, today is the date.
        ("2026-12-07", None, vec![RecordError::ReviewNotAfterDecision]),
        ("2026-12-08", None, vec![]),
    ] {
        let d = SignOff {
            review_date: Some(review.into()),
            decided: decided.map(str::to_owned),
            ..draft(Decision::Proceed)
        };
        assert_eq!(errors(&complete(), &d), expected, "{review} after {decided:?}");
    }
    let error = RecordError::ReviewNotAfterDecision;
    assert_eq!(
        (error.field(), error.message().as_str()),
        (Field::ReviewDate, "Review date must be after the date of decision")
    );
    let none = SignOff { review_date: None, ..draft(Decision::Proceed) };
    assert_eq!(errors(&complete(), &none), vec![], "a review date is not required");
}

#[test]
fn a_date_that_does_not_exist_is_an_error_on_its_field() {
    let d = SignOff { review_date: Some("2027-02-29".into()), ..draft(Decision::Proceed) };
    assert_eq!(errors(&complete(), &d), vec![RecordError::ReviewDateNotReal]);
    assert_eq!(RecordError::ReviewDateNotReal.message(), "Review date must be a real date");
    let d = SignOff { review_date: Some("2028-02-29".into()), ..draft(Decision::Proceed) };
    assert_eq!(errors(&complete(), &d), vec![], "2028 is a leap year");
    let d = SignOff { decided: Some("2026-13-01".into()), ..draft(Decision::Proceed) };
    assert_eq!(errors(&complete(), &d), vec![RecordError::DecidedNotReal]);
    assert_eq!(RecordError::DecidedNotReal.field(), Field::Decided);
    assert_eq!(RecordError::DecidedNotReal.message(), "Date of decision must be a real date");
}

#[test]
fn a_baseline_item_not_applicable_needs_a_reason_in_scope() {
    let mut a = complete();
    a.answers.insert(ItemId::new("b1"), status(Status::NotApplicable));
    a.answers.insert(ItemId::new("b2"), status(Status::NotApplicable));
    a.answers.insert(ItemId::new("o1"), status(Status::NotApplicable));
    let expected = RecordError::NoReason { item: ItemId::new("b1"), title: "Named owner".into() };
    // b2 is out of scope, o1 not a baseline item: only b1 needs a reason.
    assert_eq!(errors(&a, &draft(Decision::Proceed)), vec![expected.clone()]);
    assert_eq!(expected.field(), Field::Item(ItemId::new("b1")));
    assert_eq!(
        expected.message(),
        "Enter why \u{201c}Named owner\u{201d} is not applicable, in its notes"
    );
    a.scope.insert(QuestionId::new("public"), true);
    assert_eq!(errors(&a, &draft(Decision::DoNotProceed)).len(), 2, "b2 now in scope");
    for (id, notes) in [("b1", "Run by the agency"), ("b2", " ")] {
        a.answers.insert(
            ItemId::new(id),
            Answer { notes: notes.into(), ..status(Status::NotApplicable) },
        );
    }
    assert_eq!(
        errors(&a, &draft(Decision::Proceed)),
        vec![RecordError::NoReason { item: ItemId::new("b2"), title: "Moderation".into() }],
        "a blank reason is no reason"
    );
}

#[test]
fn warnings_count_what_is_left_for_any_decision_but_do_not_proceed() {
    let rated_open = Answer { likelihood: Some(2), impact: Some(2), ..status(Status::NotAchieved) };
    let mut a = assessment(&[("b1", status(Status::PartiallyAchieved)), ("o1", rated_open)]);
    a.scope.insert(QuestionId::new("public"), true);
    // b1 open and not rated, b2 not assessed (both baseline), o2 not assessed.
    let expected = vec![
        Warning { kind: WarningKind::BaselineOpen, count: 2 },
        Warning { kind: WarningKind::NotAssessed, count: 2 },
        Warning { kind: WarningKind::OpenUnrated, count: 1 },
    ];
    for decision in [Decision::Proceed, Decision::ProceedWithConditions] {
        let check = check_record(&def(), &a, &draft(decision), TODAY);
        assert_eq!((check.errors, check.warnings), (vec![], expected.clone()), "{decision:?}");
    }
    let check = check_record(&def(), &a, &draft(Decision::DoNotProceed), TODAY);
    assert_eq!(check.warnings, vec![]);
    let check = check_record(&def(), &a, &SignOff::default(), TODAY);
    assert_eq!(check.warnings, expected, "no decision yet: warn as for proceeding");
    let words: Vec<String> = expected.iter().map(|w| w.message()).collect();
    assert_eq!(
        words,
        [
            "2 baseline items are still open (see Before go-live)",
            "2 items are not yet assessed",
            "1 open item is not rated"
        ]
    );
    assert_eq!(
        Warning { kind: WarningKind::BaselineOpen, count: 1 }.message(),
        "1 baseline item is still open (see Before go-live)"
    );
    assert_eq!(
        Warning { kind: WarningKind::NotAssessed, count: 1 }.message(),
        "1 item is not yet assessed"
    );
    // Out of scope, b2 no longer counts.
    a.scope.insert(QuestionId::new("public"), false);
    let check = check_record(&def(), &a, &draft(Decision::Proceed), TODAY);
    assert_eq!(
        check.warnings[..2],
        [
            Warning { kind: WarningKind::BaselineOpen, count: 1 },
            Warning { kind: WarningKind::NotAssessed, count: 1 }
        ]
    );
}

#[test]
fn a_draft_applied_through_the_assessment_is_checked_the_same() {
    let mut a = complete();
    let d = SignOff { role: String::new(), ..draft(Decision::Proceed) };
    assert!(a.apply(&def(), Action::SetSignOff { signoff: d.clone() }, at()));
    assert_eq!(errors(&a, a.signoff.as_ref().unwrap()), vec![RecordError::NoRole]);
}

fn state(review: &str, today: &str) -> ReviewState {
    ReviewState::of(Some(review), today)
}

#[test]
fn a_review_is_due_from_thirty_days_before_and_overdue_the_day_after() {
    let review = "2027-02-15";
    let due = ReviewState::Due { on: review.into() };
    let overdue = ReviewState::Overdue { since: review.into() };
    for (today, expected) in [
        ("2027-01-15", &ReviewState::None), // 31 days before
        ("2027-01-16", &due),               // 30 days before
        ("2027-01-17", &due),               // 29
        ("2027-02-15", &due),               // the day itself
        ("2027-02-16", &overdue),           // the day after
        ("2028-02-16", &overdue),
    ] {
        assert_eq!(&state(review, today), expected, "{today}");
    }
    assert_eq!(due.sentence().as_deref(), Some("Review due on 15 February 2027"));
    assert_eq!(overdue.sentence().as_deref(), Some("Review overdue since 15 February 2027"));
    assert_eq!(ReviewState::None.sentence(), None);
}

#[test]
fn review_notice_counts_across_a_year_end_and_a_leap_day() {
    // 2027-01-10 less 30 days is 2026-12-11.
    assert_eq!(state("2027-01-10", "2026-12-10"), ReviewState::None);
    assert_eq!(state("2027-01-10", "2026-12-11"), ReviewState::Due { on: "2027-01-10".into() });
    assert_eq!(
        state("2026-12-31", "2027-01-01"),
        ReviewState::Overdue { since: "2026-12-31".into() }
    );
    // 2028-03-15 less 30 days is 2028-02-14 (29 days in February 2028), not 2028-02-13.
    assert_eq!(state("2028-03-15", "2028-02-14"), ReviewState::Due { on: "2028-03-15".into() });
    assert_eq!(state("2028-03-15", "2028-02-13"), ReviewState::None);
    // 2027-03-15 less 30 days is 2027-02-13.
    assert_eq!(state("2027-03-15", "2027-02-12"), ReviewState::None);
    assert_eq!(state("2027-03-15", "2027-02-13"), ReviewState::Due { on: "2027-03-15".into() });
    assert_eq!(
        state("2028-02-29", "2028-03-01").sentence().as_deref(),
        Some("Review overdue since 29 February 2028")
    );
}

#[test]
fn no_review_date_or_a_date_that_does_not_exist_is_no_state() {
    assert_eq!(ReviewState::of(None, TODAY), ReviewState::None);
    assert_eq!(state("2027-02-30", "2027-02-28"), ReviewState::None);
    assert_eq!(state("2027-02-15", "not a date"), ReviewState::None);
}

#[test]
fn recording_keeps_the_date_warnings_and_fingerprint_or_says_what_stops_it() {
    use risk_checklist::core::decision::record;
    use risk_checklist::core::fingerprint::{fingerprint, Signed};
    let mut a = assessment(&[("b1", status(Status::PartiallyAchieved))]);
    let undated = SignOff { decided: None, needs_review: true, ..draft(Decision::Proceed) };
    let kept = record(&def(), &a, &undated, TODAY, at()).unwrap();
    assert_eq!(kept.decided.as_deref(), Some(TODAY), "dated today");
    assert_eq!((kept.recorded.clone(), kept.needs_review), (Some(at()), false));
    assert_eq!(kept.warnings, check_record(&def(), &a, &undated, TODAY).warnings);
    assert_eq!(kept.warnings.len(), 3);
    assert_eq!(kept.fingerprint, Some(fingerprint(&def(), &a, &kept)));
    let signed_on = SignOff { decided: Some("2026-12-01".into()), ..undated.clone() };
    let kept_earlier = record(&def(), &a, &signed_on, TODAY, at()).unwrap();
    assert_eq!(kept_earlier.decided.as_deref(), Some("2026-12-01"), "a date given is kept");
    assert_ne!(kept_earlier.fingerprint, kept.fingerprint, "the date is signed too");

    let errors = record(&def(), &a, &SignOff::default(), TODAY, at()).unwrap_err();
    assert_eq!(errors[0], RecordError::NoDecision);

    // The assessment as recorded matches; a change afterwards does not.
    assert_eq!(Signed::of(&def(), &a), Signed::NotSigned);
    assert!(a.apply(&def(), Action::Record { signoff: kept }, at()));
    assert_eq!(Signed::of(&def(), &a), Signed::Matches);
    assert_eq!(Signed::Matches.sentence(), Some("This assessment matches the signed version."));
    // The widget refuses a change now; a file edited by hand is found out.
    let edit = Action::SetNotes { item: ItemId::new("o1"), notes: "Later".into() };
    assert!(!a.apply(&def(), edit, at()));
    assert_eq!(Signed::of(&def(), &a), Signed::Matches);
    a.answers.insert(ItemId::new("o1"), Answer { notes: "Later".into(), ..Answer::default() });
    assert_eq!(Signed::of(&def(), &a), Signed::Changed);
    assert_eq!(
        Signed::Changed.sentence(),
        Some("This assessment has changed since it was signed.")
    );
}

#[test]
fn a_date_typed_in_part_is_kept_in_the_draft_and_refused_when_recording() {
    let mut a = complete();
    let typed = SignOff { review_date: Some("2027-2-".into()), ..draft(Decision::Proceed) };
    assert!(a.apply(&def(), Action::SetSignOff { signoff: typed }, at()));
    let kept = a.signoff.clone().unwrap();
    assert_eq!(kept.review_date.as_deref(), Some("2027-2-"));
    assert_eq!(errors(&a, &kept), vec![RecordError::ReviewDateNotReal]);
    assert_eq!(RecordError::ReviewDateNotReal.message(), "Review date must be a real date");
    let impossible = SignOff { decided: Some("2026-2-30".into()), ..kept };
    assert_eq!(
        errors(&a, &impossible),
        vec![RecordError::DecidedNotReal, RecordError::ReviewDateNotReal]
    );
}

#[test]
fn a_review_state_is_only_for_a_recorded_decision() {
    use risk_checklist::core::decision::record;
    let a = complete();
    let d = SignOff { review_date: Some("2027-01-01".into()), ..draft(Decision::Proceed) };
    assert_eq!(ReviewState::of_decision(Some(&d), "2027-01-02"), ReviewState::None);
    let kept = record(&def(), &a, &d, TODAY, at()).unwrap();
    assert_eq!(
        ReviewState::of_decision(Some(&kept), "2027-01-02"),
        ReviewState::Overdue { since: "2027-01-01".into() }
    );
    assert_eq!(ReviewState::of_decision(None, "2027-01-02"), ReviewState::None);
}

#[test]
fn a_withdrawn_decision_says_when_it_was_withdrawn_and_what_it_was() {
    use risk_checklist::core::decision::withdrawn_sentence;
    use risk_checklist::core::Withdrawn;
    let ts = |s: &str| Timestamp::parse(s).unwrap();
    let mut w = Withdrawn {
        withdrawn: ts("2026-12-07T10:00:00Z"),
        signoff: SignOff {
            decided: Some("2026-11-20".into()),
            ..draft(Decision::ProceedWithConditions)
        },
    };
    assert_eq!(
        withdrawn_sentence(&w),
        "Decision withdrawn on 7 December 2026: Proceed with conditions, decided on 20 November 2026 by Jo Bloggs."
    );
    w.signoff = SignOff::default();
    assert_eq!(withdrawn_sentence(&w), "Decision withdrawn on 7 December 2026.");
}
