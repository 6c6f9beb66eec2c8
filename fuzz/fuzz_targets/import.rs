//! Feeds arbitrary bytes to every reader of outside data: the importer must never panic,
//! and whatever it accepts must export and read back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use risk_checklist::core::{ChecklistDefinition, Document, StoredAssessment};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = ChecklistDefinition::from_json(text);
    let _ = StoredAssessment::from_json(text);
    if let Ok(doc) = Document::from_json(text) {
        let again = Document::from_json(&doc.to_json());
        assert_eq!(
            again.as_ref().ok(),
            Some(&doc),
            "an accepted file must survive export and import"
        );
        let _ = risk_checklist::core::report::csv_report(&doc.definition, &doc.assessment);
        let _ = risk_checklist::core::report::html_report(
            &doc.definition,
            &doc.assessment,
            &doc.exported,
        );
    }
});
