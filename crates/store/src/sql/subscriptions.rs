//! Subscriptions to the quarterly report, written once for both sqlx backends.

/// A `report_subscriptions` row: id, account, scope, language, created, last quarter.
pub type SubscriptionRow = (String, String, String, String, i64, String);

pub fn subscription(row: SubscriptionRow) -> crate::subscriptions::Subscription {
    let (id, account_id, scope, lang, created_at, last_quarter) = row;
    crate::subscriptions::Subscription {
        id,
        account_id,
        scope,
        lang,
        created_at,
        last_quarter,
    }
}

/// The storage of subscriptions for a sqlx backend.
#[macro_export]
macro_rules! sqlx_subscription_impls {
    ($store:ty) => {
        #[$crate::sql::async_trait]
        impl $crate::subscriptions::SubscriptionStore for $store {
            async fn subscribe(
                &self,
                s: &$crate::subscriptions::Subscription,
            ) -> $crate::StoreResult<bool> {
                let done = ::sqlx::query("INSERT INTO report_subscriptions (id, account_id, scope, lang, created_at, last_quarter) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (account_id, scope) DO NOTHING")
                    .bind(&s.id)
                    .bind(&s.account_id)
                    .bind(&s.scope)
                    .bind(&s.lang)
                    .bind(s.created_at)
                    .bind(&s.last_quarter)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(done.rows_affected() == 1)
            }

            async fn subscriptions_of(
                &self,
                account_id: &str,
            ) -> $crate::StoreResult<Vec<$crate::subscriptions::Subscription>> {
                let rows: Vec<$crate::sql::subscriptions::SubscriptionRow> = ::sqlx::query_as("SELECT s.id, s.account_id, s.scope, s.lang, s.created_at, s.last_quarter FROM report_subscriptions s WHERE s.account_id = $1 ORDER BY s.created_at, s.id")
                    .bind(account_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(rows.into_iter().map($crate::sql::subscriptions::subscription).collect())
            }

            async fn unsubscribe(&self, account_id: &str, scope: &str) -> $crate::StoreResult<bool> {
                // The links go with it (ON DELETE CASCADE).
                let done = ::sqlx::query("DELETE FROM report_subscriptions WHERE account_id = $1 AND scope = $2")
                    .bind(account_id)
                    .bind(scope)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(done.rows_affected() > 0)
            }

            async fn subscriptions_due(
                &self,
                quarter: &str,
            ) -> $crate::StoreResult<Vec<$crate::subscriptions::Subscription>> {
                let rows: Vec<$crate::sql::subscriptions::SubscriptionRow> = ::sqlx::query_as("SELECT s.id, s.account_id, s.scope, s.lang, s.created_at, s.last_quarter FROM report_subscriptions s WHERE s.last_quarter < $1 ORDER BY s.created_at, s.id")
                    .bind(quarter)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(rows.into_iter().map($crate::sql::subscriptions::subscription).collect())
            }

            async fn queue_quarterly_mail(
                &self,
                m: &$crate::subscriptions::QuarterlyMail,
                at: i64,
            ) -> $crate::StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                let moved = ::sqlx::query("UPDATE report_subscriptions SET last_quarter = $1 WHERE id = $2 AND last_quarter < $1")
                    .bind(&m.quarter)
                    .bind(&m.subscription_id)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                if moved.rows_affected() != 1 {
                    tx.rollback().await.map_err($crate::sql::db)?;
                    return Ok(false);
                }
                ::sqlx::query("INSERT INTO report_unsubscribe_links (link_hash, subscription_id, created_at) VALUES ($1, $2, $3)")
                    .bind(&m.unsubscribe_hash)
                    .bind(&m.subscription_id)
                    .bind(at)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                ::sqlx::query("INSERT INTO jobs (kind, payload, run_at) VALUES ($1, $2, $3)")
                    .bind("mail")
                    .bind(&m.mail_job)
                    .bind(at)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                tx.commit().await.map_err($crate::sql::db)?;
                Ok(true)
            }

            async fn subscription_by_link(
                &self,
                link_hash: &str,
            ) -> $crate::StoreResult<Option<$crate::subscriptions::Subscription>> {
                let row: Option<$crate::sql::subscriptions::SubscriptionRow> = ::sqlx::query_as("SELECT s.id, s.account_id, s.scope, s.lang, s.created_at, s.last_quarter FROM report_subscriptions s JOIN report_unsubscribe_links l ON l.subscription_id = s.id WHERE l.link_hash = $1")
                    .bind(link_hash)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(row.map($crate::sql::subscriptions::subscription))
            }

            async fn unsubscribe_by_link(&self, link_hash: &str) -> $crate::StoreResult<bool> {
                let done = ::sqlx::query("DELETE FROM report_subscriptions WHERE id IN (SELECT subscription_id FROM report_unsubscribe_links WHERE link_hash = $1)")
                    .bind(link_hash)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(done.rows_affected() > 0)
            }
        }
    };
}
