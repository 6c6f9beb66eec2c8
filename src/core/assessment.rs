//! An assessment: one team's answers to a checklist, and the one way to change them.
//!
//! Every change is an [`Action`] passed to [`Assessment::apply`], which checks it against the
//! definition and reports whether anything changed. The current time is passed in.

use super::definition::{ChecklistDefinition, ItemId, QuestionId, ScopeAnswers};
use super::json::clip;
use super::time::{is_date, month_year, Timestamp};
use super::words::display_title;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest notes, mitigation action and conditions, in characters: long enough for any
/// real note (a pasted email thread), short of filling the browser's storage with one field.
pub const MAX_TEXT: usize = 1_000_000;
/// The longest title, assessor or owner name, in characters.
pub const MAX_NAME: usize = 300;

/// Where an item stands, in the style of the NCSC Cyber Assessment Framework.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    NotAssessed,
    Achieved,
    PartiallyAchieved,
    NotAchieved,
    NotApplicable,
}

impl Status {
    /// The statuses a person can choose, in the order they are offered.
    pub const CHOICES: [Status; 4] =
        [Status::Achieved, Status::PartiallyAchieved, Status::NotAchieved, Status::NotApplicable];
    pub const ALL: [Status; 5] = [
        Status::NotAssessed,
        Status::Achieved,
        Status::PartiallyAchieved,
        Status::NotAchieved,
        Status::NotApplicable,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Status::NotAssessed => "Not assessed",
            Status::Achieved => "Achieved",
            Status::PartiallyAchieved => "Partially achieved",
            Status::NotAchieved => "Not achieved",
            Status::NotApplicable => "Not applicable",
        }
    }

    /// A stable machine name, used in CSS classes and exports.
    pub fn key(self) -> &'static str {
        match self {
            Status::NotAssessed => "not_assessed",
            Status::Achieved => "achieved",
            Status::PartiallyAchieved => "partially_achieved",
            Status::NotAchieved => "not_achieved",
            Status::NotApplicable => "not_applicable",
        }
    }

    /// Assessed means a status was chosen; not applicable counts as assessed.
    pub fn is_assessed(self) -> bool {
        self != Status::NotAssessed
    }
}

/// The response to an open risk, in the four of HM Treasury's Orange Book.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Response {
    Treat,
    Tolerate,
    Transfer,
    Terminate,
}

impl Response {
    /// The responses in the order they are offered.
    pub const ALL: [Response; 4] =
        [Response::Treat, Response::Tolerate, Response::Transfer, Response::Terminate];

    pub fn label(self) -> &'static str {
        match self {
            Response::Treat => "Treat",
            Response::Tolerate => "Tolerate",
            Response::Transfer => "Transfer",
            Response::Terminate => "Terminate",
        }
    }

    /// A stable machine name, used in exports and the fingerprint.
    pub fn key(self) -> &'static str {
        match self {
            Response::Treat => "treat",
            Response::Tolerate => "tolerate",
            Response::Transfer => "transfer",
            Response::Terminate => "terminate",
        }
    }

    /// What the response means, in a line, shown beside the choice as the scale levels are.
    pub fn meaning(self) -> &'static str {
        match self {
            Response::Treat => "Act to reduce the likelihood or the impact.",
            Response::Tolerate => "Accept the risk as it is, and keep it under review.",
            Response::Transfer => {
                "Pass the risk, or part of it, to another party, such as a supplier or an insurer."
            }
            Response::Terminate => {
                "Stop or change the activity, so that the risk no longer arises."
            }
        }
    }
}

/// The answer to one item. An answer equal to the default is not stored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Answer {
    pub status: Status,
    /// Likelihood level, 1-based on the checklist's scale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub likelihood: Option<u8>,
    /// Impact level, 1-based on the checklist's scale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub impact: Option<u8>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Due date of the mitigation, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// The mitigating action agreed.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub action: String,
    /// The response to the risk (format version 3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response: Option<Response>,
    /// When the answer last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changed: Option<Timestamp>,
}

impl Answer {
    /// True when nothing is answered. When it last changed does not count: an answer cleared
    /// back to nothing is not kept for its time alone.
    pub fn is_empty(&self) -> bool {
        // Every field is named, so a new one cannot be forgotten here.
        let Answer { status, likelihood, impact, notes, owner, due, action, response, changed: _ } =
            self;
        *status == Status::NotAssessed
            && response.is_none()
            && likelihood.is_none()
            && impact.is_none()
            && notes.is_empty()
            && owner.is_empty()
            && due.is_none()
            && action.is_empty()
    }

    /// True when two answers say the same: when each last changed does not count, so an answer
    /// set again to what it was, or copied to another file, is the same answer.
    pub fn same_as(&self, other: &Answer) -> bool {
        // Every field is named, so a new one cannot be forgotten here.
        let Answer { status, likelihood, impact, notes, owner, due, action, response, changed: _ } =
            self;
        *status == other.status
            && *response == other.response
            && *likelihood == other.likelihood
            && *impact == other.impact
            && *notes == other.notes
            && *owner == other.owner
            && *due == other.due
            && *action == other.action
    }
}

/// One team's assessment against a checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// The project or tool assessed.
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub assessor: String,
    pub created: Timestamp,
    pub updated: Timestamp,
    /// Yes/no answers to the checklist's scope questions, keyed by question id; a question
    /// without one is unanswered. Answers to questions the checklist no longer asks are kept.
    #[serde(
        default,
        deserialize_with = "unique_scope",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub scope: ScopeAnswers,
    /// Answers keyed by item id. Items without an answer are not assessed.
    #[serde(default, deserialize_with = "unique_answers")]
    pub answers: BTreeMap<ItemId, Answer>,
    /// The senior risk owner's decision, once recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signoff: Option<SignOff>,
    /// The earlier assessment this one reviews, with a copy of what it said, when this is a
    /// review of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_of: Option<ReviewOf>,
    /// Decisions recorded and then withdrawn by reopening the assessment, oldest first
    /// (format version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub withdrawn: Vec<Withdrawn>,
}

/// The earlier assessment a review started from. It carries its own copy of what that
/// assessment said, so the changes since the last review can be shown after the earlier one is
/// deleted, or on another computer after this one is exported and imported on its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewOf {
    /// The id under which the earlier assessment was kept, such as `a-mi3k2x1-4fz0qa`.
    pub id: String,
    /// The earlier assessment's title.
    #[serde(default)]
    pub title: String,
    /// When the earlier decision was made, `YYYY-MM-DD`, when one was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<String>,
    /// What the earlier assessment said when the review started.
    pub previous: Snapshot,
}

