//! `loket`: the one binary. `serve` runs the web application; `migrate`,
//! `import` and `export` manage the catalogue.

mod backup;
mod config;
mod demo;
mod region;

use clap::{Parser, Subcommand, ValueEnum};
use config::Config;
use loket_app::catalogue::transfer;
use loket_domain::CatalogueDocument;
use loket_domain::audit::{AuditEvent, AuditResult, ChainVerifier};
use loket_store::Store;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// The seeded Limburg catalogue, loaded on first start.
const SEED: &str = include_str!("../../../seed/limburg-catalogue.json");

#[derive(Parser)]
#[command(
    name = "loket",
    version,
    about = "One front door for the (Eu)regional labour market of Limburg"
)]
struct Cli {
    /// A TOML configuration file (keys: bind, database_url). Default: ./loket.toml when present.
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web pages and the API (seeds the catalogue on first start).
    Serve {
        /// Address to listen on, e.g. 127.0.0.1:8080 (also LOKET_BIND).
        #[arg(long)]
        bind: Option<String>,
        /// Create demo accounts (known passwords and second-factor secrets,
        /// printed at start). Never on a real deployment.
        #[arg(long)]
        demo: bool,
    },
    /// Create or update the database schema.
    Migrate,
    /// Import a catalogue document (as written by `export --format hsds`), in one transaction.
    Import { file: PathBuf },
    /// Administration: `loket admin verify-log`.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Write a snapshot of the whole database (every table) to FILE, with a
    /// manifest and checksum; safe while `loket serve` runs.
    Backup {
        #[arg(long)]
        out: PathBuf,
    },
    /// Put a backup back into an empty database of the same engine and schema
    /// version (stop `loket serve` first).
    Restore {
        file: PathBuf,
        /// Overwrite a database that already holds data.
        #[arg(long)]
        replace: bool,
    },
    /// Labour-market regions: `loket region add FILE`, `list`, `set-status CODE STATUS`.
    Region {
        #[command(subcommand)]
        command: region::RegionCommand,
    },
    /// Write the catalogue to standard output or a file.
    Export {
        #[arg(long, value_enum, default_value = "hsds")]
        format: ExportFormat,
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Check that no entry of the audit log was changed, inserted or removed.
    VerifyLog,
    /// Count the monitoring tallies again from the stored contacts, referrals and
    /// placements (a repair; they are kept up to date with every record).
    RebuildTallies,
    /// Create an account with a role, e.g. the first platform admin. The password
    /// is read from standard input (`--password-stdin`), never from the command line.
    CreateUser {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// staff, org-admin, coordinator, funder, platform-admin, employer or candidate.
        #[arg(long)]
        role: String,
        /// The organisation's key (for staff, org-admin and employer).
        #[arg(long)]
        organization: Option<String>,
        /// The labour-market region a coordinator or funder is appointed for (its code);
        /// without it a coordinator serves every region.
        #[arg(long)]
        region: Option<String>,
        #[arg(long)]
        password_stdin: bool,
    },
    /// Set a service's referral service levels: acknowledge within N working days,
    /// then update at least every M days (defaults 2 and 30).
    SetServiceLevel {
        /// The service's id.
        #[arg(long)]
        service: String,
        #[arg(long)]
        ack_working_days: u32,
        #[arg(long)]
        update_days: u32,
    },
    /// Create an API token for an organisation's own system; prints the token once.
    /// (Organisation admins do the same in the staff area.)
    CreateApiToken {
        /// The organisation's key.
        #[arg(long)]
        organization: String,
        #[arg(long)]
        name: String,
        /// contacts and/or referrals; repeat for several.
        #[arg(long = "scope", required = true)]
        scopes: Vec<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// The multilingual HSDS-based catalogue document (importable).
    Hsds,
    /// One row per service, UTF-8 CSV.
    Csv,
}

#[derive(Debug, thiserror::Error)]
enum AppError {
    #[error("configuration: {0}")]
    Config(#[from] config::ConfigError),
    #[error("{0}")]
    Store(#[from] loket_store::StoreError),
    #[error("{0}")]
    State(#[from] loket_app::StartError),
    #[error("{path}: {message}")]
    File { path: String, message: String },
    #[error("{0}")]
    Invalid(String),
}

fn main() -> ExitCode {
    let filter = || {
        tracing_subscriber::EnvFilter::try_from_env("LOKET_LOG").unwrap_or_else(|_| "info".into())
    };
    // LOKET_LOG_FORMAT=json: one JSON object per line, for a log collector.
    if std::env::var("LOKET_LOG_FORMAT").is_ok_and(|f| f == "json") {
        tracing_subscriber::fmt()
            .json()
            .with_env_filter(filter())
            .with_writer(std::io::stderr)
            .init();
    } else {
        tracing_subscriber::fmt()
            .with_env_filter(filter())
            .with_writer(std::io::stderr)
            .init();
    }
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("loket: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("loket: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), AppError> {
    let bind_flag = match &cli.command {
        Command::Serve { bind, .. } => bind.clone(),
        _ => None,
    };
    let config = Config::load(cli.config.as_deref(), bind_flag.as_deref())?;
    match cli.command {
        Command::Serve { demo, .. } => serve(config, demo).await,
        Command::Migrate => {
            let store = open_store(&config).await?;
            store.migrate().await?;
            eprintln!("loket: the {} database is up to date", store.backend());
            Ok(())
        }
        Command::Import { file } => import(&config, &file).await,
        Command::Region { command } => region::run(&config, command).await,
        Command::Export { format, out } => export(&config, format, out).await,
        Command::Backup { out } => backup::backup(&config, &out).await,
        Command::Restore { file, replace } => backup::restore(&config, &file, replace).await,
        Command::Admin {
            command: AdminCommand::VerifyLog,
        } => verify_log(&config).await,
        Command::Admin {
            command: AdminCommand::RebuildTallies,
        } => rebuild_tallies(&config).await,
        Command::Admin {
            command:
                AdminCommand::CreateUser {
                    email,
                    name,
                    role,
                    organization,
                    region,
                    password_stdin,
                },
        } => {
            let user = NewUser {
                email: &email,
                name: &name,
                role: &role,
                organization: organization.as_deref(),
                region: region.as_deref(),
            };
            create_user(&config, user, password_stdin).await
        }
        Command::Admin {
            command:
                AdminCommand::SetServiceLevel {
                    service,
                    ack_working_days,
                    update_days,
                },
        } => set_service_level(&config, &service, ack_working_days, update_days).await,
        Command::Admin {
            command:
                AdminCommand::CreateApiToken {
                    organization,
                    name,
                    scopes,
                },
        } => create_api_token(&config, &organization, &name, &scopes).await,
    }
}

/// Opens the store the URL names, creating the SQLite directory when needed.
async fn open_store(config: &Config) -> Result<Arc<dyn Store>, AppError> {
    let url = &config.database_url;
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok(Arc::new(
            loket_store_postgres::PostgresStore::connect(url).await?,
        ));
    }
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    let path = path.split('?').next().unwrap_or(path);
    if !path.contains(":memory:")
        && let Some(dir) = std::path::Path::new(path)
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir).map_err(|e| AppError::File {
            path: dir.display().to_string(),
            message: e.to_string(),
        })?;
    }
    Ok(Arc::new(
        loket_store_sqlite::SqliteStore::connect(url).await?,
    ))
}

fn parse_document(source: &str, text: &str) -> Result<CatalogueDocument, AppError> {
    CatalogueDocument::parse(text).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
        AppError::Invalid(format!(
            "{source} is not a valid catalogue document ({} problems):\n{}",
            errors.len(),
            lines.join("\n")
        ))
    })
}

async fn serve(config: Config, demo: bool) -> Result<(), AppError> {
    let store = open_store(&config).await?;
    if store.is_empty().await? {
        let summary = store
            .import(&parse_document("the seed catalogue", SEED)?)
            .await?;
        tracing::info!(
            services = summary.services,
            organizations = summary.organizations,
            "seeded the Limburg catalogue"
        );
        audit(
            store.as_ref(),
            "catalogue.seed",
            "limburg-catalogue.json",
            AuditResult::Success,
        )
        .await;
    }
    if demo {
        demo::create_accounts(store.as_ref()).await?;
    }
    let mailer = match &config.smtp_url {
        Some(url) => loket_app::mail::Mailer::smtp(url, &config.mail_from),
        None => loket_app::mail::Mailer::directory(PathBuf::from("data/mail"), &config.mail_from),
    }
    .map_err(|e| AppError::Invalid(format!("configuration: {e}")))?;
    if config.smtp_url.is_none() {
        tracing::warn!(
            "no smtp_url configured: e-mails (invitations, password resets) are written to data/mail/"
        );
    }
    let state = loket_web::AppState::new(store.clone())
        .await?
        .with_cors_origins(config.cors_origins.clone())
        .with_public_url(&config.public_url)
        .with_mailer(mailer)
        .trusting_forwarded_for(config.trust_forwarded_for)
        .with_look(config.look.clone());
    let state = match &config.secret_key {
        Some(secret) => state.with_secret_key(secret),
        None => state,
    };
    let state = state.with_matching_settings(config.matching).await?;
    let state = match &config.talent_programme {
        Some(wanted) => {
            let index = state.index();
            let Some(org) = index
                .organizations()
                .iter()
                .find(|o| o.key == *wanted || o.id == *wanted)
            else {
                return Err(AppError::Invalid(format!(
                    "configuration: talent_programme {wanted:?} is not an organisation key or id"
                )));
            };
            let id = org.id.clone();
            drop(index);
            state.with_talent_programme(&id)
        }
        None => state,
    };
    let state = state
        .with_body_limits(config.bodies)
        .with_api_requests_per_minute(config.api_requests_per_minute)
        .with_metrics_token(config.metrics_token.as_deref())
        .with_backup_schedule(config.backup.clone());
    state.spawn_refresher(std::time::Duration::from_secs(1));
    state.spawn_talent_follower(std::time::Duration::from_millis(250));
    state.spawn_insight_writer(std::time::Duration::from_secs(5));
    let worker = state.spawn_job_worker(std::time::Duration::from_secs(1));
    let listener = tokio::net::TcpListener::bind(config.bind)
        .await
        .map_err(|e| AppError::File {
            path: config.bind.to_string(),
            message: format!("cannot listen: {e}"),
        })?;
    if !store.readiness().await.durable_commits {
        tracing::warn!(
            backend = store.backend(),
            "the database acknowledges commits before they are on disk (PostgreSQL: fsync or synchronous_commit off); a crash of the machine can lose the last writes"
        );
    }
    tracing::info!(backend = store.backend(), database = %config.database_for_logs(), "loket serves on http://{}", config.bind);
    let app = loket_web::router(state.clone());
    loket_web::server::serve(listener, app, config.server, shutdown_signal()).await;
    worker.stop(config.server.shutdown_grace).await;
    if let Err(e) = state.flush_insight().await {
        tracing::warn!(error = %e, "the last front-door counts could not be written");
    }
    tracing::info!("stopped");
    Ok(())
}

/// Ctrl-C or SIGTERM (what a service manager or container runtime sends).
async fn shutdown_signal() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}

