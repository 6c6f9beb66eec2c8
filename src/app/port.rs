//! The storage the widget keeps its assessments in, seen as a port: four calls and the errors
//! they can give. `src/ui/storage.rs` implements it for the browser's `localStorage`;
//! [`super::memory::MemoryStorage`] implements it in memory, for native tests, and can be told
//! to fail as a browser does.

use super::StorageError;

/// Why storage refused a call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PortError {
    /// Storage is full (the browser's `QuotaExceededError`).
    QuotaExceeded,
    /// Storage cannot be used at all: blocked by the browser's settings, or not there.
    Blocked,
    /// Refused for another reason; `name` is the name the browser gave, when it gave one.
    Refused { name: Option<String> },
}

impl From<PortError> for StorageError {
    /// What the page says of a refused write.
    fn from(error: PortError) -> StorageError {
        let reason = match error {
            PortError::Blocked => return StorageError::Unavailable,
            PortError::QuotaExceeded => "this browser's storage is full".into(),
            PortError::Refused { name: Some(name) } => {
                format!("the browser refused to save ({name})")
            }
            PortError::Refused { name: None } => "the browser refused to save".into(),
        };
        StorageError::Refused { reason }
    }
}

/// A key-value store of text, shared by every tab of the origin.
pub trait StoragePort {
    /// The text stored under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, PortError>;
    /// Stores `value` under `key`, replacing what was there.
    fn set(&self, key: &str, value: &str) -> Result<(), PortError>;
    /// Removes `key`; removing a key that is not there is not an error.
    fn remove(&self, key: &str) -> Result<(), PortError>;
    /// Every key stored, in no particular order.
    fn keys(&self) -> Result<Vec<String>, PortError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_refusal_reads_as_the_page_says_it() {
        let reason = |e: PortError| match StorageError::from(e) {
            StorageError::Refused { reason } => reason,
            other => panic!("{other:?}"),
        };
        assert_eq!(reason(PortError::QuotaExceeded), "this browser's storage is full");
        let named = PortError::Refused { name: Some("SecurityError".into()) };
        assert_eq!(reason(named), "the browser refused to save (SecurityError)");
        assert_eq!(reason(PortError::Refused { name: None }), "the browser refused to save");
        assert_eq!(StorageError::from(PortError::Blocked), StorageError::Unavailable);
    }
}