/// The answers, scope answers and sign-off of an assessment at one moment. A review keeps one
/// rather than a whole assessment: nothing else is compared, and a snapshot holds no review of
/// its own, so a review of a review does not carry the whole chain before it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// The scope answers, as the assessment's `scope`.
    #[serde(
        default,
        deserialize_with = "unique_scope",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub scope: ScopeAnswers,
    /// The answers, as the assessment's `answers`.
    #[serde(default, deserialize_with = "unique_answers")]
    pub answers: BTreeMap<ItemId, Answer>,
    /// The sign-off, as the assessment's `signoff`: the decision the review revisits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signoff: Option<SignOff>,
}

impl ReviewOf {
    /// The earlier assessment as it stood when the review started, for comparing and scoring
    /// like any other: its title, answers, scope answers and sign-off, created and last updated
    /// at `at` (the time the review started is the best known).
    pub fn previous_assessment(&self, at: Timestamp) -> Assessment {
        let previous = self.previous.clone();
        Assessment {
            title: self.title.clone(),
            scope: previous.scope,
            answers: previous.answers,
            signoff: previous.signoff,
            ..Assessment::new(at)
        }
    }
}

/// Reads the answers object, refusing an item id given twice: JSON allows it, but one of the
/// two answers would otherwise be dropped without a word.
fn unique_answers<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<ItemId, Answer>, D::Error> {
    unique_keys(d, "an object of answers keyed by item id", |id: &ItemId| {
        format!("the answer to \"{:.60}\" is given twice", id.as_str())
    })
}

/// Reads the scope answers, refusing a question id given twice, as for the answers.
fn unique_scope<'de, D: serde::Deserializer<'de>>(d: D) -> Result<ScopeAnswers, D::Error> {
    unique_keys(d, "an object of true or false keyed by question id", |id: &QuestionId| {
        format!("the scope answer to \"{:.60}\" is given twice", id.as_str())
    })
}

/// Reads a JSON object into a map, refusing a key given twice with the message `twice` gives.
fn unique_keys<'de, D, K, V>(
    d: D,
    expecting: &'static str,
    twice: fn(&K) -> String,
) -> Result<BTreeMap<K, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    K: Deserialize<'de> + Ord,
    V: Deserialize<'de>,
{
    struct Visit<K, V> {
        expecting: &'static str,
        twice: fn(&K) -> String,
        entries: std::marker::PhantomData<V>,
    }
    impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> serde::de::Visitor<'de> for Visit<K, V> {
        type Value = BTreeMap<K, V>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str(self.expecting)
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((key, value)) = map.next_entry::<K, V>()? {
                if out.contains_key(&key) {
                    return Err(serde::de::Error::custom((self.twice)(&key)));
                }
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Visit { expecting, twice, entries: std::marker::PhantomData })
}

/// The risk owner's decision on the assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Proceed,
    ProceedWithConditions,
    DoNotProceed,
}

impl Decision {
    pub const ALL: [Decision; 3] =
        [Decision::Proceed, Decision::ProceedWithConditions, Decision::DoNotProceed];

    pub fn label(self) -> &'static str {
        match self {
            Decision::Proceed => "Proceed",
            Decision::ProceedWithConditions => "Proceed with conditions",
            Decision::DoNotProceed => "Do not proceed",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Decision::Proceed => "proceed",
            Decision::ProceedWithConditions => "proceed_with_conditions",
            Decision::DoNotProceed => "do_not_proceed",
        }
    }
}

/// Sign-off by the senior risk owner: a draft while it is being filled in, a decision once
/// recorded (`recorded`), after which the assessment is read-only until it is reopened.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct SignOff {
    /// The risk owner's name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    /// Conditions attached to the decision.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub conditions: String,
    /// When the decision is to be reviewed, `YYYY-MM-DD` (in a draft, as typed so far).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_date: Option<String>,
    /// When the decision was made, `YYYY-MM-DD` (in a draft, as typed so far).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided: Option<String>,
    /// True when what the decision weighed changed after it was recorded: answers changed by
    /// an earlier version of the app, or the checklist's version.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub needs_review: bool,
    /// When the decision was recorded (format version 3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded: Option<Timestamp>,
    /// The warnings shown when the decision was recorded, carried with it (format version 3).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
    /// The SHA-256 of the canonical form of what was signed, as 64 lowercase hex digits, when
    /// the decision was recorded (format version 3; docs/FORMAT.md says how to recompute it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
}

/// What the risk owner should know before recording a decision to proceed. It does not block,
/// and is kept in the record with the decision. `decision::check_record` finds them; each is
/// worded here, next to its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Warning {
    pub kind: WarningKind,
    /// How many items it concerns.
    pub count: usize,
}

/// What a [`Warning`] is about. (A plain struct with a kind reads and writes the same JSON as a
/// tagged enum would, without the code serde needs to buffer a tagged one.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// Baseline items in scope not yet achieved (including not assessed).
    BaselineOpen,
    /// Items in scope not yet assessed.
    NotAssessed,
    /// Open items (not achieved or partially achieved) not rated.
    OpenUnrated,
}

impl Warning {
    pub fn count(self) -> usize {
        self.count
    }

    pub fn message(self) -> String {
        let n = self.count;
        let (one, many) = match self.kind {
            WarningKind::BaselineOpen => (
                "baseline item is still open (see Before go-live)",
                "baseline items are still open (see Before go-live)",
            ),
            WarningKind::NotAssessed => ("item is not yet assessed", "items are not yet assessed"),
            WarningKind::OpenUnrated => ("open item is not rated", "open items are not rated"),
        };
        format!("{n} {}", if n == 1 { one } else { many })
    }
}

/// A decision withdrawn when the assessment was reopened, kept on record with when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Withdrawn {
    /// When the decision was withdrawn.
    pub withdrawn: Timestamp,
    /// The sign-off as it was recorded.
    pub signoff: SignOff,
}

/// The most withdrawn decisions one assessment keeps on record.
pub const MAX_WITHDRAWN: usize = 1000;

impl Action {
    /// The item this action answers, if it answers one.
    pub fn item(&self) -> Option<&ItemId> {
        match self {
            Action::SetStatus { item, .. }
            | Action::SetRisk { item, .. }
            | Action::SetNotes { item, .. }
            | Action::SetOwner { item, .. }
            | Action::SetDue { item, .. }
            | Action::SetMitigation { item, .. }
            | Action::SetResponse { item, .. } => Some(item),
            Action::SetTitle { .. }
            | Action::SetAssessor { .. }
            | Action::SetSignOff { .. }
            | Action::Record { .. }
            | Action::Reopen
            | Action::SetScope { .. }
            | Action::Reset => None,
        }
    }
}

