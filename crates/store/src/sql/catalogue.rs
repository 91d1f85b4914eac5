//! The catalogue, front-door insight, audit log and accounts on both sqlx
//! backends. Their SQL is the same but for a few dialect points, which each
//! backend passes in:
//! - `db`: the sqlx database type; `backend`: its name for logs and `/readyz`;
//! - `migrator`: the backend's migrations;
//! - `json`: how a JSON parameter is written after `$n` (`""` on SQLite, `"::jsonb"`);
//! - `doc`: how a JSON column is read as text (`"doc"` or `"doc::text"`);
//! - `time_ty`, `time`: the type times are bound as, and how a `DateTime<Utc>`
//!   becomes one; `precise_time` the same to the microsecond (audit log, accounts);
//! - `read_time`: reads a time column of a row;
//! - `latest_change_sql`, `route_counts_sql`: two queries whose aggregates differ.

/// Implements `CatalogueStore`, `InsightStore`, `AuditLog` and `AccountStore`
/// for a sqlx backend (see the module documentation for the parameters).
#[macro_export]
macro_rules! sqlx_catalogue_impls {
    ($store:ident, db = $db:ty, backend = $backend:literal, migrator = $migrator:path,
     json = $json:literal, doc = $doc:literal, time_ty = $time_ty:ty, time = $time:expr,
     precise_time = $precise_time:expr, read_time = $read_time:expr,
     latest_change_sql = $latest_change_sql:literal, route_counts_sql = $route_counts_sql:literal,
     durable_commits_sql = $durable_commits_sql:literal) => {
        use ::chrono::NaiveDate;
        use ::loket_domain::account::{Account, Email, Membership, Role};
        use ::loket_domain::audit::{AuditEntry, AuditEvent, AuditResult, next_entry};
        use ::loket_domain::{CatalogueDocument, Organization, Service};
        use $crate::sql::{db, from_json, refused, to_json};
        use $crate::{
            AccountStore, AuditLog, CatalogueStore, Feedback, ImportSummary, InsightStore,
            NewAccount, Readiness, RouteCount, RouteTally, StoreError, StoreResult, record_name,
        };
        use ::serde::de::DeserializeOwned;
        use ::sqlx::Row;

        impl $store {
            /// Wraps a new pool and applies the migrations.
            async fn open(pool: Result<::sqlx::Pool<$db>, ::sqlx::Error>) -> StoreResult<Self> {
                let pool = pool.map_err(|e| StoreError::Unavailable(e.to_string()))?;
                let store = $store::from_pool(pool);
                store.migrate().await?;
                // Records from before the tallies existed count too.
                $crate::monitoring::MonitoringStore::ensure_tallies(&store, ::chrono::Utc::now().timestamp()).await?;
                Ok(store)
            }

            pub async fn close(&self) {
                self.pool.close().await;
            }

            /// The connection pool, for tests and tooling that must reach past the
            /// store (for example to show that tampering with the audit log is detected).
            pub fn pool(&self) -> &::sqlx::Pool<$db> {
                &self.pool
            }
        }

        async fn changed(
            tx: &mut ::sqlx::Transaction<'_, $db>,
            entity: &str,
            id: &str,
            now: &$time_ty,
        ) -> StoreResult<()> {
            sqlx::query(
                "INSERT INTO catalogue_changes (entity, entity_id, changed_at) VALUES ($1, $2, $3)",
            )
            .bind(entity)
            .bind(id)
            .bind(now)
            .execute(&mut **tx)
            .await
            .map_err(db)?;
            Ok(())
        }

        async fn all_docs<T: DeserializeOwned>(
            pool: &::sqlx::Pool<$db>,
            sql: &'static str,
        ) -> StoreResult<Vec<T>> {
            let rows = sqlx::query(sql).fetch_all(pool).await.map_err(db)?;
            rows.iter()
                .map(|r| from_json(r.get::<&str, _>(0)))
                .collect()
        }

        #[$crate::sql::async_trait]
        impl CatalogueStore for $store {
            fn backend(&self) -> &'static str {
                $backend
            }

            async fn migrate(&self) -> StoreResult<()> {
                $migrator
                    .run(&self.pool)
                    .await
                    .map_err(|e| StoreError::Migration(e.to_string()))
            }

            async fn readiness(&self) -> Readiness {
                let reachable = sqlx::query("SELECT 1").execute(&self.pool).await.is_ok();
                let applied: Vec<i64> =
                    sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success")
                        .fetch_all(&self.pool)
                        .await
                        .unwrap_or_default();
                let migrations_applied = reachable && $migrator.iter().all(|m| applied.contains(&m.version));
                let durable_commits = sqlx::query_scalar::<_, bool>($durable_commits_sql)
                    .fetch_one(&self.pool)
                    .await
                    .unwrap_or(false);
                Readiness {
                    reachable,
                    migrations_applied,
                    durable_commits,
                }
            }

            fn pool_status(&self) -> $crate::PoolStatus {
                $crate::PoolStatus {
                    size: self.pool.size(),
                    idle: self.pool.num_idle(),
                }
            }

            async fn is_empty(&self) -> StoreResult<bool> {
                let n: i64 = sqlx::query_scalar("SELECT count(*) FROM organizations")
                    .fetch_one(&self.pool)
                    .await
                    .map_err(db)?;
                Ok(n == 0)
            }

            async fn import(&self, doc: &CatalogueDocument) -> StoreResult<ImportSummary> {
                let now = ($time)(&chrono::Utc::now());
                let mut tx = self.pool.begin().await.map_err(db)?;
                for (i, t) in doc.taxonomies.iter().enumerate() {
                    sqlx::query(concat!("INSERT INTO taxonomies (id, code, doc) VALUES ($1, $2, $3", $json, ") ON CONFLICT (id) DO UPDATE SET code = excluded.code, doc = excluded.doc"))
                        .bind(&t.id)
                        .bind(t.code.code())
                        .bind(to_json(t)?)
                        .execute(&mut *tx)
                        .await
                        .map_err(|e| refused(e, record_name("taxonomies", i, t.code.code()), "code"))?;
                }
                for (i, t) in doc.taxonomy_terms.iter().enumerate() {
                    sqlx::query(concat!("INSERT INTO taxonomy_terms (id, taxonomy, code, doc) VALUES ($1, $2, $3, $4", $json, ") ON CONFLICT (id) DO UPDATE SET taxonomy = excluded.taxonomy, code = excluded.code, doc = excluded.doc"))
                        .bind(&t.id)
                        .bind(t.taxonomy.code())
                        .bind(&t.code)
                        .bind(to_json(t)?)
                        .execute(&mut *tx)
                        .await
                        .map_err(|e| refused(e, record_name("taxonomy_terms", i, &t.code), "code"))?;
                    changed(&mut tx, "taxonomy_term", &t.id, &now).await?;
                }
                for (i, r) in doc.regions.iter().enumerate() {
                    sqlx::query(concat!("INSERT INTO regions (code, parent, doc) VALUES ($1, $2, $3", $json, ") ON CONFLICT (code) DO UPDATE SET parent = excluded.parent, doc = excluded.doc"))
                        .bind(&r.code)
                        .bind(&r.parent)
                        .bind(to_json(r)?)
                        .execute(&mut *tx)
                        .await
                        .map_err(|e| refused(e, record_name("regions", i, &r.code), "code"))?;
                }
                for (i, m) in doc.municipalities.iter().enumerate() {
                    sqlx::query(concat!("INSERT INTO municipalities (code, region, doc) VALUES ($1, $2, $3", $json, ") ON CONFLICT (code) DO UPDATE SET region = excluded.region, doc = excluded.doc"))
                        .bind(&m.code)
                        .bind(&m.region)
                        .bind(to_json(m)?)
                        .execute(&mut *tx)
                        .await
                        .map_err(|e| refused(e, record_name("municipalities", i, &m.code), "region"))?;
                }
                for (i, o) in doc.organizations.iter().enumerate() {
                    sqlx::query(concat!("INSERT INTO organizations (id, key, name, last_modified, doc) VALUES ($1, $2, $3, $4, $5", $json, ") ON CONFLICT (id) DO UPDATE SET key = excluded.key, name = excluded.name, last_modified = excluded.last_modified, doc = excluded.doc"))
                        .bind(&o.id)
                        .bind(&o.key)
                        .bind(&o.name)
                        .bind(($time)(&o.last_modified))
                        .bind(to_json(o)?)
                        .execute(&mut *tx)
                        .await
                        .map_err(|e| refused(e, record_name("organizations", i, &o.key), "key"))?;
                    changed(&mut tx, "organization", &o.id, &now).await?;
                }
                for (i, l) in doc.locations.iter().enumerate() {
                    sqlx::query(concat!("INSERT INTO locations (id, organization_id, doc) VALUES ($1, $2, $3", $json, ") ON CONFLICT (id) DO UPDATE SET organization_id = excluded.organization_id, doc = excluded.doc"))
                        .bind(&l.id)
                        .bind(&l.organization_id)
                        .bind(to_json(l)?)
                        .execute(&mut *tx)
                        .await
                        .map_err(|e| refused(e, record_name("locations", i, &l.id), "organization_id"))?;
                }
                for (i, s) in doc.services.iter().enumerate() {
                    let rec = || record_name("services", i, &s.key);
                    sqlx::query(concat!("INSERT INTO services (id, key, organization_id, status, last_modified, doc) VALUES ($1, $2, $3, $4, $5, $6", $json, ") ON CONFLICT (id) DO UPDATE SET key = excluded.key, organization_id = excluded.organization_id, status = excluded.status, last_modified = excluded.last_modified, doc = excluded.doc"))
                        .bind(&s.id)
                        .bind(&s.key)
                        .bind(&s.organization_id)
                        .bind(s.status.as_str())
                        .bind(($time)(&s.last_modified))
                        .bind(to_json(s)?)
                        .execute(&mut *tx)
                        .await
                        .map_err(|e| refused(e, rec(), "key"))?;
                    sqlx::query("DELETE FROM service_at_locations WHERE service_id = $1")
                        .bind(&s.id)
                        .execute(&mut *tx)
                        .await
                        .map_err(db)?;
                    for l in &s.locations {
                        sqlx::query(
                            "INSERT INTO service_at_locations (service_id, location_id) VALUES ($1, $2)",
                        )
                        .bind(&s.id)
                        .bind(l)
                        .execute(&mut *tx)
                        .await
                        .map_err(|e| refused(e, rec(), "locations"))?;
                    }
                    changed(&mut tx, "service", &s.id, &now).await?;
                }
                for (i, r) in doc.labour_market_regions.iter().enumerate() {
                    sqlx::query(concat!("INSERT INTO labour_market_regions (code, doc) VALUES ($1, $2", $json, ") ON CONFLICT (code) DO UPDATE SET doc = excluded.doc"))
                        .bind(&r.code)
                        .bind(to_json(r)?)
                        .execute(&mut *tx)
                        .await
                        .map_err(|e| refused(e, record_name("labour_market_regions", i, &r.code), "code"))?;
                    changed(&mut tx, "labour_market_region", &r.code, &now).await?;
                }
                tx.commit().await.map_err(db)?;
                Ok(ImportSummary {
                    organizations: doc.organizations.len(),
                    locations: doc.locations.len(),
                    services: doc.services.len(),
                    taxonomy_terms: doc.taxonomy_terms.len(),
                    areas: doc.regions.len() + doc.municipalities.len(),
                    labour_market_regions: doc.labour_market_regions.len(),
                })
            }

            async fn load(&self) -> StoreResult<CatalogueDocument> {
                let p = &self.pool;
                Ok(CatalogueDocument {
                    taxonomies: all_docs(p, concat!("SELECT ", $doc, " FROM taxonomies ORDER BY id")).await?,
                    taxonomy_terms: all_docs(p, concat!("SELECT ", $doc, " FROM taxonomy_terms ORDER BY id")).await?,
                    regions: all_docs(p, concat!("SELECT ", $doc, " FROM regions ORDER BY code")).await?,
                    municipalities: all_docs(p, concat!("SELECT ", $doc, " FROM municipalities ORDER BY code")).await?,
                    organizations: all_docs(p, concat!("SELECT ", $doc, " FROM organizations ORDER BY id")).await?,
                    locations: all_docs(p, concat!("SELECT ", $doc, " FROM locations ORDER BY id")).await?,
                    services: all_docs(p, concat!("SELECT ", $doc, " FROM services ORDER BY id")).await?,
                    labour_market_regions: all_docs(p, concat!("SELECT ", $doc, " FROM labour_market_regions ORDER BY code")).await?,
                    ..CatalogueDocument::empty()
                })
            }

            async fn latest_change(&self) -> StoreResult<i64> {
                sqlx::query_scalar($latest_change_sql)
                    .fetch_one(&self.pool)
                    .await
                    .map_err(db)
            }

            async fn service(&self, id: &str) -> StoreResult<Option<Service>> {
                let doc: Option<String> = sqlx::query_scalar(concat!("SELECT ", $doc, " FROM services WHERE id = $1"))
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db)?;
                doc.map(|d| from_json(&d)).transpose()
            }

            async fn organization(&self, id: &str) -> StoreResult<Option<Organization>> {
                let doc: Option<String> = sqlx::query_scalar(concat!("SELECT ", $doc, " FROM organizations WHERE id = $1"))
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db)?;
                doc.map(|d| from_json(&d)).transpose()
            }
        }

        #[$crate::sql::async_trait]
        impl InsightStore for $store {
            async fn add_route_counts(&self, tallies: &[RouteTally]) -> StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(db)?;
                for t in tallies {
                    sqlx::query(
                        "INSERT INTO front_door_routes (day, region, combination, fell_back, count) VALUES ($1, $2, $3, $4, $5) \
                         ON CONFLICT (day, region, combination) DO UPDATE SET count = front_door_routes.count + excluded.count, fell_back = excluded.fell_back",
                    )
                    .bind(t.day)
                    .bind(&t.region)
                    .bind(&t.combination)
                    .bind(t.fell_back)
                    .bind(t.count)
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                }
                tx.commit().await.map_err(db)
            }

            async fn route_counts(&self, since: NaiveDate, door: Option<&str>) -> StoreResult<Vec<RouteCount>> {
                let rows = sqlx::query(
                    $route_counts_sql,
                )
                .bind(since)
                .bind(door)
                .fetch_all(&self.pool)
                .await
                .map_err(db)?;
                Ok(rows
                    .iter()
                    .map(|r| RouteCount {
                        region: r.get(0),
                        combination: r.get(1),
                        fell_back: r.get(2),
                        count: r.get(3),
                    })
                    .collect())
            }

            async fn add_feedback(&self, f: &Feedback) -> StoreResult<()> {
                sqlx::query("INSERT INTO front_door_feedback (day, region, combination, lang, comment) VALUES ($1, $2, $3, $4, $5)")
                    .bind(f.day)
                    .bind(&f.region)
                    .bind(&f.combination)
                    .bind(&f.lang)
                    .bind(&f.comment)
                    .execute(&self.pool)
                    .await
                    .map_err(db)?;
                Ok(())
            }

            async fn feedback(&self, since: NaiveDate, limit: i64, door: Option<&str>) -> StoreResult<Vec<Feedback>> {
                let rows = sqlx::query(
                    "SELECT day, region, combination, lang, comment FROM front_door_feedback \
                     WHERE day >= $1 AND (CAST($3 AS TEXT) IS NULL OR region = $3) ORDER BY id DESC LIMIT $2",
                )
                    .bind(since)
                    .bind(limit)
                    .bind(door)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db)?;
                Ok(rows
                    .iter()
                    .map(|r| Feedback {
                        day: r.get(0),
                        region: r.get(1),
                        combination: r.get(2),
                        lang: r.get(3),
                        comment: r.get(4),
                    })
                    .collect())
            }
        }


        fn audit_entry(r: &<$db as ::sqlx::Database>::Row) -> StoreResult<AuditEntry> {
            let result: String = r.get(4);
            Ok(AuditEntry {
                seq: r.get(0),
                at: ($read_time)(r, 1)?,
                event: AuditEvent {
                    action: r.get(2),
                    object: r.get(3),
                    result: AuditResult::parse(&result)
                        .ok_or_else(|| StoreError::Corrupt(format!("audit result {result:?}")))?,
                    origin: r.get(5),
                    actor: r.get(6),
                    subject: r.get(7),
                    activity: r.get(8),
                },
                prev_hash: r.get(9),
                hash: r.get(10),
            })
        }

        #[$crate::sql::async_trait]
        impl AuditLog for $store {
            async fn append_audit(&self, event: &AuditEvent) -> StoreResult<AuditEntry> {
                let mut tx = self.pool.begin().await.map_err(db)?;
                // Taking the head row first serialises writers: each entry links to the one before.
                let head =
                    sqlx::query("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq - 1, hash")
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(db)?;
                let prev_hash: String = head.get(1);
                let entry = next_entry((head.get(0), &prev_hash), chrono::Utc::now(), event.clone());
                sqlx::query(
                    "INSERT INTO audit_log (seq, at, action, object, result, origin, actor, subject, activity, prev_hash, hash) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                )
                .bind(entry.seq)
                .bind(($precise_time)(&entry.at))
                .bind(&entry.event.action)
                .bind(&entry.event.object)
                .bind(entry.event.result.as_str())
                .bind(&entry.event.origin)
                .bind(&entry.event.actor)
                .bind(&entry.event.subject)
                .bind(&entry.event.activity)
                .bind(&entry.prev_hash)
                .bind(&entry.hash)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
                sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
                    .bind(&entry.hash)
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                tx.commit().await.map_err(db)?;
                Ok(entry)
            }

            async fn audit_entries(&self, after: i64, limit: i64) -> StoreResult<Vec<AuditEntry>> {
                let rows = sqlx::query(
                    "SELECT seq, at, action, object, result, origin, actor, subject, activity, prev_hash, hash \
                     FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2",
                )
                .bind(after)
                .bind(limit)
                .fetch_all(&self.pool)
                .await
                .map_err(db)?;
                rows.iter().map(audit_entry).collect()
            }

            async fn audit_head(&self) -> StoreResult<(i64, String)> {
                let row = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
                    .fetch_one(&self.pool)
                    .await
                    .map_err(db)?;
                Ok((row.get(0), row.get(1)))
            }
        }

        fn account(r: &<$db as ::sqlx::Database>::Row) -> StoreResult<(Account, String)> {
            let email: String = r.get(1);
            let account = Account {
                id: r.get(0),
                email: Email::parse(&email)
                    .ok_or_else(|| StoreError::Corrupt(format!("stored e-mail address {email:?}")))?,
                display_name: r.get(2),
                created_at: ($read_time)(r, 3)?,
                disabled: r.get(4),
            };
            Ok((account, r.get(5)))
        }

        #[$crate::sql::async_trait]
        impl AccountStore for $store {
            async fn create_account(&self, new: &NewAccount) -> StoreResult<Account> {
                let id = uuid::Uuid::new_v4().to_string();
                // Kept to the microsecond, as the database keeps it.
                let now = chrono::DateTime::from_timestamp_micros(chrono::Utc::now().timestamp_micros())
                    .unwrap_or_default();
                sqlx::query("INSERT INTO accounts (id, email, display_name, password_hash, created_at, disabled, last_active_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                    .bind(&id)
                    .bind(new.email.as_str())
                    .bind(&new.display_name)
                    .bind(&new.password_hash)
                    .bind(($precise_time)(&now))
                    .bind(false)
                    .bind(now.timestamp())
                    .execute(&self.pool)
                    .await
                    .map_err(|e| refused(e, format!("account {}", new.email.as_str()), "email"))?;
                Ok(Account {
                    id,
                    email: new.email.clone(),
                    display_name: new.display_name.clone(),
                    created_at: now,
                    disabled: false,
                })
            }

            async fn account_by_email(&self, email: &Email) -> StoreResult<Option<(Account, String)>> {
                let row = sqlx::query("SELECT id, email, display_name, created_at, disabled, password_hash FROM accounts WHERE email = $1")
                    .bind(email.as_str())
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db)?;
                row.as_ref().map(account).transpose()
            }

            async fn add_membership(&self, account_id: &str, m: &Membership) -> StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(db)?;
                let rejected = |field: &str, message: &str| StoreError::Rejected {
                    record: format!("membership of account {account_id}"),
                    field: field.into(),
                    message: message.into(),
                };
                let account: Option<String> = sqlx::query_scalar("SELECT id FROM accounts WHERE id = $1")
                    .bind(account_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db)?;
                if account.is_none() {
                    return Err(rejected("account_id", "no such account"));
                }
                if let Some(org) = &m.organization_id {
                    let found: Option<String> =
                        sqlx::query_scalar("SELECT id FROM organizations WHERE id = $1")
                            .bind(org)
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err(db)?;
                    if found.is_none() {
                        return Err(rejected("organization_id", "no such organisation"));
                    }
                }
                if let Some(region) = &m.region {
                    let found: Option<String> =
                        sqlx::query_scalar("SELECT code FROM labour_market_regions WHERE code = $1")
                            .bind(region)
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err(db)?;
                    if found.is_none() {
                        return Err(rejected("region", "no such region"));
                    }
                }
                sqlx::query("INSERT INTO memberships (account_id, organization_id, role, region) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
                    .bind(account_id)
                    .bind(&m.organization_id)
                    .bind(m.role.code())
                    .bind(&m.region)
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                tx.commit().await.map_err(db)
            }

            async fn memberships(&self, account_id: &str) -> StoreResult<Vec<Membership>> {
                let rows =
                    sqlx::query("SELECT organization_id, role, region FROM memberships WHERE account_id = $1")
                        .bind(account_id)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(db)?;
                rows.iter()
                    .map(|r| {
                        let role: String = r.get(1);
                        let role = Role::parse(&role)
                            .ok_or_else(|| StoreError::Corrupt(format!("stored role {role:?}")))?;
                        Ok(Membership {
                            organization_id: r.get(0),
                            region: r.get(2),
                            role,
                        })
                    })
                    .collect()
            }
        }
    };
}
