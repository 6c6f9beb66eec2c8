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
    assert!(committed == generated, "schemas/{file} is out of date: run UPDATE_SCHEMAS=1 cargo test --test schema");
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
fn the_default_checklist_is_valid_against_its_schema_shape() {
    // The schema names every field the default checklist uses (deny_unknown_fields both sides).
    let schema = serde_json::to_value(schemars::schema_for!(ChecklistDefinition)).unwrap();
    let props = schema["properties"].as_object().unwrap();
    for field in ["id", "version", "title", "description", "scale", "sections"] {
        assert!(props.contains_key(field), "{field}");
    }
    assert_eq!(schema["additionalProperties"], false);
}
