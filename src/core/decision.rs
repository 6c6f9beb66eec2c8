//! Recording the risk owner's decision: the checks made when "Record the decision" is pressed,
//! and when a recorded decision is due for review.
//!
//! Errors block recording and each belongs to a field, so an error summary can link to it;
//! warnings do not block, and are carried in the record. Every message is worded here, once.
//! Today's date is passed in: the core never reads the clock.

use super::assessment::{Assessment, Decision, SignOff, Status, Withdrawn};
pub use super::assessment::{Warning, WarningKind};
use super::definition::{ChecklistDefinition, ItemId};
use super::fingerprint::fingerprint;
use super::scoring::Summary;
use super::time::{add_days, is_date, long_date, Timestamp};
use super::words::filled;

/// The field of the sign-off (or the item) an error belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    Decision,
    Owner,
    Role,
    Conditions,
    /// The date of decision.
    Decided,
    ReviewDate,
    /// An item of the checklist, by id.
    Item(ItemId),
}

/// Why a decision cannot be recorded yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    NoDecision,
    NoOwner,
    NoRole,
    NoConditions,
    DecidedNotReal,
    ReviewDateNotReal,
    ReviewNotAfterDecision,
    /// A baseline item marked not applicable without a reason: its id and title.
    NoReason {
        item: ItemId,
        title: String,
    },
}

impl RecordError {
    /// The field to link to and to show the message beside.
    pub fn field(&self) -> Field {
        match self {
            RecordError::NoDecision => Field::Decision,
            RecordError::NoOwner => Field::Owner,
            RecordError::NoRole => Field::Role,
            RecordError::NoConditions => Field::Conditions,
            RecordError::DecidedNotReal => Field::Decided,
            RecordError::ReviewDateNotReal | RecordError::ReviewNotAfterDecision => {
                Field::ReviewDate
            }
            RecordError::NoReason { item, .. } => Field::Item(item.clone()),
        }
    }

    /// The message, as the GOV.UK Design System words an error: what to do, plainly.
    pub fn message(&self) -> String {
        match self {
            RecordError::NoDecision => "Select a decision".to_owned(),
            RecordError::NoOwner => "Enter the risk owner's name".to_owned(),
            RecordError::NoRole => "Enter the risk owner's role".to_owned(),
            RecordError::NoConditions => {
                "Enter the conditions, or select \"Proceed\" if there are none".to_owned()
            }
            RecordError::DecidedNotReal => "Date of decision must be a real date".to_owned(),
            RecordError::ReviewDateNotReal => "Review date must be a real date".to_owned(),
            RecordError::ReviewNotAfterDecision => {
                "Review date must be after the date of decision".to_owned()
            }
            RecordError::NoReason { title, .. } => {
                format!("Enter why \u{201c}{title}\u{201d} is not applicable, in its notes")
            }
        }
    }
}

/// What pressing "Record the decision" finds: errors block it, warnings go with it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecordCheck {
    pub errors: Vec<RecordError>,
    pub warnings: Vec<Warning>,
}

/// Checks the sign-off `draft` before recording it on assessment `a` of checklist `def`.
/// `today` (`YYYY-MM-DD`) is the date of decision when the draft has none. Errors come in the
/// order of the form: decision, name, role, conditions, dates, then the items.
pub fn check_record(
    def: &ChecklistDefinition,
    a: &Assessment,
    draft: &SignOff,
    today: &str,
) -> RecordCheck {
    let mut errors = Vec::new();
    if draft.decision.is_none() {
        errors.push(RecordError::NoDecision);
    }
    if filled(&draft.owner).is_none() {
        errors.push(RecordError::NoOwner);
    }
    if filled(&draft.role).is_none() {
        errors.push(RecordError::NoRole);
    }
    if draft.decision == Some(Decision::ProceedWithConditions)
        && filled(&draft.conditions).is_none()
    {
        errors.push(RecordError::NoConditions);
    }
    errors.extend(date_errors(draft, today));
    errors.extend(baseline_without_reason(def, a));
    let warnings = match draft.decision {
        Some(Decision::DoNotProceed) => Vec::new(),
        _ => warnings(&Summary::of(def, a)),
    };
    RecordCheck { errors, warnings }
}

/// The sign-off to keep when the decision `draft` is recorded on `a` on `today`, at `now`: dated
/// today unless it has a date, with the warnings found and the fingerprint of what is signed,
/// not needing review; or the errors that stop it, as [`check_record`] finds them.
pub fn record(
    def: &ChecklistDefinition,
    a: &Assessment,
    draft: &SignOff,
    today: &str,
    now: Timestamp,
) -> Result<SignOff, Vec<RecordError>> {
    let check = check_record(def, a, draft, today);
    if !check.errors.is_empty() {
        return Err(check.errors);
    }
    let mut signoff = SignOff {
        decided: Some(draft.decided.clone().unwrap_or_else(|| today.to_owned())),
        needs_review: false,
        recorded: Some(now),
        warnings: check.warnings,
        fingerprint: None,
        ..draft.clone()
    };
    signoff.fingerprint = Some(fingerprint(def, a, &signoff));
    Ok(signoff)
}

