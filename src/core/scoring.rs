//! Scoring: risk score and band, progress, counts and the ranked list of open risks.

use super::assessment::{Answer, Assessment, Status};
use super::definition::{ChecklistDefinition, ItemId, RiskScale, Section, SectionId};
use serde::{Deserialize, Serialize};

/// A risk band. Shown with its name as text everywhere, never by colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Low,
    Medium,
    High,
}

impl Band {
    pub const ALL: [Band; 3] = [Band::Low, Band::Medium, Band::High];

    pub fn label(self) -> &'static str {
        match self {
            Band::Low => "Low",
            Band::Medium => "Medium",
            Band::High => "High",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Band::Low => "low",
            Band::Medium => "medium",
            Band::High => "high",
        }
    }
}

/// A rated risk: its score (likelihood x impact) and band.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Risk {
    pub score: u32,
    pub band: Band,
}

impl RiskScale {
    /// The band of a score by this scale's thresholds.
    pub fn band(&self, score: u32) -> Band {
        if score <= self.bands.low_max {
            Band::Low
        } else if score <= self.bands.medium_max {
            Band::Medium
        } else {
            Band::High
        }
    }

    /// The risk of an answer, once both likelihood and impact are rated.
    pub fn risk(&self, answer: &Answer) -> Option<Risk> {
        let score = u32::from(answer.likelihood?) * u32::from(answer.impact?);
        Some(Risk { score, band: self.band(score) })
    }
}

/// How many items are assessed out of how many.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Progress {
    pub assessed: usize,
    pub total: usize,
}

impl Progress {
    /// Whole percent, rounded down so 100 means really complete.
    pub fn percent(self) -> u8 {
        (self.assessed * 100).checked_div(self.total).map_or(0, |p| p as u8)
    }

    pub fn of_section(section: &Section, assessment: &Assessment) -> Progress {
        let assessed =
            section.items.iter().filter(|i| assessment.answer(&i.id).status.is_assessed()).count();
        Progress { assessed, total: section.items.len() }
    }

    pub fn overall(def: &ChecklistDefinition, assessment: &Assessment) -> Progress {
        def.sections.iter().map(|s| Progress::of_section(s, assessment)).fold(
            Progress::default(),
            |a, b| Progress { assessed: a.assessed + b.assessed, total: a.total + b.total },
        )
    }
}

/// An open risk: rated, and not achieved or not applicable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct OpenRisk {
    pub item: ItemId,
    pub section: SectionId,
    pub title: String,
    pub status: Status,
    pub score: u32,
    pub band: Band,
    #[serde(skip_serializing_if = "String::is_empty", default)]
    pub owner: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub due: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty", default)]
    pub action: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct SectionSummary {
    pub section: SectionId,
    pub title: String,
    pub progress: Progress,
    /// The worst band among the section's open risks.
    pub worst: Option<Band>,
}

impl SectionSummary {
    /// One section's progress and worst open risk, without building the rest of a [`Summary`]:
    /// the section list shows this on every change.
    pub fn of(
        def: &ChecklistDefinition,
        section: &Section,
        assessment: &Assessment,
    ) -> SectionSummary {
        let worst = section
            .items
            .iter()
            .map(|item| assessment.answer(&item.id))
            .filter(|answer| is_open(answer))
            .filter_map(|answer| def.scale.risk(answer))
            .map(|risk| risk.band)
            .max();
        SectionSummary {
            section: section.id.clone(),
            title: section.title.clone(),
            progress: Progress::of_section(section, assessment),
            worst,
        }
    }
}

/// Counts of items by status, in [`Status::ALL`] order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct StatusCounts {
    pub not_assessed: usize,
    pub achieved: usize,
    pub partially_achieved: usize,
    pub not_achieved: usize,
    pub not_applicable: usize,
}

impl StatusCounts {
    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::NotAssessed => self.not_assessed,
            Status::Achieved => self.achieved,
            Status::PartiallyAchieved => self.partially_achieved,
            Status::NotAchieved => self.not_achieved,
            Status::NotApplicable => self.not_applicable,
        }
    }

    fn add(&mut self, status: Status) {
        let slot = match status {
            Status::NotAssessed => &mut self.not_assessed,
            Status::Achieved => &mut self.achieved,
            Status::PartiallyAchieved => &mut self.partially_achieved,
            Status::NotAchieved => &mut self.not_achieved,
            Status::NotApplicable => &mut self.not_applicable,
        };
        *slot += 1;
    }
}

/// Counts of open risks by band.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct BandCounts {
    pub low: usize,
    pub medium: usize,
    pub high: usize,
}

impl BandCounts {
    pub fn get(&self, band: Band) -> usize {
        match band {
            Band::Low => self.low,
            Band::Medium => self.medium,
            Band::High => self.high,
        }
    }
}

