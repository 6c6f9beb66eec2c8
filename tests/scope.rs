//! Native tests of scope through the public API: which items a set of scope answers leaves in,
//! that scope changes never touch item answers, and the summary's figures and lists (out of
//! scope, before go-live, open items not rated, the owner's acceptance) on a small checklist
//! with scope questions (tests/fixtures/definitions/valid-scoped.json).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use risk_checklist::core::definition::QuestionId;
use risk_checklist::core::scoring::OverallRating;
use risk_checklist::core::{
    Action, Assessment, ChecklistDefinition, Document, ItemId, Status, Summary, Timestamp,
};

const SCOPED: &str = include_str!("fixtures/definitions/valid-scoped.json");

fn def() -> ChecklistDefinition {
    ChecklistDefinition::from_json(SCOPED).unwrap()
}

fn t(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

/// One item's answer: status, likelihood, impact.
type Given<'a> = (&'a str, Status, Option<u8>, Option<u8>);

/// An assessment with these scope answers and item answers, each of which must apply.
fn assessment(scope: &[(&str, bool)], answers: &[Given]) -> Assessment {
    let def = def();
    let mut a = Assessment::new(t("2026-03-01T09:00:00Z"));
    let now = t("2026-03-02T10:00:00Z");
    for (item, status, likelihood, impact) in answers {
        let item = ItemId::new(*item);
        assert!(
            a.apply(&def, Action::SetStatus { item: item.clone(), status: *status }, now.clone())
                || *status == Status::NotAssessed
        );
        if likelihood.is_some() || impact.is_some() {
            let risk = Action::SetRisk { item, likelihood: *likelihood, impact: *impact };
            assert!(a.apply(&def, risk, now.clone()));
        }
    }
    for (question, yes) in scope {
        let set = Action::SetScope { question: QuestionId::new(*question), answer: Some(*yes) };
        assert!(a.apply(&def, set, now.clone()), "{question}");
    }
    a
}

/// What a summary shows, by item id, for comparing with what is expected.
#[derive(Debug, Default, PartialEq)]
struct Seen {
    progress: (usize, usize),
    overall: String,
    /// Low, medium, high, not rated.
    bands: [usize; 4],
    open_risks: Vec<&'static str>,
    unrated: Vec<&'static str>,
    before_go_live: Vec<&'static str>,
    needs_acceptance: Vec<&'static str>,
    out_of_scope: Vec<(&'static str, &'static str)>,
}

fn seen(s: &Summary) -> Seen {
    // The ids live as long as the test; leaking them keeps `Seen` as simple as the literals.
    let id = |i: &ItemId| -> &'static str { Box::leak(i.as_str().to_owned().into_boxed_str()) };
    let ids = |list: &[risk_checklist::core::scoring::ListedItem]| {
        list.iter().map(|l| id(&l.item)).collect::<Vec<_>>()
    };
    Seen {
        progress: (s.progress.assessed, s.progress.total),
        overall: s.overall_rating().label(),
        bands: [s.by_band.low, s.by_band.medium, s.by_band.high, s.by_band.unrated],
        open_risks: s.open_risks.iter().map(|r| id(&r.item)).collect(),
        unrated: ids(&s.unrated),
        before_go_live: ids(&s.before_go_live),
        needs_acceptance: ids(&s.needs_acceptance),
        out_of_scope: s
            .out_of_scope
            .iter()
            .map(|o| (id(&o.item), &*Box::leak(o.reason.clone().into_boxed_str())))
            .collect(),
    }
}

fn check(scope: &[(&str, bool)], answers: &[Given], expected: Seen) {
    let a = assessment(scope, answers);
    let s = Summary::of(&def(), &a);
    assert_eq!(seen(&s), expected, "scope {scope:?}, answers {answers:?}");
    // Every item is counted once: by status when in scope, else listed as out of scope.
    let by_status: usize = Status::ALL.iter().map(|st| s.by_status.get(*st)).sum();
    assert_eq!(by_status + s.out_of_scope.len(), def().item_count());
    assert_eq!(by_status, s.progress.total);
}

const PUBLIC_NO: &str = "Will you run a public social media channel? No";
const PAID_NO: &str = "Will you pay to promote posts? No";
const TOOL_NO: &str = "Will staff use a collaboration tool with partners? No";