/// Records an operator's action in the audit log. The action's own outcome wins
/// over a failure to record it, which is reported on standard error.
async fn audit(store: &dyn Store, action: &str, object: &str, result: AuditResult) {
    let event = AuditEvent {
        action: action.into(),
        object: object.into(),
        result,
        origin: "cli".into(),
        actor: "operator".into(),
        subject: None,
        activity: None,
    };
    if let Err(e) = store.append_audit(&event).await {
        eprintln!("loket: could not write the audit log: {e}");
    }
}

async fn import(config: &Config, file: &std::path::Path) -> Result<(), AppError> {
    let name = file.display().to_string();
    let object = file
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.clone());
    let store = open_store(config).await?;
    let text = std::fs::read_to_string(file).map_err(|e| AppError::File {
        path: name.clone(),
        message: e.to_string(),
    })?;
    let outcome = transfer::import(store.as_ref(), &name, &object, &text)
        .await
        .map_err(|e| AppError::Invalid(e.to_string()));
    let summary = outcome?;
    eprintln!(
        "loket: imported {} organisations, {} locations, {} services, {} taxonomy terms and {} areas from {name}",
        summary.organizations,
        summary.locations,
        summary.services,
        summary.taxonomy_terms,
        summary.areas
    );
    Ok(())
}

