//! `loket region add FILE`, `loket region list` and `loket region set-status CODE
//! STATUS`: onboarding a labour-market region on a running deployment. What is
//! stored reaches every node through the change feed within seconds, no restart.

use crate::config::Config;
use crate::{AppError, open_store};
use clap::Subcommand;
use loket_app::regions::onboarding;
use loket_domain::region::RegionStatus;
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum RegionCommand {
    /// Add a region from a file: `{"region": {...}, "catalogue": {...}}` (the region's
    /// definition and the catalogue records its menu draws on). Nothing is stored
    /// unless everything is right; every problem is named.
    Add { file: PathBuf },
    /// List the regions: code, status, municipalities, menu, name.
    List,
    /// Put a region live or back to draft.
    SetStatus {
        code: String,
        /// live or draft
        status: String,
    },
}

pub async fn run(config: &Config, command: RegionCommand) -> Result<(), AppError> {
    match command {
        RegionCommand::Add { file } => add(config, &file).await,
        RegionCommand::List => list(config).await,
        RegionCommand::SetStatus { code, status } => set_status(config, &code, &status).await,
    }
}

async fn add(config: &Config, file: &Path) -> Result<(), AppError> {
    let name = file.display().to_string();
    let text = std::fs::read_to_string(file).map_err(|e| AppError::File {
        path: name.clone(),
        message: e.to_string(),
    })?;
    let store = open_store(config).await?;
    let added = onboarding::add(store.as_ref(), &name, &text)
        .await
        .map_err(|e| AppError::Invalid(e.to_string()))?;
    eprintln!(
        "loket: added region {} ({}) with {} services on its menu; {} services and {} organisations stored from {name}",
        added.code,
        added.status.as_str(),
        added.menu,
        added.services,
        added.organizations
    );
    Ok(())
}

async fn list(config: &Config) -> Result<(), AppError> {
    let store = open_store(config).await?;
    let regions = onboarding::list(store.as_ref())
        .await
        .map_err(|e| AppError::Invalid(e.to_string()))?;
    println!("code\tstatus\tmunicipalities\tmenu\tname");
    for r in regions {
        println!(
            "{}\t{}\t{}\t{}\t{}",
            r.code,
            r.status.as_str(),
            r.municipalities.len(),
            r.menu.len(),
            r.name.get(loket_domain::Lang::Nl)
        );
    }
    Ok(())
}

async fn set_status(config: &Config, code: &str, status: &str) -> Result<(), AppError> {
    let Some(status) = RegionStatus::parse(status) else {
        return Err(AppError::Invalid(format!(
            "{status:?} is not a status; use live or draft"
        )));
    };
    let store = open_store(config).await?;
    let region = onboarding::set_status(store.as_ref(), code, status)
        .await
        .map_err(|e| AppError::Invalid(e.to_string()))?;
    eprintln!(
        "loket: region {} is now {}",
        region.code,
        region.status.as_str()
    );
    Ok(())
}
