//! A region goes live without a restart: `loket region add FILE` checks a region's
//! definition together with the catalogue records it brings against everything
//! stored, and stores it all in one transaction or nothing at all, naming every
//! problem. The change feed carries it to every running node within seconds.

use crate::audit;
use crate::catalogue::transfer::{TransferError, invalid};
use loket_domain::CatalogueDocument;
use loket_domain::audit::{AuditEvent, AuditResult};
use loket_domain::region::{LabourMarketRegion, RegionStatus};
use loket_store::Store;
use serde::Deserialize;

/// A region file: the region's definition and the catalogue document with the
/// organisations, locations and services its menu draws on (those already in the
/// catalogue need not be repeated).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionFile {
    pub region: LabourMarketRegion,
    #[serde(default)]
    pub catalogue: Option<CatalogueDocument>,
}

/// What `add` stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    pub code: String,
    pub status: RegionStatus,
    pub menu: usize,
    pub services: usize,
    pub organizations: usize,
}

/// Upserts `delta`'s records into `into` by id (areas by code), as an import would.
fn merge(into: &mut CatalogueDocument, delta: &CatalogueDocument) {
    fn upsert<T: Clone, K: PartialEq>(list: &mut Vec<T>, new: &[T], key: impl Fn(&T) -> K) {
        for item in new {
            match list.iter_mut().find(|x| key(x) == key(item)) {
                Some(slot) => *slot = item.clone(),
                None => list.push(item.clone()),
            }
        }
    }
    upsert(&mut into.taxonomies, &delta.taxonomies, |t| t.id.clone());
    upsert(&mut into.taxonomy_terms, &delta.taxonomy_terms, |t| {
        t.id.clone()
    });
    upsert(&mut into.regions, &delta.regions, |r| r.code.clone());
    upsert(&mut into.municipalities, &delta.municipalities, |m| {
        m.code.clone()
    });
    upsert(&mut into.organizations, &delta.organizations, |o| {
        o.id.clone()
    });
    upsert(&mut into.locations, &delta.locations, |l| l.id.clone());
    upsert(&mut into.services, &delta.services, |s| s.id.clone());
}

/// The file's problems against the stored catalogue: every one, named.
fn check(stored: &CatalogueDocument, file: &RegionFile) -> Vec<String> {
    let mut problems = Vec::new();
    if stored
        .labour_market_regions
        .iter()
        .any(|r| r.code == file.region.code)
    {
        problems.push(format!(
            "region ({}): field `code`: a region with this code already exists",
            file.region.code
        ));
    }
    let mut merged = stored.clone();
    merged
        .labour_market_regions
        .retain(|r| r.code != file.region.code);
    if let Some(delta) = &file.catalogue {
        merged.format = delta.format.clone();
        merged.version = delta.version;
        merge(&mut merged, delta);
    }
    merged.labour_market_regions.push(file.region.clone());
    let last = merged.labour_market_regions.len() - 1;
    let own = format!("labour_market_regions[{last}]");
    problems.extend(merged.validate().into_iter().map(|e| {
        let text = e.to_string();
        match text.strip_prefix(&own) {
            Some(rest) => format!("region{rest}"),
            None => text,
        }
    }));
    problems
}

/// Adds the region in `text` (a region file; `source_name` names it in messages).
pub async fn add(store: &dyn Store, source_name: &str, text: &str) -> Result<Added, TransferError> {
    let outcome = add_checked(store, source_name, text).await;
    let event = AuditEvent {
        action: "region.add".into(),
        object: outcome
            .as_ref()
            .map_or_else(|_| source_name.to_string(), |a| a.code.clone()),
        result: if outcome.is_ok() {
            AuditResult::Success
        } else {
            AuditResult::Failed
        },
        origin: "cli".into(),
        actor: "operator".into(),
        subject: None,
        activity: None,
    };
    audit::append(store, event).await;
    outcome
}

async fn add_checked(
    store: &dyn Store,
    source_name: &str,
    text: &str,
) -> Result<Added, TransferError> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let file: RegionFile = serde_path_to_error::deserialize(de)
        .map_err(|e| invalid(source_name, vec![format!("{}: {}", e.path(), e.inner())]))?;
    let stored = store.load().await?;
    let problems = check(&stored, &file);
    if !problems.is_empty() {
        return Err(invalid(source_name, problems));
    }
    let mut delta = file
        .catalogue
        .clone()
        .unwrap_or_else(CatalogueDocument::empty);
    delta.labour_market_regions = vec![file.region.clone()];
    store
        .import(&delta)
        .await
        .map_err(|error| TransferError::Refused {
            source_name: source_name.to_string(),
            error,
        })?;
    Ok(Added {
        code: file.region.code.clone(),
        status: file.region.status,
        menu: file.region.menu.len(),
        services: delta.services.len(),
        organizations: delta.organizations.len(),
    })
}

/// Every region, by code.
pub async fn list(store: &dyn Store) -> Result<Vec<LabourMarketRegion>, TransferError> {
    let mut regions = store.load().await?.labour_market_regions;
    regions.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(regions)
}

/// Puts a region live or back to draft. A region goes live only when it is complete
/// (a generalist for the front door's fallback, among the rest of the rules).
pub async fn set_status(
    store: &dyn Store,
    code: &str,
    status: RegionStatus,
) -> Result<LabourMarketRegion, TransferError> {
    let mut doc = store.load().await?;
    let Some(region) = doc
        .labour_market_regions
        .iter_mut()
        .find(|r| r.code == code)
    else {
        return Err(invalid(
            code,
            vec![format!(
                "region ({code}): field `code`: no region with this code"
            )],
        ));
    };
    region.status = status;
    let changed = region.clone();
    let problems: Vec<String> = doc
        .validate()
        .into_iter()
        .map(|e| e.to_string())
        .filter(|e| e.contains(&format!("({code})")))
        .collect();
    if !problems.is_empty() {
        return Err(invalid(code, problems));
    }
    let version = store.current_version("labour_market_region", code).await?;
    store.save_region(&changed, version, "operator").await?;
    let event = AuditEvent {
        action: "region.set-status".into(),
        object: format!("{code} {}", status.as_str()),
        result: AuditResult::Success,
        origin: "cli".into(),
        actor: "operator".into(),
        subject: None,
        activity: None,
    };
    audit::append(store, event).await;
    Ok(changed)
}
