//! What counts as an open risk: only an item found partially achieved or not achieved. An item
//! achieved, not applicable or not yet assessed keeps the ratings and details it was given, but
//! they count nowhere: not in the Summary, the heat map, the reports, nor as overdue.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use risk_checklist::core::default_checklist::default_checklist;
use risk_checklist::core::report::{csv_report, html_report};
use risk_checklist::core::scoring::{heat_map, is_open, is_overdue, ratings};
use risk_checklist::core::{
    Action, Answer, Assessment, ChecklistDefinition, ItemId, Response, Status, Summary, Timestamp,
};

fn t(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn answer(status: Status, due: Option<&str>) -> Answer {
    Answer {
        status,
        likelihood: Some(3),
        impact: Some(3),
        due: due.map(str::to_owned),
        ..Answer::default()
    }
}

#[test]
fn only_partially_achieved_and_not_achieved_are_open() {
    for status in Status::ALL {
        let open = matches!(status, Status::PartiallyAchieved | Status::NotAchieved);
        let a = answer(status, None);
        assert_eq!(is_open(&a), open, "{status:?}");
        assert_eq!(ratings(&a), if open { (Some(3), Some(3)) } else { (None, None) });
        let risk = default_checklist().scale.risk(&a);
        assert_eq!(risk.map(|r| r.text()), open.then(|| "High (9)".to_owned()), "{status:?}");
    }
}

#[test]
fn an_open_item_is_overdue_from_the_day_after_its_due_date() {
    let today = "2026-03-01";
    assert!(is_overdue(&answer(Status::NotAchieved, Some("2026-02-28")), today));
    assert!(is_overdue(&answer(Status::PartiallyAchieved, Some("2025-12-31")), today));
    assert!(!is_overdue(&answer(Status::NotAchieved, Some("2026-03-01")), today), "due today");
    assert!(!is_overdue(&answer(Status::NotAchieved, Some("2026-03-02")), today));
    assert!(!is_overdue(&answer(Status::NotAchieved, None), today));
    // Achieved, not applicable or not assessed: never overdue, whatever date it keeps.
    for status in [Status::Achieved, Status::NotApplicable, Status::NotAssessed] {
        assert!(!is_overdue(&answer(status, Some("2020-01-01")), today), "{status:?}");
    }
}

#[test]
fn a_rated_item_not_yet_assessed_is_not_an_open_risk() {
    let def = default_checklist();
    let first = def.sections[0].items[0].id.clone();
    let mut a = Assessment::new(t("2026-01-05T10:00:00Z"));
    let risk = Action::SetRisk { item: first.clone(), likelihood: Some(3), impact: Some(3) };
    assert!(a.apply(&def, risk, t("2026-01-05T10:01:00Z")));
    let s = Summary::of(&def, &a);
    assert!(s.open_risks.is_empty() && s.unrated.is_empty() && s.needs_acceptance.is_empty());
    assert_eq!(s.overall, None);
    // Found not achieved, it is.
    let status = Action::SetStatus { item: first, status: Status::NotAchieved };
    assert!(a.apply(&def, status, t("2026-01-05T10:02:00Z")));
    assert_eq!(Summary::of(&def, &a).open_risks.len(), 1);
}

fn ids(def: &ChecklistDefinition) -> Vec<ItemId> {
    def.items().map(|(_, i)| i.id.clone()).collect()
}

/// An answer as any person could leave it: any status, ratings, response and due date.
fn any_answer() -> impl Strategy<Value = Answer> {
    (
        prop::sample::select(Status::ALL.to_vec()),
        prop::option::of(1u8..=3),
        prop::option::of(1u8..=3),
        prop::option::of(prop::sample::select(Response::ALL.to_vec())),
        prop::option::of(prop::sample::select(vec!["2020-01-01", "2030-12-31"])),
    )
        .prop_map(|(status, likelihood, impact, response, due)| Answer {
            status,
            likelihood,
            impact,
            response,
            due: due.map(str::to_owned),
            owner: "Sam".to_owned(),
            ..Answer::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// An item achieved, not applicable or not assessed never reads as a risk anywhere the
    /// Summary or the reports look: however high the ratings it keeps, the summary and the
    /// reports are exactly those of the same assessment with its ratings cleared.
    #[test]
    fn ratings_kept_on_an_item_not_open_count_nowhere(
        answers in prop::collection::vec(any_answer(), 0..=60),
        high in prop::collection::vec(any::<prop::sample::Index>(), 1..10),
        closed in prop::sample::select(vec![Status::Achieved, Status::NotApplicable, Status::NotAssessed]),
    ) {
        let def = default_checklist();
        let ids = ids(&def);
        let mut a = Assessment::new(t("2026-01-05T10:00:00Z"));
        for (id, answer) in ids.iter().zip(answers) {
            a.answers.insert(id.clone(), answer);
        }
        // Some items found fine (or set aside) but rated as high as the scale goes.
        for pick in &high {
            a.answers.insert(pick.get(&ids).clone(), answer(closed, Some("2020-01-01")));
        }
        let mut cleared = a.clone();
        for answer in cleared.answers.values_mut().filter(|x| !is_open(x)) {
            (answer.likelihood, answer.impact) = (None, None);
        }
        let s = Summary::of(&def, &a);
        prop_assert_eq!(&s, &Summary::of(&def, &cleared));
        for pick in &high {
            let id = pick.get(&ids);
            prop_assert!(!s.open_risks.iter().any(|r| &r.item == id));
            prop_assert!(!s.unrated.iter().any(|r| &r.item == id));
            prop_assert!(!s.needs_acceptance.iter().any(|r| &r.item == id));
            prop_assert!(def.scale.risk(a.answer(id)).is_none());
            prop_assert!(!is_overdue(a.answer(id), "2026-01-05"));
        }
        // Every list of risks holds open items only, and the heat map counts the open risks.
        prop_assert!(s.open_risks.iter().all(|r| matches!(r.status, Status::PartiallyAchieved | Status::NotAchieved)));
        prop_assert!(s.needs_acceptance.iter().all(|r| matches!(r.status, Status::PartiallyAchieved | Status::NotAchieved)));
        prop_assert_eq!(heat_map(&def, &a), heat_map(&def, &cleared));
        prop_assert_eq!(heat_map(&def, &a).iter().flatten().sum::<usize>(), s.open_risks.len());
        let now = t("2026-01-07T09:00:00Z");
        prop_assert_eq!(csv_report(&def, &a, &now), csv_report(&def, &cleared, &now));
        prop_assert_eq!(html_report(&def, &a, &now), html_report(&def, &cleared, &now));
    }
}
