//! The referral, contact and API-token storage, written once for both sqlx
//! backends (their SQL is the same). Helpers that build SQL or read rows live
//! here; the macro [`sqlx_referral_impls!`](crate::sqlx_referral_impls) holds the
//! code that needs the backend's pool type.

use crate::referrals::{InboxQuery, InboxView};
use crate::{StoreError, StoreResult};
use loket_domain::referral::{Referral, StatusChange};

/// The `WHERE` condition of an inbox view; `$1` is the organisation, `$2` the
/// account, `$3` today and `$4` the last "due" date (ISO dates).
pub fn inbox_condition(view: InboxView) -> &'static str {
    match view {
        InboxView::Open => "receiver_org = $1 AND due_on IS NOT NULL",
        InboxView::New => "receiver_org = $1 AND status = 'requested'",
        InboxView::Due => "receiver_org = $1 AND due_on >= $3 AND due_on <= $4",
        InboxView::Overdue => "receiver_org = $1 AND due_on < $3",
        InboxView::Mine => "receiver_org = $1 AND assignee = $2 AND due_on IS NOT NULL",
        InboxView::AllReceived => "receiver_org = $1",
        InboxView::Sent => "sender_org = $1",
    }
}

/// The page query of an inbox view, built from the static fragments above only
/// (never from input), so it is safe to pass as dynamic SQL. Every view uses all four parameters, so
/// that the same binds serve every view (`$2`, `$3`, `$4` compared with themselves
/// when a view does not need them).
pub fn inbox_sql(view: InboxView) -> String {
    format!(
        "SELECT doc FROM referrals WHERE {} AND $2 = $2 AND $3 = $3 AND $4 = $4 \
         ORDER BY {} LIMIT $5 OFFSET $6",
        inbox_condition(view),
        inbox_order(view)
    )
}

/// The order of an inbox view, chosen so that an index delivers it without
/// sorting: what is due first for due and overdue, else the newest first.
pub fn inbox_order(view: InboxView) -> &'static str {
    match view {
        InboxView::Due | InboxView::Overdue => "due_on, created_at",
        _ => "created_at DESC",
    }
}

/// Counts of a view stop at [`crate::referrals::COUNT_CAP`] + 1: an inbox tab says
/// "1000+" rather than make every page walk a hundred thousand index entries.
pub fn count_sql(view: InboxView) -> String {
    format!(
        "SELECT COUNT(*) FROM (SELECT 1 FROM referrals WHERE {} AND $2 = $2 AND $3 = $3 AND $4 = $4 LIMIT {}) AS capped",
        inbox_condition(view),
        crate::referrals::COUNT_CAP + 1
    )
}

pub fn iso(day: chrono::NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

pub fn inbox_binds(q: &InboxQuery<'_>) -> (String, String, String, String) {
    (
        q.organization_id.to_string(),
        q.account_id.to_string(),
        iso(q.today),
        iso(q.due_until),
    )
}

/// A `referral_events` row: version, at, actor, actor org, from, to, reason, outcome.
pub type EventRow = (
    i64,
    i64,
    String,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
);

fn code<T>(
    value: Option<String>,
    parse: fn(&str) -> Option<T>,
    what: &str,
) -> StoreResult<Option<T>> {
    value
        .map(|v| parse(&v).ok_or_else(|| StoreError::Corrupt(format!("{what} {v:?}"))))
        .transpose()
}

pub fn status_change(row: EventRow) -> StoreResult<StatusChange> {
    use loket_domain::referral::{Outcome, Reason, Status};
    let (version, at, actor, actor_org, from, to, reason, outcome) = row;
    Ok(StatusChange {
        version,
        at,
        actor,
        actor_org,
        from: code(from, Status::parse, "status")?,
        to: code(Some(to), Status::parse, "status")?
            .ok_or_else(|| StoreError::Corrupt("status".into()))?,
        reason: code(reason, Reason::parse, "reason")?,
        outcome: code(outcome, Outcome::parse, "outcome")?,
    })
}

pub fn referral(doc: &str) -> StoreResult<Referral> {
    crate::sql::from_json(doc)
}

/// The scopes column: codes separated by spaces.
pub fn scopes(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_string).collect()
}

