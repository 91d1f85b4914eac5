//! The saved versions of a catalogue record, newest first, with who saved each
//! (an account's name, or the import).

use crate::{App, AppResult};
use loket_store::RecordVersion;

/// A version and the name of whoever saved it (`None`: the account is gone or
/// has no name; `"import"` versions have no account).
pub struct Saved {
    pub version: RecordVersion,
    pub by: Option<String>,
}

pub async fn versions(app: &App, entity: &str, id: &str) -> AppResult<Vec<Saved>> {
    let mut out = Vec::new();
    for version in app.store.versions(entity, id).await? {
        let by = if version.actor == "import" {
            None
        } else {
            match app.store.account(&version.actor).await? {
                Some((a, _)) if !a.display_name.is_empty() => Some(a.display_name),
                _ => None,
            }
        };
        out.push(Saved { version, by });
    }
    Ok(out)
}

/// The version a location or taxonomy term is at (its edit form carries it).
pub async fn current_version(app: &App, entity: &str, id: &str) -> AppResult<i64> {
    Ok(app.store.current_version(entity, id).await?)
}

/// A service as stored (the index may be a second behind).
pub async fn stored_service(app: &App, id: &str) -> AppResult<Option<loket_domain::Service>> {
    Ok(app.store.service(id).await?)
}
