//! Configuration: defaults, then a TOML file, then `LOKET_*` environment
//! variables, then command-line flags. A bad value is reported with its source.

use serde::Deserialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/loket.db";
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";

#[derive(Debug, Clone)]
pub struct Config {
    pub bind: SocketAddr,
    pub database_url: String,
    /// Origins allowed to read the API from a browser (CORS).
    pub cors_origins: Vec<String>,
    /// Signs form tokens; set the same value on every node (else a random one per process).
    pub secret_key: Option<String>,
    /// Where people reach loket (links in e-mails); `https://…` makes cookies Secure.
    pub public_url: String,
    /// `smtp://host:port`; without it, mails are written to `data/mail/` as files.
    pub smtp_url: Option<String>,
    pub mail_from: String,
    /// Take client addresses from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_forwarded_for: bool,
    /// Talent matching: the weights of the score and the filters' tunables.
    pub matching: loket_matching::Settings,
    /// The organisation (key or id) whose staff run talent matching; default `wtmr`.
    pub talent_programme: Option<String>,
    /// The deployment's name, logo and brand colour.
    pub look: loket_web::look::Look,
    /// Connections, header and body deadlines, shutdown grace (`[limits]`).
    pub server: loket_web::server::ServerLimits,
    pub bodies: loket_web::intake::BodyLimits,
    /// Requests per address and minute on the API without a token.
    pub api_requests_per_minute: u32,
    /// The bearer token a monitoring system sends for `/metrics` (none: closed).
    pub metrics_token: Option<String>,
    /// Daily backups by the job worker (`[backup]`), when a directory is set.
    pub backup: Option<loket_app::backup::BackupSchedule>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{source_name}: cannot read the file: {message}")]
    Unreadable {
        source_name: String,
        message: String,
    },
    #[error("{source_name}: {message}")]
    Invalid {
        source_name: String,
        message: String,
    },
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    bind: Option<String>,
    database_url: Option<String>,
    cors_origins: Option<Vec<String>>,
    secret_key: Option<String>,
    public_url: Option<String>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    trust_forwarded_for: Option<bool>,
    matching: Option<loket_matching::Settings>,
    talent_programme: Option<String>,
    look: Option<LookConfig>,
    limits: Option<LimitsConfig>,
    metrics_token: Option<String>,
    backup: Option<BackupConfig>,
}

/// `[backup]`: a directory for daily backups and how many to keep.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct BackupConfig {
    directory: Option<PathBuf>,
    keep: Option<usize>,
}

/// `[limits]`: what one node takes on at once and how long it waits for clients.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LimitsConfig {
    max_connections: Option<usize>,
    header_timeout_secs: Option<u64>,
    body_timeout_secs: Option<u64>,
    max_body_mb: Option<usize>,
    body_budget_mb: Option<usize>,
    shutdown_grace_secs: Option<u64>,
    api_requests_per_minute: Option<u64>,
}

/// `[look]`: a deployment's own name, logo file and brand colour.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LookConfig {
    name: Option<String>,
    primary_color: Option<String>,
    logo: Option<PathBuf>,
}

