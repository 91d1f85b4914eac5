//! The App every use case works with, how it starts from the store, and the
//! background tasks that keep its read models current on every node.

use crate::clock::Clock;
use crate::front_door::counting::InsightBuffer;
use crate::mail::Mailer;
use loket_domain::privacy::ProcessingRegister;
use loket_domain::search::CatalogueIndex;
use loket_i18n::I18n;
use loket_routing::Flow;
use loket_store::{Store, StoreError};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// What every use case works with: the store, the in-memory read models built
/// from it (catalogue index, front-door flow, matching index), the register of
/// processing activities, the mailer, the password-hashing pool and the clock.
/// Cheap to clone (every part is shared).
#[derive(Clone)]
pub struct App {
    pub store: Arc<dyn Store>,
    pub i18n: Arc<I18n>,
    /// The front door's questions, the deployment's and each region's: the
    /// coordinator's latest wording, else the shipped one.
    flows: Arc<RwLock<Arc<Flows>>>,
    /// The register of processing activities.
    pub register: Arc<ProcessingRegister>,
    index: Arc<RwLock<Arc<CatalogueIndex>>>,
    seen_change: Arc<AtomicI64>,
    /// Front-door routings counted since the last flush.
    pub insight: Arc<InsightBuffer>,
    pub mailer: Arc<Mailer>,
    /// Where people reach loket, for links in e-mails, e.g. `https://loket.example.nl`.
    pub public_url: Arc<String>,
    /// The least seconds between showing the public intake form and sending it
    /// (people need longer; form-filling robots do not).
    pub intake_min_fill_secs: i64,
    /// Password hashing runs on at most one blocking thread per core: more would
    /// only share the cores and multiply Argon2's 19 MiB per hash.
    pub(crate) hashing: Arc<tokio::sync::Semaphore>,
    /// The matching index of candidates and vacancies, kept current from the change feed.
    pub talent: Arc<crate::talent::TalentIndex>,
    /// The time, and today's date in the region.
    pub clock: Clock,
    /// How long sessions live.
    pub sessions: crate::accounts::sessions::SessionLifetimes,
    /// The organisation whose staff run the talent programme (Welcome to Maastricht Region).
    pub talent_programme: Arc<String>,
    /// Daily backups by the job worker, when configured.
    pub backup: Option<Arc<crate::backup::BackupSchedule>>,
    /// The monitoring indicators (every version), from `seed/indicators.json`.
    pub indicators: Arc<loket_domain::monitoring::Indicators>,
    /// The programmes whose progress is reported (`seed/programmes/`).
    pub programmes: Arc<Vec<loket_domain::monitoring::programme::Programme>>,
    /// Who funds the regions' services (`seed/funding/`).
    pub funding: Arc<Vec<loket_domain::monitoring::funding::Funding>>,
    /// The cross-border rules (`seed/cross-border/rules.json`).
    pub crossborder: Arc<loket_crossborder::RuleBook>,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    I18n(#[from] loket_i18n::I18nError),
    #[error(transparent)]
    Flow(#[from] loket_routing::flow::FlowError),
    #[error(transparent)]
    Indicators(#[from] loket_domain::monitoring::indicator::IndicatorError),
    #[error(transparent)]
    Programme(#[from] loket_domain::monitoring::programme::ProgrammeError),
    #[error(transparent)]
    Funding(#[from] loket_domain::monitoring::funding::FundingError),
    #[error(transparent)]
    CrossBorder(#[from] loket_crossborder::rules::RuleBookError),
    #[error(transparent)]
    Register(#[from] loket_domain::privacy::RegisterError),
    #[error(transparent)]
    Vocabulary(#[from] loket_matching::VocabularyError),
    #[error(transparent)]
    Mail(#[from] crate::mail::MailError),
}

/// The scope of the deployment's own wording of the front door (a region's is its code).
pub const DEPLOYMENT_WORDING: &str = "flow";

/// The front door's questions in the deployment's wording and in each region's.
#[derive(Debug)]
pub struct Flows {
    deployment: Arc<Flow>,
    regions: std::collections::HashMap<String, Arc<Flow>>,
}

impl Flows {
    /// A region's wording, else the deployment's.
    pub fn of(&self, region: Option<&str>) -> Arc<Flow> {
        region
            .and_then(|r| self.regions.get(r))
            .unwrap_or(&self.deployment)
            .clone()
    }
}

/// The coordinators' latest flows from the store, else the one shipped with loket.
async fn load_flows(store: &dyn Store, index: &CatalogueIndex) -> Result<Flows, StartError> {
    let deployment = match store.latest_flow(DEPLOYMENT_WORDING).await? {
        Some((_, doc)) => Arc::new(Flow::parse(&doc)?),
        None => Arc::new(Flow::default_flow()?),
    };
    let mut regions = std::collections::HashMap::new();
    for region in index.regions.all() {
        if let Some((_, doc)) = store.latest_flow(&region.code).await? {
            regions.insert(region.code.clone(), Arc::new(Flow::parse(&doc)?));
        }
    }
    Ok(Flows {
        deployment,
        regions,
    })
}

impl App {
    pub async fn new(store: Arc<dyn Store>) -> Result<Self, StartError> {
        let seen = store.latest_change().await?;
        let index = CatalogueIndex::build(store.load().await?);
        let flows = load_flows(store.as_ref(), &index).await?;
        let talent = crate::talent::TalentIndex::build(
            store.as_ref(),
            crate::talent::esco()?,
            &index.areas,
            loket_matching::Settings::default(),
        )
        .await?;
        Ok(App {
            store,
            i18n: Arc::new(I18n::load()?),
            flows: Arc::new(RwLock::new(Arc::new(flows))),
            register: Arc::new(ProcessingRegister::default_register()?),
            index: Arc::new(RwLock::new(Arc::new(index))),
            seen_change: Arc::new(AtomicI64::new(seen)),
            insight: Arc::new(InsightBuffer::default()),
            mailer: Arc::new(Mailer::directory(
                std::path::PathBuf::from("data/mail"),
                "loket <noreply@localhost>",
            )?),
            public_url: Arc::new("http://127.0.0.1:8080".into()),
            intake_min_fill_secs: 3,
            hashing: Arc::new(tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get()),
            )),
            talent: Arc::new(talent),
            talent_programme: Arc::new(crate::talent::DEFAULT_PROGRAMME.to_string()),
            clock: Clock,
            sessions: Default::default(),
            backup: None,
            indicators: Arc::new(loket_domain::monitoring::Indicators::parse(
                loket_domain::monitoring::indicator::SHIPPED,
            )?),
            programmes: Arc::new(crate::monitoring::programme::shipped()?),
            funding: Arc::new(crate::monitoring::funding::shipped()?),
            crossborder: Arc::new(loket_crossborder::RuleBook::shipped()?),
        })
    }

    pub fn with_session_timeouts(mut self, idle_secs: i64, absolute_secs: i64) -> Self {
        self.sessions = crate::accounts::sessions::SessionLifetimes {
            idle_secs,
            absolute_secs,
        };
        self
    }

    /// Daily backups into a directory, keeping the newest `keep`.
    pub fn with_backup_schedule(mut self, schedule: Option<crate::backup::BackupSchedule>) -> Self {
        self.backup = schedule.map(Arc::new);
        self
    }

    /// Where people reach loket (links in e-mails).
    pub fn with_public_url(mut self, url: &str) -> Self {
        self.public_url = Arc::new(url.trim_end_matches('/').to_string());
        self
    }

    /// Changes the least time to fill in the public intake form (tests use 0).
    pub fn with_intake_min_fill_secs(mut self, secs: i64) -> Self {
        self.intake_min_fill_secs = secs;
        self
    }

    pub fn with_mailer(mut self, mailer: Mailer) -> Self {
        self.mailer = Arc::new(mailer);
        self
    }

    /// Runs queued jobs (mail, retention) every `every`, until the worker is stopped.
    pub fn spawn_job_worker(&self, every: Duration) -> crate::worker::Worker {
        crate::worker::spawn(self, every)
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

    /// The front door's questions in the deployment's wording; cheap to call.
    pub fn flow(&self) -> Arc<Flow> {
        self.flow_of(None)
    }

    /// The front door's questions in a region's wording (`None`: the deployment's).
    pub fn flow_of(&self, region: Option<&str>) -> Arc<Flow> {
        match self.flows.read() {
            Ok(guard) => guard.of(region),
            Err(poisoned) => poisoned.into_inner().of(region),
        }
    }

    /// The current catalogue index; cheap to call, it clones an `Arc`.
    /// The last catalogue change this node's index has read.
    pub fn seen_change(&self) -> i64 {
        self.seen_change.load(Ordering::Acquire)
    }

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
        // The flows travel on the same change feed as the catalogue.
        let flows = load_flows(self.store.as_ref(), &index).await;
        match self.index.write() {
            Ok(mut guard) => *guard = index,
            Err(poisoned) => *poisoned.into_inner() = index,
        }
        match flows {
            Ok(flows) => match self.flows.write() {
                Ok(mut guard) => *guard = Arc::new(flows),
                Err(poisoned) => *poisoned.into_inner() = Arc::new(flows),
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
    ) -> Result<Self, StartError> {
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
