//! The SQL of held uploads, written once for both sqlx backends.

/// Held uploads for a sqlx backend.
#[macro_export]
macro_rules! sqlx_upload_impls {
    ($store:ty) => {
        #[::async_trait::async_trait]
        impl $crate::uploads::UploadStore for $store {
            async fn hold_upload(
                &self,
                token_hash: &str,
                content: &[u8],
                at: i64,
                forget_before: i64,
            ) -> $crate::StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                ::sqlx::query("DELETE FROM held_uploads WHERE held_at < $1")
                    .bind(forget_before)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                ::sqlx::query(
                    "INSERT INTO held_uploads (token_hash, content, held_at) VALUES ($1, $2, $3)",
                )
                .bind(token_hash)
                .bind(content)
                .bind(at)
                .execute(&mut *tx)
                .await
                .map_err($crate::sql::db)?;
                tx.commit().await.map_err($crate::sql::db)
            }

            async fn forget_held_uploads(&self, before: i64) -> $crate::StoreResult<u64> {
                ::sqlx::query("DELETE FROM held_uploads WHERE held_at < $1")
                    .bind(before)
                    .execute(&self.pool)
                    .await
                    .map(|r| r.rows_affected())
                    .map_err($crate::sql::db)
            }

            async fn held_upload(
                &self,
                token_hash: &str,
                since: i64,
            ) -> $crate::StoreResult<Option<Vec<u8>>> {
                ::sqlx::query_scalar(
                    "SELECT content FROM held_uploads WHERE token_hash = $1 AND held_at >= $2",
                )
                .bind(token_hash)
                .bind(since)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::sql::db)
            }
        }
    };
}
