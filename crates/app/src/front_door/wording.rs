//! The coordinator's wording of the front-door questions: the structure stays
//! in the shipped flow, the texts are versioned (`record_versions` of entity
//! `front_door_flow`); a save from an old version is a conflict. Every node
//! picks the new wording up from the change feed.

use crate::audit::web_event;
use crate::{App, AppError, AppResult};
use loket_domain::audit::AuditResult;
use loket_routing::Flow;
use loket_store::StoreError;

/// The version a wording is at (0: the shipped texts); `scope` is a region's code
/// or [`crate::DEPLOYMENT_WORDING`].
pub async fn version(app: &App, scope: &str) -> AppResult<i64> {
    Ok(app.store.latest_flow(scope).await?.map_or(0, |(v, _)| v))
}

/// Saves an edited flow if nobody saved since `expected`; `language` names
/// the language edited, for the log. Answers the new version.
pub async fn save(
    app: &App,
    scope: &str,
    edited: &Flow,
    expected: i64,
    language: &str,
    actor: &str,
) -> AppResult<i64> {
    let doc = serde_json::to_string_pretty(edited)
        .map_err(|e| AppError::from(StoreError::Corrupt(e.to_string())))?;
    if let Err(e) = Flow::parse(&doc) {
        tracing::error!(error = %e, "an edited flow did not validate");
        return Err(StoreError::Corrupt(e.to_string()).into());
    }
    let version = app.store.save_flow(scope, &doc, expected, actor).await?;
    app.record_audit(web_event(
        "front-door.update",
        format!("front-door {scope} v{version} ({language})"),
        AuditResult::Success,
        actor,
    ))
    .await;
    let _ = app.refresh().await;
    Ok(version)
}
