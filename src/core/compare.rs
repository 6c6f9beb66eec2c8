//! Comparing two assessments of the same checklist: which items changed between an earlier and
//! a later one, side by side, and what that did to the open risks and the overall rating.
//!
//! A review compares itself with the copy it keeps of the assessment it reviews
//! ([`since_review`]); any two assessments of one checklist compare the same way ([`compare`]).
//! Scope is read from each assessment's own scope answers, so an item can be in scope on one
//! side and out of scope on the other.

use super::assessment::{unknown_items, Answer, Assessment, Response, Status};
use super::definition::{ChecklistDefinition, ItemId, RiskScale, SectionId};
use super::scoring::{is_open, OverallRating, Risk, Summary};

/// What can differ about an item between two assessments: its scope, or a part of its answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Scope,
    Status,
    Likelihood,
    Impact,
    Band,
    Owner,
    Due,
    Action,
    Response,
    Notes,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Scope => "Scope",
            Field::Status => "Status",
            Field::Likelihood => "Likelihood",
            Field::Impact => "Impact",
            Field::Band => "Band",
            Field::Owner => "Owner",
            Field::Due => "Due date",
            Field::Action => "Action",
            Field::Response => "Response",
            Field::Notes => "Notes",
        }
    }
}

/// One side of a changed item: its answer without the notes (which can be long, and are only
/// flagged as changed), its risk, and where it stood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Side {
    pub status: Status,
    pub likelihood: Option<u8>,
    pub impact: Option<u8>,
    /// The risk, once both likelihood and impact are rated.
    pub risk: Option<Risk>,
    pub owner: String,
    pub due: Option<String>,
    pub action: String,
    pub response: Option<Response>,
    /// Why the item was out of scope (the questions answered No, as read); `None` while in
    /// scope, and always for a retired item, whose scope is not known.
    pub out_of_scope: Option<String>,
    /// Counted as an open item by the summary: in scope, and a rated risk still to manage or an
    /// unrated item found not achieved or partially achieved.
    pub open: bool,
}

impl Side {
    fn of(scale: &RiskScale, answer: &Answer, out_of_scope: Option<String>, open: bool) -> Side {
        Side {
            status: answer.status,
            likelihood: answer.likelihood,
            impact: answer.impact,
            risk: scale.risk(answer),
            owner: answer.owner.clone(),
            due: answer.due.clone(),
            action: answer.action.clone(),
            response: answer.response,
            out_of_scope,
            open,
        }
    }
}

/// An item whose answer or scope differs between the two assessments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemChange {
    pub item: ItemId,
    /// The item's section; `None` for a retired item (an answer to an id the checklist lacks).
    pub section: Option<SectionId>,
    /// The item's title; a retired item's id.
    pub title: String,
    pub before: Side,
    pub after: Side,
    /// What differs, in the order of [`Field`]. Notes are flagged, never copied here.
    pub fields: Vec<Field>,
}

impl ItemChange {
    /// True when the item is in scope on one side and out of scope on the other.
    pub fn scope_changed(&self) -> bool {
        self.fields.contains(&Field::Scope)
    }
}

/// What changed from one assessment of a checklist to a later one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// The checklist's items whose answer or scope differs, in checklist order.
    pub items: Vec<ItemChange>,
    /// Answers to items the checklist lacks that differ, by id: kept on either side, and shown
    /// as retired rather than dropped.
    pub retired: Vec<ItemChange>,
    /// Items open after and not before: newly found, or back in scope while open.
    pub opened: usize,
    /// Items open before and not after: closed, or taken out of scope while open (the item is
    /// listed with its scope change). So the open items after number those before, plus
    /// `opened`, less `closed`.
    pub closed: usize,
    /// Items open and rated on both sides whose score went up (and so their band, if any).
    pub raised: usize,
    /// Items open and rated on both sides whose score went down.
    pub lowered: usize,
    /// The overall rating before and after, as [`Summary::overall_rating`] says it.
    pub overall_before: OverallRating,
    pub overall_after: OverallRating,
}

