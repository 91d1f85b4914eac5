//! Setting a target (checked by the domain, every change kept) and reading the
//! targets in force and a target's history.

use crate::audit::web_event;
use crate::{App, AppError, AppResult};
use loket_domain::audit::AuditResult;
use loket_domain::monitoring::target::{self, Target, TargetInput, TargetScope};
use loket_domain::search::CatalogueIndex;
use loket_store::monitoring::TargetRecord;

/// Whether a target's region, organisation, service or programme exists.
pub fn scope_exists(app: &App, idx: &CatalogueIndex, scope: &TargetScope) -> bool {
    match scope {
        TargetScope::Network => true,
        TargetScope::Region(code) => idx.regions.get(code).is_some(),
        TargetScope::Organisation(id) => idx.organization(id).is_some(),
        TargetScope::Service(id) => idx.service(id).is_some(),
        TargetScope::Programme(code) => app.programmes.iter().any(|p| &p.code == code),
    }
}

/// Checks and records a target; every problem at once as [`AppError::Invalid`],
/// and then nothing is stored.
pub async fn set(app: &App, input: &TargetInput, actor: &str) -> AppResult<Target> {
    let idx = app.index();
    let checked = target::check(input, &app.indicators, |s| scope_exists(app, &idx, s))
        .map_err(AppError::Invalid)?;
    app.store
        .set_target(&checked, actor, app.clock.unix())
        .await?;
    app.record_audit(web_event(
        "target.set",
        format!(
            "target/{}/{}/{}",
            checked.indicator,
            checked.scope.code(),
            checked.year
        ),
        AuditResult::Success,
        actor,
    ))
    .await;
    Ok(checked)
}

/// The targets in force for a year.
pub async fn in_force(app: &App, year: i32) -> AppResult<Vec<TargetRecord>> {
    Ok(app.store.targets(year).await?)
}

/// Every value one target had, the newest first.
pub async fn history(
    app: &App,
    indicator: &str,
    scope: &TargetScope,
    year: i32,
) -> AppResult<Vec<TargetRecord>> {
    Ok(app
        .store
        .target_history(indicator, &scope.code(), year)
        .await?)
}
