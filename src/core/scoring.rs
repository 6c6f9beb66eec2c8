//! Scoring: risk score and band, progress, counts and the ranked list of open risks.
//!
//! Only items in scope count: an item whose section or own condition is answered out of scope
//! leaves every figure (its answer is kept, and counts again once it is back in scope).

use super::assessment::{Answer, Assessment, Status};
use super::definition::{
    ChecklistDefinition, Item, ItemId, QuestionId, RiskScale, Section, SectionId,
};
use super::words;
use serde::{Deserialize, Serialize};

/// A risk band. Shown with its name as text everywhere, never by colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Risk {
    pub score: u32,
    pub band: Band,
}

impl Risk {
    /// The risk in words, `High (9)`.
    pub fn text(self) -> String {
        words::risk_text(self.band.label(), self.score)
    }

    /// An item's risk line, `Risk: High (score 9)`, or `Risk: not rated` without one.
    pub fn line(risk: Option<Risk>) -> String {
        words::item_risk(risk.map(|r| (r.band.label(), r.score)))
    }
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Progress {
    pub assessed: usize,
    pub total: usize,
}

impl Progress {
    /// Whole percent, rounded down so 100 means really complete.
    pub fn percent(self) -> u8 {
        (self.assessed * 100).checked_div(self.total).map_or(0, |p| p as u8)
    }

    /// A section's progress over its items in scope; nothing to do when it is out of scope.
    pub fn of_section(section: &Section, assessment: &Assessment) -> Progress {
        let scope = &assessment.scope;
        if !section.applies(scope) {
            return Progress::default();
        }
        section.items.iter().filter(|i| i.applies(scope)).fold(Progress::default(), |p, i| {
            Progress {
                assessed: p.assessed + usize::from(assessment.answer(&i.id).status.is_assessed()),
                total: p.total + 1,
            }
        })
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SectionSummary {
    pub section: SectionId,
    pub title: String,
    /// Progress over the section's items in scope.
    pub progress: Progress,
    /// The worst band among the section's open risks in scope.
    pub worst: Option<Band>,
    /// The section's open items in scope without both ratings (not written into an export,
    /// like [`Summary::unrated`]; the summary's counts keep the total).
    #[serde(skip)]
    pub unrated: usize,
    /// Why the whole section is out of scope (the questions answered No), when it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_of_scope: Option<String>,
}

impl SectionSummary {
    /// The section's rating as a reader says it, as [`Summary::overall_rating`] does for the
    /// whole assessment: a section with items plainly not achieved never reads "none".
    pub fn rating(&self) -> OverallRating {
        OverallRating::of(self.worst, self.unrated)
    }

    /// One section's progress and worst open risk, without building the rest of a [`Summary`]:
    /// the section list shows this on every change.
    pub fn of(
        def: &ChecklistDefinition,
        section: &Section,
        assessment: &Assessment,
    ) -> SectionSummary {
        let scope = &assessment.scope;
        let (mut worst, mut unrated) = (None, 0);
        let answers = section
            .items
            .iter()
            .filter(|item| section.applies(scope) && item.applies(scope))
            .map(|item| assessment.answer(&item.id));
        for answer in answers {
            match def.scale.risk(answer) {
                Some(risk) if is_open(answer) => worst = worst.max(Some(risk.band)),
                None if is_open_unrated(answer) => unrated += 1,
                _ => {}
            }
        }
        SectionSummary {
            section: section.id.clone(),
            title: section.title.clone(),
            progress: Progress::of_section(section, assessment),
            worst,
            unrated,
            out_of_scope: def
                .section_out_of_scope(section, scope)
                .map(|out| def.scope_reason(&out)),
        }
    }
}

/// Counts of items by status, in [`Status::ALL`] order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// Counts of open risks by band, and of open items not yet rated.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BandCounts {
    pub low: usize,
    pub medium: usize,
    pub high: usize,
    /// Open items (not achieved or partially achieved) without both ratings.
    #[serde(default)]
    pub unrated: usize,
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

/// An item as the summary's lists name it: where it stands, its ratings when given, and who
/// is doing what about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ListedItem {
    pub item: ItemId,
    pub section: SectionId,
    pub title: String,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub likelihood: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub impact: Option<u8>,
    /// The risk, once both likelihood and impact are rated.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub risk: Option<Risk>,
    #[serde(skip_serializing_if = "String::is_empty", default)]
    pub owner: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub due: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty", default)]
    pub action: String,
}

impl ListedItem {
    fn of(scale: &RiskScale, section: &Section, item: &Item, answer: &Answer) -> ListedItem {
        ListedItem {
            item: item.id.clone(),
            section: section.id.clone(),
            title: item.title.clone(),
            status: answer.status,
            likelihood: answer.likelihood,
            impact: answer.impact,
            risk: scale.risk(answer),
            owner: answer.owner.clone(),
            due: answer.due.clone(),
            action: answer.action.clone(),
        }
    }
}

/// An item out of scope, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OutOfScopeItem {
    pub item: ItemId,
    pub section: SectionId,
    pub title: String,
    /// The questions answered No that put it out of scope, as read: "Paid promotion? No".
    pub reason: String,
    /// The ids of those questions.
    pub questions: Vec<QuestionId>,
}

/// What the overall rating says, for a reader that words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverallRating {
    /// The worst band among open, rated risks.
    Band(Band),
    /// Items are open but none is rated: "3 open items not rated".
    NotRated { open: usize },
    /// Nothing open.
    NoOpenRisks,
}

