//! The sign-in, session, token, throttling, versioning and retention storage for
//! both sqlx backends (the macro below); the job queue is in `jobs`.

/// The sign-in, session, token, throttling, versioning and retention
/// storage, written once for every sqlx backend: their SQL is the same on
/// SQLite and PostgreSQL. A backend passes what differs:
/// - `account_row`: reads `(Account, password_hash)` from
///   `id, email, display_name, created_at, disabled, password_hash`;
/// - `changes_sql`: records a catalogue change for `($1 entity, $2 id)`;
/// - `update_service_sql`: `($1 status, $2 last_modified, $3 doc, $4 id)`;
/// - `last_modified`: turns a `&DateTime<Utc>` into the value bound as `$2`;
/// - `update_location_sql`, `update_term_sql`, `update_region_sql`: `($1 doc, $2 id)`;
#[macro_export]
macro_rules! sqlx_sign_in_impls {
    ($store:ty, account_row = $account_row:path, changes_sql = $changes:literal,
     update_service_sql = $update_service:literal, last_modified = $lm:expr,
     update_location_sql = $update_location:literal, update_term_sql = $update_term:literal,
     update_region_sql = $update_region:literal,
     insert_organization_sql = $insert_organization:literal) => {
        #[$crate::sql::async_trait]
        impl $crate::ProposalStore for $store {
            async fn add_proposal(&self, p: &loket_domain::proposal::OrganizationProposal, at: i64) -> $crate::StoreResult<()> {
                ::sqlx::query("INSERT INTO organization_proposals (id, submitted_at, doc, status) VALUES ($1, $2, $3, 'pending')")
                    .bind(&p.id)
                    .bind(at)
                    .bind($crate::sql::to_json(p)?)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn pending_proposals(&self) -> $crate::StoreResult<Vec<$crate::ProposalRecord>> {
                let rows: Vec<$crate::sql::ProposalRow> = ::sqlx::query_as("SELECT doc, submitted_at, status, decided_by, decided_at FROM organization_proposals WHERE status = 'pending' ORDER BY submitted_at, id")
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                rows.into_iter().map($crate::sql::proposal_record).collect()
            }

            async fn proposal(&self, id: &str) -> $crate::StoreResult<Option<$crate::ProposalRecord>> {
                let row: Option<$crate::sql::ProposalRow> = ::sqlx::query_as("SELECT doc, submitted_at, status, decided_by, decided_at FROM organization_proposals WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                row.map($crate::sql::proposal_record).transpose()
            }

            async fn decide_proposal(&self, id: &str, organization: Option<&loket_domain::Organization>, actor: &str, at: i64) -> $crate::StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                let decided = ::sqlx::query("UPDATE organization_proposals SET status = $1, decided_by = $2, decided_at = $3 WHERE id = $4 AND status = 'pending'")
                    .bind(if organization.is_some() { "approved" } else { "declined" })
                    .bind(actor)
                    .bind(at)
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                if decided.rows_affected() != 1 {
                    return Ok(false);
                }
                if let Some(o) = organization {
                    ::sqlx::query($insert_organization)
                        .bind(&o.id)
                        .bind(&o.key)
                        .bind(&o.name)
                        .bind(($lm)(&o.last_modified))
                        .bind($crate::sql::to_json(o)?)
                        .execute(&mut *tx)
                        .await
                        .map_err(|e| $crate::sql::refused(e, format!("organization {}", o.key), "key"))?;
                    ::sqlx::query($changes)
                        .bind("organization")
                        .bind(&o.id)
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::sql::db)?;
                }
                tx.commit().await.map_err($crate::sql::db)?;
                Ok(true)
            }

            async fn delete_proposals_decided_before(&self, before: i64) -> $crate::StoreResult<u64> {
                let done = ::sqlx::query("DELETE FROM organization_proposals WHERE status <> 'pending' AND decided_at < $1")
                    .bind(before)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(done.rows_affected())
            }
        }

        impl $store {
            /// Saves a record kept as a JSON document when its version is still
            /// `expected`: the version check, the document, its version and a
            /// change-feed entry, in one transaction.
            #[allow(clippy::too_many_arguments)]
            async fn save_versioned(
                &self,
                entity: &'static str,
                lock_sql: &'static str,
                select_sql: &'static str,
                update_sql: &'static str,
                id: &str,
                doc: String,
                expected: i64,
                actor: &str,
            ) -> $crate::StoreResult<i64> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                let locked = ::sqlx::query(lock_sql)
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                if locked.rows_affected() != 1 {
                    return Err($crate::StoreError::Rejected {
                        record: format!("{entity} {id}"),
                        field: "id".into(),
                        message: format!("no such {entity}"),
                    });
                }
                let latest: Option<i64> = ::sqlx::query_scalar("SELECT max(version) FROM record_versions WHERE entity = $1 AND entity_id = $2")
                    .bind(entity)
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                let current = latest.unwrap_or(1);
                if current != expected {
                    return Err($crate::StoreError::Conflict(format!("{entity} {id}")));
                }
                let now = ::chrono::Utc::now().timestamp();
                if latest.is_none() {
                    let stored: String = ::sqlx::query_scalar(select_sql)
                        .bind(id)
                        .fetch_one(&mut *tx)
                        .await
                        .map_err($crate::sql::db)?;
                    ::sqlx::query("INSERT INTO record_versions (entity, entity_id, version, at, actor, doc) VALUES ($1, $2, 1, $3, 'import', $4)")
                        .bind(entity)
                        .bind(id)
                        .bind(now)
                        .bind(stored)
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::sql::db)?;
                }
                ::sqlx::query(update_sql)
                    .bind(&doc)
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                ::sqlx::query("INSERT INTO record_versions (entity, entity_id, version, at, actor, doc) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(entity)
                    .bind(id)
                    .bind(current + 1)
                    .bind(now)
                    .bind(actor)
                    .bind(&doc)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                ::sqlx::query($changes)
                    .bind(entity)
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                tx.commit().await.map_err($crate::sql::db)?;
                Ok(current + 1)
            }
        }

        #[$crate::sql::async_trait]
        impl $crate::SignInStore for $store {
            async fn account(
                &self,
                id: &str,
            ) -> $crate::StoreResult<Option<(loket_domain::account::Account, String)>> {
                let row = ::sqlx::query("SELECT id, email, display_name, created_at, disabled, password_hash FROM accounts WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                row.as_ref().map($account_row).transpose()
            }

            async fn accounts(&self) -> $crate::StoreResult<Vec<loket_domain::account::Account>> {
                let rows = ::sqlx::query("SELECT id, email, display_name, created_at, disabled, password_hash FROM accounts WHERE erased_at IS NULL ORDER BY email")
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                rows.iter().map(|r| $account_row(r).map(|(a, _)| a)).collect()
            }

            async fn set_password(&self, account_id: &str, hash: &str) -> $crate::StoreResult<()> {
                ::sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2 AND erased_at IS NULL")
                    .bind(hash)
                    .bind(account_id)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn totp(&self, account_id: &str) -> $crate::StoreResult<Option<$crate::TotpState>> {
                use ::sqlx::Row as _;
                let row = ::sqlx::query("SELECT totp_secret, totp_confirmed, totp_last_step FROM accounts WHERE id = $1 AND totp_secret IS NOT NULL")
                    .bind(account_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(row.map(|r| $crate::TotpState {
                    secret: r.get(0),
                    confirmed: r.get(1),
                    last_step: r.get(2),
                }))
            }

            async fn begin_totp(&self, account_id: &str, secret: &str) -> $crate::StoreResult<()> {
                ::sqlx::query("UPDATE accounts SET totp_secret = $1, totp_confirmed = FALSE, totp_last_step = 0 WHERE id = $2")
                    .bind(secret)
                    .bind(account_id)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn accept_totp_step(&self, account_id: &str, step: i64) -> $crate::StoreResult<bool> {
                let done = ::sqlx::query("UPDATE accounts SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1")
                    .bind(step)
                    .bind(account_id)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(done.rows_affected() == 1)
            }

            async fn confirm_totp(&self, account_id: &str, hashes: &[String]) -> $crate::StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                ::sqlx::query("UPDATE accounts SET totp_confirmed = TRUE WHERE id = $1")
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                ::sqlx::query("DELETE FROM recovery_codes WHERE account_id = $1")
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                for h in hashes {
                    ::sqlx::query("INSERT INTO recovery_codes (account_id, code_hash) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                        .bind(account_id)
                        .bind(h)
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::sql::db)?;
                }
                tx.commit().await.map_err($crate::sql::db)
            }

            async fn use_recovery_code(&self, account_id: &str, hash: &str) -> $crate::StoreResult<bool> {
                let done = ::sqlx::query("DELETE FROM recovery_codes WHERE account_id = $1 AND code_hash = $2")
                    .bind(account_id)
                    .bind(hash)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(done.rows_affected() == 1)
            }

            async fn recovery_codes_left(&self, account_id: &str) -> $crate::StoreResult<i64> {
                ::sqlx::query_scalar("SELECT count(*) FROM recovery_codes WHERE account_id = $1")
                    .bind(account_id)
                    .fetch_one(&self.pool)
                    .await
                    .map_err($crate::sql::db)
            }

            async fn inactive_accounts(&self, before: i64) -> $crate::StoreResult<Vec<String>> {
                ::sqlx::query_scalar("SELECT id FROM accounts WHERE erased_at IS NULL AND last_active_at < $1 ORDER BY id")
                    .bind(before)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)
            }

            async fn erase_account(&self, account_id: &str, at: i64) -> $crate::StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                let done = ::sqlx::query("UPDATE accounts SET email = $1, display_name = '', password_hash = '!', totp_secret = NULL, totp_confirmed = FALSE, disabled = TRUE, erased_at = $2 WHERE id = $3")
                    .bind(format!("erased-{account_id}@erased.invalid"))
                    .bind(at)
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                for sql in [
                    "DELETE FROM recovery_codes WHERE account_id = $1",
                    "DELETE FROM sessions WHERE account_id = $1",
                    "DELETE FROM one_time_tokens WHERE account_id = $1",
                    "DELETE FROM memberships WHERE account_id = $1",
                    // Its links go with each subscription (ON DELETE CASCADE).
                    "DELETE FROM report_subscriptions WHERE account_id = $1",
                    "DELETE FROM funder_links WHERE account_id = $1",
                ] {
                    ::sqlx::query(sql)
                        .bind(account_id)
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::sql::db)?;
                }
                tx.commit().await.map_err($crate::sql::db)?;
                Ok(done.rows_affected() == 1)
            }
        }

        #[$crate::sql::async_trait]
        impl $crate::SessionStore for $store {
            async fn create_session(&self, s: &$crate::SessionRecord) -> $crate::StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                ::sqlx::query("INSERT INTO sessions (id_hash, account_id, stage, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5)")
                    .bind(&s.id_hash)
                    .bind(&s.account_id)
                    .bind(s.stage.code())
                    .bind(s.created_at)
                    .bind(s.last_seen_at)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                ::sqlx::query("UPDATE accounts SET last_active_at = $1 WHERE id = $2")
                    .bind(s.created_at)
                    .bind(&s.account_id)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                tx.commit().await.map_err($crate::sql::db)
            }

            async fn session(&self, id_hash: &str) -> $crate::StoreResult<Option<$crate::SessionRecord>> {
                let row: Option<$crate::sql::SessionRow> = ::sqlx::query_as("SELECT id_hash, account_id, stage, created_at, last_seen_at FROM sessions WHERE id_hash = $1")
                    .bind(id_hash)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                row.map($crate::sql::session_record).transpose()
            }

            async fn touch_session(&self, id_hash: &str, at: i64) -> $crate::StoreResult<()> {
                ::sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
                    .bind(at)
                    .bind(id_hash)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn delete_session(&self, id_hash: &str) -> $crate::StoreResult<()> {
                ::sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
                    .bind(id_hash)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn delete_sessions_of(&self, account_id: &str) -> $crate::StoreResult<u64> {
                let done = ::sqlx::query("DELETE FROM sessions WHERE account_id = $1")
                    .bind(account_id)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(done.rows_affected())
            }

            async fn sessions_of(&self, account_id: &str) -> $crate::StoreResult<Vec<$crate::SessionRecord>> {
                let rows: Vec<$crate::sql::SessionRow> = ::sqlx::query_as("SELECT id_hash, account_id, stage, created_at, last_seen_at FROM sessions WHERE account_id = $1 ORDER BY created_at DESC")
                    .bind(account_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                rows.into_iter().map($crate::sql::session_record).collect()
            }

            async fn delete_expired_sessions(&self, idle_before: i64, started_before: i64) -> $crate::StoreResult<u64> {
                let done = ::sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
                    .bind(idle_before)
                    .bind(started_before)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(done.rows_affected())
            }
        }

        #[$crate::sql::async_trait]
        impl $crate::TokenStore for $store {
            async fn create_token(&self, token_hash: &str, purpose: $crate::TokenPurpose, account_id: &str, expires_at: i64) -> $crate::StoreResult<()> {
                ::sqlx::query("INSERT INTO one_time_tokens (token_hash, purpose, account_id, expires_at) VALUES ($1, $2, $3, $4)")
                    .bind(token_hash)
                    .bind(purpose.code())
                    .bind(account_id)
                    .bind(expires_at)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn consume_token(&self, token_hash: &str, purpose: $crate::TokenPurpose, now: i64) -> $crate::StoreResult<Result<String, $crate::TokenProblem>> {
                let used: Option<String> = ::sqlx::query_scalar("UPDATE one_time_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 RETURNING account_id")
                    .bind(now)
                    .bind(token_hash)
                    .bind(purpose.code())
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                match used {
                    Some(account) => Ok(Ok(account)),
                    None => self.check_token(token_hash, purpose, now).await.map(|r| r.and(Err($crate::TokenProblem::Used))),
                }
            }

            async fn check_token(&self, token_hash: &str, purpose: $crate::TokenPurpose, now: i64) -> $crate::StoreResult<Result<String, $crate::TokenProblem>> {
                use ::sqlx::Row as _;
                let row = ::sqlx::query("SELECT account_id, expires_at, used_at FROM one_time_tokens WHERE token_hash = $1 AND purpose = $2")
                    .bind(token_hash)
                    .bind(purpose.code())
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(match row {
                    None => Err($crate::TokenProblem::Unknown),
                    Some(r) if r.get::<Option<i64>, _>(2).is_some() => Err($crate::TokenProblem::Used),
                    Some(r) if r.get::<i64, _>(1) <= now => Err($crate::TokenProblem::Expired),
                    Some(r) => Ok(r.get(0)),
                })
            }

            async fn delete_tokens_expired_before(&self, before: i64) -> $crate::StoreResult<u64> {
                let done = ::sqlx::query("DELETE FROM one_time_tokens WHERE expires_at < $1")
                    .bind(before)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(done.rows_affected())
            }
        }

        #[$crate::sql::async_trait]
        impl $crate::RateLimitStore for $store {
            async fn record_event(&self, key: &str, at: i64) -> $crate::StoreResult<()> {
                ::sqlx::query("INSERT INTO rate_events (key, at) VALUES ($1, $2)")
                    .bind(key)
                    .bind(at)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn count_events(&self, key: &str, since: i64) -> $crate::StoreResult<i64> {
                ::sqlx::query_scalar("SELECT count(*) FROM rate_events WHERE key = $1 AND at >= $2")
                    .bind(key)
                    .bind(since)
                    .fetch_one(&self.pool)
                    .await
                    .map_err($crate::sql::db)
            }

            async fn clear_events(&self, key: &str) -> $crate::StoreResult<()> {
                ::sqlx::query("DELETE FROM rate_events WHERE key = $1")
                    .bind(key)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn delete_events_before(&self, before: i64) -> $crate::StoreResult<u64> {
                let done = ::sqlx::query("DELETE FROM rate_events WHERE at < $1")
                    .bind(before)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(done.rows_affected())
            }
        }

        #[$crate::sql::async_trait]
        impl $crate::CatalogueEditing for $store {
            async fn save_service(
                &self,
                service: &loket_domain::Service,
                expected: ::chrono::DateTime<::chrono::Utc>,
                actor: &str,
            ) -> $crate::StoreResult<i64> {
                let conflict = || $crate::StoreError::Conflict(format!("service {}", service.id));
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                // Writing first takes the row's (SQLite: the database's) write lock,
                // so the check below cannot race with another save.
                let locked = ::sqlx::query("UPDATE services SET status = status WHERE id = $1")
                    .bind(&service.id)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                if locked.rows_affected() != 1 {
                    return Err($crate::StoreError::Rejected {
                        record: format!("service {}", service.id),
                        field: "id".into(),
                        message: "no such service".into(),
                    });
                }
                let stored: String = ::sqlx::query_scalar("SELECT CAST(doc AS TEXT) FROM services WHERE id = $1")
                    .bind(&service.id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                let stored: loket_domain::Service = $crate::sql::from_json(&stored)?;
                if stored.last_modified != expected || stored.organization_id != service.organization_id {
                    return Err(conflict());
                }
                let latest: Option<i64> = ::sqlx::query_scalar("SELECT max(version) FROM record_versions WHERE entity = 'service' AND entity_id = $1")
                    .bind(&service.id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                let mut version = latest.unwrap_or(0);
                if version == 0 {
                    // The record as it was before its first edit (imported), so history starts there.
                    version = 1;
                    ::sqlx::query("INSERT INTO record_versions (entity, entity_id, version, at, actor, doc) VALUES ('service', $1, 1, $2, 'import', $3)")
                        .bind(&stored.id)
                        .bind(stored.last_modified.timestamp())
                        .bind($crate::sql::to_json(&stored)?)
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::sql::db)?;
                }
                version += 1;
                let doc = $crate::sql::to_json(service)?;
                ::sqlx::query($update_service)
                    .bind(service.status.as_str())
                    .bind(($lm)(&service.last_modified))
                    .bind(&doc)
                    .bind(&service.id)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                ::sqlx::query("INSERT INTO record_versions (entity, entity_id, version, at, actor, doc) VALUES ('service', $1, $2, $3, $4, $5)")
                    .bind(&service.id)
                    .bind(version)
                    .bind(service.last_modified.timestamp())
                    .bind(actor)
                    .bind(&doc)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                ::sqlx::query($changes)
                    .bind("service")
                    .bind(&service.id)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                tx.commit().await.map_err($crate::sql::db)?;
                Ok(version)
            }

            async fn current_version(&self, entity: &str, id: &str) -> $crate::StoreResult<i64> {
                let latest: Option<i64> = ::sqlx::query_scalar("SELECT max(version) FROM record_versions WHERE entity = $1 AND entity_id = $2")
                    .bind(entity)
                    .bind(id)
                    .fetch_one(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(latest.unwrap_or(1))
            }

            async fn latest_flow(&self, scope: &str) -> $crate::StoreResult<Option<(i64, String)>> {
                ::sqlx::query_as("SELECT version, doc FROM record_versions WHERE entity = 'front_door_flow' AND entity_id = $1 ORDER BY version DESC LIMIT 1")
                    .bind(scope)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)
            }

            async fn save_flow(&self, scope: &str, doc: &str, expected: i64, actor: &str) -> $crate::StoreResult<i64> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                // Writing first takes SQLite's write lock before anything is read.
                ::sqlx::query($changes)
                    .bind("front_door_flow")
                    .bind(scope)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                let latest: Option<i64> = ::sqlx::query_scalar("SELECT max(version) FROM record_versions WHERE entity = 'front_door_flow' AND entity_id = $1")
                    .bind(scope)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                let current = latest.unwrap_or(0);
                if current != expected {
                    return Err($crate::StoreError::Conflict("the front-door questions".into()));
                }
                // The primary key (entity, id, version) lets only one of two racing saves in.
                ::sqlx::query("INSERT INTO record_versions (entity, entity_id, version, at, actor, doc) VALUES ('front_door_flow', $1, $2, $3, $4, $5)")
                    .bind(scope)
                    .bind(current + 1)
                    .bind(::chrono::Utc::now().timestamp())
                    .bind(actor)
                    .bind(doc)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| match e.as_database_error() {
                        Some(d) if d.is_unique_violation() => $crate::StoreError::Conflict("the front-door questions".into()),
                        _ => $crate::sql::db(e),
                    })?;
                tx.commit().await.map_err(|e| match e.as_database_error() {
                    Some(d) if d.is_unique_violation() => $crate::StoreError::Conflict("the front-door questions".into()),
                    _ => $crate::sql::db(e),
                })?;
                Ok(current + 1)
            }

            async fn save_region(&self, region: &loket_domain::region::LabourMarketRegion, expected: i64, actor: &str) -> $crate::StoreResult<i64> {
                self.save_versioned(
                    "labour_market_region",
                    "UPDATE labour_market_regions SET code = code WHERE code = $1",
                    "SELECT CAST(doc AS TEXT) FROM labour_market_regions WHERE code = $1",
                    $update_region,
                    &region.code,
                    $crate::sql::to_json(region)?,
                    expected,
                    actor,
                )
                .await
            }

            async fn save_location(&self, location: &loket_domain::Location, expected: i64, actor: &str) -> $crate::StoreResult<i64> {
                self.save_versioned(
                    "location",
                    "UPDATE locations SET organization_id = organization_id WHERE id = $1",
                    "SELECT CAST(doc AS TEXT) FROM locations WHERE id = $1",
                    $update_location,
                    &location.id,
                    $crate::sql::to_json(location)?,
                    expected,
                    actor,
                )
                .await
            }

            async fn save_term(&self, term: &loket_domain::TaxonomyTerm, expected: i64, actor: &str) -> $crate::StoreResult<i64> {
                self.save_versioned(
                    "taxonomy_term",
                    "UPDATE taxonomy_terms SET code = code WHERE id = $1",
                    "SELECT CAST(doc AS TEXT) FROM taxonomy_terms WHERE id = $1",
                    $update_term,
                    &term.id,
                    $crate::sql::to_json(term)?,
                    expected,
                    actor,
                )
                .await
            }

            async fn versions(&self, entity: &str, id: &str) -> $crate::StoreResult<Vec<$crate::RecordVersion>> {
                use ::sqlx::Row as _;
                let rows = ::sqlx::query("SELECT version, at, actor, doc FROM record_versions WHERE entity = $1 AND entity_id = $2 ORDER BY version DESC")
                    .bind(entity)
                    .bind(id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                rows.iter()
                    .map(|r| {
                        Ok($crate::RecordVersion {
                            version: r.get(0),
                            at: r.get(1),
                            actor: r.get(2),
                            doc: $crate::sql::from_json(r.get::<&str, _>(3))?,
                        })
                    })
                    .collect()
            }
        }

        #[$crate::sql::async_trait]
        impl $crate::FeedbackRetention for $store {
            async fn expire_feedback(&self, before: ::chrono::NaiveDate) -> $crate::StoreResult<u64> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                ::sqlx::query(
                    "INSERT INTO front_door_feedback_counts (day, lang, count) \
                     SELECT day, lang, count(*) FROM front_door_feedback WHERE day < $1 GROUP BY day, lang \
                     ON CONFLICT (day, lang) DO UPDATE SET count = front_door_feedback_counts.count + excluded.count",
                )
                .bind(before)
                .execute(&mut *tx)
                .await
                .map_err($crate::sql::db)?;
                let done = ::sqlx::query("DELETE FROM front_door_feedback WHERE day < $1")
                    .bind(before)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                tx.commit().await.map_err($crate::sql::db)?;
                Ok(done.rows_affected())
            }

            async fn feedback_counts(&self) -> $crate::StoreResult<Vec<$crate::FeedbackCount>> {
                use ::sqlx::Row as _;
                let rows = ::sqlx::query("SELECT day, lang, count FROM front_door_feedback_counts ORDER BY day, lang")
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(rows
                    .iter()
                    .map(|r| $crate::FeedbackCount {
                        day: r.get(0),
                        lang: r.get(1),
                        count: r.get(2),
                    })
                    .collect())
            }
        }
    };
}
