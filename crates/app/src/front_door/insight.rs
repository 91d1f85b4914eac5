//! What the coordinator sees of the front door: how often each combination of
//! answers was asked (and whether it fell back to the generalist: a gap in the
//! menu), and what visitors wrote when the result did not help. No IP address,
//! no cookie, the day only.

use crate::{App, AppResult};
use chrono::NaiveDate;
use loket_domain::account::Membership;
use loket_domain::policy::{self, Action};
use loket_domain::region::RegionDirectory;
use loket_store::{Feedback, RouteCount};

/// Counts and feedback from `since` on (at most `feedback_limit` comments,
/// newest first), of one front door (a region's code, or empty for the
/// deployment's own) or of all (`None`). What this node counted so far is
/// written first.
pub async fn since(
    app: &App,
    since: NaiveDate,
    feedback_limit: i64,
    door: Option<&str>,
) -> AppResult<(Vec<RouteCount>, Vec<Feedback>)> {
    if let Err(e) = app.flush_insight().await {
        tracing::warn!(error = %e, "could not write front-door counts before reading them");
    }
    let counts = app.store.route_counts(since, door).await?;
    let feedback = app.store.feedback(since, feedback_limit, door).await?;
    Ok((counts, feedback))
}

/// Keeps a visitor's "this did not answer my question" (the day only).
pub async fn add_feedback(
    app: &App,
    door: &str,
    combination: String,
    lang: &str,
    comment: String,
) -> AppResult<()> {
    let f = Feedback {
        day: app.clock.today(),
        region: door.to_string(),
        combination,
        lang: lang.into(),
        comment,
    };
    Ok(app.store.add_feedback(&f).await?)
}

/// `since` as given, or 30 days back; an unreadable date is reported and the default used.
pub fn since_param(value: Option<&str>, today: NaiveDate) -> Result<NaiveDate, NaiveDate> {
    let default = today - chrono::Duration::days(30);
    match value.filter(|v| !v.is_empty()) {
        None => Ok(default),
        Some(v) => NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| default),
    }
}

/// Whose front-door counts are shown: every front door's, the deployment's own
/// (`/voordeur`), or one region's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Doors {
    All,
    Deployment,
    Region(String),
}

impl Doors {
    /// The store's filter: `None` for all doors, else the door's code (empty for the deployment's).
    pub fn filter(&self) -> Option<&str> {
        match self {
            Doors::All => None,
            Doors::Deployment => Some(""),
            Doors::Region(code) => Some(code),
        }
    }

    /// The value in the page's address: empty for all, `_` for the deployment's own
    /// (no region code can be `_`), else the region's code.
    pub fn param(&self) -> &str {
        match self {
            Doors::All => "",
            Doors::Deployment => "_",
            Doors::Region(code) => code,
        }
    }
}

/// The front doors someone may see the counts of, in the order offered: a
/// network role every door (all together first), a role tied to a region its
/// region's door only.
pub fn doors_for(memberships: &[Membership], regions: &RegionDirectory) -> Vec<Doors> {
    let reached = policy::reach_of(memberships, Action::ViewFrontDoorInsight);
    if reached.everywhere {
        let mut doors = vec![Doors::All, Doors::Deployment];
        doors.extend(regions.all().iter().map(|r| Doors::Region(r.code.clone())));
        return doors;
    }
    reached
        .regions
        .into_iter()
        .filter(|code| regions.get(code).is_some())
        .map(Doors::Region)
        .collect()
}

/// The doors asked for (by [`Doors::param`]) when they are among `offered`, else the first.
pub fn choose_doors(offered: &[Doors], asked: Option<&str>) -> Option<Doors> {
    asked
        .and_then(|a| offered.iter().find(|d| d.param() == a))
        .or(offered.first())
        .cloned()
}