/// The errors in the two dates: each must be real, and the review after the decision.
fn date_errors(draft: &SignOff, today: &str) -> Vec<RecordError> {
    let decided = draft.decided.as_deref().unwrap_or(today);
    let mut errors = Vec::new();
    if !is_date(decided) {
        errors.push(RecordError::DecidedNotReal);
    }
    match draft.review_date.as_deref() {
        Some(review) if !is_date(review) => errors.push(RecordError::ReviewDateNotReal),
        // Real dates written `YYYY-MM-DD` sort as text in the order of time.
        Some(review) if is_date(decided) && review <= decided => {
            errors.push(RecordError::ReviewNotAfterDecision)
        }
        _ => {}
    }
    errors
}

/// Baseline items in scope marked not applicable with blank notes, in checklist order.
fn baseline_without_reason(def: &ChecklistDefinition, a: &Assessment) -> Vec<RecordError> {
    def.items_in_scope(&a.scope)
        .filter(|(_, item)| item.baseline)
        .filter(|(_, item)| {
            let answer = a.answer(&item.id);
            answer.status == Status::NotApplicable && filled(&answer.notes).is_none()
        })
        .map(|(_, item)| RecordError::NoReason { item: item.id.clone(), title: item.title.clone() })
        .collect()
}

/// The warnings a summary gives, each only when its count is not zero.
pub fn warnings(summary: &Summary) -> Vec<Warning> {
    [
        Warning { kind: WarningKind::BaselineOpen, count: summary.before_go_live.len() },
        Warning {
            kind: WarningKind::NotAssessed,
            count: summary.by_status.get(Status::NotAssessed),
        },
        Warning { kind: WarningKind::OpenUnrated, count: summary.by_band.unrated },
    ]
    .into_iter()
    .filter(|w| w.count() > 0)
    .collect()
}

/// How many days before the review date the review is due.
pub const REVIEW_NOTICE_DAYS: i64 = 30;

/// Where a review stands on a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewState {
    /// No review date, or more than [`REVIEW_NOTICE_DAYS`] days before it.
    None,
    /// From [`REVIEW_NOTICE_DAYS`] days before the review date to the day itself.
    Due { on: String },
    /// After the review date.
    Overdue { since: String },
}

impl ReviewState {
    /// The state of the review of the decision `signoff` records, on `today`: `None` while it is
    /// a draft.
    pub fn of_decision(signoff: Option<&SignOff>, today: &str) -> ReviewState {
        match signoff.filter(|s| s.is_decided()) {
            Some(s) => ReviewState::of(s.review_date.as_deref(), today),
            None => ReviewState::None,
        }
    }

    /// The state of a review dated `review_date` on `today` (both `YYYY-MM-DD`); `None` when
    /// either is not a real date.
    pub fn of(review_date: Option<&str>, today: &str) -> ReviewState {
        let Some(review) = review_date.filter(|d| is_date(d)) else {
            return ReviewState::None;
        };
        let Some(notice) = add_days(review, -REVIEW_NOTICE_DAYS) else {
            return ReviewState::None;
        };
        if !is_date(today) || today < notice.as_str() {
            ReviewState::None
        } else if today <= review {
            ReviewState::Due { on: review.to_owned() }
        } else {
            ReviewState::Overdue { since: review.to_owned() }
        }
    }

    /// "Review due on 15 February 2027" or "Review overdue since 15 February 2027".
    pub fn sentence(&self) -> Option<String> {
        let (words, date) = match self {
            ReviewState::None => return None,
            ReviewState::Due { on } => ("Review due on", on),
            ReviewState::Overdue { since } => ("Review overdue since", since),
        };
        Some(format!("{words} {}", long_date(date).unwrap_or_else(|| date.clone())))
    }
}

/// A date as shown, "20 November 2026"; the text itself when it is not a real date.
fn shown_date(date: &str) -> String {
    long_date(date).unwrap_or_else(|| date.to_owned())
}

/// A withdrawn decision in a sentence, for the sign-off, the Summary and the reports:
/// "Decision withdrawn on 7 December 2026: Proceed, decided on 20 November 2026 by Jo Bloggs."
pub fn withdrawn_sentence(w: &Withdrawn) -> String {
    let s = &w.signoff;
    let mut text = format!("Decision withdrawn on {}", shown_date(w.withdrawn.date()));
    if let Some(decision) = s.decision {
        text.push_str(&format!(": {}", decision.label()));
        if let Some(on) = s.decided.as_deref() {
            text.push_str(&format!(", decided on {}", shown_date(on)));
        }
        if let Some(owner) = filled(&s.owner) {
            text.push_str(&format!(" by {owner}"));
        }
    }
    text.push('.');
    text
}
