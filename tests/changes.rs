//! An assessment made with checklist 2.0.1 opened under the current default checklist: every
//! answer is accounted for, merged items' answers move to the item they merged into when it
//! has none, and the items new or changed since are listed. Also the change list's own rules.
#![cfg(not(target_arch = "wasm32"))]

use risk_checklist::core::changes::{take_up, versions_since, ChangesSince};
use risk_checklist::core::default_checklist::default_checklist;
use risk_checklist::core::definition::DefinitionProblem;
use risk_checklist::core::document::check_assessment;
use risk_checklist::core::{Answer, Assessment, ChecklistDefinition, ItemId, StoredAssessment};
use std::collections::BTreeMap;

/// A stored assessment of checklist 2.0.1 with an answer on every one of its 52 items, and a
/// decision recorded.
const STORED_2_0_1: &str = include_str!("fixtures/formats/v2-stored-checklist-2.0.1.json");

fn stored() -> StoredAssessment {
    StoredAssessment::from_json(STORED_2_0_1).expect("the 2.0.1 record reads")
}

/// Opens the record as the widget does: taken up into the page's version.
fn opened(edit: impl FnOnce(&mut Assessment)) -> (Assessment, Assessment, ChangesSince) {
    let def = default_checklist();
    let mut record = stored();
    edit(&mut record.assessment);
    let before = record.assessment.clone();
    let changes = record.checklist.take_up(&def, &mut record.assessment).expect("another version");
    check_assessment(&def, &record.assessment).expect("opens under the current version");
    (before, record.assessment, changes)
}

/// Where each answer of `before` is after the take-up: the id it now sits under. Each answer
/// of the fixture is different (its notes name its item), so an answer is found by its content;
/// one missing, or one more than there were, fails the test.
fn whereabouts(before: &Assessment, after: &Assessment) -> BTreeMap<ItemId, ItemId> {
    let mut unclaimed: BTreeMap<&ItemId, &Answer> = after.answers.iter().collect();
    let mut found = BTreeMap::new();
    for (id, answer) in &before.answers {
        let home = match unclaimed.get(id) {
            Some(a) if *a == answer => Some(id),
            _ => unclaimed.iter().find(|(_, a)| **a == answer).map(|(at, _)| *at),
        };
        let home = home.unwrap_or_else(|| panic!("the answer to {id} was lost")).clone();
        unclaimed.remove(&home);
        found.insert(id.clone(), home);
    }
    assert!(unclaimed.is_empty(), "answers appeared from nowhere: {unclaimed:?}");
    found
}

#[test]
fn the_fixture_answers_every_item_of_2_0_1() {
    let record = stored();
    assert_eq!(record.checklist.version, "2.0.1");
    assert_eq!(record.assessment.answers.len(), 52);
}

#[test]
fn every_answer_of_a_2_0_assessment_is_kept_when_each_merged_into_item_has_its_own() {
    let def = default_checklist();
    let (before, after, changes) = opened(|_| {});
    let homes = whereabouts(&before, &after);
    // Every item answered in 2.0.1 that is still an item keeps its answer under its id; the
    // merged items' answers have no free home, so they stay under their old ids as retired.
    for (id, home) in &homes {
        assert_eq!(id, home, "{id} moved although its home was answered");
    }
    let mut merged: Vec<ItemId> = versions_since(&def, "2.0.1")
        .iter()
        .flat_map(|v| v.merged.iter().map(|m| m.item.clone()))
        .collect();
    merged.sort();
    assert_eq!(merged.len(), 4, "four pairs were merged");
    assert_eq!(changes.kept, merged, "kept as retired items");
    assert!(changes.moved.is_empty());
    // The decision weighed other items: it needs review.
    assert!(after.signoff.as_ref().is_some_and(|s| s.needs_review));
}

#[test]
fn a_merged_items_answer_moves_to_the_item_it_merged_into_when_that_has_none() {
    let def = default_checklist();
    let merges: Vec<(ItemId, ItemId)> = versions_since(&def, "2.0.1")
        .iter()
        .flat_map(|v| v.merged.iter().map(|m| (m.item.clone(), m.into.clone())))
        .collect();
    let (before, after, changes) = opened(|a| {
        for (_, into) in &merges {
            a.answers.remove(into);
        }
    });
    let homes = whereabouts(&before, &after);
    for (from, into) in &merges {
        assert_eq!(homes.get(from), Some(into), "{from} should now sit under {into}");
    }
    assert_eq!(changes.moved.len(), merges.len());
    assert!(changes.kept.is_empty(), "nothing is left without a home: {:?}", changes.kept);
    assert_eq!(after.answers.len(), before.answers.len(), "no answer lost or added");
}

