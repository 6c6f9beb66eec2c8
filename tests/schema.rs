//! The committed JSON Schemas in schemas/ must match the Rust types they describe.
//! After changing a type, regenerate them with `UPDATE_SCHEMAS=1 cargo test --test schema`.
#![cfg(not(target_arch = "wasm32"))]

use risk_checklist::core::{ChecklistDefinition, Document};
use std::path::Path;

fn check(file: &str, schema: schemars::Schema) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas").join(file);
    let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    if std::env::var_os("UPDATE_SCHEMAS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schemas/{file} is out of date: run UPDATE_SCHEMAS=1 cargo test --test schema"
    );
}

#[test]
fn the_export_schema_matches_the_types() {
    check("assessment-export.schema.json", schemars::schema_for!(Document));
}

#[test]
fn the_definition_schema_matches_the_types() {
    check("checklist-definition.schema.json", schemars::schema_for!(ChecklistDefinition));
}

#[test]
fn every_field_the_default_checklist_uses_is_in_the_definition_schema() {
    // The schema refuses other fields (additionalProperties: false at each level), so a field the
    // shipped checklist uses but the schema lacks would make the checklist invalid against it.
    let schema = serde_json::to_value(schemars::schema_for!(ChecklistDefinition)).unwrap();
    let fields = |props: &serde_json::Value| {
        props.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()).unwrap_or_default()
    };
    let (top, section, item) = (
        fields(&schema["properties"]),
        fields(&schema["$defs"]["Section"]["properties"]),
        fields(&schema["$defs"]["Item"]["properties"]),
    );
    let scale = fields(&schema["$defs"]["RiskScale"]["properties"]);
    let def: serde_json::Value =
        serde_json::from_str(risk_checklist::core::default_checklist::DEFAULT_CHECKLIST_JSON)
            .unwrap();
    let used = |v: &serde_json::Value| {
        v.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()).unwrap_or_default()
    };
    let mut checked = 0;
    for k in used(&def) {
        assert!(top.contains(&k), "the default checklist uses {k:?}, which the schema lacks");
    }
    for k in used(&def["scale"]) {
        assert!(scale.contains(&k), "scale.{k}");
    }
    for sec in def["sections"].as_array().unwrap() {
        for k in used(sec) {
            assert!(section.contains(&k), "sections[].{k}");
        }
        for it in sec["items"].as_array().unwrap() {
            for k in used(it) {
                assert!(item.contains(&k), "items[].{k}");
                checked += 1;
            }
        }
    }
    assert!(checked > 150, "the default checklist's items were read ({checked} fields)");
    assert_eq!(schema["additionalProperties"], false);
}
