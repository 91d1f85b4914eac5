//! A region's coordinator keeps its menu and look: a service joins or leaves the
//! menu (with the partner that contributes it), the header's name, colour and
//! logo change. Each save is versioned (a save from an older version is a conflict),
//! checked by the same rules as an imported region, written to the audit log and
//! carried to every node by the change feed.

use crate::audit::web_event;
use crate::{App, AppError, AppResult};
use loket_domain::audit::AuditResult;
use loket_domain::logo::{LogoError, RegionLogo};
use loket_domain::referral::FieldProblem;
use loket_domain::region::{LabourMarketRegion, MenuEntry};

/// A region as it is now, with its version (for the next save).
pub async fn current(app: &App, code: &str) -> AppResult<(LabourMarketRegion, i64)> {
    let region = app
        .index()
        .regions
        .get(code)
        .cloned()
        .ok_or(AppError::NotFound)?;
    let version = app
        .store
        .current_version("labour_market_region", code)
        .await?;
    Ok((region, version))
}

/// What changes: one menu entry in or out, or the look.
#[derive(Debug, Clone)]
pub enum Change {
    Add {
        service: String,
        contributor: Option<String>,
    },
    Remove {
        service: String,
    },
    Look {
        name: String,
        colour: String,
    },
    /// A new logo from an uploaded file's bytes, or none (the name alone).
    Logo(Option<Vec<u8>>),
}

/// Applies `change` to region `code` if nobody saved since `expected`; answers the new version.
pub async fn change(
    app: &App,
    code: &str,
    change: Change,
    expected: i64,
    actor: &str,
) -> AppResult<i64> {
    let idx = app.index();
    let mut region = idx.regions.get(code).cloned().ok_or(AppError::NotFound)?;
    let what = match &change {
        Change::Add {
            service,
            contributor,
        } => {
            let s = idx
                .service(service)
                .ok_or_else(|| AppError::invalid("service", "unknown"))?;
            if region.menu.iter().any(|m| &m.service == service) {
                return Err(AppError::invalid("service", "duplicate"));
            }
            region.menu.push(MenuEntry {
                service: s.id.clone(),
                contributor: contributor
                    .clone()
                    .unwrap_or_else(|| s.organization_id.clone()),
            });
            format!("{code} menu + {service}")
        }
        Change::Remove { service } => {
            let before = region.menu.len();
            region.menu.retain(|m| &m.service != service);
            if region.menu.len() == before {
                return Err(AppError::invalid("service", "unknown"));
            }
            format!("{code} menu - {service}")
        }
        Change::Look { name, colour } => {
            let name = name.trim();
            let colour = colour.trim();
            region.look.name = (!name.is_empty()).then(|| name.to_string());
            region.look.colour = (!colour.is_empty()).then(|| colour.to_string());
            format!("{code} look")
        }
        Change::Logo(bytes) => {
            region.look.logo = match bytes {
                None => None,
                Some(b) => Some(RegionLogo::from_bytes(b).map_err(|e| {
                    AppError::Invalid(vec![FieldProblem {
                        field: "look.logo",
                        problem: match e {
                            LogoError::TooLarge => "logo-too-large",
                            _ => "logo-not-an-image",
                        },
                    }])
                })?),
            };
            format!("{code} logo")
        }
    };
    let problems: Vec<FieldProblem> = loket_domain::region::validate(
        std::slice::from_ref(&region),
        idx.services(),
        idx.organizations(),
        &idx.areas,
    )
    .into_iter()
    .map(|p| FieldProblem {
        field: p.field,
        problem: match p.field {
            "look.colour" if p.message.contains("contrast") => "too-light",
            "look.colour" => "not-a-colour",
            "look.name" => "too-long",
            "look.logo" => "logo-not-an-image",
            _ => "invalid",
        },
    })
    .collect();
    if !problems.is_empty() {
        return Err(AppError::Invalid(problems));
    }
    let version = app.store.save_region(&region, expected, actor).await?;
    app.record_audit(web_event(
        "region.update",
        what,
        AuditResult::Success,
        actor,
    ))
    .await;
    let _ = app.refresh().await;
    Ok(version)
}