#[test]
fn the_items_new_or_changed_since_2_0_are_listed_in_checklist_order_with_their_section() {
    let def = default_checklist();
    let (_, _, changes) = opened(|_| {});
    assert_eq!((changes.from.as_str(), changes.to.as_str()), ("2.0.1", def.version.as_str()));
    let order: Vec<&ItemId> = def.items().map(|(_, i)| &i.id).collect();
    let listed: Vec<&ItemId> = changes.items.iter().map(|c| &c.id).collect();
    let mut sorted = listed.clone();
    sorted.sort_by_key(|id| order.iter().position(|o| o == id));
    assert_eq!(listed, sorted, "in checklist order");
    for c in &changes.items {
        assert!(
            def.sections[c.section].items.iter().any(|i| i.id == c.id),
            "{} in its section",
            c.id
        );
    }
    // Every item merged into another is among them: its meaning grew.
    for m in versions_since(&def, "2.0.1").iter().flat_map(|v| &v.merged) {
        assert!(listed.contains(&&m.into), "{} is not listed", m.into);
    }
    assert!(!changes.summaries.is_empty(), "the version says what changed");
}

#[test]
fn a_review_of_a_2_0_assessment_compares_like_with_like() {
    let def = default_checklist();
    let mut record = stored();
    let into = ItemId::new("governance-objectives");
    let merged = ItemId::new("governance-review-closure");
    record.assessment.answers.remove(&into);
    let mut review =
        record.assessment.start_review("a-earlier-1", record.assessment.created.clone());
    record.checklist.take_up(&def, &mut review);
    let previous = &review.review_of.as_ref().expect("a review").previous.answers;
    assert!(previous.contains_key(&into) && !previous.contains_key(&merged));
    assert!(review.answers.contains_key(&into) && !review.answers.contains_key(&merged));
}

#[test]
fn the_current_version_takes_nothing_up() {
    let def = default_checklist();
    let mut a = Assessment::new(stored().assessment.created);
    let changes = take_up(&def, &def.version, &mut a);
    assert!(changes.items.is_empty() && changes.moved.is_empty() && changes.summaries.is_empty());
}

/// The default checklist with its change list replaced by `changes`, and the problems found.
fn with_changes(changes: serde_json::Value) -> Vec<(String, DefinitionProblem)> {
    let mut value: serde_json::Value =
        serde_json::from_str(risk_checklist::core::default_checklist::DEFAULT_CHECKLIST_JSON)
            .unwrap();
    value["changes"] = changes;
    match ChecklistDefinition::from_json(&value.to_string()) {
        Ok(_) => vec![],
        Err(errors) => errors.into_iter().map(|e| (e.path, e.problem)).collect(),
    }
}

#[test]
fn the_change_list_is_checked_against_the_items() {
    use DefinitionProblem::*;
    let id = |s: &str| s.to_owned();
    assert_eq!(
        with_changes(serde_json::json!([
            { "version": "3", "changed": ["nope"], "merged": [{ "item": "people-cover", "into": "gone" }] },
            { "version": "3", "retired": [{ "item": "old" }, { "item": "old" }] },
            { "version": "1", "added": ["old"], "merged": [{ "item": "x", "into": "old" }] }
        ])),
        vec![
            (id("changes[0].changed"), UnknownItem { id: id("nope") }),
            (id("changes[0].merged[0].into"), UnknownItem { id: id("gone") }),
            (id("changes[0].merged[0].item"), StillAnItem { id: id("people-cover") }),
            (id("changes[1].version"), Duplicate { id: id("3") }),
            (id("changes[1].retired[1].item"), Duplicate { id: id("old") }),
        ],
        "an item removed by a newer version (listed above) may be named by an older one"
    );
    assert_eq!(with_changes(serde_json::json!([])), vec![], "an empty list is no list");
}

#[test]
fn a_checklist_without_a_change_list_still_loads_and_takes_up_by_its_merges_alone() {
    let mut def = default_checklist();
    def.changes.clear();
    let mut record = stored();
    let before = record.assessment.answers.clone();
    let changes = record.checklist.take_up(&def, &mut record.assessment).expect("another version");
    assert!(changes.items.is_empty() && changes.moved.is_empty());
    assert_eq!(record.assessment.answers, before, "nothing moved, nothing lost");
}

#[test]
fn an_export_leaves_the_change_list_out_so_earlier_versions_of_the_app_read_it() {
    let def = default_checklist();
    assert!(!def.changes.is_empty());
    let a = stored().assessment;
    let doc = risk_checklist::core::Document::new(&def, &a, a.updated.clone());
    let json: serde_json::Value = serde_json::from_str(&doc.to_json()).unwrap();
    assert_eq!(json["definition"].get("changes"), None);
    assert_eq!(json["definition"]["sections"], serde_json::to_value(&def.sections).unwrap());
}
