//! Importing and exporting the whole catalogue (the command line's `loket
//! import` and `loket export`): a document is checked whole and stored in one
//! transaction, or nothing is stored and every record and field at fault is
//! named; an export is the multilingual HSDS-based document or a CSV with one
//! row per service. Imports are written to the audit log, failed ones too.

use crate::audit;
use loket_domain::CatalogueDocument;
use loket_domain::audit::{AuditEvent, AuditResult};
use loket_store::{ImportSummary, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    /// The document is not a valid catalogue: every problem, one a line.
    #[error("{source_name} is not a valid catalogue document ({count} problems):\n{lines}")]
    Invalid {
        source_name: String,
        count: usize,
        lines: String,
    },
    /// The database refused the import (a record named with its field); nothing was stored.
    #[error("{source_name}: nothing was imported: {error}")]
    Refused {
        source_name: String,
        error: StoreError,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("writing the export failed: {0}")]
    Write(String),
}

/// A document's problems, one a line (also for region files, `loket region add`).
pub(crate) fn invalid(source_name: &str, problems: Vec<String>) -> TransferError {
    TransferError::Invalid {
        source_name: source_name.to_string(),
        count: problems.len(),
        lines: problems
            .iter()
            .map(|p| format!("  {p}"))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

fn parse(source_name: &str, text: &str) -> Result<CatalogueDocument, TransferError> {
    CatalogueDocument::parse(text).map_err(|errors| {
        invalid(
            source_name,
            errors.iter().map(ToString::to_string).collect(),
        )
    })
}

/// Imports the document in `text`; `source_name` names it in messages (a path),
/// `object` in the audit log (the file's name).
pub async fn import(
    store: &dyn Store,
    source_name: &str,
    object: &str,
    text: &str,
) -> Result<ImportSummary, TransferError> {
    let outcome = match parse(source_name, text) {
        Ok(doc) => store
            .import(&doc)
            .await
            .map_err(|error| TransferError::Refused {
                source_name: source_name.to_string(),
                error,
            }),
        Err(e) => Err(e),
    };
    let result = if outcome.is_ok() {
        AuditResult::Success
    } else {
        AuditResult::Failed
    };
    let event = AuditEvent {
        action: "catalogue.import".into(),
        object: object.to_string(),
        result,
        origin: "cli".into(),
        actor: "operator".into(),
        subject: None,
        activity: None,
    };
    audit::append(store, event).await;
    outcome
}

/// The whole catalogue as the importable multilingual document (JSON).
pub async fn export_document(store: &dyn Store) -> Result<Vec<u8>, TransferError> {
    let doc = store.load().await?.normalized();
    let mut text =
        serde_json::to_string_pretty(&doc).map_err(|e| TransferError::Write(e.to_string()))?;
    text.push('\n');
    Ok(text.into_bytes())
}

/// The services as UTF-8 CSV, one row a service.
pub async fn export_csv(store: &dyn Store) -> Result<Vec<u8>, TransferError> {
    let doc = store.load().await?.normalized();
    services_csv(&doc)
}

fn services_csv(doc: &CatalogueDocument) -> Result<Vec<u8>, TransferError> {
    let err = |e: csv::Error| TransferError::Write(e.to_string());
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "id",
        "key",
        "organization",
        "status",
        "name_nl",
        "name_en",
        "name_de",
        "name_fr",
        "topics",
        "target_groups",
        "channels",
        "languages",
        "service_areas",
        "assured_date",
        "last_modified",
    ])
    .map_err(err)?;
    for s in &doc.services {
        let org = doc
            .organizations
            .iter()
            .find(|o| o.id == s.organization_id)
            .map(|o| o.name.as_str())
            .unwrap_or("");
        let name = |l| s.name.exact(l).unwrap_or("").to_string();
        use loket_domain::Lang::*;
        let row = [
            s.id.clone(),
            s.key.clone(),
            org.to_string(),
            s.status.as_str().to_string(),
            name(Nl),
            name(En),
            name(De),
            name(Fr),
            s.topics.join(" "),
            s.target_groups.join(" "),
            s.channels.join(" "),
            s.languages.join(" "),
            s.service_areas.join(" "),
            s.assured_date.map(|d| d.to_string()).unwrap_or_default(),
            s.last_modified.to_rfc3339(),
        ];
        w.write_record(
            row.iter()
                .map(|v| loket_domain::spreadsheet::cell(v).into_owned()),
        )
        .map_err(err)?;
    }
    w.into_inner()
        .map_err(|e| TransferError::Write(e.to_string()))
}
