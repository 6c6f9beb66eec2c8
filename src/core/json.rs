//! Helpers for reading JSON that comes from outside: serde_json's message without its position,
//! and text from a file shortened before it is quoted in a message.
//!
//! They sit below every other core module, so a definition, an upgrade and a document all
//! report a bad file in the same words without depending on one another.

/// serde_json's message without the " at line L column C" it ends with: the position is
/// reported on its own.
pub fn without_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// Shortens text from a file before it goes into a message.
pub fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        out.push('…');
    }
    out
}