/// Everything computed from an assessment, as shown in the widget and written into exports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Summary {
    pub progress: Progress,
    /// The worst band among open risks; `None` when no open risk is rated.
    pub overall: Option<Band>,
    pub by_status: StatusCounts,
    /// Open risks by band.
    pub by_band: BandCounts,
    pub sections: Vec<SectionSummary>,
    /// Open risks, highest score first, then in checklist order.
    pub open_risks: Vec<OpenRisk>,
}

/// True when an answer is a risk still to manage: neither achieved nor not applicable. Callers
/// check that it is rated; a rated item not yet given a status counts, to be safe.
pub fn is_open(answer: &Answer) -> bool {
    !matches!(answer.status, Status::Achieved | Status::NotApplicable)
}

impl Summary {
    /// A summary of nothing, standing in until one is computed.
    pub fn empty() -> Summary {
        Summary {
            progress: Progress::default(),
            overall: None,
            by_status: StatusCounts::default(),
            by_band: BandCounts::default(),
            sections: Vec::new(),
            open_risks: Vec::new(),
        }
    }

    pub fn of(def: &ChecklistDefinition, assessment: &Assessment) -> Summary {
        let mut by_status = StatusCounts::default();
        let mut by_band = BandCounts::default();
        let mut open_risks = Vec::new();
        let mut sections = Vec::with_capacity(def.sections.len());
        for section in &def.sections {
            for item in &section.items {
                let answer = assessment.answer(&item.id);
                by_status.add(answer.status);
                let Some(risk) = def.scale.risk(answer).filter(|_| is_open(answer)) else {
                    continue;
                };
                match risk.band {
                    Band::Low => by_band.low += 1,
                    Band::Medium => by_band.medium += 1,
                    Band::High => by_band.high += 1,
                }
                open_risks.push(OpenRisk {
                    item: item.id.clone(),
                    section: section.id.clone(),
                    title: item.title.clone(),
                    status: answer.status,
                    score: risk.score,
                    band: risk.band,
                    owner: answer.owner.clone(),
                    due: answer.due.clone(),
                    action: answer.action.clone(),
                });
            }
            sections.push(SectionSummary::of(def, section, assessment));
        }
        // A stable sort keeps checklist order among equal scores.
        open_risks.sort_by_key(|r| std::cmp::Reverse(r.score));
        let overall = Band::ALL.into_iter().rev().find(|b| by_band.get(*b) > 0);
        Summary {
            progress: Progress::overall(def, assessment),
            overall,
            by_status,
            by_band,
            sections,
            open_risks,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::definition::BandThresholds;

    fn scale(l: usize, i: usize, low_max: u32, medium_max: u32) -> RiskScale {
        RiskScale {
            likelihood: (1..=l).map(|n| n.to_string()).collect(),
            impact: (1..=i).map(|n| n.to_string()).collect(),
            bands: BandThresholds { low_max, medium_max },
            ..RiskScale::default()
        }
    }

    fn answer(status: Status, likelihood: Option<u8>, impact: Option<u8>) -> Answer {
        Answer { status, likelihood, impact, ..Answer::default() }
    }

    #[test]
    fn every_cell_of_the_default_scale_has_its_band() {
        // score: 1-2 low, 3-4 medium, 6-9 high.
        let s = RiskScale::default();
        let expected = [
            (1, 1, 1, Band::Low),
            (1, 2, 2, Band::Low),
            (2, 1, 2, Band::Low),
            (1, 3, 3, Band::Medium),
            (3, 1, 3, Band::Medium),
            (2, 2, 4, Band::Medium),
            (2, 3, 6, Band::High),
            (3, 2, 6, Band::High),
            (3, 3, 9, Band::High),
        ];
        for (l, i, score, band) in expected {
            assert_eq!(
                s.risk(&answer(Status::NotAchieved, Some(l), Some(i))),
                Some(Risk { score, band }),
                "{l}x{i}"
            );
        }
    }

    #[test]
    fn a_five_by_five_scale_uses_its_own_thresholds() {
        let s = scale(5, 5, 4, 12);
        assert_eq!(s.band(4), Band::Low);
        assert_eq!(s.band(5), Band::Medium);
        assert_eq!(s.band(12), Band::Medium);
        assert_eq!(s.band(15), Band::High);
        assert_eq!(
            s.risk(&answer(Status::NotAssessed, Some(5), Some(5))).map(|r| r.score),
            Some(25)
        );
    }

    #[test]
    fn a_risk_needs_both_ratings() {
        let s = RiskScale::default();
        assert_eq!(s.risk(&answer(Status::NotAchieved, Some(3), None)), None);
        assert_eq!(s.risk(&answer(Status::NotAchieved, None, Some(3))), None);
    }

    #[test]
    fn progress_rounds_down_and_handles_empty() {
        assert_eq!(Progress { assessed: 0, total: 0 }.percent(), 0);
        assert_eq!(Progress { assessed: 2, total: 3 }.percent(), 66);
        assert_eq!(Progress { assessed: 49, total: 50 }.percent(), 98);
        assert_eq!(Progress { assessed: 5, total: 5 }.percent(), 100);
    }
}
