//! The pure core: checklist definitions, assessments, scoring and the document format.
//!
//! Nothing in here may depend on a browser crate (the UI framework or the DOM bindings): the
//! core is compiled and tested natively, and the browser shell only forwards events to it and
//! renders what it returns. `tests/architecture.rs` enforces this.

pub mod assessment;
pub mod calendar;
pub mod changes;
pub mod compare;
pub mod decision;
pub mod default_checklist;
pub mod definition;
pub mod document;
pub mod fingerprint;
pub mod json;
pub mod library;
pub mod merge;
pub mod migrate;
pub mod report;
pub mod scoring;
pub mod summary_page;
pub mod time;
pub mod words;

pub use assessment::{
    Action, Answer, Assessment, Decision, Response, ReviewOf, SignOff, Snapshot, Status, Withdrawn,
};
pub use compare::{compare, Comparison};
pub use definition::{
    ChecklistDefinition, DefinitionError, Item, ItemId, RiskScale, Section, SectionId,
};
pub use document::{Document, DocumentError, StoredAssessment, APP_VERSION};
pub use merge::{apply_merge, plan_merge, Choices, Keep, MergePlan};
pub use scoring::{Band, Progress, Summary};
pub use time::Timestamp;
