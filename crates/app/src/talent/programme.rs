//! The programme staff's and employers' smaller actions: Employer Board
//! membership per year (€10,000), the year's placement target, and closing a
//! vacancy (it leaves the public list and matching).

use crate::audit::web_event;
use crate::{App, AppError, AppResult};
use loket_domain::audit::AuditResult;
use loket_domain::talent::employer::BoardMembership;
use loket_domain::talent::vacancy::VacancyStatus;
use loket_store::StoreError;
use loket_store::talent::VacancyRecord;

/// Records an employer's Employer Board membership for a year; an unknown
/// employer is [`AppError::NotFound`].
pub async fn set_board_membership(
    app: &App,
    employer_id: &str,
    membership: &BoardMembership,
    actor: &str,
) -> AppResult<()> {
    match app
        .store
        .set_board_membership(employer_id, membership)
        .await
    {
        Ok(()) => {}
        Err(StoreError::Rejected { .. }) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    }
    app.record_audit(web_event(
        "employer.board",
        format!("employer/{employer_id}"),
        AuditResult::Success,
        actor,
    ))
    .await;
    Ok(())
}

/// Sets the expected placements of a year (the coordinator's target).
pub async fn set_placement_target(app: &App, year: i32, expected: u32) -> AppResult<()> {
    Ok(app
        .store
        .set_placement_target(year, expected, app.clock.unix())
        .await?)
}

/// Closes a vacancy. Closing one that changed meanwhile is no conflict for the
/// employer: it was meant to close either way.
pub async fn close_vacancy(app: &App, v: &VacancyRecord, actor: &str) -> AppResult<()> {
    let at = app.clock.unix();
    match app
        .store
        .update_vacancy(&v.id, v.version, &v.details, VacancyStatus::Closed, at)
        .await
    {
        Ok(_) | Err(StoreError::Conflict(_)) => {}
        Err(e) => return Err(e.into()),
    }
    app.record_audit(web_event(
        "vacancy.close",
        format!("vacancy/{}", v.id),
        AuditResult::Success,
        actor,
    ))
    .await;
    Ok(())
}