#[test]
fn unanswered_questions_leave_every_item_in_scope() {
    check(
        &[],
        &[],
        Seen {
            progress: (0, 8),
            overall: "No open risks".into(),
            before_go_live: vec!["owner", "breach", "official-list", "guest-access"],
            ..Seen::default()
        },
    );
}

#[test]
fn items_answered_out_of_scope_leave_the_totals_with_their_reason() {
    check(
        &[("public-channel", false), ("collaboration-tool", true)],
        &[],
        Seen {
            progress: (0, 5),
            overall: "No open risks".into(),
            before_go_live: vec!["owner", "breach", "guest-access"],
            out_of_scope: vec![
                ("official-list", PUBLIC_NO),
                ("moderation", PUBLIC_NO),
                ("ads", PUBLIC_NO),
            ],
            ..Seen::default()
        },
    );
    check(
        &[("public-channel", true), ("paid-promotion", false)],
        &[],
        Seen {
            progress: (0, 7),
            overall: "No open risks".into(),
            before_go_live: vec!["owner", "breach", "official-list", "guest-access"],
            out_of_scope: vec![("ads", PAID_NO)],
            ..Seen::default()
        },
    );
    // Section and item both out: both reasons, the section's first.
    check(
        &[("public-channel", false), ("paid-promotion", false), ("collaboration-tool", false)],
        &[],
        Seen {
            progress: (0, 3),
            overall: "No open risks".into(),
            before_go_live: vec!["owner", "breach"],
            out_of_scope: vec![
                ("official-list", PUBLIC_NO),
                ("moderation", PUBLIC_NO),
                ("ads", "Will you run a public social media channel? No; Will you pay to promote posts? No"),
                ("guest-access", TOOL_NO),
                ("processor", TOOL_NO),
            ],
            ..Seen::default()
        },
    );
}

#[test]
fn the_summary_lists_open_items_not_rated_before_go_live_and_for_acceptance() {
    use Status::*;
    check(
        &[("public-channel", true), ("collaboration-tool", true), ("paid-promotion", false)],
        &[
            ("owner", Achieved, None, None),
            ("breach", NotAchieved, None, None),
            ("records", NotAchieved, Some(3), Some(2)),
            ("moderation", NotAchieved, None, Some(3)),
            ("guest-access", PartiallyAchieved, Some(1), Some(3)),
            ("processor", NotApplicable, Some(3), Some(3)),
        ],
        Seen {
            progress: (6, 7),
            overall: "High".into(),
            bands: [0, 1, 1, 2],
            open_risks: vec!["records", "guest-access"],
            unrated: vec!["breach", "moderation"],
            before_go_live: vec!["breach", "official-list", "guest-access"],
            // Remote x severe is medium, and still the owner's to accept; so is a severe
            // impact not yet given a likelihood.
            needs_acceptance: vec!["moderation", "guest-access"],
            out_of_scope: vec![("ads", PAID_NO)],
        },
    );
}

#[test]
fn with_nothing_rated_the_overall_rating_counts_the_open_items() {
    use Status::*;
    let unrated = |answers: &[Given], label: &str| {
        let s = Summary::of(&def(), &assessment(&[], answers));
        assert_eq!(s.overall, None);
        assert_eq!(s.overall_rating().label(), label);
    };
    unrated(&[("breach", NotAchieved, None, None)], "1 open item not rated");
    unrated(
        &[("breach", NotAchieved, Some(2), None), ("records", PartiallyAchieved, None, Some(1))],
        "2 open items not rated",
    );
    // Not assessed and not rated is still to assess, not open.
    unrated(&[("breach", NotAssessed, None, Some(3))], "No open risks");
    let s = Summary::of(&def(), &assessment(&[], &[("breach", NotAchieved, None, None)]));
    assert_eq!(s.overall_rating(), OverallRating::NotRated { open: 1 });
}

