//! The widget's state and its one reducer. Every change, to the assessment or to what is on
//! screen, is a [`Msg`]; the reducer returns the same `Rc` when nothing changed, so Yew skips
//! the render.

use crate::core::scoring::is_open;
use crate::core::{Action, Assessment, Band, ChecklistDefinition, Timestamp};
use std::rc::Rc;
use yew::Reducible;

/// Which items the current section shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Filter {
    #[default]
    All,
    NotAssessed,
    HighRisk,
}

impl Filter {
    pub const ALL: [Filter; 3] = [Filter::All, Filter::NotAssessed, Filter::HighRisk];

    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "All items",
            Filter::NotAssessed => "Not yet assessed",
            Filter::HighRisk => "High risk",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::NotAssessed => "not-assessed",
            Filter::HighRisk => "high",
        }
    }

    /// Whether an item with this answer is shown.
    pub fn shows(self, def: &ChecklistDefinition, answer: &crate::core::Answer) -> bool {
        match self {
            Filter::All => true,
            Filter::NotAssessed => !answer.status.is_assessed(),
            Filter::HighRisk => is_open(answer) && def.scale.risk(answer).is_some_and(|r| r.band == Band::High),
        }
    }
}

/// How storage is doing, as the person needs to know it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum StorageHealth {
    /// Answers are saved as they change.
    #[default]
    Saving,
    /// Storage cannot be used at all; work stays in this page only.
    Unavailable,
    /// A save failed (for example the storage is full); the last good copy is still stored.
    Failing { reason: String },
    /// What was stored could not be opened; it was kept under another key, untouched.
    Recovered { backup_key: String, reason: String },
    /// What was stored cannot be opened safely and could not be backed up, so it is never
    /// overwritten; work stays in this page only.
    Protected { reason: String },
}

impl StorageHealth {
    /// Whether saves go to storage.
    pub fn can_write(&self) -> bool {
        !matches!(self, StorageHealth::Unavailable | StorageHealth::Protected { .. })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub def: Rc<ChecklistDefinition>,
    pub assessment: Rc<Assessment>,
    /// The index of the section on screen.
    pub section: usize,
    pub filter: Filter,
    /// "Start again" is waiting for confirmation.
    pub confirm_reset: bool,
    /// The latest message for the status live region, with a counter so that the same text
    /// said twice is announced twice.
    pub status: Option<(u32, String)>,
    pub storage: StorageHealth,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    Edit { action: Action, now: Timestamp },
    ShowSection(usize),
    SetFilter(Filter),
    AskReset,
    CancelReset,
    Announce(String),
    Storage(StorageHealth),
}

impl AppState {
    /// A state that opens at the first section with an item not yet assessed, so a person
    /// returning after days resumes where they left off.
    pub fn new(def: Rc<ChecklistDefinition>, assessment: Assessment, storage: StorageHealth) -> AppState {
        let section = def
            .sections
            .iter()
            .position(|s| s.items.iter().any(|i| !assessment.answer(&i.id).status.is_assessed()))
            .unwrap_or(0);
        AppState {
            def,
            assessment: Rc::new(assessment),
            section,
            filter: Filter::All,
            confirm_reset: false,
            status: None,
            storage,
        }
    }

    fn announce(&mut self, text: String) {
        let n = self.status.as_ref().map_or(0, |(n, _)| n.wrapping_add(1));
        self.status = Some((n, text));
    }
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Edit { action, now } => {
                let reset = action == Action::Reset;
                let mut assessment = (*self.assessment).clone();
                if !assessment.apply(&self.def, action, now) {
                    if reset && self.confirm_reset {
                        next.confirm_reset = false;
                        return Rc::new(next);
                    }
                    return self;
                }
                next.assessment = Rc::new(assessment);
                if reset {
                    next.confirm_reset = false;
                    next.section = 0;
                    next.filter = Filter::All;
                    next.announce("All answers were cleared. You can start again.".into());
                }
            }
            Msg::ShowSection(i) if i < self.def.sections.len() && i != self.section => next.section = i,
            Msg::SetFilter(f) if f != self.filter => next.filter = f,
            Msg::AskReset if !self.confirm_reset => next.confirm_reset = true,
            Msg::CancelReset if self.confirm_reset => next.confirm_reset = false,
            Msg::Announce(text) => next.announce(text),
            // A successful save does not hide the note that an unreadable value was backed up.
            Msg::Storage(StorageHealth::Saving) if matches!(self.storage, StorageHealth::Recovered { .. }) => return self,
            Msg::Storage(health) if health != self.storage => next.storage = health,
            _ => return self,
        }
        Rc::new(next)
    }
}
