//! The checklist shipped in the app: "Social media and collaboration tool risk checklist".
//!
//! Its text lives in `default_checklist.json`, in the same format an organisation uses for its
//! own checklist, and is compiled into the binary.

use super::definition::ChecklistDefinition;

/// The JSON text of the default checklist.
pub const DEFAULT_CHECKLIST_JSON: &str = include_str!("default_checklist.json");

/// The default checklist. A test proves it parses and validates, so the fallback below is
/// unreachable in a tested build; it exists so that no path in the app can panic.
pub fn default_checklist() -> ChecklistDefinition {
    ChecklistDefinition::from_json(DEFAULT_CHECKLIST_JSON).unwrap_or_else(|_| ChecklistDefinition {
        id: "empty".into(),
        version: "0".into(),
        title: "Checklist unavailable".into(),
        description: String::new(),
        questions: Vec::new(),
        scale: Default::default(),
        sections: Vec::new(),
        changes: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_checklist_validates_with_scope_questions_and_described_levels() {
        let def = ChecklistDefinition::from_json(DEFAULT_CHECKLIST_JSON)
            .expect("default checklist is valid");
        assert_eq!(def.title, "Social media and collaboration tool risk checklist");
        assert_eq!(def.version, "2.1.0");
        // Counts per part and per typical assessment are in tests/default_checklist.rs.
        assert!((6..=10).contains(&def.sections.len()), "{} sections", def.sections.len());
        assert!(def.questions.len() >= 6, "{} questions", def.questions.len());
        // The ICO DPIA 3 x 3 scale, each level described so that two teams rate alike.
        let plain = super::super::definition::RiskScale::default();
        assert_eq!(
            (&def.scale.likelihood, &def.scale.impact, def.scale.bands),
            (&plain.likelihood, &plain.impact, plain.bands)
        );
        assert_eq!(def.scale.likelihood_descriptions.len(), 3);
        assert_eq!(def.scale.impact_descriptions.len(), 3);
    }
}
