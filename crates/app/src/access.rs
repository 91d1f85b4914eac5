//! The facts the web tier's authorization layer needs about the record a path
//! names: which employer a vacancy or introduction belongs to, whether an
//! account acts for an employer, and the parties of a referral. `None`: the
//! path names nothing that exists. The decision itself is the domain's policy.

use crate::{App, AppResult};

/// The employer with this id, if it exists.
pub async fn employer(app: &App, id: &str) -> AppResult<Option<String>> {
    Ok(app.store.employer(id).await?.map(|e| e.id))
}

/// The employer a vacancy belongs to.
pub async fn employer_of_vacancy(app: &App, vacancy_id: &str) -> AppResult<Option<String>> {
    Ok(app.store.vacancy(vacancy_id).await?.map(|v| v.employer_id))
}

/// The vacancy an introduction is for.
pub async fn vacancy_of_introduction(app: &App, id: &str) -> AppResult<Option<String>> {
    Ok(app.store.introduction(id).await?.map(|i| i.vacancy_id))
}

/// Whether the account acts for this employer.
pub async fn acts_for_employer(app: &App, account_id: &str, employer_id: &str) -> AppResult<bool> {
    Ok(app
        .store
        .employers_of_account(account_id)
        .await?
        .iter()
        .any(|e| e.id == employer_id))
}

/// The organisations party to a referral: the sender (when not the front
/// door) and the receiver.
pub async fn referral_parties(app: &App, id: &str) -> AppResult<Option<Vec<String>>> {
    Ok(app.store.referral(id).await?.map(|r| {
        r.sender_org()
            .into_iter()
            .map(str::to_string)
            .chain([r.receiver_org.clone()])
            .collect()
    }))
}

/// The organisation that organises an event.
pub async fn organiser_of_event(app: &App, id: &str) -> AppResult<Option<String>> {
    Ok(app.store.event(id).await?.map(|e| e.organisation_id))
}

/// The organisation that organises the event of a date.
pub async fn organiser_of_event_date(app: &App, id: &str) -> AppResult<Option<String>> {
    match app.store.event_date(id).await? {
        Some(d) => organiser_of_event(app, &d.event_id).await,
        None => Ok(None),
    }
}

/// Whether the database answers and every migration is applied (`/readyz`),
/// and which backend it is.
pub async fn readiness(app: &App) -> (loket_store::Readiness, &'static str) {
    (app.store.readiness().await, app.store.backend())
}
