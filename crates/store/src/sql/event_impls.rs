//! The storage of events for a sqlx backend (rows and locking in `events`).

/// The storage of events for a sqlx backend.
#[macro_export]
macro_rules! sqlx_event_impls {
    ($store:ty) => {
        #[$crate::sql::async_trait]
        impl $crate::events::EventStore for $store {
            async fn create_event(
                &self,
                e: &$crate::events::StoredEvent,
                dates: &[$crate::events::EventDate],
            ) -> $crate::StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                ::sqlx::query(::sqlx::AssertSqlSafe(format!(
                    "INSERT INTO events ({}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)",
                    $crate::sql::events::EVENT_COLUMNS
                )))
                .bind(&e.id)
                .bind(&e.organisation_id)
                .bind(&e.region)
                .bind(&e.title)
                .bind(&e.description)
                .bind(&e.location_id)
                .bind(&e.online_url)
                .bind($crate::sql::to_json(&e.languages)?)
                .bind($crate::sql::to_json(&e.target_groups)?)
                .bind($crate::sql::to_json(&e.topics)?)
                .bind(&e.first_start)
                .bind(&e.first_end)
                .bind(&e.rule)
                .bind($crate::sql::to_json(&e.except_days)?)
                .bind(e.capacity)
                .bind(e.hold_hours)
                .bind(e.sequence)
                .bind(i64::from(e.cancelled))
                .bind(&e.created_by)
                .bind(e.created_at)
                .bind(e.updated_at)
                .execute(&mut *tx)
                .await
                .map_err(|err| $crate::sql::refused(err, format!("event {}", e.id), "id"))?;
                for d in dates {
                    ::sqlx::query(::sqlx::AssertSqlSafe(format!(
                        "INSERT INTO event_dates ({}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                        $crate::sql::events::DATE_COLUMNS
                    )))
                    .bind(&d.id)
                    .bind(&e.id)
                    .bind(&d.recurrence_id)
                    .bind(d.starts_at)
                    .bind(d.ends_at)
                    .bind(d.capacity)
                    .bind(d.taken)
                    .bind(d.sequence)
                    .bind(i64::from(d.cancelled))
                    .bind(d.attended)
                    .bind(d.no_shows)
                    .execute(&mut *tx)
                    .await
                    .map_err(|err| $crate::sql::refused(err, format!("date {}", d.recurrence_id), "recurrence_id"))?;
                }
                tx.commit().await.map_err($crate::sql::db)
            }

            async fn event(&self, id: &str) -> $crate::StoreResult<Option<$crate::events::StoredEvent>> {
                let row = ::sqlx::query(::sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM events WHERE id = $1",
                    $crate::sql::events::EVENT_COLUMNS
                )))
                .bind(id)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                row.map(|r| $crate::sqlx_event_from_row!(r)).transpose()
            }

            async fn events(&self) -> $crate::StoreResult<Vec<$crate::events::StoredEvent>> {
                let rows = ::sqlx::query(::sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM events ORDER BY created_at DESC, id",
                    $crate::sql::events::EVENT_COLUMNS
                )))
                .fetch_all(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                rows.into_iter().map(|r| $crate::sqlx_event_from_row!(r)).collect()
            }

            async fn event_dates(&self, event_id: &str) -> $crate::StoreResult<Vec<$crate::events::EventDate>> {
                let rows: Vec<$crate::sql::events::DateRow> = ::sqlx::query_as(::sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM event_dates WHERE event_id = $1 ORDER BY starts_at, id",
                    $crate::sql::events::DATE_COLUMNS
                )))
                .bind(event_id)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                Ok(rows.into_iter().map($crate::sql::events::date).collect())
            }

            async fn dates_from(&self, from: i64) -> $crate::StoreResult<Vec<$crate::events::EventDate>> {
                let rows: Vec<$crate::sql::events::DateRow> = ::sqlx::query_as(::sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM event_dates WHERE ends_at >= $1 ORDER BY starts_at, id",
                    $crate::sql::events::DATE_COLUMNS
                )))
                .bind(from)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                Ok(rows.into_iter().map($crate::sql::events::date).collect())
            }

            async fn event_date(&self, date_id: &str) -> $crate::StoreResult<Option<$crate::events::EventDate>> {
                let row: Option<$crate::sql::events::DateRow> = ::sqlx::query_as(::sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM event_dates WHERE id = $1",
                    $crate::sql::events::DATE_COLUMNS
                )))
                .bind(date_id)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                Ok(row.map($crate::sql::events::date))
            }

            async fn register(
                &self,
                r: &$crate::events::NewRegistration,
                at: i64,
            ) -> $crate::StoreResult<Option<$crate::events::Registration>> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                // The lock first: a number in the order of registering.
                let numbered: Option<(i64, i64, i64)> = ::sqlx::query_as(
                    "UPDATE event_dates SET last_position = last_position + 1 WHERE id = $1 AND cancelled = 0 AND starts_at > $2 RETURNING last_position, capacity, taken",
                )
                .bind(&r.date_id)
                .bind(at)
                .fetch_optional(&mut *tx)
                .await
                .map_err($crate::sql::db)?;
                let Some((position, capacity, taken)) = numbered else {
                    tx.rollback().await.map_err($crate::sql::db)?;
                    return Ok(None);
                };
                let waiting: i64 = ::sqlx::query_scalar(
                    "SELECT COUNT(*) FROM event_registrations WHERE date_id = $1 AND status IN ('waiting', 'offered')",
                )
                .bind(&r.date_id)
                .fetch_one(&mut *tx)
                .await
                .map_err($crate::sql::db)?;
                let placement = $crate::sql::events_rules::waiting::place(
                    u32::try_from(capacity).unwrap_or(0),
                    u32::try_from(taken).unwrap_or(u32::MAX),
                    u32::try_from(r.party).unwrap_or(u32::MAX),
                    waiting > 0,
                );
                let (status, mail) = match placement {
                    $crate::sql::events_rules::waiting::Placement::Confirmed => {
                        ::sqlx::query("UPDATE event_dates SET taken = taken + $1 WHERE id = $2")
                            .bind(r.party)
                            .bind(&r.date_id)
                            .execute(&mut *tx)
                            .await
                            .map_err($crate::sql::db)?;
                        ($crate::events::RegistrationStatus::Confirmed, &r.mail_if_confirmed)
                    }
                    $crate::sql::events_rules::waiting::Placement::Waiting => {
                        ($crate::events::RegistrationStatus::Waiting, &r.mail_if_waiting)
                    }
                };
                ::sqlx::query(::sqlx::AssertSqlSafe(format!(
                    "INSERT INTO event_registrations ({}, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, $9, NULL, $10, $10)",
                    $crate::sql::events::REGISTRATION_COLUMNS
                )))
                .bind(&r.id)
                .bind(&r.date_id)
                .bind(position)
                .bind(r.party)
                .bind(&r.name)
                .bind(&r.email)
                .bind(&r.lang)
                .bind(status.as_str())
                .bind(&r.checkin_code)
                .bind(at)
                .execute(&mut *tx)
                .await
                .map_err(|err| $crate::sql::refused(err, format!("registration {}", r.id), "id"))?;
                $crate::sqlx_registration_link!(tx, &r.id, &r.link_hash, mail, at);
                tx.commit().await.map_err($crate::sql::db)?;
                Ok(Some($crate::events::Registration {
                    id: r.id.clone(),
                    date_id: r.date_id.clone(),
                    position,
                    party: r.party,
                    name: r.name.clone(),
                    email: r.email.clone(),
                    lang: r.lang.clone(),
                    status,
                    offered_until: None,
                    checkin_code: r.checkin_code.clone(),
                    attended: None,
                    created_at: at,
                }))
            }

            async fn registration(&self, id: &str) -> $crate::StoreResult<Option<$crate::events::Registration>> {
                let row: Option<$crate::sql::events::RegistrationRow> = ::sqlx::query_as(::sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM event_registrations WHERE id = $1",
                    $crate::sql::events::REGISTRATION_COLUMNS
                )))
                .bind(id)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                row.map($crate::sql::events::registration).transpose()
            }

            async fn registration_by_link(
                &self,
                link_hash: &str,
            ) -> $crate::StoreResult<Option<$crate::events::Registration>> {
                let id: Option<String> = ::sqlx::query_scalar(
                    "SELECT registration_id FROM event_registration_links WHERE link_hash = $1",
                )
                .bind(link_hash)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                match id {
                    Some(id) => $crate::events::EventStore::registration(self, &id).await,
                    None => Ok(None),
                }
            }

            async fn registrations(&self, date_id: &str) -> $crate::StoreResult<Vec<$crate::events::Registration>> {
                let rows: Vec<$crate::sql::events::RegistrationRow> = ::sqlx::query_as(::sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM event_registrations WHERE date_id = $1 ORDER BY position",
                    $crate::sql::events::REGISTRATION_COLUMNS
                )))
                .bind(date_id)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                rows.into_iter().map($crate::sql::events::registration).collect()
            }

            async fn cancel_registration(
                &self,
                id: &str,
                at: i64,
                offer: $crate::events::OfferMail<'_>,
            ) -> $crate::StoreResult<Option<Vec<$crate::events::Registration>>> {
                let date_id: Option<String> = ::sqlx::query_scalar("SELECT date_id FROM event_registrations WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                let Some(date_id) = date_id else { return Ok(None) };
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                $crate::sqlx_lock_date!(tx, &date_id);
                let current: Option<(i64, String)> = ::sqlx::query_as(
                    "SELECT party, status FROM event_registrations WHERE id = $1 AND status IN ('confirmed', 'waiting', 'offered')",
                )
                .bind(id)
                .fetch_optional(&mut *tx)
                .await
                .map_err($crate::sql::db)?;
                let Some((party, was)) = current else {
                    tx.rollback().await.map_err($crate::sql::db)?;
                    return Ok(None);
                };
                // An offer taken meanwhile is still a held place: `taken` is the same.
                ::sqlx::query(
                    "UPDATE event_registrations SET status = 'cancelled', offered_until = NULL, updated_at = $1 WHERE id = $2",
                )
                .bind(at)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err($crate::sql::db)?;
                if was != "waiting" {
                    ::sqlx::query("UPDATE event_dates SET taken = taken - $1 WHERE id = $2")
                        .bind(party)
                        .bind(&date_id)
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::sql::db)?;
                }
                let offered = $crate::sqlx_offer_free_places!(tx, &date_id, at, offer);
                tx.commit().await.map_err($crate::sql::db)?;
                Ok(Some(offered))
            }

            async fn accept_offer(&self, id: &str, at: i64) -> $crate::StoreResult<bool> {
                let done = ::sqlx::query(
                    "UPDATE event_registrations SET status = 'confirmed', offered_until = NULL, updated_at = $1 WHERE id = $2 AND status = 'offered' AND offered_until > $1",
                )
                .bind(at)
                .bind(id)
                .execute(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                Ok(done.rows_affected() == 1)
            }

            async fn expire_offers(
                &self,
                at: i64,
                offer: $crate::events::OfferMail<'_>,
            ) -> $crate::StoreResult<Vec<$crate::events::Registration>> {
                let dates: Vec<String> = ::sqlx::query_scalar(
                    "SELECT DISTINCT date_id FROM event_registrations WHERE status = 'offered' AND offered_until <= $1",
                )
                .bind(at)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                let mut offered = Vec::new();
                for date_id in dates {
                    let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                    $crate::sqlx_lock_date!(tx, &date_id);
                    let freed: i64 = ::sqlx::query_scalar(
                        "SELECT CAST(COALESCE(SUM(party), 0) AS BIGINT) FROM event_registrations WHERE date_id = $1 AND status = 'offered' AND offered_until <= $2",
                    )
                    .bind(&date_id)
                    .bind(at)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                    ::sqlx::query(
                        "UPDATE event_registrations SET status = 'expired', updated_at = $2 WHERE date_id = $1 AND status = 'offered' AND offered_until <= $2",
                    )
                    .bind(&date_id)
                    .bind(at)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                    ::sqlx::query("UPDATE event_dates SET taken = taken - $1 WHERE id = $2")
                        .bind(freed)
                        .bind(&date_id)
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::sql::db)?;
                    offered.extend($crate::sqlx_offer_free_places!(tx, &date_id, at, offer));
                    tx.commit().await.map_err($crate::sql::db)?;
                }
                Ok(offered)
            }

            async fn move_date(
                &self,
                date_id: &str,
                starts_at: i64,
                ends_at: i64,
                at: i64,
                mails: &[String],
            ) -> $crate::StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                let event_id: Option<String> = ::sqlx::query_scalar(
                    "UPDATE event_dates SET starts_at = $1, ends_at = $2, sequence = sequence + 1 WHERE id = $3 RETURNING event_id",
                )
                .bind(starts_at)
                .bind(ends_at)
                .bind(date_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err($crate::sql::db)?;
                let Some(event_id) = event_id else {
                    tx.rollback().await.map_err($crate::sql::db)?;
                    return Ok(false);
                };
                ::sqlx::query("UPDATE events SET updated_at = $1 WHERE id = $2")
                    .bind(at)
                    .bind(&event_id)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                for mail in mails {
                    ::sqlx::query("INSERT INTO jobs (kind, payload, run_at) VALUES ('mail', $1, $2)")
                        .bind(mail)
                        .bind(at)
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::sql::db)?;
                }
                tx.commit().await.map_err($crate::sql::db)?;
                Ok(true)
            }

            async fn cancel_date(&self, date_id: &str, at: i64, mails: &[String]) -> $crate::StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                let event_id: Option<String> = ::sqlx::query_scalar(
                    "UPDATE event_dates SET cancelled = 1, sequence = sequence + 1 WHERE id = $1 AND cancelled = 0 RETURNING event_id",
                )
                .bind(date_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err($crate::sql::db)?;
                let Some(event_id) = event_id else {
                    tx.rollback().await.map_err($crate::sql::db)?;
                    return Ok(false);
                };
                ::sqlx::query("UPDATE events SET updated_at = $1 WHERE id = $2")
                    .bind(at)
                    .bind(&event_id)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                for mail in mails {
                    ::sqlx::query("INSERT INTO jobs (kind, payload, run_at) VALUES ('mail', $1, $2)")
                        .bind(mail)
                        .bind(at)
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::sql::db)?;
                }
                tx.commit().await.map_err($crate::sql::db)?;
                Ok(true)
            }

            async fn record_attendance(&self, date_id: &str, present: &[String], at: i64) -> $crate::StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                $crate::sqlx_lock_date!(tx, date_id);
                ::sqlx::query(
                    "UPDATE event_registrations SET attended = 0, updated_at = $2 WHERE date_id = $1 AND status = 'confirmed'",
                )
                .bind(date_id)
                .bind(at)
                .execute(&mut *tx)
                .await
                .map_err($crate::sql::db)?;
                for id in present {
                    ::sqlx::query(
                        "UPDATE event_registrations SET attended = 1 WHERE id = $1 AND date_id = $2 AND status = 'confirmed'",
                    )
                    .bind(id)
                    .bind(date_id)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                }
                ::sqlx::query(
                    "UPDATE event_dates SET attended = (SELECT CAST(COALESCE(SUM(party), 0) AS BIGINT) FROM event_registrations WHERE date_id = $1 AND status = 'confirmed' AND attended = 1), no_shows = (SELECT CAST(COALESCE(SUM(party), 0) AS BIGINT) FROM event_registrations WHERE date_id = $1 AND status = 'confirmed' AND attended = 0) WHERE id = $1",
                )
                .bind(date_id)
                .execute(&mut *tx)
                .await
                .map_err($crate::sql::db)?;
                tx.commit().await.map_err($crate::sql::db)
            }

            async fn queue_reminders(
                &self,
                which: $crate::events::Reminder,
                from: i64,
                to: i64,
                made_before: i64,
                at: i64,
                mail: $crate::events::OfferMail<'_>,
            ) -> $crate::StoreResult<Vec<$crate::events::Registration>> {
                let column = which.column();
                let due: Vec<$crate::sql::events::RegistrationRow> = ::sqlx::query_as(::sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM event_registrations r WHERE r.status = 'confirmed' AND r.{column} IS NULL AND r.created_at <= $3 AND r.date_id IN (SELECT id FROM event_dates WHERE cancelled = 0 AND starts_at > $1 AND starts_at <= $2) ORDER BY r.created_at",
                    $crate::sql::events::REGISTRATION_COLUMNS
                )))
                .bind(from)
                .bind(to)
                .bind(made_before)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                let mut reminded = Vec::new();
                for row in due {
                    let r = $crate::sql::events::registration(row)?;
                    let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                    // Once, however many workers run the job.
                    let marked = ::sqlx::query(::sqlx::AssertSqlSafe(format!(
                        "UPDATE event_registrations SET {column} = $1 WHERE id = $2 AND {column} IS NULL AND status = 'confirmed'"
                    )))
                    .bind(at)
                    .bind(&r.id)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                    if marked.rows_affected() != 1 {
                        tx.rollback().await.map_err($crate::sql::db)?;
                        continue;
                    }
                    let m = (mail)(&r);
                    $crate::sqlx_registration_link!(tx, &r.id, &m.link_hash, &m.mail_job, at);
                    tx.commit().await.map_err($crate::sql::db)?;
                    reminded.push(r);
                }
                Ok(reminded)
            }

            async fn attendance_between(
                &self,
                from: i64,
                to: i64,
            ) -> $crate::StoreResult<Vec<(i64, String, i64, i64)>> {
                ::sqlx::query_as(
                    "SELECT d.starts_at, e.organisation_id, d.attended, d.no_shows FROM event_dates d JOIN events e ON e.id = d.event_id WHERE d.starts_at >= $1 AND d.starts_at < $2 AND (d.attended > 0 OR d.no_shows > 0) ORDER BY d.starts_at",
                )
                .bind(from)
                .bind(to)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::sql::db)
            }

            async fn erase_registrations_ended_before(&self, before: i64) -> $crate::StoreResult<u64> {
                // The links go with them (ON DELETE CASCADE).
                let done = ::sqlx::query(
                    "DELETE FROM event_registrations WHERE date_id IN (SELECT id FROM event_dates WHERE ends_at < $1)",
                )
                .bind(before)
                .execute(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                Ok(done.rows_affected())
            }
        }
    };
}
