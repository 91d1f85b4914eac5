//! What the HTTP tier keeps beside the [`App`]: the route table's access rules,
//! session settings, the form-token key, CORS origins and whether to trust a
//! proxy's `X-Forwarded-For`. Handlers reach the use cases through `state.app`
//! (also by `Deref`, so `state.index()` reads the App's index).

use crate::csrf::CsrfKey;
use crate::routes::AccessMap;
use crate::session::SessionConfig;
use loket_app::{App, StartError};
use std::ops::Deref;
use std::sync::Arc;

/// Requests per address and minute on the API without a token, by default.
pub const DEFAULT_API_REQUESTS_PER_MINUTE: u32 = 600;

#[derive(Clone)]
pub struct AppState {
    pub app: App,
    /// Origins whose browsers may read API responses (CORS); exact matches.
    cors_origins: Arc<Vec<String>>,
    /// Signs the tokens of anonymous forms and hashes client addresses.
    pub(crate) csrf: Arc<CsrfKey>,
    /// Who may use which route (filled in by [`crate::router`]).
    pub(crate) access: Arc<AccessMap>,
    pub(crate) cookies: Arc<SessionConfig>,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub(crate) trust_forwarded_for: bool,
    /// The deployment's name, logo and brand colour.
    pub(crate) look: Arc<crate::look::Look>,
    /// Deadline, size and memory budget of request bodies.
    pub(crate) bodies: crate::intake::Budget,
    /// Requests per address and minute on the API without a token.
    pub(crate) api_throttle: crate::throttle::ApiThrottle,
    /// Request counts and latencies for `/metrics`.
    pub(crate) metrics: crate::metrics::Metrics,
    /// The token a scraper must send for `/metrics` (none: `/metrics` is closed).
    pub(crate) metrics_token: Option<Arc<str>>,
}

impl Deref for AppState {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

impl AppState {
    /// Starts the [`App`] on `store` and wraps it.
    pub async fn new(store: Arc<dyn loket_app::Store>) -> Result<Self, StartError> {
        Ok(Self::from_app(App::new(store).await?))
    }

    pub fn from_app(app: App) -> Self {
        AppState {
            app,
            cors_origins: Arc::new(Vec::new()),
            csrf: Arc::new(CsrfKey::random()),
            access: Arc::new(AccessMap::new()),
            cookies: Arc::new(SessionConfig::default()),
            trust_forwarded_for: false,
            look: Arc::new(crate::look::Look::default()),
            bodies: crate::intake::Budget::new(crate::intake::BodyLimits::default()),
            api_throttle: crate::throttle::ApiThrottle::new(DEFAULT_API_REQUESTS_PER_MINUTE),
            metrics: crate::metrics::Metrics::default(),
            metrics_token: None,
        }
    }

    /// Where people reach loket (links in e-mails); an `https://` address also
    /// makes session cookies `Secure`.
    pub fn with_public_url(mut self, url: &str) -> Self {
        self.cookies = Arc::new(SessionConfig {
            secure_cookies: url.starts_with("https://"),
        });
        self.app = self.app.with_public_url(url);
        self
    }

    /// Daily backups by the job worker into a directory, keeping the newest.
    pub fn with_backup_schedule(
        mut self,
        schedule: Option<loket_app::backup::BackupSchedule>,
    ) -> Self {
        self.app = self.app.with_backup_schedule(schedule);
        self
    }

    /// Opens `/metrics` to a scraper that sends `Authorization: Bearer <token>`.
    pub fn with_metrics_token(mut self, token: Option<&str>) -> Self {
        self.metrics_token = token.map(Arc::from);
        self
    }

    /// Requests per address and minute on the API for callers without a token.
    pub fn with_api_requests_per_minute(mut self, per_minute: u32) -> Self {
        self.api_throttle = crate::throttle::ApiThrottle::new(per_minute);
        self
    }

    /// Deadline, size and memory budget of request bodies.
    pub fn with_body_limits(mut self, limits: crate::intake::BodyLimits) -> Self {
        self.bodies = crate::intake::Budget::new(limits);
        self
    }

    /// The deployment's own name, logo and colour.
    pub fn with_look(mut self, look: crate::look::Look) -> Self {
        self.look = Arc::new(look);
        self
    }

    pub fn with_mailer(mut self, mailer: loket_app::mail::Mailer) -> Self {
        self.app = self.app.with_mailer(mailer);
        self
    }

    /// Changes the least time to fill in the public intake form (tests use 0).
    pub fn with_intake_min_fill_secs(mut self, secs: i64) -> Self {
        self.app = self.app.with_intake_min_fill_secs(secs);
        self
    }

    /// The organisation whose staff run the talent programme.
    pub fn with_talent_programme(mut self, organization_id: &str) -> Self {
        self.app = self.app.with_talent_programme(organization_id);
        self
    }

    /// Rebuilds the matching index with other weights and filter settings.
    pub async fn with_matching_settings(
        mut self,
        settings: loket_matching::Settings,
    ) -> Result<Self, StartError> {
        self.app = self.app.with_matching_settings(settings).await?;
        Ok(self)
    }

    pub fn with_session_timeouts(mut self, idle_secs: i64, absolute_secs: i64) -> Self {
        self.app = self.app.with_session_timeouts(idle_secs, absolute_secs);
        self
    }

    /// Behind a reverse proxy that sets `X-Forwarded-For`, use it for throttling.
    pub fn trusting_forwarded_for(mut self, trust: bool) -> Self {
        self.trust_forwarded_for = trust;
        self
    }

    /// Signs form tokens with a secret shared by every node (`secret_key`).
    pub fn with_secret_key(mut self, secret: &str) -> Self {
        self.csrf = Arc::new(CsrfKey::from_secret(secret));
        self
    }

    /// Lets browsers on these origins (e.g. `https://www.example.nl`) read the API.
    pub fn with_cors_origins(mut self, origins: Vec<String>) -> Self {
        self.cors_origins = Arc::new(origins);
        self
    }

    pub fn cors_allows(&self, origin: &str) -> bool {
        self.cors_origins.iter().any(|o| o == origin)
    }
}
