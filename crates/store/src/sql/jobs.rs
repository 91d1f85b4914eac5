//! The job queue for both sqlx backends (the macro below): enqueue, lease one
//! due job to one worker, complete, fail with a retry time, give back.

/// The job queue, written once for every sqlx backend. A backend passes
/// `claim_lock`: how the claim's subquery locks its row (`""` on SQLite, which
/// serialises writers; `" FOR UPDATE SKIP LOCKED"` on PostgreSQL).
#[macro_export]
macro_rules! sqlx_job_impls {
    ($store:ty, claim_lock = $claim_lock:literal) => {
        #[$crate::sql::async_trait]
        impl $crate::JobQueue for $store {
            async fn enqueue(&self, kind: &str, payload: &str, run_at: i64) -> $crate::StoreResult<i64> {
                ::sqlx::query_scalar("INSERT INTO jobs (kind, payload, run_at) VALUES ($1, $2, $3) RETURNING id")
                    .bind(kind)
                    .bind(payload)
                    .bind(run_at)
                    .fetch_one(&self.pool)
                    .await
                    .map_err($crate::sql::db)
            }

            async fn claim_job(&self, now: i64, lease: i64) -> $crate::StoreResult<Option<$crate::Job>> {
                use ::sqlx::Row as _;
                // The outer condition is checked again on the locked row, so two
                // workers racing for one job cannot both get it.
                // `claim_lock` makes racing workers skip a row another one is taking
                // (PostgreSQL: FOR UPDATE SKIP LOCKED), so each gets the next due job.
                let row = ::sqlx::query(concat!(
                    "UPDATE jobs SET locked_until = $1, attempts = attempts + 1 \
                     WHERE id = (SELECT id FROM jobs WHERE done_at IS NULL AND run_at <= $2 \
                                 AND (locked_until IS NULL OR locked_until < $2) ORDER BY run_at, id LIMIT 1",
                    $claim_lock,
                    ") AND done_at IS NULL AND (locked_until IS NULL OR locked_until < $2) \
                     RETURNING id, kind, payload, attempts",
                ))
                .bind(now + lease)
                .bind(now)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                Ok(row.map(|r| $crate::Job {
                    id: r.get(0),
                    kind: r.get(1),
                    payload: r.get(2),
                    attempts: r.get(3),
                }))
            }

            async fn complete_job(&self, id: i64, now: i64) -> $crate::StoreResult<()> {
                // The payload may hold a link with a token: it is not kept once the work is done.
                ::sqlx::query("UPDATE jobs SET done_at = $1, locked_until = NULL, payload = '{}' WHERE id = $2")
                    .bind(now)
                    .bind(id)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn due_jobs(&self, now: i64) -> $crate::StoreResult<(i64, i64)> {
                use ::sqlx::Row as _;
                let row = ::sqlx::query(
                    "SELECT count(*), coalesce(min(run_at), $1) FROM jobs WHERE done_at IS NULL AND run_at <= $1",
                )
                .bind(now)
                .fetch_one(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                Ok((row.get::<i64, _>(0), row.get::<i64, _>(1)))
            }

            async fn release_job(&self, id: i64) -> $crate::StoreResult<()> {
                ::sqlx::query(
                    "UPDATE jobs SET locked_until = NULL, attempts = attempts - 1 \
                     WHERE id = $1 AND done_at IS NULL AND attempts > 0",
                )
                .bind(id)
                .execute(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn fail_job(&self, id: i64, error: &str, retry_at: i64) -> $crate::StoreResult<()> {
                ::sqlx::query("UPDATE jobs SET locked_until = NULL, run_at = $1, last_error = $2 WHERE id = $3")
                    .bind(retry_at)
                    .bind(error)
                    .bind(id)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn pending_jobs(&self, kind: &str) -> $crate::StoreResult<i64> {
                ::sqlx::query_scalar("SELECT count(*) FROM jobs WHERE kind = $1 AND done_at IS NULL")
                    .bind(kind)
                    .fetch_one(&self.pool)
                    .await
                    .map_err($crate::sql::db)
            }

            async fn delete_jobs_done_before(&self, before: i64) -> $crate::StoreResult<u64> {
                let done = ::sqlx::query("DELETE FROM jobs WHERE done_at IS NOT NULL AND done_at < $1")
                    .bind(before)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(done.rows_affected())
            }
        }
    };
}
