//! Versioned saves of catalogue records, written once: the store saves only
//! when nobody saved since the version the editor read (else
//! [`AppError::Conflict`]), the audit log records who made which version, and
//! this node's catalogue index is rebuilt at once (the others follow the
//! change feed within a second).

use crate::{App, AppError, AppResult};
use chrono::{DateTime, Utc};
use loket_domain::audit::AuditResult;
use loket_domain::{Location, Service, TaxonomyTerm};

/// A record to save, with the version its editor read.
pub enum Edit<'a> {
    /// A service edited in the staff area; versions are its `last_modified`.
    Service {
        service: &'a Service,
        expected: DateTime<Utc>,
    },
    /// A service confirmed as still correct (`assured_date` set to today).
    Confirmation {
        service: &'a Service,
        expected: DateTime<Utc>,
    },
    Location {
        location: &'a Location,
        expected: i64,
    },
    Term {
        term: &'a TaxonomyTerm,
        expected: i64,
    },
}

impl Edit<'_> {
    fn action(&self) -> &'static str {
        match self {
            Edit::Service { .. } => "service.update",
            Edit::Confirmation { .. } => "service.confirm",
            Edit::Location { .. } => "location.update",
            Edit::Term { .. } => "taxonomy-term.update",
        }
    }

    fn object(&self) -> String {
        match self {
            Edit::Service { service, .. } | Edit::Confirmation { service, .. } => {
                format!("service/{}", service.id)
            }
            Edit::Location { location, .. } => format!("location/{}", location.id),
            Edit::Term { term, .. } => format!("taxonomy_term/{}", term.id),
        }
    }
}

/// Saves the edit; answers the new version number.
pub async fn save(app: &App, edit: Edit<'_>, actor: &str) -> AppResult<i64> {
    let store = app.store.as_ref();
    let saved = match &edit {
        Edit::Service { service, expected } | Edit::Confirmation { service, expected } => {
            store.save_service(service, *expected, actor).await
        }
        Edit::Location { location, expected } => {
            store.save_location(location, *expected, actor).await
        }
        Edit::Term { term, expected } => store.save_term(term, *expected, actor).await,
    };
    let version = saved.map_err(AppError::from)?;
    app.record_audit(crate::audit::web_event(
        edit.action(),
        format!("{} v{version}", edit.object()),
        AuditResult::Success,
        actor,
    ))
    .await;
    if let Err(e) = app.refresh().await {
        tracing::warn!(error = %e, "refreshing the index after an edit failed; the poller will");
    }
    Ok(version)
}

/// The service as confirmed today: `assured_date` is today, and its version
/// (`last_modified`) moves on by at least a second so it is a new version.
pub fn confirmed(app: &App, stored: &Service) -> Service {
    let mut confirmed = stored.clone();
    confirmed.assured_date = Some(app.clock.today());
    let at = app.clock.unix().max(stored.last_modified.timestamp() + 1);
    confirmed.last_modified = DateTime::from_timestamp(at, 0).unwrap_or_default();
    confirmed
}