impl SignOff {
    /// A decision has been recorded: chosen, and recorded by "Record the decision" (or dated,
    /// in a file of format version 1 or 2).
    pub fn is_decided(&self) -> bool {
        self.decision.is_some() && self.recorded.is_some()
    }

    /// The draft this sign-off leaves when it is not (or no longer) a record: the same fields,
    /// with nothing of a recording.
    fn as_draft(&self) -> SignOff {
        SignOff {
            needs_review: false,
            recorded: None,
            warnings: Vec::new(),
            fingerprint: None,
            ..self.clone()
        }
    }
}

/// Every change a person can make to an assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    SetTitle {
        title: String,
    },
    SetAssessor {
        assessor: String,
    },
    SetStatus {
        item: ItemId,
        status: Status,
    },
    /// Sets likelihood and impact together; `None` clears a rating.
    SetRisk {
        item: ItemId,
        likelihood: Option<u8>,
        impact: Option<u8>,
    },
    SetNotes {
        item: ItemId,
        notes: String,
    },
    SetOwner {
        item: ItemId,
        owner: String,
    },
    /// A `YYYY-MM-DD` date, or `None` to clear it.
    SetDue {
        item: ItemId,
        due: Option<String>,
    },
    SetMitigation {
        item: ItemId,
        action: String,
    },
    /// Sets the response to an item's risk, or clears it with `None`.
    SetResponse {
        item: ItemId,
        response: Option<Response>,
    },
    /// Changes the draft of the sign-off: choosing a decision or typing a field records
    /// nothing. Dates may be partial while typed; recording checks them.
    SetSignOff {
        signoff: SignOff,
    },
    /// Records the decision: `signoff` as `decision::record` makes it once its checks pass
    /// (dated, with its warnings and fingerprint). From then on the assessment is read-only.
    Record {
        signoff: SignOff,
    },
    /// Reopens a signed assessment: its decision is withdrawn, kept on record with when, and
    /// the sign-off becomes a draft again (name, role, conditions and review date kept).
    Reopen,
    /// Answers a scope question Yes (`Some(true)`) or No, or clears the answer (`None`).
    /// Answers to items that leave scope are kept, and count again when they come back.
    SetScope {
        question: QuestionId,
        answer: Option<bool>,
    },
    /// Clears every answer, the scope answers, the title, the assessor and the sign-off.
    Reset,
}

impl Assessment {
    pub fn new(now: Timestamp) -> Assessment {
        Assessment {
            title: String::new(),
            assessor: String::new(),
            created: now.clone(),
            updated: now,
            scope: BTreeMap::new(),
            answers: BTreeMap::new(),
            signoff: None,
            review_of: None,
            withdrawn: Vec::new(),
        }
    }

    /// A review of this assessment, kept under `source_id`: a new assessment, created `now`,
    /// titled as a review of this one ([`review_title`]), with the same assessor, scope answers
    /// and answers (each still saying when it last changed), no sign-off yet, and a copy of
    /// this one's answers, scope answers and sign-off to show what changed since. The copy is
    /// of this assessment as it stands, which is what was signed off.
    pub fn start_review(&self, source_id: &str, now: Timestamp) -> Assessment {
        Assessment {
            title: review_title(&self.title, now.date()),
            assessor: self.assessor.clone(),
            scope: self.scope.clone(),
            answers: self.answers.clone(),
            review_of: Some(ReviewOf {
                id: source_id.to_owned(),
                title: self.title.clone(),
                decided: self.signoff.as_ref().and_then(|s| s.decided.clone()),
                previous: Snapshot {
                    scope: self.scope.clone(),
                    answers: self.answers.clone(),
                    signoff: self.signoff.clone(),
                },
            }),
            ..Assessment::new(now)
        }
    }

    /// A decision is on record: the answers, scope and title are read-only until the assessment
    /// is reopened (which withdraws the decision) or a review is started from it.
    pub fn is_signed(&self) -> bool {
        self.signoff.as_ref().is_some_and(SignOff::is_decided)
    }

    /// The answer to an item, or the empty answer.
    pub fn answer(&self, item: &ItemId) -> &Answer {
        static EMPTY: std::sync::OnceLock<Answer> = std::sync::OnceLock::new();
        self.answers.get(item).unwrap_or_else(|| EMPTY.get_or_init(Answer::default))
    }

    /// Applies one change. Returns false, leaving everything as it was, when the action changes
    /// nothing or is not valid for this definition (unknown item, level off the scale, bad date,
    /// text too long).
    /// A signed assessment refuses every action but [`Action::Reopen`]: what was signed stays
    /// as it was signed.
    pub fn apply(&mut self, def: &ChecklistDefinition, action: Action, now: Timestamp) -> bool {
        if self.is_signed() != (action == Action::Reopen) {
            return false;
        }
        let changed = match action {
            Action::SetTitle { title } => {
                check_name(&title).is_ok() && replace(&mut self.title, title)
            }
            Action::SetAssessor { assessor } => {
                check_name(&assessor).is_ok() && replace(&mut self.assessor, assessor)
            }
            Action::Reset => self.reset(&now),
            Action::SetScope { question, answer } => {
                if def.question(&question).is_none() {
                    return false;
                }
                let before = match answer {
                    Some(yes) => self.scope.insert(question, yes),
                    None => self.scope.remove(&question),
                };
                before != answer
            }
            Action::SetStatus { item, status } => {
                self.edit(def, item, &now, |a| replace(&mut a.status, status))
            }
            Action::SetRisk { item, likelihood, impact } => self.edit(def, item, &now, |a| {
                replace(&mut a.likelihood, likelihood) | replace(&mut a.impact, impact)
            }),
            Action::SetNotes { item, notes } => {
                self.edit(def, item, &now, |a| replace(&mut a.notes, notes))
            }
            Action::SetOwner { item, owner } => {
                self.edit(def, item, &now, |a| replace(&mut a.owner, owner))
            }
            Action::SetMitigation { item, action } => {
                self.edit(def, item, &now, |a| replace(&mut a.action, action))
            }
            Action::SetResponse { item, response } => {
                self.edit(def, item, &now, |a| replace(&mut a.response, response))
            }
            Action::SetSignOff { signoff } => {
                let draft = signoff.as_draft();
                if check_signoff(&draft).is_err() {
                    return false;
                }
                let next = (draft != SignOff::default()).then_some(draft);
                replace(&mut self.signoff, next)
            }
            Action::Record { signoff } => {
                if !signoff.is_decided() || check_signoff(&signoff).is_err() {
                    return false;
                }
                self.signoff = Some(signoff);
                true
            }
            Action::Reopen => self.reopen(&now),
            Action::SetDue { item, due } => {
                let due = due.filter(|d| !d.is_empty());
                self.edit(def, item, &now, |a| replace(&mut a.due, due))
            }
        };
        if changed {
            self.updated = now;
        }
        changed
    }