/// The account `loket admin create-user` makes.
struct NewUser<'a> {
    email: &'a str,
    name: &'a str,
    role: &'a str,
    organization: Option<&'a str>,
    region: Option<&'a str>,
}

/// Creates an account with one role, checking everything before anything is written.
async fn create_user(
    config: &Config,
    user: NewUser<'_>,
    password_stdin: bool,
) -> Result<(), AppError> {
    use loket_domain::account::{Email, Membership, Role, password_problems};
    let NewUser {
        email,
        name,
        role,
        organization,
        region,
    } = user;
    let mut problems = Vec::new();
    let email = Email::parse(email);
    if email.is_none() {
        problems.push("--email: not an e-mail address".to_string());
    }
    if name.trim().is_empty() || name.chars().count() > 200 {
        problems.push("--name: give a name of 1 to 200 characters".to_string());
    }
    let role = Role::parse(role);
    match (role, organization) {
        (None, _) => problems.push("--role: one of staff, org-admin, coordinator, funder, platform-admin, employer, candidate".into()),
        (Some(r), None) if r.is_per_organization() => problems.push(format!("--organization: a {} belongs to an organisation", r.code())),
        (Some(r), Some(_)) if !r.is_per_organization() => problems.push(format!("--organization: {} is a network-wide role", r.code())),
        _ => {}
    }
    if region.is_some() && !matches!(role, Some(Role::Coordinator | Role::Funder)) {
        problems.push("--region: only a coordinator or a funder is appointed for a region".into());
    }
    if !password_stdin {
        problems.push("--password-stdin: the password is read from standard input only".into());
    }
    let mut password = String::new();
    if password_stdin {
        std::io::stdin()
            .read_line(&mut password)
            .map_err(|e| AppError::File {
                path: "standard input".into(),
                message: e.to_string(),
            })?;
    }
    let password = password.trim_end_matches(['\r', '\n']).to_string();
    if let Some(email) = &email {
        problems.extend(password_problems(&password, email).iter().map(|p| {
            let why = match p.code() {
                "too-short" => format!(
                    "at least {} characters",
                    loket_domain::account::MIN_PASSWORD_CHARS
                ),
                "too-long" => format!(
                    "at most {} characters",
                    loket_domain::account::MAX_PASSWORD_CHARS
                ),
                "common" => "it is one of the most common passwords".into(),
                _ => "it contains the e-mail address".into(),
            };
            format!("password: {why}")
        }));
    }
    let store = open_store(config).await?;
    if let Some(code) = region
        && !store
            .load()
            .await?
            .labour_market_regions
            .iter()
            .any(|r| r.code == code)
    {
        problems.push(format!("--region: no region with code {code:?}"));
    }
    let organization_id = match organization {
        Some(key) => match store
            .load()
            .await?
            .organizations
            .into_iter()
            .find(|o| o.key == key)
        {
            Some(o) => Some(o.id),
            None => {
                problems.push(format!("--organization: no organisation with key {key:?}"));
                None
            }
        },
        None => None,
    };
    let (Some(email), Some(role), true) = (email, role, problems.is_empty()) else {
        return Err(AppError::Invalid(format!(
            "no account was created:\n  {}",
            problems.join("\n  ")
        )));
    };
    let hash = tokio::task::spawn_blocking(move || loket_auth::hash_password(&password))
        .await
        .map_err(|e| AppError::Invalid(e.to_string()))?
        .map_err(|e| AppError::Invalid(e.to_string()))?;
    let account = store
        .create_account(&loket_store::NewAccount {
            email,
            display_name: name.trim().to_string(),
            password_hash: hash,
        })
        .await?;
    store
        .add_membership(
            &account.id,
            &Membership {
                region: region.map(String::from),
                organization_id,
                role,
            },
        )
        .await?;
    audit(
        store.as_ref(),
        "account.create",
        &format!("account/{}", account.id),
        AuditResult::Success,
    )
    .await;
    println!(
        "created account {} ({}) as {}",
        account.email.as_str(),
        account.id,
        role.code()
    );
    Ok(())
}

