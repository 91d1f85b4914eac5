use crate::csrf::CsrfKey;
use crate::insight::InsightBuffer;
use crate::mail::Mailer;
use crate::routes::AccessMap;
use crate::session::SessionConfig;
use loket_domain::privacy::ProcessingRegister;
use loket_domain::search::CatalogueIndex;
use loket_i18n::I18n;
use loket_routing::Flow;
use loket_store::{Store, StoreError};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// Shared by all handlers: the store, the in-memory catalogue index built from
/// it, and the message catalogues.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub i18n: Arc<I18n>,
    /// The front door's questions: the coordinator's latest version, else the shipped one.
    flow: Arc<RwLock<Arc<Flow>>>,
    /// The register of processing activities.
    pub register: Arc<ProcessingRegister>,
    index: Arc<RwLock<Arc<CatalogueIndex>>>,
    seen_change: Arc<AtomicI64>,
    /// Origins whose browsers may read API responses (CORS); exact matches.
    cors_origins: Arc<Vec<String>>,
    /// Signs the tokens of anonymous forms.
    pub(crate) csrf: Arc<CsrfKey>,
    /// Front-door routings counted since the last flush.
    pub(crate) insight: Arc<InsightBuffer>,
    /// Who may use which route (filled in by [`crate::router`]).
    pub(crate) access: Arc<AccessMap>,
    pub(crate) sessions: Arc<SessionConfig>,
    pub(crate) mailer: Arc<Mailer>,
    /// Where people reach loket, for links in e-mails, e.g. `https://loket.example.nl`.
    pub(crate) public_url: Arc<String>,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub(crate) trust_forwarded_for: bool,
    /// The least seconds between showing the public intake form and sending it
    /// (people need longer; form-filling robots do not).
    pub(crate) intake_min_fill_secs: i64,
    /// Password hashing runs on at most one blocking thread per core: more would
    /// only share the cores and multiply Argon2's 19 MiB per hash.
    pub(crate) hashing: Arc<tokio::sync::Semaphore>,
    /// The matching index of candidates and vacancies, kept current from the change feed.
    pub talent: Arc<crate::talent::TalentIndex>,
    /// The organisation whose staff run the talent programme (Welcome to Maastricht Region).
    pub talent_programme: Arc<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    I18n(#[from] loket_i18n::I18nError),
    #[error(transparent)]
    Flow(#[from] loket_routing::flow::FlowError),
    #[error(transparent)]
    Register(#[from] loket_domain::privacy::RegisterError),
    #[error(transparent)]
    Vocabulary(#[from] loket_matching::VocabularyError),
    #[error(transparent)]
    Mail(#[from] crate::mail::MailError),
}

/// The coordinator's latest flow from the store, else the one shipped with loket.
async fn load_flow(store: &dyn Store) -> Result<Flow, StateError> {
    match store.latest_flow().await? {
        Some((_, doc)) => Ok(Flow::parse(&doc)?),
        None => Ok(Flow::default_flow()?),
    }
}

impl AppState {
    pub async fn new(store: Arc<dyn Store>) -> Result<Self, StateError> {
        let seen = store.latest_change().await?;
        let index = CatalogueIndex::build(store.load().await?);
        let flow = load_flow(store.as_ref()).await?;
        let talent = crate::talent::TalentIndex::build(
            store.as_ref(),
            crate::talent::esco()?,
            &index.areas,
            loket_matching::Settings::default(),
        )
        .await?;
        Ok(AppState {
            store,
            i18n: Arc::new(I18n::load()?),
            flow: Arc::new(RwLock::new(Arc::new(flow))),
            register: Arc::new(ProcessingRegister::default_register()?),
            index: Arc::new(RwLock::new(Arc::new(index))),
            seen_change: Arc::new(AtomicI64::new(seen)),
            cors_origins: Arc::new(Vec::new()),
            csrf: Arc::new(CsrfKey::random()),
            insight: Arc::new(InsightBuffer::default()),
            access: Arc::new(AccessMap::new()),
            sessions: Arc::new(SessionConfig::default()),
            mailer: Arc::new(Mailer::directory(
                std::path::PathBuf::from("data/mail"),
                "loket <noreply@localhost>",
            )?),
            public_url: Arc::new("http://127.0.0.1:8080".into()),
            trust_forwarded_for: false,
            intake_min_fill_secs: 3,
            hashing: Arc::new(tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get()),
            )),
            talent: Arc::new(talent),
            talent_programme: Arc::new(crate::talent::DEFAULT_PROGRAMME.to_string()),
        })
    }

    /// Where people reach loket (links in e-mails); an `https://` address also
    /// makes session cookies `Secure`.
    pub fn with_public_url(mut self, url: &str) -> Self {
        let url = url.trim_end_matches('/').to_string();
        let mut sessions = (*self.sessions).clone();
        sessions.secure_cookies = url.starts_with("https://");
        self.sessions = Arc::new(sessions);
        self.public_url = Arc::new(url);
        self
    }

    /// Changes the least time to fill in the public intake form (tests use 0).
    pub fn with_intake_min_fill_secs(mut self, secs: i64) -> Self {
        self.intake_min_fill_secs = secs;
        self
    }

    pub fn with_session_timeouts(mut self, idle_secs: i64, absolute_secs: i64) -> Self {
        let mut sessions = (*self.sessions).clone();
        sessions.idle_secs = idle_secs;
        sessions.absolute_secs = absolute_secs;
        self.sessions = Arc::new(sessions);
        self
    }

    pub fn with_mailer(mut self, mailer: Mailer) -> Self {
        self.mailer = Arc::new(mailer);
        self
    }

    /// Behind a reverse proxy that sets `X-Forwarded-For`, use it for throttling.
    pub fn trusting_forwarded_for(mut self, trust: bool) -> Self {
        self.trust_forwarded_for = trust;
        self
    }

    /// Runs queued jobs (mail, retention) every `every`.
    pub fn spawn_job_worker(&self, every: Duration) -> tokio::task::JoinHandle<()> {
        crate::jobs::spawn_worker(self, every)
    }

    /// Signs form tokens with a secret shared by every node (`secret_key`).
    pub fn with_secret_key(mut self, secret: &str) -> Self {
        self.csrf = Arc::new(CsrfKey::from_secret(secret));
        self
    }

    /// Writes the front-door counts gathered so far.
    pub async fn flush_insight(&self) -> Result<usize, StoreError> {
        self.insight.flush(self.store.as_ref()).await
    }

    /// Writes the front-door counts every `every`.
    pub fn spawn_insight_writer(&self, every: Duration) -> tokio::task::JoinHandle<()> {
        let state = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            loop {
                tick.tick().await;
                if let Err(e) = state.flush_insight().await {
                    tracing::warn!(error = %e, "writing front-door counts failed; they are kept for the next try");
                }
            }
        })
    }

    /// Lets browsers on these origins (e.g. `https://www.example.nl`) read the API.
    pub fn with_cors_origins(mut self, origins: Vec<String>) -> Self {
        self.cors_origins = Arc::new(origins);
        self
    }

    pub fn cors_allows(&self, origin: &str) -> bool {
        self.cors_origins.iter().any(|o| o == origin)
    }

    /// The front door's questions now; cheap to call, it clones an `Arc`.
    pub fn flow(&self) -> Arc<Flow> {
        match self.flow.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// The current catalogue index; cheap to call, it clones an `Arc`.
    pub fn index(&self) -> Arc<CatalogueIndex> {
        match self.index.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Rebuilds the index when the change feed moved on; returns whether it did.
    pub async fn refresh(&self) -> Result<bool, StoreError> {
        let latest = self.store.latest_change().await?;
        if latest <= self.seen_change.load(Ordering::Acquire) {
            return Ok(false);
        }
        let index = Arc::new(CatalogueIndex::build(self.store.load().await?));
        match self.index.write() {
            Ok(mut guard) => *guard = index,
            Err(poisoned) => *poisoned.into_inner() = index,
        }
        // The flow travels on the same change feed as the catalogue.
        match load_flow(self.store.as_ref()).await {
            Ok(flow) => match self.flow.write() {
                Ok(mut guard) => *guard = Arc::new(flow),
                Err(poisoned) => *poisoned.into_inner() = Arc::new(flow),
            },
            Err(e) => {
                tracing::error!(error = %e, "the stored front-door flow is invalid; keeping the previous one")
            }
        }
        self.seen_change.store(latest, Ordering::Release);
        Ok(true)
    }

    /// Follows the talent change feed every `every`: a new or changed candidate or vacancy
    /// is matchable on this node within `every` plus one read.
    pub fn spawn_talent_follower(&self, every: Duration) -> tokio::task::JoinHandle<()> {
        let state = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                let areas = state.index();
                if let Err(e) = state
                    .talent
                    .catch_up(state.store.as_ref(), &areas.areas)
                    .await
                {
                    tracing::warn!(error = %e, "following the talent change feed failed; will retry");
                }
            }
        })
    }

    /// The organisation whose staff run the talent programme.
    pub fn with_talent_programme(mut self, organization_id: &str) -> Self {
        self.talent_programme = Arc::new(organization_id.to_string());
        self
    }

    /// Rebuilds the matching index with other weights and filter settings (configuration).
    pub async fn with_matching_settings(
        mut self,
        settings: loket_matching::Settings,
    ) -> Result<Self, StateError> {
        let talent = crate::talent::TalentIndex::build(
            self.store.as_ref(),
            crate::talent::esco()?,
            &self.index().areas,
            settings,
        )
        .await?;
        self.talent = Arc::new(talent);
        Ok(self)
    }

    /// Polls the change feed so that every node converges within `every`.
    pub fn spawn_refresher(&self, every: Duration) -> tokio::task::JoinHandle<()> {
        let state = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            loop {
                tick.tick().await;
                if let Err(e) = state.refresh().await {
                    tracing::warn!(error = %e, "catalogue refresh failed; serving the previous index");
                }
            }
        })
    }
}