/// The storage of referrals, contacts and API tokens for a sqlx backend.
/// `db` is the sqlx database type; `account_row` reads `(Account, password_hash)`
/// from `id, email, display_name, created_at, disabled, password_hash`.
#[macro_export]
macro_rules! sqlx_referral_impls {
    ($store:ty, db = $db:ty, account_row = $account_row:path) => {
        impl $store {
            /// Writes notifications and their e-mail jobs in the caller's transaction,
            /// so that a change and its notices are stored together or not at all.
            async fn insert_notices(
                tx: &mut ::sqlx::Transaction<'_, $db>,
                notices: &[$crate::referrals::Notice],
                at: i64,
            ) -> $crate::StoreResult<()> {
                for n in notices {
                    ::sqlx::query("INSERT INTO notifications (account_id, referral_id, kind, at) VALUES ($1, $2, $3, $4)")
                        .bind(&n.account_id)
                        .bind(&n.referral_id)
                        .bind(&n.kind)
                        .bind(at)
                        .execute(&mut **tx)
                        .await
                        .map_err($crate::sql::db)?;
                    ::sqlx::query("INSERT INTO jobs (kind, payload, run_at) VALUES ($1, $2, $3)")
                        .bind($crate::referrals::NOTICE_JOB)
                        .bind($crate::sql::to_json(n)?)
                        .bind(at)
                        .execute(&mut **tx)
                        .await
                        .map_err($crate::sql::db)?;
                }
                Ok(())
            }

            async fn insert_event(
                tx: &mut ::sqlx::Transaction<'_, $db>,
                referral_id: &str,
                c: &loket_domain::referral::StatusChange,
            ) -> $crate::StoreResult<()> {
                ::sqlx::query("INSERT INTO referral_events (referral_id, version, at, actor, actor_org, from_status, to_status, reason, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                    .bind(referral_id)
                    .bind(c.version)
                    .bind(c.at)
                    .bind(&c.actor)
                    .bind(&c.actor_org)
                    .bind(c.from.map(|s| s.code()))
                    .bind(c.to.code())
                    .bind(c.reason.map(|r| r.code()))
                    .bind(c.outcome.map(|o| o.code()))
                    .execute(&mut **tx)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }
        }

        #[$crate::sql::async_trait]
        impl $crate::referrals::ReferralStore for $store {
            async fn create_referral(
                &self,
                r: &loket_domain::referral::Referral,
                change: &loket_domain::referral::StatusChange,
                notices: &[$crate::referrals::Notice],
            ) -> $crate::StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                ::sqlx::query("INSERT INTO referrals (id, version, sender_org, receiver_org, service_id, status, due_on, assignee, created_at, updated_at, doc) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
                    .bind(&r.id)
                    .bind(r.version)
                    .bind(r.sender_org())
                    .bind(&r.receiver_org)
                    .bind(&r.service_id)
                    .bind(r.status.code())
                    .bind(r.due_on.map($crate::sql::referrals::iso))
                    .bind(&r.assignee)
                    .bind(r.created_at)
                    .bind(r.updated_at)
                    .bind($crate::sql::to_json(r)?)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| $crate::sql::refused(e, format!("referral {}", r.id), "id"))?;
                Self::insert_event(&mut tx, &r.id, change).await?;
                Self::insert_notices(&mut tx, notices, change.at).await?;
                Self::add_tallies(&mut tx, loket_domain::monitoring::rollup::of_referral(r)).await?;
                tx.commit().await.map_err($crate::sql::db)
            }

            async fn referral(&self, id: &str) -> $crate::StoreResult<Option<loket_domain::referral::Referral>> {
                let doc: Option<String> = ::sqlx::query_scalar("SELECT doc FROM referrals WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                doc.as_deref().map($crate::sql::referrals::referral).transpose()
            }

            async fn update_referral(
                &self,
                r: &loket_domain::referral::Referral,
                expected: i64,
                change: Option<&loket_domain::referral::StatusChange>,
                notices: &[$crate::referrals::Notice],
            ) -> $crate::StoreResult<()> {
                // Read before the transaction (a read first would make SQLite's
                // transaction upgrade to a write and fail under contention): the
                // version condition below makes sure this is the state replaced.
                let before: Option<String> = ::sqlx::query_scalar("SELECT doc FROM referrals WHERE id = $1 AND version = $2")
                    .bind(&r.id)
                    .bind(expected)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                // The version condition makes concurrent changes exclusive: the
                // first to commit wins, the others match no row.
                let saved = ::sqlx::query("UPDATE referrals SET version = $1, status = $2, due_on = $3, assignee = $4, updated_at = $5, doc = $6 WHERE id = $7 AND version = $8")
                    .bind(r.version)
                    .bind(r.status.code())
                    .bind(r.due_on.map($crate::sql::referrals::iso))
                    .bind(&r.assignee)
                    .bind(r.updated_at)
                    .bind($crate::sql::to_json(r)?)
                    .bind(&r.id)
                    .bind(expected)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                if saved.rows_affected() != 1 {
                    return Err($crate::StoreError::Conflict(format!("referral {}", r.id)));
                }
                if let Some(c) = change {
                    Self::insert_event(&mut tx, &r.id, c).await?;
                }
                if let Some(doc) = before {
                    let old = $crate::sql::referrals::referral(&doc)?;
                    Self::add_tallies(&mut tx, loket_domain::monitoring::rollup::referral_change(&old, r)).await?;
                }
                Self::insert_notices(&mut tx, notices, r.updated_at).await?;
                tx.commit().await.map_err($crate::sql::db)
            }

            async fn referral_history(&self, id: &str) -> $crate::StoreResult<Vec<loket_domain::referral::StatusChange>> {
                let rows: Vec<$crate::sql::referrals::EventRow> = ::sqlx::query_as("SELECT version, at, actor, actor_org, from_status, to_status, reason, outcome FROM referral_events WHERE referral_id = $1 ORDER BY version")
                    .bind(id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                rows.into_iter().map($crate::sql::referrals::status_change).collect()
            }

            async fn add_note(&self, referral_id: &str, organization_id: &str, note: &$crate::referrals::Note) -> $crate::StoreResult<()> {
                ::sqlx::query("INSERT INTO referral_notes (referral_id, organization_id, author, at, text) VALUES ($1, $2, $3, $4, $5)")
                    .bind(referral_id)
                    .bind(organization_id)
                    .bind(&note.author)
                    .bind(note.at)
                    .bind(&note.text)
                    .execute(&self.pool)
                    .await
                    .map_err(|e| $crate::sql::refused(e, format!("note on referral {referral_id}"), "referral_id"))?;
                Ok(())
            }

            async fn notes(&self, referral_id: &str, organization_id: &str) -> $crate::StoreResult<Vec<$crate::referrals::Note>> {
                let rows: Vec<(String, i64, String)> = ::sqlx::query_as("SELECT author, at, text FROM referral_notes WHERE referral_id = $1 AND organization_id = $2 ORDER BY at, id")
                    .bind(referral_id)
                    .bind(organization_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(rows.into_iter().map(|(author, at, text)| $crate::referrals::Note { author, at, text }).collect())
            }

            async fn inbox(&self, q: &$crate::referrals::InboxQuery<'_>) -> $crate::StoreResult<Vec<loket_domain::referral::Referral>> {
                let sql = $crate::sql::referrals::inbox_sql(q.view);
                let (org, account, today, due) = $crate::sql::referrals::inbox_binds(q);
                let docs: Vec<String> = ::sqlx::query_scalar(::sqlx::AssertSqlSafe(sql))
                    .bind(org)
                    .bind(account)
                    .bind(today)
                    .bind(due)
                    .bind(q.limit)
                    .bind(q.offset)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                docs.iter().map(|d| $crate::sql::referrals::referral(d)).collect()
            }

            async fn inbox_counts(&self, q: &$crate::referrals::InboxQuery<'_>) -> $crate::StoreResult<$crate::referrals::InboxCounts> {
                use $crate::referrals::InboxView;
                let (org, account, today, due) = $crate::sql::referrals::inbox_binds(q);
                let mut counts = [0_i64; 6];
                let views = [InboxView::Open, InboxView::New, InboxView::Due, InboxView::Overdue, InboxView::Mine, InboxView::Sent];
                for (slot, view) in counts.iter_mut().zip(views) {
                    *slot = ::sqlx::query_scalar(::sqlx::AssertSqlSafe($crate::sql::referrals::count_sql(view)))
                        .bind(&org)
                        .bind(&account)
                        .bind(&today)
                        .bind(&due)
                        .fetch_one(&self.pool)
                        .await
                        .map_err($crate::sql::db)?;
                }
                let [open, new, due, overdue, mine, sent] = counts;
                Ok($crate::referrals::InboxCounts { open, new, due, overdue, mine, sent })
            }

            async fn overdue_referrals(&self, today: ::chrono::NaiveDate, limit: i64) -> $crate::StoreResult<Vec<loket_domain::referral::Referral>> {
                let docs: Vec<String> = ::sqlx::query_scalar("SELECT doc FROM referrals WHERE due_on < $1 ORDER BY due_on, id LIMIT $2")
                    .bind($crate::sql::referrals::iso(today))
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                docs.iter().map(|d| $crate::sql::referrals::referral(d)).collect()
            }

            async fn referral_facts(&self, from: i64, to: i64) -> $crate::StoreResult<Vec<$crate::referrals::ReferralFact>> {
                let rows: Vec<(String, Option<i64>)> = ::sqlx::query_as("SELECT r.doc, (SELECT MIN(e.at) FROM referral_events e WHERE e.referral_id = r.id AND e.to_status = 'accepted') FROM referrals r WHERE r.created_at >= $1 AND r.created_at < $2 ORDER BY r.created_at, r.id")
                    .bind(from)
                    .bind(to)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                rows.into_iter()
                    .map(|(doc, accepted_at)| Ok($crate::referrals::ReferralFact { referral: $crate::sql::referrals::referral(&doc)?, accepted_at }))
                    .collect()
            }

            async fn clear_closed_referrals(&self, before: i64) -> $crate::StoreResult<u64> {
                let docs: Vec<String> = ::sqlx::query_scalar("SELECT doc FROM referrals WHERE due_on IS NULL AND updated_at < $1 AND doc LIKE '%\"person\":{%'")
                    .bind(before)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                let mut cleared = 0;
                for doc in docs {
                    let mut r = $crate::sql::referrals::referral(&doc)?;
                    if !r.status.is_final() {
                        continue;
                    }
                    r.person = None;
                    r.note = String::new();
                    let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                    ::sqlx::query("UPDATE referrals SET doc = $1 WHERE id = $2")
                        .bind($crate::sql::to_json(&r)?)
                        .bind(&r.id)
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::sql::db)?;
                    ::sqlx::query("DELETE FROM referral_notes WHERE referral_id = $1")
                        .bind(&r.id)
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::sql::db)?;
                    tx.commit().await.map_err($crate::sql::db)?;
                    cleared += 1;
                }
                Ok(cleared)
            }

            async fn organization_members(&self, organization_id: &str) -> $crate::StoreResult<Vec<loket_domain::account::Account>> {
                let rows = ::sqlx::query("SELECT DISTINCT a.id, a.email, a.display_name, a.created_at, a.disabled, a.password_hash FROM accounts a JOIN memberships m ON m.account_id = a.id WHERE m.organization_id = $1 AND m.role IN ('staff', 'org-admin') AND a.erased_at IS NULL AND a.disabled = $2 ORDER BY a.email")
                    .bind(organization_id)
                    .bind(false)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                rows.iter().map(|r| $account_row(r).map(|(a, _)| a)).collect()
            }

            async fn network_members(&self, role: &str) -> $crate::StoreResult<Vec<loket_domain::account::Account>> {
                let rows = ::sqlx::query("SELECT DISTINCT a.id, a.email, a.display_name, a.created_at, a.disabled, a.password_hash FROM accounts a JOIN memberships m ON m.account_id = a.id WHERE m.organization_id IS NULL AND m.role = $1 AND a.erased_at IS NULL AND a.disabled = $2 ORDER BY a.email")
                    .bind(role)
                    .bind(false)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                rows.iter().map(|r| $account_row(r).map(|(a, _)| a)).collect()
            }

            async fn notifications(&self, account_id: &str, limit: i64) -> $crate::StoreResult<Vec<$crate::referrals::Notification>> {
                let rows: Vec<(i64, String, String, i64, Option<i64>)> = ::sqlx::query_as("SELECT id, referral_id, kind, at, read_at FROM notifications WHERE account_id = $1 ORDER BY id DESC LIMIT $2")
                    .bind(account_id)
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(rows.into_iter().map(|(id, referral_id, kind, at, read_at)| $crate::referrals::Notification { id, referral_id, kind, at, read: read_at.is_some() }).collect())
            }

            async fn unread_notifications(&self, account_id: &str) -> $crate::StoreResult<i64> {
                ::sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE account_id = $1 AND read_at IS NULL")
                    .bind(account_id)
                    .fetch_one(&self.pool)
                    .await
                    .map_err($crate::sql::db)
            }

            async fn mark_read(&self, account_id: &str, referral_id: &str, at: i64) -> $crate::StoreResult<()> {
                ::sqlx::query("UPDATE notifications SET read_at = $1 WHERE account_id = $2 AND referral_id = $3 AND read_at IS NULL")
                    .bind(at)
                    .bind(account_id)
                    .bind(referral_id)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn queue_notices(&self, notices: &[$crate::referrals::Notice], at: i64) -> $crate::StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                Self::insert_notices(&mut tx, notices, at).await?;
                tx.commit().await.map_err($crate::sql::db)
            }

            async fn service_level(&self, service_id: &str) -> $crate::StoreResult<loket_domain::referral::ServiceLevel> {
                let row: Option<(i64, i64)> = ::sqlx::query_as("SELECT ack_working_days, update_days FROM service_levels WHERE service_id = $1")
                    .bind(service_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(match row {
                    Some((ack, update)) => loket_domain::referral::ServiceLevel {
                        ack_working_days: u32::try_from(ack).unwrap_or(2),
                        update_days: u32::try_from(update).unwrap_or(30),
                    },
                    None => Default::default(),
                })
            }

            async fn set_service_level(&self, service_id: &str, level: loket_domain::referral::ServiceLevel) -> $crate::StoreResult<()> {
                ::sqlx::query("INSERT INTO service_levels (service_id, ack_working_days, update_days) VALUES ($1, $2, $3) ON CONFLICT (service_id) DO UPDATE SET ack_working_days = excluded.ack_working_days, update_days = excluded.update_days")
                    .bind(service_id)
                    .bind(i64::from(level.ack_working_days))
                    .bind(i64::from(level.update_days))
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }
        }

        #[$crate::sql::async_trait]
        impl $crate::referrals::ContactStore for $store {
            async fn add_contact(&self, c: &loket_domain::contact::Contact) -> $crate::StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                ::sqlx::query("INSERT INTO contacts (id, organization_id, service_id, at, doc) VALUES ($1, $2, $3, $4, $5)")
                    .bind(&c.id)
                    .bind(&c.organization_id)
                    .bind(&c.service_id)
                    .bind(c.at)
                    .bind($crate::sql::to_json(c)?)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| $crate::sql::refused(e, format!("contact {}", c.id), "id"))?;
                Self::tally_contact(&mut tx, c, 1).await?;
                tx.commit().await.map_err($crate::sql::db)
            }

            async fn contacts(&self, organization_id: Option<&str>, from: i64, to: i64) -> $crate::StoreResult<Vec<loket_domain::contact::Contact>> {
                let docs: Vec<String> = ::sqlx::query_scalar("SELECT doc FROM contacts WHERE ($1 = '' OR organization_id = $1) AND at >= $2 AND at < $3 ORDER BY at, id")
                    .bind(organization_id.unwrap_or(""))
                    .bind(from)
                    .bind(to)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                docs.iter().map(|d| $crate::sql::from_json(d)).collect()
            }

            async fn clear_contact_people(&self, before: i64) -> $crate::StoreResult<u64> {
                let docs: Vec<String> = ::sqlx::query_scalar("SELECT doc FROM contacts WHERE at < $1 AND doc LIKE '%\"person\":{%'")
                    .bind(before)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                let mut cleared = 0;
                for doc in docs {
                    let named: loket_domain::contact::Contact = $crate::sql::from_json(&doc)?;
                    let c = loket_domain::contact::Contact { person: None, ..named.clone() };
                    // From now on the contact counts as an anonymous one.
                    let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                    ::sqlx::query("UPDATE contacts SET doc = $1 WHERE id = $2")
                        .bind($crate::sql::to_json(&c)?)
                        .bind(&c.id)
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::sql::db)?;
                    Self::tally_contact(&mut tx, &named, -1).await?;
                    Self::tally_contact(&mut tx, &c, 1).await?;
                    tx.commit().await.map_err($crate::sql::db)?;
                    cleared += 1;
                }
                Ok(cleared)
            }

            async fn contact_count(&self, organization_id: Option<&str>) -> $crate::StoreResult<i64> {
                ::sqlx::query_scalar("SELECT COUNT(*) FROM contacts WHERE ($1 = '' OR organization_id = $1)")
                    .bind(organization_id.unwrap_or(""))
                    .fetch_one(&self.pool)
                    .await
                    .map_err($crate::sql::db)
            }
        }

        #[$crate::sql::async_trait]
        impl $crate::referrals::ApiTokenStore for $store {
            async fn create_api_token(&self, t: &$crate::referrals::ApiToken, token_hash: &str) -> $crate::StoreResult<()> {
                ::sqlx::query("INSERT INTO api_tokens (id, token_hash, organization_id, name, scopes, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                    .bind(&t.id)
                    .bind(token_hash)
                    .bind(&t.organization_id)
                    .bind(&t.name)
                    .bind(t.scopes.join(" "))
                    .bind(&t.created_by)
                    .bind(t.created_at)
                    .execute(&self.pool)
                    .await
                    .map_err(|e| $crate::sql::refused(e, format!("API token {}", t.id), "id"))?;
                Ok(())
            }

            async fn api_token(&self, token_hash: &str) -> $crate::StoreResult<Option<$crate::referrals::ApiToken>> {
                let row: Option<(String, String, String, String, String, i64, Option<i64>)> = ::sqlx::query_as("SELECT id, organization_id, name, scopes, created_by, created_at, revoked_at FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL")
                    .bind(token_hash)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(row.map($crate::sql::referrals::api_token))
            }

            async fn api_tokens(&self, organization_id: &str) -> $crate::StoreResult<Vec<$crate::referrals::ApiToken>> {
                let rows: Vec<(String, String, String, String, String, i64, Option<i64>)> = ::sqlx::query_as("SELECT id, organization_id, name, scopes, created_by, created_at, revoked_at FROM api_tokens WHERE organization_id = $1 ORDER BY created_at, id")
                    .bind(organization_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(rows.into_iter().map($crate::sql::referrals::api_token).collect())
            }

            async fn revoke_api_token(&self, id: &str, organization_id: &str, at: i64) -> $crate::StoreResult<bool> {
                let done = ::sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND organization_id = $3 AND revoked_at IS NULL")
                    .bind(at)
                    .bind(id)
                    .bind(organization_id)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(done.rows_affected() == 1)
            }

            async fn idempotent_reply(&self, caller: &str, key: &str) -> $crate::StoreResult<Option<$crate::referrals::IdempotentReply>> {
                let row: Option<(String, i64, String)> = ::sqlx::query_as("SELECT request_hash, status, body FROM idempotency_keys WHERE caller = $1 AND key = $2")
                    .bind(caller)
                    .bind(key)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(row.map($crate::sql::referrals::idempotent_reply))
            }

            async fn save_idempotent_reply(&self, caller: &str, key: &str, reply: &$crate::referrals::IdempotentReply, at: i64) -> $crate::StoreResult<Option<$crate::referrals::IdempotentReply>> {
                let saved = ::sqlx::query("INSERT INTO idempotency_keys (caller, key, request_hash, status, body, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (caller, key) DO NOTHING")
                    .bind(caller)
                    .bind(key)
                    .bind(&reply.request_hash)
                    .bind(i64::from(reply.status))
                    .bind(&reply.body)
                    .bind(at)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                if saved.rows_affected() == 1 {
                    return Ok(None);
                }
                self.idempotent_reply(caller, key).await
            }

            async fn finish_idempotent_reply(&self, caller: &str, key: &str, reply: &$crate::referrals::IdempotentReply) -> $crate::StoreResult<()> {
                ::sqlx::query("UPDATE idempotency_keys SET request_hash = $1, status = $2, body = $3 WHERE caller = $4 AND key = $5")
                    .bind(&reply.request_hash)
                    .bind(i64::from(reply.status))
                    .bind(&reply.body)
                    .bind(caller)
                    .bind(key)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn forget_idempotent_reply(&self, caller: &str, key: &str) -> $crate::StoreResult<()> {
                ::sqlx::query("DELETE FROM idempotency_keys WHERE caller = $1 AND key = $2")
                    .bind(caller)
                    .bind(key)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn delete_idempotency_keys_before(&self, before: i64) -> $crate::StoreResult<u64> {
                let done = ::sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1")
                    .bind(before)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(done.rows_affected())
            }
        }
    };
}

pub fn api_token(
    row: (String, String, String, String, String, i64, Option<i64>),
) -> crate::referrals::ApiToken {
    let (id, organization_id, name, scopes_text, created_by, created_at, revoked_at) = row;
    crate::referrals::ApiToken {
        id,
        organization_id,
        name,
        scopes: scopes(&scopes_text),
        created_by,
        created_at,
        revoked_at,
    }
}

pub fn idempotent_reply(row: (String, i64, String)) -> crate::referrals::IdempotentReply {
    let (request_hash, status, body) = row;
    crate::referrals::IdempotentReply {
        request_hash,
        status: u16::try_from(status).unwrap_or(500),
        body,
    }
}