impl Comparison {
    /// True when no item's answer or scope differs.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.retired.is_empty()
    }
}

/// What changed from `before` to `after`, two assessments of `def`.
pub fn compare(def: &ChecklistDefinition, before: &Assessment, after: &Assessment) -> Comparison {
    let mut out = Comparison {
        items: Vec::new(),
        retired: Vec::new(),
        opened: 0,
        closed: 0,
        raised: 0,
        lowered: 0,
        overall_before: Summary::of(def, before).overall_rating(),
        overall_after: Summary::of(def, after).overall_rating(),
    };
    for (section, item) in def.items() {
        let (b, a) = (before.answer(&item.id), after.answer(&item.id));
        let in_before = def.in_scope(section, item, &before.scope);
        let in_after = def.in_scope(section, item, &after.scope);
        let (open_before, open_after) = (in_before && is_open(b), in_after && is_open(a));
        out.opened += usize::from(open_after && !open_before);
        out.closed += usize::from(open_before && !open_after);
        if open_before && open_after {
            let score = |x: &Answer| def.scale.risk(x).map(|r| r.score);
            if let (Some(sb), Some(sa)) = (score(b), score(a)) {
                out.raised += usize::from(sa > sb);
                out.lowered += usize::from(sa < sb);
            }
        }
        if b.same_as(a) && in_before == in_after {
            continue;
        }
        // Why an item is out of scope is worked out only for the few items listed.
        let reason = |side: &Assessment| {
            def.out_of_scope(section, item, &side.scope).map(|out| def.scope_reason(&out))
        };
        let sides = (
            Side::of(&def.scale, b, reason(before), open_before),
            Side::of(&def.scale, a, reason(after), open_after),
        );
        let notes = b.notes != a.notes;
        out.items.push(change(&item.id, Some(&section.id), &item.title, sides, notes));
    }
    let mut retired = unknown_items(def, before);
    retired.extend(unknown_items(def, after));
    retired.sort();
    retired.dedup();
    for id in retired {
        let (b, a) = (before.answer(&id), after.answer(&id));
        if b.same_as(a) {
            continue;
        }
        let side = |x: &Answer| Side::of(&def.scale, x, None, false);
        let notes = b.notes != a.notes;
        out.retired.push(change(&id, None, id.as_str(), (side(b), side(a)), notes));
    }
    out
}

/// The changes since the review `a` records, against its copy of the earlier assessment; `None`
/// when `a` is not a review.
pub fn since_review(def: &ChecklistDefinition, a: &Assessment) -> Option<Comparison> {
    let review = a.review_of.as_ref()?;
    Some(compare(def, &review.previous_assessment(a.created.clone()), a))
}

/// An item change, with the fields that differ; `notes` says whether the notes do.
fn change(
    item: &ItemId,
    section: Option<&SectionId>,
    title: &str,
    (before, after): (Side, Side),
    notes: bool,
) -> ItemChange {
    let band = |x: &Side| x.risk.map(|r| r.band);
    let differs = [
        (Field::Scope, before.out_of_scope.is_some() != after.out_of_scope.is_some()),
        (Field::Status, before.status != after.status),
        (Field::Likelihood, before.likelihood != after.likelihood),
        (Field::Impact, before.impact != after.impact),
        (Field::Band, band(&before) != band(&after)),
        (Field::Owner, before.owner != after.owner),
        (Field::Due, before.due != after.due),
        (Field::Action, before.action != after.action),
        (Field::Response, before.response != after.response),
        (Field::Notes, notes),
    ];
    ItemChange {
        item: item.clone(),
        section: section.cloned(),
        title: title.to_owned(),
        fields: differs.into_iter().filter(|(_, d)| *d).map(|(f, _)| f).collect(),
        before,
        after,
    }
}
