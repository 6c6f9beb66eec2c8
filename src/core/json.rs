//! Helpers for reading JSON that comes from outside: serde_json's message without its position,
//! and text from a file shortened before it is quoted in a message.
//!
//! They sit below every other core module, so a definition, an upgrade and a document all
//! report a bad file in the same words without depending on one another.

/// serde_json's message without the " at line L column C" it ends with: the position is
/// reported on its own.
pub fn without_position(e: &serde_json::Error) -> String {
    let mut text = e.to_string();
    if let Some(at) = text.rfind(" at line ") {
        text.truncate(at);
    }
    plain_types(text)
}

/// The Rust type names in serde's message said as a person would: "expected u32" is "expected
/// a whole number", "expected struct Name with 7 elements" is "expected a JSON object".
fn plain_types(mut text: String) -> String {
    for int in ["u8", "u16", "u32", "u64", "usize"] {
        let rust = format!("expected {int}");
        if text.ends_with(&rust) {
            text.truncate(text.len() - rust.len());
            text.push_str("expected a whole number");
        }
    }
    if let Some(at) = text.find("expected struct ") {
        text.truncate(at);
        text.push_str("expected a JSON object");
    }
    text
}

/// Shortens text from a file before it goes into a message.
pub fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(json: &str) -> String {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Scale {
            levels: u32,
            name: String,
        }
        without_position(&serde_json::from_str::<Scale>(json).unwrap_err())
    }

    #[test]
    fn serde_s_rust_type_names_are_said_in_plain_words() {
        assert_eq!(
            message(r#"{"levels": "4"}"#),
            r#"invalid type: string "4", expected a whole number"#
        );
        assert_eq!(
            message(r#"{"levels": 1e20}"#),
            "invalid type: floating point `1e+20`, expected a whole number"
        );
        assert_eq!(message("[]"), "invalid length 0, expected a JSON object");
        assert_eq!(
            message(r#"{"levels": 4, "name": 5}"#),
            "invalid type: integer `5`, expected a string"
        );
        // The position is reported on its own.
        assert!(!message("{").contains("line"));
    }
}