impl OverallRating {
    /// The rating of a worst band and a count of open items not rated.
    pub fn of(worst: Option<Band>, unrated: usize) -> OverallRating {
        match worst {
            Some(band) => OverallRating::Band(band),
            None if unrated > 0 => OverallRating::NotRated { open: unrated },
            None => OverallRating::NoOpenRisks,
        }
    }

    pub fn label(self) -> String {
        match self {
            OverallRating::Band(band) => band.label().to_owned(),
            OverallRating::NotRated { open: 1 } => "1 open item not rated".to_owned(),
            OverallRating::NotRated { open } => format!("{open} open items not rated"),
            OverallRating::NoOpenRisks => "No open risks".to_owned(),
        }
    }
}

/// Everything computed from an assessment, as shown in the widget and written into exports.
/// Every figure counts the items in scope only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Summary {
    pub progress: Progress,
    /// The worst band among open risks; `None` when no open risk is rated (see
    /// [`Summary::overall_rating`] for open items not rated).
    pub overall: Option<Band>,
    pub by_status: StatusCounts,
    /// Open risks by band, and open items not rated.
    pub by_band: BandCounts,
    pub sections: Vec<SectionSummary>,
    /// Open risks, highest score first, then in checklist order.
    pub open_risks: Vec<OpenRisk>,
    /// Open items (not achieved or partially achieved) without both ratings, in checklist
    /// order: shown after the rated open risks, marked as not rated.
    ///
    /// This list and the three below are not written into an export (its summary keeps the
    /// counts): the reports list them, a reader recomputes the summary anyway, and writing
    /// them would add about 2 KB gzip of serialising code to the widget.
    #[serde(skip)]
    pub unrated: Vec<ListedItem>,
    /// Baseline items in scope not yet achieved (not assessed, not achieved or partially
    /// achieved), in checklist order: what remains before going live.
    #[serde(skip)]
    pub before_go_live: Vec<ListedItem>,
    /// Open items rated at the highest impact level, whatever their band (remote x severe is
    /// medium on the default scale): the risk owner accepts each explicitly. Checklist order.
    #[serde(skip)]
    pub needs_acceptance: Vec<ListedItem>,
    /// Items out of scope, with why, in checklist order. Their answers are kept.
    #[serde(skip)]
    pub out_of_scope: Vec<OutOfScopeItem>,
}

/// True when an answer is a risk still to manage: neither achieved nor not applicable. Callers
/// check that it is rated; a rated item not yet given a status counts, to be safe.
pub fn is_open(answer: &Answer) -> bool {
    !matches!(answer.status, Status::Achieved | Status::NotApplicable)
}

/// True when an answer without both ratings is still an open item: found not achieved or
/// partially achieved. (An item not yet assessed and not rated is to assess, not open.)
pub fn is_open_unrated(answer: &Answer) -> bool {
    matches!(answer.status, Status::NotAchieved | Status::PartiallyAchieved)
}