#[test]
fn answers_out_of_scope_are_kept_but_count_nowhere_until_back_in_scope() {
    use Status::*;
    let answers = [
        ("official-list", NotAchieved, Some(3), Some(3)),
        ("moderation", NotAchieved, None, None),
        ("owner", Achieved, None, None),
    ];
    check(
        &[("public-channel", false)],
        &answers,
        Seen {
            progress: (1, 5),
            overall: "No open risks".into(),
            before_go_live: vec!["breach", "guest-access"],
            out_of_scope: vec![
                ("official-list", PUBLIC_NO),
                ("moderation", PUBLIC_NO),
                ("ads", PUBLIC_NO),
            ],
            ..Seen::default()
        },
    );
    let def = def();
    let mut a = assessment(&[("public-channel", false)], &answers);
    let kept = a.answers.clone();
    assert_eq!(kept.len(), 3);
    let s = Summary::of(&def, &a);
    assert_eq!(s.sections[1].out_of_scope.as_deref(), Some(PUBLIC_NO));
    assert_eq!(s.sections[1].progress.total, 0);
    assert_eq!(risk_checklist::core::scoring::heat_map(&def, &a).concat().iter().sum::<usize>(), 0);
    let clear = Action::SetScope { question: QuestionId::new("public-channel"), answer: None };
    assert!(a.apply(&def, clear, t("2026-03-03T10:00:00Z")));
    assert_eq!(a.answers, kept);
    let s = Summary::of(&def, &a);
    assert_eq!(s.sections[1].out_of_scope, None);
    assert_eq!((s.progress.assessed, s.progress.total), (3, 8));
    assert_eq!(s.open_risks.len(), 1);
    assert_eq!(s.unrated.len(), 1);
    assert_eq!(risk_checklist::core::scoring::heat_map(&def, &a)[0][2], 1);
}

#[test]
fn scope_answers_survive_export_and_answers_to_unknown_questions_are_kept() {
    let def = def();
    let a = assessment(&[("public-channel", false)], &[("owner", Status::Achieved, None, None)]);
    let json = Document::new(&def, &a, t("2026-03-04T08:00:00Z")).to_json();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["assessment"]["scope"], serde_json::json!({ "public-channel": false }));
    assert_eq!(value["assessment"]["answers"]["owner"]["changed"], "2026-03-02T10:00:00Z");
    // The summary keeps its counts; the lists are in the reports, not the export.
    let in_scope = def.items_in_scope(&a.scope).count();
    assert!(in_scope < def.item_count());
    assert_eq!(value["summary"]["progress"]["total"], in_scope, "out of scope is not counted");
    assert!(value["summary"].get("out_of_scope").is_none());
    let doc = Document::from_json(&json).unwrap();
    assert_eq!(doc.summary.out_of_scope[0].reason, PUBLIC_NO, "a reader recomputes them");
    assert_eq!(doc.summary.before_go_live[0].item.as_str(), "breach");
    let retired = json.replace("\"scope\": {", "\"scope\": {\n      \"retired-question\": true,");
    assert_ne!(retired, json, "the fixture edit must apply");
    let doc = Document::from_json(&retired).unwrap();
    assert_eq!(doc.assessment.unknown_questions(&def), vec![QuestionId::new("retired-question")]);
    assert_eq!(Document::from_json(&doc.to_json()), Ok(doc));
}

fn scope_action() -> impl Strategy<Value = Action> {
    let question = prop::sample::select(vec![
        "public-channel",
        "collaboration-tool",
        "paid-promotion",
        "no-such-question",
    ]);
    (question, prop::option::of(any::<bool>()))
        .prop_map(|(q, answer)| Action::SetScope { question: QuestionId::new(q), answer })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// No sequence of scope changes alters a single item answer, and the figures always add up.
    #[test]
    fn scope_changes_never_touch_answers(actions in prop::collection::vec(scope_action(), 0..30)) {
        use Status::*;
        let def = def();
        let mut a = assessment(&[], &[
            ("owner", Achieved, None, None),
            ("official-list", NotAchieved, Some(2), Some(3)),
            ("ads", PartiallyAchieved, None, None),
            ("processor", NotApplicable, None, None),
        ]);
        let answers = a.answers.clone();
        for action in actions {
            a.apply(&def, action, t("2026-03-05T10:00:00Z"));
            prop_assert_eq!(&a.answers, &answers);
            let s = Summary::of(&def, &a);
            let by_status: usize = Status::ALL.iter().map(|st| s.by_status.get(*st)).sum();
            prop_assert_eq!(by_status + s.out_of_scope.len(), def.item_count());
            prop_assert_eq!(s.by_band.unrated, s.unrated.len());
        }
        prop_assert!(a.scope.keys().all(|q| def.question(q).is_some()));
    }
}