impl Config {
    /// `file`: an explicit `--config` path (must exist); otherwise `LOKET_CONFIG`,
    /// otherwise `./loket.toml` when present.
    pub fn load(file: Option<&Path>, bind_flag: Option<&str>) -> Result<Self, ConfigError> {
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let explicit = file
            .map(PathBuf::from)
            .or_else(|| env("LOKET_CONFIG").map(PathBuf::from));
        let path = explicit
            .clone()
            .or_else(|| Some(PathBuf::from("loket.toml")).filter(|p| p.exists()));
        let file_config = match path {
            Some(p) => read_file(&p)?,
            None => FileConfig::default(),
        };
        let file_name = |key: &str| format!("config file key `{key}`");
        let mut bind = (DEFAULT_BIND.to_string(), "default".to_string());
        let mut database_url = (DEFAULT_DATABASE_URL.to_string(), "default".to_string());
        if let Some(v) = file_config.bind {
            bind = (v, file_name("bind"));
        }
        if let Some(v) = file_config.database_url {
            database_url = (v, file_name("database_url"));
        }
        if let Some(v) = env("LOKET_BIND") {
            bind = (v, "environment variable LOKET_BIND".into());
        }
        if let Some(v) = env("LOKET_DATABASE_URL") {
            database_url = (v, "environment variable LOKET_DATABASE_URL".into());
        }
        if let Some(v) = bind_flag {
            bind = (v.to_string(), "command-line flag --bind".into());
        }
        let parsed_bind = bind
            .0
            .parse::<SocketAddr>()
            .map_err(|_| ConfigError::Invalid {
                source_name: bind.1.clone(),
                message: format!(
                    "{:?} is not an address with a port, like 127.0.0.1:8080",
                    bind.0
                ),
            })?;
        let url = &database_url.0;
        if !(url.starts_with("sqlite:")
            || url.starts_with("postgres://")
            || url.starts_with("postgresql://"))
        {
            return Err(ConfigError::Invalid {
                source_name: database_url.1,
                message: "must start with sqlite:, postgres:// or postgresql://".into(),
            });
        }
        let mut cors = (
            file_config.cors_origins.unwrap_or_default(),
            file_name("cors_origins"),
        );
        if let Some(v) = env("LOKET_CORS_ORIGINS") {
            let origins = v
                .split(',')
                .map(|o| o.trim().to_string())
                .filter(|o| !o.is_empty())
                .collect();
            cors = (origins, "environment variable LOKET_CORS_ORIGINS".into());
        }
        let not_an_origin = |o: &&String| {
            !(o.starts_with("https://") || o.starts_with("http://")) || o.ends_with('/')
        };
        if let Some(bad) = cors.0.iter().find(not_an_origin) {
            return Err(ConfigError::Invalid {
                source_name: cors.1,
                message: format!("{bad:?} is not an origin like https://www.example.nl"),
            });
        }
        let secret_key = env("LOKET_SECRET_KEY").or(file_config.secret_key);
        if secret_key.as_ref().is_some_and(|k| k.len() < 32) {
            return Err(ConfigError::Invalid {
                source_name: "secret_key (LOKET_SECRET_KEY or the config file)".into(),
                message: "must be at least 32 characters".into(),
            });
        }
        let public_url = env("LOKET_PUBLIC_URL")
            .or(file_config.public_url)
            .unwrap_or_else(|| format!("http://{parsed_bind}"));
        if !(public_url.starts_with("https://") || public_url.starts_with("http://")) {
            return Err(ConfigError::Invalid {
                source_name: "public_url (LOKET_PUBLIC_URL or the config file)".into(),
                message: format!("{public_url:?} is not a URL like https://loket.example.nl"),
            });
        }
        let metrics_token = env("LOKET_METRICS_TOKEN").or(file_config.metrics_token);
        if metrics_token.as_ref().is_some_and(|t| t.len() < 16) {
            return Err(ConfigError::Invalid {
                source_name: "metrics_token (LOKET_METRICS_TOKEN or the config file)".into(),
                message: "must be at least 16 characters".into(),
            });
        }
        let backup = load_backup(file_config.backup.unwrap_or_default(), &env)?;
        let smtp_url = env("LOKET_SMTP_URL").or(file_config.smtp_url);
        if smtp_url.as_ref().is_some_and(|u| !u.starts_with("smtp://")) {
            return Err(ConfigError::Invalid {
                source_name: "smtp_url (LOKET_SMTP_URL or the config file)".into(),
                message: "must look like smtp://host:port".into(),
            });
        }
        let mail_from = env("LOKET_MAIL_FROM")
            .or(file_config.mail_from)
            .unwrap_or_else(|| "loket <noreply@localhost>".into());
        let trust_forwarded_for = match env("LOKET_TRUST_FORWARDED_FOR") {
            Some(v) => v == "true" || v == "1",
            None => file_config.trust_forwarded_for.unwrap_or(false),
        };
        let matching = file_config.matching.unwrap_or_default();
        if let Err(e) = matching.weights.check() {
            return Err(ConfigError::Invalid {
                source_name: file_name("matching.weights"),
                message: e.to_string(),
            });
        }
        let look = load_look(file_config.look.unwrap_or_default(), &env)?;
        let (server, bodies, api_requests_per_minute) =
            load_limits(file_config.limits.unwrap_or_default(), &env)?;
        Ok(Config {
            backup,
            metrics_token,
            server,
            bodies,
            api_requests_per_minute,
            look,
            matching,
            talent_programme: env("LOKET_TALENT_PROGRAMME").or(file_config.talent_programme),
            bind: parsed_bind,
            database_url: database_url.0,
            cors_origins: cors.0,
            secret_key,
            public_url,
            smtp_url,
            mail_from,
            trust_forwarded_for,
        })
    }

