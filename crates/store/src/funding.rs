//! Storage for what the coordinator records about a region's funding: the
//! shares of maximum contributions, where each condition stands, and which
//! funder accounts stand for which funder. Rows are only added; the newest of
//! each key is in force, the rest is the history.

use async_trait::async_trait;
use loket_domain::monitoring::allocation::{ConditionState, Share};

use crate::StoreResult;

/// A record as set, by whom (an account id) and when (Unix seconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded<T> {
    pub value: T,
    pub set_by: String,
    pub set_at: i64,
}

/// An account that stands for one of a region's funders (or no longer does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunderLink {
    pub account_id: String,
    pub region: String,
    pub funder: String,
    /// `false` once the link was removed.
    pub linked: bool,
}

#[async_trait]
pub trait FundingStore: Send + Sync + 'static {
    async fn set_share(
        &self,
        region: &str,
        share: &Share,
        set_by: &str,
        at: i64,
    ) -> StoreResult<()>;
    /// The newest share of each agreement, recipient and year of a region.
    async fn shares(&self, region: &str) -> StoreResult<Vec<Recorded<Share>>>;
    async fn set_condition(
        &self,
        region: &str,
        state: &ConditionState,
        set_by: &str,
        at: i64,
    ) -> StoreResult<()>;
    /// The newest state of each condition of a region that has one.
    async fn conditions(&self, region: &str) -> StoreResult<Vec<Recorded<ConditionState>>>;
    /// Links an account to a funder, or (with `linked: false`) removes that link.
    async fn set_funder_link(&self, link: &FunderLink, set_by: &str, at: i64) -> StoreResult<()>;
    /// The links in force of a region (`None`: of every region), or of one account.
    async fn funder_links(
        &self,
        region: Option<&str>,
        account_id: Option<&str>,
    ) -> StoreResult<Vec<FunderLink>>;
}