/// True when an open item's due date is already past on `today` (`YYYY-MM-DD`): marked
/// "Overdue". An item achieved or not applicable is never overdue.
pub fn is_overdue(answer: &Answer, today: &str) -> bool {
    is_open_unrated(answer)
        && answer.due.as_deref().is_some_and(|due| super::time::is_past(due, today))
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
            unrated: Vec::new(),
            before_go_live: Vec::new(),
            needs_acceptance: Vec::new(),
            out_of_scope: Vec::new(),
        }
    }

    /// The overall rating as a reader says it: the worst band, or how many open items are
    /// not rated when none is, or that nothing is open.
    pub fn overall_rating(&self) -> OverallRating {
        OverallRating::of(self.overall, self.by_band.unrated)
    }

    pub fn of(def: &ChecklistDefinition, assessment: &Assessment) -> Summary {
        let scope = &assessment.scope;
        let top_impact = def.scale.top_impact();
        let mut by_status = StatusCounts::default();
        let mut by_band = BandCounts::default();
        let mut open_risks = Vec::new();
        let mut unrated = Vec::new();
        let mut before_go_live = Vec::new();
        let mut needs_acceptance = Vec::new();
        let mut out_of_scope = Vec::new();
        let mut sections = Vec::with_capacity(def.sections.len());
        for section in &def.sections {
            for item in &section.items {
                let answer = assessment.answer(&item.id);
                if let Some(out) = def.out_of_scope(section, item, scope) {
                    out_of_scope.push(OutOfScopeItem {
                        item: item.id.clone(),
                        section: section.id.clone(),
                        title: item.title.clone(),
                        reason: def.scope_reason(&out),
                        questions: out.questions,
                    });
                    continue;
                }
                by_status.add(answer.status);
                let listed = || ListedItem::of(&def.scale, section, item, answer);
                if item.baseline && is_open(answer) {
                    before_go_live.push(listed());
                }
                let risk = def.scale.risk(answer);
                let open = match risk {
                    Some(_) => is_open(answer),
                    None => is_open_unrated(answer),
                };
                if open && answer.impact == Some(top_impact) {
                    needs_acceptance.push(listed());
                }
                let Some(risk) = risk.filter(|_| open) else {
                    if open {
                        by_band.unrated += 1;
                        unrated.push(listed());
                    }
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
            unrated,
            before_go_live,
            needs_acceptance,
            out_of_scope,
        }
    }
}

/// The count of open, rated risks in each likelihood x impact cell. Row 0 is the highest
/// likelihood and column 0 the lowest impact, so the grid reads like the usual risk matrix
/// with the worst corner top right. Only the checklist's own items in scope count, as in
/// [`Summary::of`], so the cells add up to its number of open risks.
pub fn heat_map(def: &ChecklistDefinition, a: &Assessment) -> Vec<Vec<usize>> {
    let scale = &def.scale;
    let mut grid = vec![vec![0; scale.impact.len()]; scale.likelihood.len()];
    for (_, item) in def.items_in_scope(&a.scope) {
        let answer = a.answer(&item.id);
        let (Some(l), Some(i)) = (answer.likelihood, answer.impact) else { continue };
        if !is_open(answer) {
            continue;
        }
        let row = scale.likelihood.len().checked_sub(usize::from(l));
        let column = usize::from(i).checked_sub(1);
        // A level off the scale has no cell; reading a file refuses one, so this is defensive.
        if let Some(cell) = row.zip(column).and_then(|(r, c)| grid.get_mut(r)?.get_mut(c)) {
            *cell += 1;
        }
    }
    grid
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

    /// The items needing the owner's acceptance on a 2 x 5 scale, from (status, likelihood,
    /// impact) per item in order.
    fn check_acceptance(answers: &[(Status, Option<u8>, Option<u8>)], expected: &[&str]) {
        let items: Vec<_> = (0..answers.len())
            .map(|n| serde_json::json!({ "id": format!("i{n}"), "title": "I" }))
            .collect();
        let def = ChecklistDefinition::from_json(
            &serde_json::json!({
                "id": "wide", "version": "1", "title": "Wide",
                "scale": { "likelihood": ["1", "2"], "impact": ["1", "2", "3", "4", "5"], "bands": { "low_max": 2, "medium_max": 6 } },
                "sections": [{ "id": "s", "title": "S", "items": items }]
            })
            .to_string(),
        )
        .unwrap();
        let mut a = Assessment::new(crate::core::Timestamp::epoch());
        for (n, (status, likelihood, impact)) in answers.iter().enumerate() {
            a.answers.insert(
                ItemId::new(format!("i{n}")),
                Answer {
                    status: *status,
                    likelihood: *likelihood,
                    impact: *impact,
                    ..Answer::default()
                },
            );
        }
        let found: Vec<String> =
            Summary::of(&def, &a).needs_acceptance.iter().map(|l| l.item.0.clone()).collect();
        assert_eq!(found, expected, "{answers:?}");
    }

    #[test]
    fn the_highest_impact_of_the_scale_needs_acceptance_whatever_the_band() {
        use Status::*;
        check_acceptance(&[(NotAchieved, Some(1), Some(5))], &["i0"]);
        check_acceptance(
            &[(NotAchieved, Some(2), Some(4)), (PartiallyAchieved, None, Some(5))],
            &["i1"],
        );
        // Achieved, not applicable and not assessed without a rating are not open.
        check_acceptance(
            &[
                (Achieved, Some(2), Some(5)),
                (NotApplicable, Some(1), Some(5)),
                (NotAssessed, None, Some(5)),
            ],
            &[],
        );
        // Rated but not yet assessed counts as open, as it does among the open risks.
        check_acceptance(&[(NotAssessed, Some(1), Some(5))], &["i0"]);
    }

    #[test]
    fn progress_rounds_down_and_handles_empty() {
        assert_eq!(Progress { assessed: 0, total: 0 }.percent(), 0);
        assert_eq!(Progress { assessed: 2, total: 3 }.percent(), 66);
        assert_eq!(Progress { assessed: 49, total: 50 }.percent(), 98);
        assert_eq!(Progress { assessed: 5, total: 5 }.percent(), 100);
    }
}