    /// The URL without a password, for logs.
    pub fn database_for_logs(&self) -> String {
        match self.database_url.split_once('@') {
            Some((scheme_user, host)) => {
                let user = scheme_user.split(':').take(2).collect::<Vec<_>>().join(":");
                format!("{user}:***@{host}")
            }
            None => self.database_url.clone(),
        }
    }
}

/// The look from `[look]`, each value overridable by `LOKET_NAME`,
/// `LOKET_PRIMARY_COLOR` and `LOKET_LOGO`.
fn load_look(
    file: LookConfig,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<loket_web::look::Look, ConfigError> {
    let name = env("LOKET_NAME").or(file.name);
    let colour = env("LOKET_PRIMARY_COLOR").or(file.primary_color);
    let logo_path = env("LOKET_LOGO").map(PathBuf::from).or(file.logo);
    let source_name = || {
        "look (LOKET_NAME, LOKET_PRIMARY_COLOR, LOKET_LOGO or [look] in the config file)"
            .to_string()
    };
    let logo = match &logo_path {
        None => None,
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| ConfigError::Unreadable {
                source_name: p.display().to_string(),
                message: e.to_string(),
            })?;
            Some((p.to_string_lossy().into_owned(), bytes))
        }
    };
    let logo = logo.as_ref().map(|(n, b)| (n.as_str(), b.clone()));
    loket_web::look::Look::new(name.as_deref(), colour.as_deref(), logo).map_err(|e| {
        ConfigError::Invalid {
            source_name: source_name(),
            message: e.to_string(),
        }
    })
}

