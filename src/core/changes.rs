//! What changed between versions of a checklist, as the checklist itself lists it, and what
//! that means for an assessment made with an earlier version.
//!
//! A checklist may carry a short list of changes per version (items added, changed in
//! substance, merged into another, retired). When an assessment made with an earlier version
//! is opened, [`take_up`] moves the answers of merged items under the item they merged into
//! (when that item has no answer of its own) and says which items are new or changed since the
//! answers were given. No answer is ever dropped: one that has no home stays under its old id,
//! where the checklist shows it as a retired item.

use super::assessment::{unknown_items, Answer, Assessment};
use super::definition::{ChecklistDefinition, ItemId, MergedItem, VersionChanges};
use std::collections::{BTreeMap, HashSet};

/// An item new or changed in substance since an assessment's answers, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedItem {
    pub id: ItemId,
    pub title: String,
    /// The index of its section, for a link to it.
    pub section: usize,
    /// New since the answers, rather than changed.
    pub added: bool,
}

/// An answer moved from a merged item to the item it merged into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moved {
    pub from: ItemId,
    /// The title the merged item had, or its id when the change list does not say.
    pub from_title: String,
    pub into: ItemId,
}

/// What changed for an assessment made with an earlier version of the checklist on the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangesSince {
    /// The version the answers were given against.
    pub from: String,
    /// The version on the page.
    pub to: String,
    /// What each version since said about its changes, newest first; empty summaries left out.
    pub summaries: Vec<(String, String)>,
    /// The items new or changed in substance since, in checklist order.
    pub items: Vec<ChangedItem>,
    /// Answers moved under the item their item merged into.
    pub moved: Vec<Moved>,
    /// Answers to items this version no longer has, kept under their old ids (retired items).
    pub kept: Vec<ItemId>,
}

/// The change lists of the versions after `from`: those listed above `from`'s own entry
/// (entries are listed newest first), or every one when `from` has no entry.
pub fn versions_since<'a>(def: &'a ChecklistDefinition, from: &str) -> &'a [VersionChanges] {
    let end = def.changes.iter().position(|c| c.version == from).unwrap_or(def.changes.len());
    &def.changes[..end]
}

/// Takes up an assessment made with version `from` into `def`: moves each merged item's answer
/// to the item it merged into, oldest change first, when that item has no answer of its own
/// (otherwise the answer stays where it was, kept as a retired item), and does the same to the
/// copy a review keeps of the earlier assessment, so that the two still compare like with like.
/// Returns what changed, for the page to say once.
pub fn take_up(def: &ChecklistDefinition, from: &str, a: &mut Assessment) -> ChangesSince {
    let since = versions_since(def, from);
    let mut moved = Vec::new();
    for m in since.iter().rev().flat_map(|v| &v.merged) {
        if move_answer(&mut a.answers, m) {
            let from_title = if m.title.is_empty() { m.item.0.clone() } else { m.title.clone() };
            moved.push(Moved { from: m.item.clone(), from_title, into: m.into.clone() });
        }
        if let Some(review) = a.review_of.as_mut() {
            move_answer(&mut review.previous.answers, m);
        }
    }
    ChangesSince {
        from: from.to_owned(),
        to: def.version.clone(),
        summaries: since
            .iter()
            .filter(|v| !v.summary.trim().is_empty())
            .map(|v| (v.version.clone(), v.summary.clone()))
            .collect(),
        items: changed_items(def, since),
        moved,
        kept: unknown_items(def, a),
    }
}

/// Moves the answer to a merged item under the item it merged into, when there is one to
/// move and the item merged into has none. True when it moved.
fn move_answer(answers: &mut BTreeMap<ItemId, Answer>, m: &MergedItem) -> bool {
    if answers.contains_key(&m.into) {
        return false;
    }
    match answers.remove(&m.item) {
        Some(answer) => {
            answers.insert(m.into.clone(), answer);
            true
        }
        None => false,
    }
}

/// The items of `def` that the versions `since` added, changed or merged another into.
fn changed_items(def: &ChecklistDefinition, since: &[VersionChanges]) -> Vec<ChangedItem> {
    let added: HashSet<&ItemId> = since.iter().flat_map(|v| &v.added).collect();
    let changed: HashSet<&ItemId> = since
        .iter()
        .flat_map(|v| v.changed.iter().chain(v.merged.iter().map(|m| &m.into)))
        .collect();
    def.sections
        .iter()
        .enumerate()
        .flat_map(|(section, s)| s.items.iter().map(move |i| (section, i)))
        .filter(|(_, i)| added.contains(&i.id) || changed.contains(&i.id))
        .map(|(section, i)| ChangedItem {
            id: i.id.clone(),
            title: i.title.clone(),
            section,
            added: added.contains(&i.id),
        })
        .collect()
}
