//! What the coordinator records about funding, written once for both sqlx
//! backends. Rows are only added; the newest of each key is read.

use loket_domain::monitoring::allocation::{ConditionState, ConditionStatus, Share};

use crate::funding::{FunderLink, Recorded};

/// A `funding_shares` row: agreement, recipient, year, cents, set by, set at.
pub type ShareRow = (String, String, i32, i64, String, i64);

pub fn share(row: ShareRow) -> Recorded<Share> {
    let (agreement, recipient, year, cents, set_by, set_at) = row;
    Recorded {
        value: Share {
            agreement,
            recipient,
            year,
            cents,
        },
        set_by,
        set_at,
    }
}

/// A `funding_conditions` row: agreement, condition, status, day, note, set by, set at.
pub type ConditionRow = (String, String, String, Option<String>, String, String, i64);

pub fn condition(row: ConditionRow) -> crate::StoreResult<Recorded<ConditionState>> {
    let (agreement, condition, status, on, note, set_by, set_at) = row;
    let on = match on {
        Some(day) => Some(
            chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d")
                .map_err(|_| crate::StoreError::Corrupt(format!("condition day {day:?}")))?,
        ),
        None => None,
    };
    Ok(Recorded {
        value: ConditionState {
            status: ConditionStatus::parse(&status).ok_or_else(|| {
                crate::StoreError::Corrupt(format!("condition status {status:?}"))
            })?,
            agreement,
            condition,
            on,
            note,
        },
        set_by,
        set_at,
    })
}

/// A `funder_links` row: account, region, funder, linked.
pub type LinkRow = (String, String, String, bool);

pub fn link(row: LinkRow) -> FunderLink {
    let (account_id, region, funder, linked) = row;
    FunderLink {
        account_id,
        region,
        funder,
        linked,
    }
}

/// The funding records for a sqlx backend.
#[macro_export]
macro_rules! sqlx_funding_impls {
    ($store:ty) => {
        #[$crate::sql::async_trait]
        impl $crate::funding::FundingStore for $store {
            async fn set_share(
                &self,
                region: &str,
                s: &loket_domain::monitoring::allocation::Share,
                set_by: &str,
                at: i64,
            ) -> $crate::StoreResult<()> {
                ::sqlx::query("INSERT INTO funding_shares (region, agreement, recipient, year, cents, set_by, set_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                    .bind(region)
                    .bind(&s.agreement)
                    .bind(&s.recipient)
                    .bind(s.year)
                    .bind(s.cents)
                    .bind(set_by)
                    .bind(at)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn shares(
                &self,
                region: &str,
            ) -> $crate::StoreResult<Vec<$crate::funding::Recorded<loket_domain::monitoring::allocation::Share>>> {
                let rows: Vec<$crate::sql::funding::ShareRow> = ::sqlx::query_as(
                    "SELECT agreement, recipient, year, cents, set_by, set_at FROM funding_shares s \
                     WHERE region = $1 AND id = (SELECT MAX(id) FROM funding_shares n WHERE n.region = s.region \
                     AND n.agreement = s.agreement AND n.recipient = s.recipient AND n.year = s.year) \
                     ORDER BY agreement, year, recipient",
                )
                .bind(region)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                Ok(rows.into_iter().map($crate::sql::funding::share).collect())
            }

            async fn set_condition(
                &self,
                region: &str,
                c: &loket_domain::monitoring::allocation::ConditionState,
                set_by: &str,
                at: i64,
            ) -> $crate::StoreResult<()> {
                ::sqlx::query("INSERT INTO funding_conditions (region, agreement, condition_id, status, on_day, note, set_by, set_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                    .bind(region)
                    .bind(&c.agreement)
                    .bind(&c.condition)
                    .bind(c.status.code())
                    .bind(c.on.map(|d| d.to_string()))
                    .bind(&c.note)
                    .bind(set_by)
                    .bind(at)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn conditions(
                &self,
                region: &str,
            ) -> $crate::StoreResult<Vec<$crate::funding::Recorded<loket_domain::monitoring::allocation::ConditionState>>> {
                let rows: Vec<$crate::sql::funding::ConditionRow> = ::sqlx::query_as(
                    "SELECT agreement, condition_id, status, on_day, note, set_by, set_at FROM funding_conditions c \
                     WHERE region = $1 AND id = (SELECT MAX(id) FROM funding_conditions n WHERE n.region = c.region \
                     AND n.agreement = c.agreement AND n.condition_id = c.condition_id) \
                     ORDER BY agreement, condition_id",
                )
                .bind(region)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                rows.into_iter().map($crate::sql::funding::condition).collect()
            }

            async fn set_funder_link(
                &self,
                l: &$crate::funding::FunderLink,
                set_by: &str,
                at: i64,
            ) -> $crate::StoreResult<()> {
                ::sqlx::query("INSERT INTO funder_links (account_id, region, funder, linked, set_by, set_at) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(&l.account_id)
                    .bind(&l.region)
                    .bind(&l.funder)
                    .bind(l.linked)
                    .bind(set_by)
                    .bind(at)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn funder_links(
                &self,
                region: Option<&str>,
                account_id: Option<&str>,
            ) -> $crate::StoreResult<Vec<$crate::funding::FunderLink>> {
                let rows: Vec<$crate::sql::funding::LinkRow> = ::sqlx::query_as(
                    "SELECT account_id, region, funder, linked FROM funder_links l \
                     WHERE ($1 IS NULL OR region = $1) AND ($2 IS NULL OR account_id = $2) \
                     AND id = (SELECT MAX(id) FROM funder_links n WHERE n.account_id = l.account_id \
                     AND n.region = l.region AND n.funder = l.funder) AND linked \
                     ORDER BY region, funder, account_id",
                )
                .bind(region)
                .bind(account_id)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                Ok(rows.into_iter().map($crate::sql::funding::link).collect())
            }
        }
    };
}