    /// Withdraws the recorded decision, keeping it on record with `now`; the sign-off becomes a
    /// draft with the name, role, conditions and review date, to decide again. Refused once
    /// [`MAX_WITHDRAWN`] decisions are withdrawn.
    fn reopen(&mut self, now: &Timestamp) -> bool {
        if self.withdrawn.len() >= MAX_WITHDRAWN {
            return false;
        }
        let Some(signoff) = self.signoff.take() else { return false };
        let draft = SignOff { decision: None, decided: None, ..signoff.as_draft() };
        self.signoff = (draft != SignOff::default()).then_some(draft);
        self.withdrawn.push(Withdrawn { withdrawn: now.clone(), signoff });
        true
    }

    /// Clears the title, assessor, scope, answers and sign-off. A review starting again still
    /// reviews the same earlier assessment: which one it reviews is not an answer, and the
    /// changes since it are still worth showing. Nor are the decisions withdrawn: they stay on
    /// record.
    fn reset(&mut self, now: &Timestamp) -> bool {
        let fresh = Assessment::new(now.clone());
        let changed = self.title != fresh.title
            || self.assessor != fresh.assessor
            || !self.scope.is_empty()
            || !self.answers.is_empty()
            || self.signoff.is_some();
        let review_of = self.review_of.take();
        let withdrawn = std::mem::take(&mut self.withdrawn);
        *self = Assessment { created: self.created.clone(), review_of, withdrawn, ..fresh };
        changed
    }

    /// Edits one item's answer, noting when it changed and dropping it again when it becomes
    /// empty. The edited answer must pass [`check_answer`], the rule a file is read by; an open
    /// assessment passed it when it was read, so only the edit itself can fail it.
    fn edit(
        &mut self,
        def: &ChecklistDefinition,
        item: ItemId,
        now: &Timestamp,
        f: impl FnOnce(&mut Answer) -> bool,
    ) -> bool {
        if def.item(&item).is_none() {
            return false;
        }
        let mut answer = self.answer(&item).clone();
        if !f(&mut answer) || check_answer(def, &answer).is_err() {
            return false;
        }
        answer.changed = Some(now.clone());
        if answer.is_empty() {
            self.answers.remove(&item);
        } else {
            self.answers.insert(item, answer);
        }
        true
    }

    /// Marks a recorded decision as needing review: what it was based on has changed (the
    /// checklist's version, when an assessment is taken up into another).
    pub(crate) fn mark_for_review(&mut self) {
        if let Some(signoff) = self.signoff.as_mut().filter(|s| s.is_decided()) {
            signoff.needs_review = true;
        }
    }

    /// The answer to a scope question: `Some(true)` for Yes, `Some(false)` for No, `None`
    /// while unanswered.
    pub fn scope_answer(&self, question: &QuestionId) -> Option<bool> {
        self.scope.get(question).copied()
    }

    /// Scope answers to questions the checklist does not ask. Kept, never dropped.
    pub fn unknown_questions(&self, def: &ChecklistDefinition) -> Vec<QuestionId> {
        self.scope.keys().filter(|id| def.question(id).is_none()).cloned().collect()
    }
}

/// The title of a review of an assessment titled `title`, started on `today` (`YYYY-MM-DD`):
/// "Yammer pilot – review December 2026". A review of a review is titled after the first
/// title, not after the review's; the title is cut to stay within [`MAX_NAME`].
pub fn review_title(title: &str, today: &str) -> String {
    let base = display_title(title.trim());
    let base = match base.rsplit_once(REVIEW_MARK) {
        Some((first, when)) if is_month_year(when) => first,
        _ => base,
    };
    let suffix = format!("{REVIEW_MARK}{}", month_year(today).unwrap_or_default());
    let room = MAX_NAME.saturating_sub(suffix.chars().count());
    let base: String = base.chars().take(room).collect();
    format!("{base}{suffix}")
}

/// What a review's title adds before its month.
const REVIEW_MARK: &str = " \u{2013} review ";

/// True for a month and year as [`month_year`] writes them.
fn is_month_year(text: &str) -> bool {
    text.split_once(' ').is_some_and(|(_, year)| {
        year.len() == 4
            && year.bytes().all(|b| b.is_ascii_digit())
            && (1..=12).any(|m| month_year(&format!("{year}-{m:02}-01")).as_deref() == Some(text))
    })
}

/// Answers keyed by ids the definition does not have.
pub fn unknown_items(def: &ChecklistDefinition, a: &Assessment) -> Vec<ItemId> {
    // The widget asks on every render. Usually every answer is to one of the checklist's items,
    // which one pass of map lookups shows (ids are unique); otherwise each answer is looked for.
    let known = def.items().filter(|(_, item)| a.answers.contains_key(&item.id)).count();
    if known == a.answers.len() {
        return Vec::new();
    }
    a.answers.keys().filter(|id| def.item(id).is_none()).cloned().collect()
}

/// Checks a title or an assessor's name; says what is wrong. Like [`check_answer`] and
/// [`check_signoff`], it is the one rule for both editing and reading a file.
pub fn check_name(name: &str) -> Result<(), String> {
    if name.chars().count() > MAX_NAME {
        return Err(format!("longer than {MAX_NAME} characters"));
    }
    Ok(())
}

/// Checks an answer against the checklist's scale, and its date and text lengths; says what is
/// wrong. [`Assessment::apply`] refuses an edit that fails it, and reading a file refuses an
/// answer that fails it, so the two cannot disagree.
pub fn check_answer(def: &ChecklistDefinition, answer: &Answer) -> Result<(), String> {
    let scale = &def.scale;
    if let Some(l) = answer.likelihood.filter(|l| scale.likelihood_label(*l).is_none()) {
        return Err(format!("likelihood {l} is not on the scale 1 to {}", scale.likelihood.len()));
    }
    if let Some(i) = answer.impact.filter(|i| scale.impact_label(*i).is_none()) {
        return Err(format!("impact {i} is not on the scale 1 to {}", scale.impact.len()));
    }
    if let Some(due) = answer.due.as_deref().filter(|d| !is_date(d)) {
        return Err(format!("the due date \"{}\" is not a date like 2026-03-31", clip(due)));
    }
    for (name, text, max) in [
        ("notes", &answer.notes, MAX_TEXT),
        ("owner", &answer.owner, MAX_NAME),
        ("action", &answer.action, MAX_TEXT),
    ] {
        if text.chars().count() > max {
            return Err(format!("the {name} are longer than {max} characters"));
        }
    }
    Ok(())
}

