//! What the coordinator sees of the front door: how often each combination of
//! answers was asked (and whether it fell back to the generalist: a gap in the
//! menu), and what visitors wrote when the result did not help. No IP address,
//! no cookie, the day only.

use crate::{App, AppResult};
use chrono::NaiveDate;
use loket_store::{Feedback, RouteCount};

/// Counts and feedback from `since` on (at most `feedback_limit` comments,
/// newest first). What this node counted so far is written first.
pub async fn since(
    app: &App,
    since: NaiveDate,
    feedback_limit: i64,
) -> AppResult<(Vec<RouteCount>, Vec<Feedback>)> {
    if let Err(e) = app.flush_insight().await {
        tracing::warn!(error = %e, "could not write front-door counts before reading them");
    }
    let counts = app.store.route_counts(since).await?;
    let feedback = app.store.feedback(since, feedback_limit).await?;
    Ok((counts, feedback))
}

/// Keeps a visitor's "this did not answer my question" (the day only).
pub async fn add_feedback(
    app: &App,
    combination: String,
    lang: &str,
    comment: String,
) -> AppResult<()> {
    let f = Feedback {
        day: app.clock.today(),
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
