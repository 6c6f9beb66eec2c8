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
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_checklist_validates_and_is_substantial() {
        let def = ChecklistDefinition::from_json(DEFAULT_CHECKLIST_JSON)
            .expect("default checklist is valid");
        assert_eq!(def.title, "Social media and collaboration tool risk checklist");
        assert!(def.sections.len() >= 10, "{} sections", def.sections.len());
        assert!(def.item_count() >= 50, "{} items", def.item_count());
        assert_eq!(def.scale, Default::default());
        for (_, item) in def.items() {
            assert!(
                !item.why.trim().is_empty() && !item.good.trim().is_empty(),
                "{} lacks guidance",
                item.id
            );
        }
    }
}