/// Checks a sign-off's dates and text lengths; says what is wrong. A draft's dates are kept as
/// typed (short, but not necessarily real dates); a recorded decision's must be real.
pub fn check_signoff(s: &SignOff) -> Result<(), String> {
    check_signoff_as(s, s.recorded.is_none())
}

/// [`check_signoff`], the dates checked as a draft's (`draft`) or as a recorded decision's.
fn check_signoff_as(s: &SignOff, draft: bool) -> Result<(), String> {
    for (name, date) in [("review date", &s.review_date), ("decision date", &s.decided)] {
        let typed = |d: &str| draft && d.chars().count() <= MAX_TYPED_DATE;
        if let Some(d) = date.as_deref().filter(|d| !is_date(d) && !typed(d)) {
            return Err(format!(
                "the {name} \"{}\" is not a date like 2026-03-31",
                d.chars().take(40).collect::<String>()
            ));
        }
    }
    for (name, text, max) in [
        ("owner", &s.owner, MAX_NAME),
        ("role", &s.role, MAX_NAME),
        ("conditions", &s.conditions, MAX_TEXT),
    ] {
        if text.chars().count() > max {
            return Err(format!("the {name} is longer than {max} characters"));
        }
    }
    if let Some(f) = s.fingerprint.as_deref().filter(|f| !is_sha256_hex(f)) {
        return Err(format!("the fingerprint \"{}\" is not 64 lowercase hex digits", clip(f)));
    }
    if s.warnings.len() > MAX_WARNINGS {
        return Err(format!("it carries more than {MAX_WARNINGS} warnings"));
    }
    Ok(())
}

/// The longest date a draft keeps as typed: a year, a month and a day of up to eight
/// characters each, and two dashes.
const MAX_TYPED_DATE: usize = 26;

/// The most warnings a sign-off carries: one of each kind, with room for kinds to come.
const MAX_WARNINGS: usize = 20;