/// The limits from `[limits]`, each overridable by `LOKET_<KEY>` in capitals
/// (e.g. `LOKET_SHUTDOWN_GRACE_SECS`); every value must be at least 1.
fn load_limits(
    file: LimitsConfig,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<
    (
        loket_web::server::ServerLimits,
        loket_web::intake::BodyLimits,
        u32,
    ),
    ConfigError,
> {
    let number = |key: &str, from_file: Option<u64>| -> Result<Option<u64>, ConfigError> {
        let variable = format!("LOKET_{}", key.to_uppercase());
        let (value, source_name) = match env(&variable) {
            Some(v) => (
                v.parse::<u64>().ok(),
                format!("environment variable {variable}"),
            ),
            None => match from_file {
                Some(v) => (Some(v), format!("config file key `limits.{key}`")),
                None => return Ok(None),
            },
        };
        match value {
            Some(v) if v >= 1 => Ok(Some(v)),
            _ => Err(ConfigError::Invalid {
                source_name,
                message: "must be a whole number of at least 1".into(),
            }),
        }
    };
    let secs = std::time::Duration::from_secs;
    let usize_of = |v: Option<usize>| v.map(|v| v as u64);
    let mut server = loket_web::server::ServerLimits::default();
    let mut bodies = loket_web::intake::BodyLimits::default();
    if let Some(v) = number("max_connections", usize_of(file.max_connections))? {
        server.max_connections = usize::try_from(v).unwrap_or(usize::MAX);
    }
    if let Some(v) = number("header_timeout_secs", file.header_timeout_secs)? {
        server.header_timeout = secs(v);
    }
    if let Some(v) = number("shutdown_grace_secs", file.shutdown_grace_secs)? {
        server.shutdown_grace = secs(v);
    }
    if let Some(v) = number("body_timeout_secs", file.body_timeout_secs)? {
        bodies.deadline = secs(v);
    }
    let megabytes = |v: u64| usize::try_from(v.saturating_mul(1024 * 1024)).unwrap_or(usize::MAX);
    if let Some(v) = number("max_body_mb", usize_of(file.max_body_mb))? {
        bodies.max_bytes = megabytes(v);
    }
    if let Some(v) = number("body_budget_mb", usize_of(file.body_budget_mb))? {
        bodies.budget_bytes = megabytes(v);
    }
    if bodies.budget_bytes < bodies.max_bytes {
        return Err(ConfigError::Invalid {
            source_name: "limits.body_budget_mb".into(),
            message: "must be at least limits.max_body_mb (one largest body must fit)".into(),
        });
    }
    let api_per_minute = number("api_requests_per_minute", file.api_requests_per_minute)?
        .map_or(loket_web::DEFAULT_API_REQUESTS_PER_MINUTE, |v| {
            u32::try_from(v).unwrap_or(u32::MAX)
        });
    Ok((server, bodies, api_per_minute))
}

/// `[backup]`, each value overridable by `LOKET_BACKUP_DIRECTORY` and
/// `LOKET_BACKUP_KEEP`; no directory, no scheduled backups.
fn load_backup(
    file: BackupConfig,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Option<loket_app::backup::BackupSchedule>, ConfigError> {
    let directory = env("LOKET_BACKUP_DIRECTORY")
        .map(PathBuf::from)
        .or(file.directory);
    let keep = match env("LOKET_BACKUP_KEEP") {
        Some(v) => Some(v.parse::<usize>().ok().filter(|k| *k >= 1).ok_or_else(|| {
            ConfigError::Invalid {
                source_name: "environment variable LOKET_BACKUP_KEEP".into(),
                message: "must be a whole number of at least 1".into(),
            }
        })?),
        None => file.keep,
    };
    if keep == Some(0) {
        return Err(ConfigError::Invalid {
            source_name: "config file key `backup.keep`".into(),
            message: "must be at least 1".into(),
        });
    }
    Ok(
        directory.map(|directory| loket_app::backup::BackupSchedule {
            directory,
            keep: keep.unwrap_or(14),
        }),
    )
}

fn read_file(path: &Path) -> Result<FileConfig, ConfigError> {
    let source_name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Unreadable {
        source_name: source_name.clone(),
        message: e.to_string(),
    })?;
    toml::from_str(&text).map_err(|e| ConfigError::Invalid {
        source_name,
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_weights_come_from_the_file_and_bad_ones_are_named() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("loket.toml");
        std::fs::write(&path, "[matching.weights]\nessential_skills = 60.0\nsalary = 0.0\n[matching.filters]\navailability_grace_days = 10\n").expect("write");
        let config = Config::load(Some(&path), None).expect("config");
        assert_eq!(config.matching.weights.essential_skills, 60.0);
        assert_eq!(config.matching.weights.salary, 0.0);
        assert_eq!(
            config.matching.weights.occupation, 20.0,
            "unnamed weights keep their default"
        );
        assert_eq!(config.matching.filters.availability_grace_days, 10);
        std::fs::write(&path, "[matching.weights]\nexperience = -1.0\n").expect("write");
        let err = Config::load(Some(&path), None).expect_err("negative weight");
        assert!(err.to_string().contains("matching.weights"), "{err}");
        std::fs::write(&path, "[matching.weights]\nluck = 5.0\n").expect("write");
        assert!(
            Config::load(Some(&path), None).is_err(),
            "unknown weights are refused"
        );
    }

    #[test]
    fn a_region_sets_its_own_look_and_an_unreadable_colour_is_refused() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("loket.toml");
        let logo = dir.path().join("logo.svg");
        std::fs::write(&logo, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>").expect("logo");
        std::fs::write(
            &path,
            format!(
                "[look]\nname = \"Werkloket Noord\"\nprimary_color = \"#00684a\"\nlogo = {:?}\n",
                logo
            ),
        )
        .expect("write");
        let config = Config::load(Some(&path), None).expect("config");
        assert_eq!(config.look.name(), Some("Werkloket Noord"));
        assert!(config.look.has_logo());
        std::fs::write(&path, "[look]\nprimary_color = \"#ffcc00\"\n").expect("write");
        let err = Config::load(Some(&path), None).expect_err("yellow fails contrast");
        assert!(err.to_string().contains("4.5:1"), "{err}");
    }

    #[test]
    fn limits_come_from_the_file_and_a_bad_one_is_named() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("loket.toml");
        std::fs::write(
            &path,
            "[limits]\nmax_connections = 200\nshutdown_grace_secs = 5\nmax_body_mb = 4\n",
        )
        .expect("write");
        let config = Config::load(Some(&path), None).expect("config");
        assert_eq!(config.server.max_connections, 200);
        assert_eq!(config.server.shutdown_grace.as_secs(), 5);
        assert_eq!(config.bodies.max_bytes, 4 * 1024 * 1024);
        assert_eq!(config.server.header_timeout.as_secs(), 10, "the default");
        std::fs::write(&path, "[limits]\nheader_timeout_secs = 0\n").expect("write");
        let err = Config::load(Some(&path), None).expect_err("zero");
        assert!(
            err.to_string().contains("limits.header_timeout_secs"),
            "{err}"
        );
        std::fs::write(&path, "[limits]\nmax_body_mb = 500\n").expect("write");
        let err = Config::load(Some(&path), None).expect_err("larger than the budget");
        assert!(err.to_string().contains("body_budget_mb"), "{err}");
    }

    #[test]
    fn a_bad_bind_names_its_source() {
        let err = Config::load(None, Some("not-an-address")).expect_err("must fail");
        assert!(err.to_string().contains("--bind"), "{err}");
    }

    #[test]
    fn a_bad_file_value_names_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("loket.toml");
        std::fs::write(&path, "database_url = \"mysql://x\"\n").expect("write");
        let err = Config::load(Some(&path), None).expect_err("must fail");
        assert!(err.to_string().contains("database_url"), "{err}");
        std::fs::write(&path, "cors_origins = [\"www.example.nl\"]\n").expect("write");
        let err = Config::load(Some(&path), None).expect_err("must fail");
        assert!(err.to_string().contains("cors_origins"), "{err}");
        std::fs::write(&path, "colour = \"blue\"\n").expect("write");
        let err = Config::load(Some(&path), None).expect_err("must fail");
        assert!(err.to_string().contains("loket.toml"), "{err}");
    }

    #[test]
    fn passwords_stay_out_of_logs() {
        let c = Config {
            bind: "127.0.0.1:1".parse().expect("addr"),
            database_url: "postgres://loket:secret@db:5432/loket".into(),
            cors_origins: vec![],
            secret_key: None,
            public_url: "http://127.0.0.1:1".into(),
            smtp_url: None,
            mail_from: "loket <noreply@localhost>".into(),
            trust_forwarded_for: false,
            matching: loket_matching::Settings::default(),
            talent_programme: None,
            look: loket_web::look::Look::default(),
            server: loket_web::server::ServerLimits::default(),
            bodies: loket_web::intake::BodyLimits::default(),
            api_requests_per_minute: loket_web::DEFAULT_API_REQUESTS_PER_MINUTE,
            metrics_token: None,
            backup: None,
        };
        assert!(!c.database_for_logs().contains("secret"));
    }
}
