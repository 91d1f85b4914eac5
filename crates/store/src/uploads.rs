//! Files kept for a moment: a CV chosen with a form that came back with
//! errors, held under a token's hash so the form can be sent again without it.

use crate::StoreResult;

#[async_trait::async_trait]
pub trait UploadStore: Send + Sync {
    /// Keeps an uploaded file under a token's hash (for a form shown again with
    /// errors), and forgets every file held since before `forget_before`.
    async fn hold_upload(
        &self,
        token_hash: &str,
        content: &[u8],
        at: i64,
        forget_before: i64,
    ) -> StoreResult<()>;

    /// Forgets every file held before `before`; returns how many.
    async fn forget_held_uploads(&self, before: i64) -> StoreResult<u64>;

    /// The file held under a token's hash, if it was held at or after `since`.
    async fn held_upload(&self, token_hash: &str, since: i64) -> StoreResult<Option<Vec<u8>>>;
}