/// True for 64 lowercase hex digits, a SHA-256 as the fingerprint stores it.
fn is_sha256_hex(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Checks the decisions withdrawn: each sign-off by [`check_signoff`] as a recorded decision
/// (its dates real), and how many; says what is wrong.
pub fn check_withdrawn(withdrawn: &[Withdrawn]) -> Result<(), String> {
    if withdrawn.len() > MAX_WITHDRAWN {
        return Err(format!("more than {MAX_WITHDRAWN} decisions are withdrawn"));
    }
    for (i, w) in withdrawn.iter().enumerate() {
        check_signoff_as(&w.signoff, false)
            .map_err(|p| format!("withdrawn decision {}: {p}", i + 1))?;
    }
    Ok(())
}

/// Checks what a review records of the earlier assessment by the rules its own fields pass: the
/// id and title as names, the decision date, the sign-off, and each earlier answer by
/// [`check_answer`]; says what is wrong.
pub fn check_review(def: &ChecklistDefinition, review: &ReviewOf) -> Result<(), String> {
    for (name, text) in [("id", &review.id), ("title", &review.title)] {
        check_name(text).map_err(|problem| format!("the {name} is {problem}"))?;
    }
    if let Some(d) = review.decided.as_deref().filter(|d| !is_date(d)) {
        return Err(format!("the decision date \"{}\" is not a date like 2026-03-31", clip(d)));
    }
    if let Some(signoff) = &review.previous.signoff {
        check_signoff(signoff).map_err(|problem| format!("its sign-off: {problem}"))?;
    }
    for (item, answer) in &review.previous.answers {
        check_answer(def, answer)
            .map_err(|problem| format!("the answer to \"{}\": {problem}", clip(item.as_str())))?;
    }
    Ok(())
}

fn replace<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        false
    } else {
        *slot = value;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::default_checklist::default_checklist;

    fn t(n: u32) -> Timestamp {
        Timestamp::parse(&format!("2026-01-01T00:00:{n:02}Z")).unwrap()
    }

    fn item(id: &str) -> ItemId {
        ItemId::new(id)
    }

    /// Applies actions in turn and returns what each reported.
    fn run(actions: Vec<Action>) -> (Assessment, Vec<bool>) {
        let def = default_checklist();
        let mut a = Assessment::new(t(0));
        let changed = actions
            .into_iter()
            .enumerate()
            .map(|(i, act)| a.apply(&def, act, t(i as u32 + 1)))
            .collect();
        (a, changed)
    }

    fn first_item() -> ItemId {
        default_checklist().sections[0].items[0].id.clone()
    }

    #[test]
    fn a_change_reports_true_and_moves_updated() {
        let id = first_item();
        let (a, changed) =
            run(vec![Action::SetStatus { item: id.clone(), status: Status::Achieved }]);
        assert_eq!(changed, vec![true]);
        assert_eq!(a.answer(&id).status, Status::Achieved);
        assert_eq!(a.updated, t(1));
        assert_eq!(a.created, t(0));
    }

    #[test]
    fn the_same_value_twice_changes_nothing_the_second_time() {
        let id = first_item();
        let (a, changed) = run(vec![
            Action::SetNotes { item: id.clone(), notes: "n".into() },
            Action::SetNotes { item: id.clone(), notes: "n".into() },
        ]);
        assert_eq!(changed, vec![true, false]);
        assert_eq!(a.updated, t(1));
    }

    #[test]
    fn invalid_actions_are_refused_without_change() {
        let id = first_item();
        let (a, changed) = run(vec![
            Action::SetStatus { item: item("no-such-item"), status: Status::Achieved },
            Action::SetRisk { item: id.clone(), likelihood: Some(4), impact: Some(1) },
            Action::SetRisk { item: id.clone(), likelihood: Some(0), impact: None },
            Action::SetDue { item: id.clone(), due: Some("2026-02-30".into()) },
            Action::SetNotes { item: id.clone(), notes: "x".repeat(MAX_TEXT + 1) },
            Action::SetTitle { title: "t".repeat(MAX_NAME + 1) },
        ]);
        assert_eq!(changed, vec![false; 6]);
        assert!(a.answers.is_empty());
        assert_eq!(a.updated, t(0));
    }

    #[test]
    fn an_answer_that_fails_a_rule_says_which_in_the_words_a_reader_sees() {
        let def = default_checklist();
        let cases = [
            (
                Answer { likelihood: Some(7), ..Answer::default() },
                "likelihood 7 is not on the scale 1 to 3",
            ),
            (
                Answer { impact: Some(0), ..Answer::default() },
                "impact 0 is not on the scale 1 to 3",
            ),
            (
                Answer { due: Some("2026-02-30".into()), ..Answer::default() },
                "the due date \"2026-02-30\" is not a date like 2026-03-31",
            ),
            (
                Answer { notes: "x".repeat(MAX_TEXT + 1), ..Answer::default() },
                "the notes are longer than 1000000 characters",
            ),
            (
                Answer { owner: "x".repeat(MAX_NAME + 1), ..Answer::default() },
                "the owner are longer than 300 characters",
            ),
        ];
        for (answer, expected) in cases {
            assert_eq!(check_answer(&def, &answer), Err(expected.to_owned()));
        }
        assert_eq!(
            check_answer(&def, &Answer { likelihood: Some(3), ..Answer::default() }),
            Ok(())
        );
        assert_eq!(check_name(&"t".repeat(MAX_NAME + 1)), Err("longer than 300 characters".into()));
    }

    #[test]
    fn every_field_can_be_set_and_an_emptied_answer_is_dropped() {
        let id = first_item();
        let (a, changed) = run(vec![
            Action::SetStatus { item: id.clone(), status: Status::NotAchieved },
            Action::SetRisk { item: id.clone(), likelihood: Some(3), impact: Some(2) },
            Action::SetOwner { item: id.clone(), owner: "Sam".into() },
            Action::SetDue { item: id.clone(), due: Some("2026-03-31".into()) },
            Action::SetMitigation { item: id.clone(), action: "Turn on 2SV".into() },
            Action::SetTitle { title: "Team blog".into() },
            Action::SetAssessor { assessor: "Ana".into() },
        ]);
        assert!(changed.iter().all(|c| *c));
        let ans = a.answer(&id);
        assert_eq!((ans.likelihood, ans.impact, ans.owner.as_str()), (Some(3), Some(2), "Sam"));
        assert_eq!((ans.due.as_deref(), ans.action.as_str()), (Some("2026-03-31"), "Turn on 2SV"));
        assert_eq!((a.title.as_str(), a.assessor.as_str()), ("Team blog", "Ana"));

        let (a, _) = run(vec![
            Action::SetStatus { item: id.clone(), status: Status::Achieved },
            Action::SetDue { item: id.clone(), due: Some(String::new()) },
            Action::SetStatus { item: id.clone(), status: Status::NotAssessed },
        ]);
        assert!(a.answers.is_empty(), "{:?}", a.answers);
    }

    fn decided() -> SignOff {
        SignOff {
            owner: "Jo Bloggs".into(),
            role: "SIRO".into(),
            decision: Some(Decision::ProceedWithConditions),
            conditions: "2SV first".into(),
            review_date: Some("2027-01-31".into()),
            decided: Some("2026-11-20".into()),
            recorded: Some(t(0)),
            ..SignOff::default()
        }
    }

    #[test]
    fn a_recorded_decision_locks_the_answers_scope_title_and_sign_off() {
        let id = first_item();
        let edits = [
            Action::SetTitle { title: "Renamed".into() },
            Action::SetAssessor { assessor: "Ana".into() },
            Action::SetStatus { item: id.clone(), status: Status::NotAchieved },
            Action::SetNotes { item: id.clone(), notes: "n".into() },
            Action::SetRisk { item: id.clone(), likelihood: Some(1), impact: Some(1) },
            Action::SetOwner { item: id.clone(), owner: "Sam".into() },
            Action::SetDue { item: id.clone(), due: Some("2027-03-01".into()) },
            Action::SetMitigation { item: id.clone(), action: "Act".into() },
            Action::SetResponse { item: id.clone(), response: Some(Response::Treat) },
            Action::SetSignOff { signoff: SignOff::default() },
            Action::Record { signoff: decided() },
            Action::Reset,
        ];
        for edit in edits {
            let (a, changed) = run(vec![Action::Record { signoff: decided() }, edit.clone()]);
            assert_eq!(changed, vec![true, false], "{edit:?}");
            assert!(a.is_signed());
            assert_eq!((a.signoff, a.updated), (Some(decided()), t(1)), "{edit:?}");
        }
        let (a, changed) = run_scoped(vec![
            Action::Record { signoff: decided() },
            set_scope("public", Some(true)),
        ]);
        assert_eq!(changed, vec![true, false]);
        assert!(a.scope.is_empty());
    }

    #[test]
    fn choosing_a_decision_or_typing_records_nothing_and_only_a_complete_record_is_kept() {
        // A draft from the form: even with a decision and a date it is not a record.
        let draft = SignOff { recorded: None, fingerprint: None, ..decided() };
        let (a, changed) = run(vec![Action::SetSignOff { signoff: draft.clone() }]);
        assert_eq!(changed, vec![true]);
        assert!(!a.is_signed() && !a.signoff.as_ref().unwrap().is_decided());
        // The form cannot slip a record in as a draft.
        let (a, _) = run(vec![Action::SetSignOff { signoff: decided() }]);
        assert_eq!(a.signoff, Some(draft.clone()));
        // A record needs a decision and when it was recorded.
        for bad in [draft.clone(), SignOff { decision: None, ..decided() }] {
            assert_eq!(run(vec![Action::Record { signoff: bad }]).1, vec![false]);
        }
        let bad_date = SignOff { review_date: Some("2027-2-31".into()), ..decided() };
        assert_eq!(run(vec![Action::Record { signoff: bad_date }]).1, vec![false]);
        // Dates typed in part are kept in a draft; a date too long to be typed is refused.
        let typing = SignOff { review_date: Some("2027-2-".into()), ..draft.clone() };
        let (a, changed) = run(vec![Action::SetSignOff { signoff: typing.clone() }]);
        assert_eq!((changed, a.signoff), (vec![true], Some(typing)));
        let long = SignOff { decided: Some("9".repeat(40)), ..draft };
        assert_eq!(run(vec![Action::SetSignOff { signoff: long }]).1, vec![false]);
        // Cleared, the draft goes.
        let (a, _) = run(vec![
            Action::SetSignOff { signoff: SignOff { owner: "Jo".into(), ..SignOff::default() } },
            Action::SetSignOff { signoff: SignOff::default() },
        ]);
        assert_eq!(a.signoff, None);
    }

    #[test]
    fn reopening_withdraws_the_decision_with_its_date_and_unlocks_the_answers() {
        let id = first_item();
        let (a, changed) = run(vec![
            Action::Reopen,
            Action::Record { signoff: decided() },
            Action::Reopen,
            Action::Reopen,
            Action::SetStatus { item: id.clone(), status: Status::NotAchieved },
        ]);
        assert_eq!(changed, vec![false, true, true, false, true]);
        assert!(!a.is_signed());
        assert_eq!(a.withdrawn, vec![Withdrawn { withdrawn: t(3), signoff: decided() }]);
        let draft = a.signoff.unwrap();
        assert_eq!((draft.decision, draft.decided.as_deref()), (None, None), "decided afresh");
        assert_eq!((draft.owner.as_str(), draft.role.as_str()), ("Jo Bloggs", "SIRO"));
        assert_eq!((draft.recorded, draft.fingerprint, draft.warnings.len()), (None, None, 0));
        // Recorded and withdrawn again: both withdrawn decisions are kept, oldest first.
        let mut b = Assessment::new(t(0));
        b.withdrawn = vec![Withdrawn { withdrawn: t(1), signoff: decided() }; MAX_WITHDRAWN];
        assert!(b.apply(&default_checklist(), Action::Record { signoff: decided() }, t(2)));
        assert!(!b.apply(&default_checklist(), Action::Reopen, t(3)), "no room on record");
        assert!(b.is_signed());
    }

    #[test]
    fn a_review_is_titled_as_a_review_of_the_month_it_starts() {
        let title = |t: &str| review_title(t, "2026-12-07");
        assert_eq!(title("Yammer pilot"), "Yammer pilot \u{2013} review December 2026");
        assert_eq!(title("  "), "Untitled assessment \u{2013} review December 2026");
        assert_eq!(
            review_title("Yammer pilot \u{2013} review December 2026", "2027-11-30"),
            "Yammer pilot \u{2013} review November 2027",
            "a review of a review"
        );
        assert_eq!(
            title("Plan \u{2013} review B"),
            "Plan \u{2013} review B \u{2013} review December 2026"
        );
        let long = title(&"x".repeat(MAX_NAME));
        assert_eq!(long.chars().count(), MAX_NAME);
        assert!(check_name(&long).is_ok() && long.ends_with("review December 2026"));
    }

    #[test]
    fn an_edit_notes_when_the_answer_changed() {
        let id = first_item();
        let (a, changed) = run(vec![
            Action::SetStatus { item: id.clone(), status: Status::NotAchieved },
            Action::SetNotes { item: id.clone(), notes: "n".into() },
            Action::SetNotes { item: id.clone(), notes: "n".into() },
            Action::SetRisk { item: id.clone(), likelihood: Some(9), impact: None },
            Action::SetTitle { title: "Not an answer".into() },
        ]);
        assert_eq!(changed, vec![true, true, false, false, true]);
        assert_eq!(a.answer(&id).changed, Some(t(2)), "neither a no-op nor a refusal moves it");
        let (a, _) = run(vec![
            Action::SetStatus { item: id.clone(), status: Status::Achieved },
            Action::SetOwner { item: item("no-such-item"), owner: "x".into() },
        ]);
        assert_eq!(a.answer(&id).changed, Some(t(1)));
    }

    #[test]
    fn when_an_answer_changed_does_not_keep_an_emptied_answer() {
        let changed = Answer { changed: Some(t(1)), ..Answer::default() };
        assert!(changed.is_empty());
        assert!(!Answer { notes: "n".into(), ..changed.clone() }.is_empty());
        assert!(!Answer { due: Some("2026-03-31".into()), ..changed }.is_empty());
        let id = first_item();
        let (a, _) = run(vec![
            Action::SetNotes { item: id.clone(), notes: "n".into() },
            Action::SetNotes { item: id.clone(), notes: String::new() },
        ]);
        assert!(a.answers.is_empty(), "{:?}", a.answers);
    }

    /// A definition with two scope questions; section `public` applies to a public channel.
    fn scoped() -> ChecklistDefinition {
        let json = serde_json::json!({
            "id": "demo", "version": "1", "title": "Demo",
            "questions": [{ "id": "public", "question": "Public channel?" }, { "id": "paid", "question": "Paid promotion?" }],
            "scale": { "likelihood": ["Low", "High"], "impact": ["Low", "High"], "bands": { "low_max": 1, "medium_max": 2 } },
            "sections": [
                { "id": "all", "title": "All", "items": [{ "id": "a", "title": "A" }] },
                { "id": "public", "title": "Public", "applies_when": { "any_yes": ["public", "paid"] }, "items": [{ "id": "p", "title": "P" }] }
            ]
        });
        ChecklistDefinition::from_json(&json.to_string()).unwrap()
    }

    /// Applies actions to an assessment of the scoped definition, returning what each reported.
    fn run_scoped(actions: Vec<Action>) -> (Assessment, Vec<bool>) {
        let def = scoped();
        let mut a = Assessment::new(t(0));
        let changed = actions
            .into_iter()
            .enumerate()
            .map(|(i, act)| a.apply(&def, act, t(i as u32 + 1)))
            .collect();
        (a, changed)
    }

    fn set_scope(question: &str, answer: Option<bool>) -> Action {
        Action::SetScope { question: QuestionId::new(question), answer }
    }

    #[test]
    fn scope_answers_are_set_changed_and_cleared_and_unknown_questions_refused() {
        let (a, changed) = run_scoped(vec![
            set_scope("public", Some(false)),
            set_scope("public", Some(false)),
            set_scope("paid", Some(true)),
            set_scope("public", Some(true)),
            set_scope("paid", None),
            set_scope("paid", None),
            set_scope("no-such-question", Some(true)),
        ]);
        assert_eq!(changed, vec![true, false, true, true, true, false, false]);
        assert_eq!(a.scope, [(QuestionId::new("public"), true)].into_iter().collect());
        assert_eq!(a.scope_answer(&QuestionId::new("public")), Some(true));
        assert_eq!(a.scope_answer(&QuestionId::new("paid")), None);
        assert_eq!(a.updated, t(5));
    }

    #[test]
    fn a_scope_change_keeps_every_answer() {
        let p = item("p");
        let (a, changed) = run_scoped(vec![
            Action::SetStatus { item: p.clone(), status: Status::NotAchieved },
            set_scope("public", Some(false)),
            set_scope("paid", Some(false)),
        ]);
        assert_eq!(changed, vec![true; 3]);
        assert_eq!(a.answer(&p).status, Status::NotAchieved);
        assert_eq!(a.answer(&p).changed, Some(t(1)), "a scope change is not an answer change");
    }

    #[test]
    fn reset_clears_the_scope_answers_too() {
        let (a, changed) = run_scoped(vec![set_scope("public", Some(true)), Action::Reset]);
        assert_eq!(changed, vec![true, true]);
        assert!(a.scope.is_empty());
    }

    #[test]
    fn scope_answers_to_questions_the_checklist_lacks_are_reported() {
        let (mut a, _) = run_scoped(vec![set_scope("public", Some(true))]);
        a.scope.insert(QuestionId::new("retired"), false);
        assert_eq!(a.unknown_questions(&scoped()), vec![QuestionId::new("retired")]);
    }

    #[test]
    fn a_scope_answer_given_twice_is_refused() {
        let json = r#"{"created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z","scope":{"public":true,"public":false}}"#;
        let e = serde_json::from_str::<Assessment>(json).unwrap_err().to_string();
        assert!(e.contains("the scope answer to \"public\" is given twice"), "{e}");
        let json = r#"{"created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z","scope":{"public":"yes"}}"#;
        assert!(serde_json::from_str::<Assessment>(json).is_err());
    }

    #[test]
    fn reset_clears_answers_but_keeps_created() {
        let id = first_item();
        let (a, changed) = run(vec![
            Action::SetStatus { item: id, status: Status::Achieved },
            Action::Reset,
            Action::Reset,
        ]);
        assert_eq!(changed, vec![true, true, false]);
        assert!(a.answers.is_empty());
        assert_eq!(a.created, t(0));
    }

    #[test]
    fn a_review_starts_from_the_answers_with_no_sign_off_and_a_copy_of_what_was_decided() {
        let id = first_item();
        let (source, _) = run(vec![
            Action::SetTitle { title: "Team blog".into() },
            Action::SetStatus { item: id.clone(), status: Status::NotAchieved },
            Action::Record { signoff: decided() },
        ]);
        let review = source.start_review("a-source-1", t(9));
        assert_eq!((review.created.clone(), review.updated.clone()), (t(9), t(9)));
        assert_eq!(review.answers, source.answers, "each answer still says when it changed");
        let title = "Team blog \u{2013} review January 2026";
        assert_eq!((review.title.as_str(), review.signoff.as_ref()), (title, None));
        let of = review.review_of.as_ref().unwrap();
        assert_eq!((of.id.as_str(), of.title.as_str()), ("a-source-1", "Team blog"));
        assert_eq!(of.decided.as_deref(), Some("2026-11-20"));
        assert_eq!(of.previous.signoff, Some(decided()));
        assert_eq!(of.previous.answers, source.answers);
        let previous = of.previous_assessment(t(9));
        assert_eq!((previous.answers, previous.signoff), (source.answers.clone(), Some(decided())));

        // A review of a review keeps only the copy of the one it reviews.
        let again = review.start_review("a-review-2", t(10));
        let of = again.review_of.unwrap();
        assert_eq!((of.id.as_str(), of.decided), ("a-review-2", None));
        assert_eq!(of.previous.signoff, None);
    }

    #[test]
    fn starting_a_review_again_still_reviews_the_same_assessment() {
        let (source, _) =
            run(vec![Action::SetStatus { item: first_item(), status: Status::Achieved }]);
        let mut review = source.start_review("a-source-1", t(5));
        assert!(review.apply(&default_checklist(), Action::Reset, t(6)));
        assert!(review.answers.is_empty());
        assert_eq!(review.review_of, source.start_review("a-source-1", t(5)).review_of);
    }

    /// Checks a review record edited by `edit` against the default checklist.
    fn check_review_record(edit: impl FnOnce(&mut ReviewOf), expected: Result<(), &str>) {
        let (source, _) = run(vec![
            Action::SetStatus { item: first_item(), status: Status::NotAchieved },
            Action::Record { signoff: decided() },
        ]);
        let mut review = source.start_review("a-source-1", t(9)).review_of.unwrap();
        edit(&mut review);
        assert_eq!(check_review(&default_checklist(), &review), expected.map_err(str::to_owned));
    }

    #[test]
    fn a_review_record_obeys_the_rules_of_the_fields_it_copies() {
        check_review_record(|_| {}, Ok(()));
        check_review_record(
            |r| r.id = "x".repeat(MAX_NAME + 1),
            Err("the id is longer than 300 characters"),
        );
        check_review_record(
            |r| r.title = "x".repeat(MAX_NAME + 1),
            Err("the title is longer than 300 characters"),
        );
        check_review_record(
            |r| r.decided = Some("2026-02-30".into()),
            Err("the decision date \"2026-02-30\" is not a date like 2026-03-31"),
        );
        check_review_record(
            |r| r.previous.signoff.as_mut().unwrap().review_date = Some("soon".into()),
            Err("its sign-off: the review date \"soon\" is not a date like 2026-03-31"),
        );
        check_review_record(
            |r| r.previous.answers.get_mut(&first_item()).unwrap().likelihood = Some(4),
            Err(&format!(
                "the answer to \"{}\": likelihood 4 is not on the scale 1 to 3",
                first_item()
            )),
        );
    }

    #[test]
    fn answers_are_the_same_whenever_they_changed() {
        let a = Answer { notes: "n".into(), changed: Some(t(1)), ..Answer::default() };
        assert!(a.same_as(&Answer { changed: Some(t(2)), ..a.clone() }));
        assert!(a.same_as(&Answer { changed: None, ..a.clone() }));
        assert!(!a.same_as(&Answer { notes: "m".into(), ..a.clone() }));
        assert!(!a.same_as(&Answer { due: Some("2026-03-31".into()), ..a.clone() }));
    }

    #[test]
    fn a_response_is_set_changed_and_cleared_as_part_of_the_answer() {
        let id = first_item();
        let set = |response| Action::SetResponse { item: id.clone(), response };
        let (a, changed) = run(vec![
            set(Some(Response::Tolerate)),
            set(Some(Response::Tolerate)),
            set(Some(Response::Treat)),
            Action::SetResponse { item: item("no-such-item"), response: Some(Response::Treat) },
        ]);
        assert_eq!(changed, vec![true, false, true, false]);
        assert_eq!(a.answer(&id).response, Some(Response::Treat));
        assert_eq!(a.answer(&id).changed, Some(t(3)));
        let (a, _) = run(vec![set(Some(Response::Transfer)), set(None)]);
        assert!(a.answers.is_empty(), "an answer with only a response cleared is empty");
        let answer = Answer { response: Some(Response::Terminate), ..Answer::default() };
        assert!(!answer.is_empty());
        assert!(!answer.same_as(&Answer::default()));
    }

    #[test]
    fn the_four_responses_are_the_orange_book_s_with_a_meaning_each() {
        let labels = Response::ALL.map(Response::label);
        assert_eq!(labels, ["Treat", "Tolerate", "Transfer", "Terminate"]);
        for r in Response::ALL {
            assert_eq!(serde_json::to_string(&r).unwrap(), format!("\"{}\"", r.key()));
            assert!(r.meaning().ends_with('.') && r.meaning().len() < 100, "{r:?}");
        }
    }

    #[test]
    fn a_reset_keeps_the_decisions_withdrawn_on_record() {
        let mut a = Assessment::new(t(0));
        a.withdrawn.push(Withdrawn { withdrawn: t(1), signoff: decided() });
        a.title = "T".into();
        assert!(a.apply(&default_checklist(), Action::Reset, t(2)));
        assert_eq!((a.title.as_str(), a.withdrawn.len()), ("", 1));
    }
}