/// Sets the service levels that new referrals to a service get.
async fn set_service_level(
    config: &Config,
    service: &str,
    ack_working_days: u32,
    update_days: u32,
) -> Result<(), AppError> {
    let mut problems = Vec::new();
    if !(1..=20).contains(&ack_working_days) {
        problems.push("--ack-working-days: from 1 to 20".to_string());
    }
    if !(1..=365).contains(&update_days) {
        problems.push("--update-days: from 1 to 365".to_string());
    }
    let store = open_store(config).await?;
    if store.service(service).await?.is_none() {
        problems.push(format!("--service: no service with id {service:?}"));
    }
    if !problems.is_empty() {
        return Err(AppError::Invalid(format!(
            "nothing was changed:\n  {}",
            problems.join("\n  ")
        )));
    }
    let level = loket_domain::referral::ServiceLevel {
        ack_working_days,
        update_days,
    };
    store.set_service_level(service, level).await?;
    audit(
        store.as_ref(),
        "service-level.set",
        &format!("service/{service} ack={ack_working_days} update={update_days}"),
        AuditResult::Success,
    )
    .await;
    println!(
        "service {service}: acknowledge within {ack_working_days} working days, update every {update_days} days"
    );
    Ok(())
}

/// Makes an API token for an organisation and prints it (only its hash is kept),
/// through the same use case as the staff area.
async fn create_api_token(
    config: &Config,
    organization: &str,
    name: &str,
    scopes: &[String],
) -> Result<(), AppError> {
    let store = open_store(config).await?;
    let org = store
        .load()
        .await?
        .organizations
        .into_iter()
        .find(|o| o.key == organization);
    let mut problems: Vec<String> = loket_app::api_tokens::problems(name, scopes)
        .iter()
        .map(|p| match (p.field, p.problem) {
            ("name", _) => format!(
                "--name: give a name of 1 to {} characters",
                loket_app::api_tokens::MAX_NAME_CHARS
            ),
            _ => {
                let unknown: Vec<String> = scopes
                    .iter()
                    .filter(|s| !loket_app::api_tokens::SCOPES.contains(&s.as_str()))
                    .map(|s| format!("{s:?}"))
                    .collect();
                format!(
                    "--scope: {} is not one of {}",
                    unknown.join(", "),
                    loket_app::api_tokens::SCOPES.join(", ")
                )
            }
        })
        .collect();
    if org.is_none() {
        problems.push(format!(
            "--organization: no organisation with key {organization:?}"
        ));
    }
    let (Some(org), true) = (org, problems.is_empty()) else {
        return Err(AppError::Invalid(format!(
            "no token was created:\n  {}",
            problems.join("\n  ")
        )));
    };
    let maker = loket_app::api_tokens::Maker {
        actor: "operator",
        origin: "cli",
    };
    let (_, secret) = loket_app::api_tokens::create_in(
        store.as_ref(),
        &loket_app::Clock,
        &org.id,
        name,
        scopes,
        maker,
    )
    .await
    .map_err(|e| AppError::Invalid(format!("no token was created: {e}")))?;
    println!("{secret}");
    Ok(())
}

/// Reads the whole audit log in order and checks its hash chain against the head.
async fn rebuild_tallies(config: &Config) -> Result<(), AppError> {
    let store = open_store(config).await?;
    let started = std::time::Instant::now();
    store
        .rebuild_tallies(chrono::Utc::now().timestamp())
        .await?;
    audit(
        store.as_ref(),
        "monitoring.tallies-rebuilt",
        "all",
        AuditResult::Success,
    )
    .await;
    println!(
        "tallies rebuilt from the records in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

async fn verify_log(config: &Config) -> Result<(), AppError> {
    let store = open_store(config).await?;
    let head = store.audit_head().await?;
    let tampered = |e: loket_domain::audit::ChainBreak| {
        AppError::Invalid(format!("the audit log was tampered with: {e}"))
    };
    let mut verifier = ChainVerifier::default();
    let mut after = 0;
    loop {
        let page = store.audit_entries(after, 1000).await?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        for entry in &page {
            verifier.feed(entry).map_err(tampered)?;
        }
    }
    let checked = verifier.finish((head.0, &head.1)).map_err(tampered)?;
    println!("the audit log is intact: {checked} entries, each linked to the one before");
    Ok(())
}

async fn export(
    config: &Config,
    format: ExportFormat,
    out: Option<PathBuf>,
) -> Result<(), AppError> {
    let store = open_store(config).await?;
    let bytes = match format {
        ExportFormat::Hsds => transfer::export_document(store.as_ref()).await,
        ExportFormat::Csv => transfer::export_csv(store.as_ref()).await,
    }
    .map_err(|e| AppError::Invalid(e.to_string()))?;
    match out {
        Some(path) => std::fs::write(&path, bytes).map_err(|e| AppError::File {
            path: path.display().to_string(),
            message: e.to_string(),
        }),
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(&bytes)
                .map_err(|e| AppError::File {
                    path: "standard output".into(),
                    message: e.to_string(),
                })
        }
    }
}
