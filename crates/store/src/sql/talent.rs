//! The talent storage (employers, vacancies, candidates, introductions, placements and the
//! change feed), written once for both sqlx backends; rows are read in `talent_rows`.

/// The storage of talent records for a sqlx backend; `db` is the sqlx database type.
#[macro_export]
macro_rules! sqlx_talent_impls {
    ($store:ty, db = $db:ty) => {
        impl $store {
            async fn record_change(
                tx: &mut ::sqlx::Transaction<'_, $db>,
                kind: $crate::talent::ChangeKind,
                id: &str,
                at: i64,
            ) -> $crate::StoreResult<()> {
                ::sqlx::query("INSERT INTO talent_changes (kind, id, at) VALUES ($1, $2, $3)")
                    .bind(kind.code())
                    .bind(id)
                    .bind(at)
                    .execute(&mut **tx)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn save_cv(
                tx: &mut ::sqlx::Transaction<'_, $db>,
                candidate_id: &str,
                cv: &$crate::talent::NewCv,
                at: i64,
            ) -> $crate::StoreResult<()> {
                ::sqlx::query("DELETE FROM candidate_cvs WHERE candidate_id = $1")
                    .bind(candidate_id)
                    .execute(&mut **tx)
                    .await
                    .map_err($crate::sql::db)?;
                ::sqlx::query("INSERT INTO candidate_cvs (candidate_id, content, bytes, sha256, uploaded_at) VALUES ($1, $2, $3, $4, $5)")
                    .bind(candidate_id)
                    .bind(&cv.content)
                    .bind(cv.content.len() as i64)
                    .bind(&cv.sha256)
                    .bind(at)
                    .execute(&mut **tx)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn erase_candidates_where(
                &self,
                condition: &'static str,
                bind: ::std::string::String,
                at: i64,
            ) -> $crate::StoreResult<u64> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                let ids: Vec<String> = ::sqlx::query_scalar(::sqlx::AssertSqlSafe(format!("SELECT id FROM candidates WHERE {condition}")))
                    .bind(&bind)
                    .fetch_all(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                for id in &ids {
                    // Placements keep their counts: the link to the introduction goes.
                    ::sqlx::query("UPDATE placements SET introduction_id = NULL WHERE introduction_id IN (SELECT id FROM introductions WHERE candidate_id = $1)")
                        .bind(id)
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::sql::db)?;
                    for table in ["DELETE FROM introduction_events WHERE introduction_id IN (SELECT id FROM introductions WHERE candidate_id = $1)",
                                  "DELETE FROM introductions WHERE candidate_id = $1",
                                  "DELETE FROM candidate_cvs WHERE candidate_id = $1",
                                  "DELETE FROM candidates WHERE id = $1"] {
                        ::sqlx::query(table).bind(id).execute(&mut *tx).await.map_err($crate::sql::db)?;
                    }
                    Self::record_change(&mut tx, $crate::talent::ChangeKind::Candidate, id, at).await?;
                }
                tx.commit().await.map_err($crate::sql::db)?;
                Ok(ids.len() as u64)
            }
        }

        #[::async_trait::async_trait]
        impl $crate::talent::TalentStore for $store {
            async fn create_employer(
                &self,
                details: &loket_domain::talent::employer::EmployerDetails,
                account_id: Option<&str>,
                at: i64,
            ) -> $crate::StoreResult<$crate::talent::Employer> {
                let id = $crate::sql::talent_rows::new_id();
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                ::sqlx::query("INSERT INTO employers (id, kvk_number, doc, created_at, version) VALUES ($1, $2, $3, $4, 1)")
                    .bind(&id)
                    .bind(&details.kvk_number)
                    .bind($crate::sql::to_json(details)?)
                    .bind(at)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| $crate::sql::refused(e, format!("employer {}", details.kvk_number), "kvk_number"))?;
                if let Some(account) = account_id {
                    ::sqlx::query("INSERT INTO employer_accounts (account_id, employer_id) VALUES ($1, $2)")
                        .bind(account)
                        .bind(&id)
                        .execute(&mut *tx)
                        .await
                        .map_err(|e| $crate::sql::refused(e, format!("employer {id}"), "account_id"))?;
                }
                tx.commit().await.map_err($crate::sql::db)?;
                Ok($crate::talent::Employer { id, details: details.clone(), verified_at: None, created_at: at, version: 1 })
            }

            async fn employer(&self, id: &str) -> $crate::StoreResult<Option<$crate::talent::Employer>> {
                let row: Option<$crate::sql::talent_rows::EmployerRow> = ::sqlx::query_as(::sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM employers WHERE id = $1", $crate::sql::talent_rows::EMPLOYER_COLUMNS)))
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                row.map($crate::sql::talent_rows::employer).transpose()
            }

            async fn link_employer_account(&self, employer_id: &str, account_id: &str) -> $crate::StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                ::sqlx::query("DELETE FROM employer_accounts WHERE employer_id = $1 AND account_id = $2")
                    .bind(employer_id)
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                ::sqlx::query("INSERT INTO employer_accounts (account_id, employer_id) VALUES ($1, $2)")
                    .bind(account_id)
                    .bind(employer_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| $crate::sql::refused(e, format!("employer {employer_id}"), "account_id"))?;
                tx.commit().await.map_err($crate::sql::db)
            }

            async fn remove_employer(&self, id: &str) -> $crate::StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                let vacancies: i64 = ::sqlx::query_scalar("SELECT COUNT(*) FROM vacancies WHERE employer_id = $1")
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                if vacancies > 0 {
                    return Ok(false);
                }
                for sql in ["DELETE FROM employer_accounts WHERE employer_id = $1",
                            "DELETE FROM employer_board WHERE employer_id = $1"] {
                    ::sqlx::query(sql).bind(id).execute(&mut *tx).await.map_err($crate::sql::db)?;
                }
                let gone = ::sqlx::query("DELETE FROM employers WHERE id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                tx.commit().await.map_err($crate::sql::db)?;
                Ok(gone.rows_affected() == 1)
            }

            async fn employers_of_account(&self, account_id: &str) -> $crate::StoreResult<Vec<$crate::talent::Employer>> {
                let rows: Vec<$crate::sql::talent_rows::EmployerRow> = ::sqlx::query_as(::sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM employers WHERE id IN (SELECT employer_id FROM employer_accounts WHERE account_id = $1) ORDER BY created_at",
                    $crate::sql::talent_rows::EMPLOYER_COLUMNS)))
                    .bind(account_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                rows.into_iter().map($crate::sql::talent_rows::employer).collect()
            }

            async fn employers(&self) -> $crate::StoreResult<Vec<$crate::talent::Employer>> {
                let rows: Vec<$crate::sql::talent_rows::EmployerRow> = ::sqlx::query_as(::sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM employers", $crate::sql::talent_rows::EMPLOYER_COLUMNS)))
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                let mut all: Vec<$crate::talent::Employer> =
                    rows.into_iter().map($crate::sql::talent_rows::employer).collect::<Result<_, _>>()?;
                all.sort_by(|a, b| {
                    a.verified_at.is_some().cmp(&b.verified_at.is_some())
                        .then_with(|| a.details.name.to_lowercase().cmp(&b.details.name.to_lowercase()))
                });
                Ok(all)
            }

            async fn verify_employer(
                &self,
                id: &str,
                version: i64,
                recognised_sponsor: bool,
                by: &str,
                at: i64,
            ) -> $crate::StoreResult<$crate::talent::Employer> {
                let Some(mut employer) = self.employer(id).await? else {
                    return Err($crate::StoreError::Rejected { record: format!("employer {id}"), field: "id".into(), message: "does not exist".into() });
                };
                if employer.version != version {
                    return Err($crate::StoreError::Conflict(format!("employer {id}")));
                }
                employer.details.recognised_sponsor = recognised_sponsor;
                let saved = ::sqlx::query("UPDATE employers SET doc = $1, verified_at = $2, verified_by = $3, version = version + 1 WHERE id = $4 AND version = $5")
                    .bind($crate::sql::to_json(&employer.details)?)
                    .bind(at)
                    .bind(by)
                    .bind(id)
                    .bind(version)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                if saved.rows_affected() != 1 {
                    return Err($crate::StoreError::Conflict(format!("employer {id}")));
                }
                employer.verified_at = Some(at);
                employer.version = version + 1;
                Ok(employer)
            }

            async fn set_board_membership(
                &self,
                employer_id: &str,
                m: &loket_domain::talent::employer::BoardMembership,
            ) -> $crate::StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                ::sqlx::query("DELETE FROM employer_board WHERE employer_id = $1 AND year = $2")
                    .bind(employer_id)
                    .bind(m.year)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                ::sqlx::query("INSERT INTO employer_board (employer_id, year, fee_cents, status) VALUES ($1, $2, $3, $4)")
                    .bind(employer_id)
                    .bind(m.year)
                    .bind(m.fee_cents)
                    .bind(m.status.code())
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| $crate::sql::refused(e, format!("employer {employer_id}"), "employer_id"))?;
                tx.commit().await.map_err($crate::sql::db)
            }

            async fn board_memberships(
                &self,
                employer_id: &str,
            ) -> $crate::StoreResult<Vec<loket_domain::talent::employer::BoardMembership>> {
                let rows: Vec<(i32, i64, String)> = ::sqlx::query_as("SELECT year, fee_cents, status FROM employer_board WHERE employer_id = $1 ORDER BY year")
                    .bind(employer_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                rows.into_iter()
                    .map(|(year, fee_cents, status)| {
                        Ok(loket_domain::talent::employer::BoardMembership {
                            year,
                            fee_cents,
                            status: loket_domain::talent::employer::BoardStatus::parse(&status)
                                .ok_or_else(|| $crate::StoreError::Corrupt(format!("board status {status:?}")))?,
                        })
                    })
                    .collect()
            }

            async fn create_vacancy(
                &self,
                employer_id: &str,
                details: &loket_domain::talent::vacancy::VacancyDetails,
                status: loket_domain::talent::vacancy::VacancyStatus,
                at: i64,
            ) -> $crate::StoreResult<$crate::talent::VacancyRecord> {
                let id = $crate::sql::talent_rows::new_id();
                let published_at = (status == loket_domain::talent::vacancy::VacancyStatus::Published).then_some(at);
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                ::sqlx::query("INSERT INTO vacancies (id, employer_id, status, doc, version, created_at, updated_at, published_at) VALUES ($1, $2, $3, $4, 1, $5, $5, $6)")
                    .bind(&id)
                    .bind(employer_id)
                    .bind(status.code())
                    .bind($crate::sql::to_json(details)?)
                    .bind(at)
                    .bind(published_at)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| $crate::sql::refused(e, format!("vacancy {id}"), "employer_id"))?;
                Self::record_change(&mut tx, $crate::talent::ChangeKind::Vacancy, &id, at).await?;
                tx.commit().await.map_err($crate::sql::db)?;
                Ok($crate::talent::VacancyRecord {
                    id,
                    employer_id: employer_id.to_string(),
                    status,
                    details: details.clone(),
                    version: 1,
                    created_at: at,
                    updated_at: at,
                    published_at,
                })
            }

            async fn update_vacancy(
                &self,
                id: &str,
                version: i64,
                details: &loket_domain::talent::vacancy::VacancyDetails,
                status: loket_domain::talent::vacancy::VacancyStatus,
                at: i64,
            ) -> $crate::StoreResult<$crate::talent::VacancyRecord> {
                let Some(current) = self.vacancy(id).await? else {
                    return Err($crate::StoreError::Rejected { record: format!("vacancy {id}"), field: "id".into(), message: "does not exist".into() });
                };
                let published_at = match (current.published_at, status) {
                    (Some(at), _) => Some(at),
                    (None, loket_domain::talent::vacancy::VacancyStatus::Published) => Some(at),
                    (None, _) => None,
                };
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                let saved = ::sqlx::query("UPDATE vacancies SET status = $1, doc = $2, version = version + 1, updated_at = $3, published_at = $4 WHERE id = $5 AND version = $6")
                    .bind(status.code())
                    .bind($crate::sql::to_json(details)?)
                    .bind(at)
                    .bind(published_at)
                    .bind(id)
                    .bind(version)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                if saved.rows_affected() != 1 {
                    return Err($crate::StoreError::Conflict(format!("vacancy {id}")));
                }
                Self::record_change(&mut tx, $crate::talent::ChangeKind::Vacancy, id, at).await?;
                tx.commit().await.map_err($crate::sql::db)?;
                Ok($crate::talent::VacancyRecord {
                    status,
                    details: details.clone(),
                    version: version + 1,
                    updated_at: at,
                    published_at,
                    ..current
                })
            }

            async fn vacancy(&self, id: &str) -> $crate::StoreResult<Option<$crate::talent::VacancyRecord>> {
                let row: Option<$crate::sql::talent_rows::VacancyRow> = ::sqlx::query_as(::sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM vacancies WHERE id = $1", $crate::sql::talent_rows::VACANCY_COLUMNS)))
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                row.map($crate::sql::talent_rows::vacancy).transpose()
            }

            async fn vacancies_of_employer(&self, employer_id: &str) -> $crate::StoreResult<Vec<$crate::talent::VacancyRecord>> {
                let rows: Vec<$crate::sql::talent_rows::VacancyRow> = ::sqlx::query_as(::sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM vacancies WHERE employer_id = $1 ORDER BY created_at DESC", $crate::sql::talent_rows::VACANCY_COLUMNS)))
                    .bind(employer_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                rows.into_iter().map($crate::sql::talent_rows::vacancy).collect()
            }

            async fn published_vacancies(&self, limit: i64, offset: i64) -> $crate::StoreResult<Vec<$crate::talent::VacancyRecord>> {
                let rows: Vec<$crate::sql::talent_rows::VacancyRow> = ::sqlx::query_as(::sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM vacancies WHERE status = 'published' ORDER BY published_at DESC, id LIMIT $1 OFFSET $2",
                    $crate::sql::talent_rows::VACANCY_COLUMNS)))
                    .bind(limit)
                    .bind(offset)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                rows.into_iter().map($crate::sql::talent_rows::vacancy).collect()
            }

            async fn create_candidate(
                &self,
                details: &loket_domain::talent::candidate::CandidateDetails,
                by: $crate::talent::RegisteredBy<'_>,
                cv: Option<&$crate::talent::NewCv>,
                at: i64,
            ) -> $crate::StoreResult<$crate::talent::CandidateRecord> {
                let id = $crate::sql::talent_rows::new_id();
                let (account_id, registered_by) = match by {
                    $crate::talent::RegisteredBy::Themselves(a) => (Some(a), None),
                    $crate::talent::RegisteredBy::Staff(a) => (None, Some(a)),
                };
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                ::sqlx::query("INSERT INTO candidates (id, account_id, registered_by, name, email, phone, profile, consent_at, consent_purpose, last_activity_at, created_at, updated_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, $8, $8, 1)")
                    .bind(&id)
                    .bind(account_id)
                    .bind(registered_by)
                    .bind(&details.name)
                    .bind(&details.email)
                    .bind(&details.phone)
                    .bind($crate::sql::to_json(&details.profile)?)
                    .bind(at)
                    .bind(loket_domain::talent::candidate::PURPOSE)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| $crate::sql::refused(e, format!("candidate {id}"), "account_id"))?;
                if let Some(cv) = cv {
                    Self::save_cv(&mut tx, &id, cv, at).await?;
                }
                Self::record_change(&mut tx, $crate::talent::ChangeKind::Candidate, &id, at).await?;
                tx.commit().await.map_err($crate::sql::db)?;
                Ok($crate::talent::CandidateRecord {
                    id,
                    account_id: account_id.map(str::to_string),
                    registered_by: registered_by.map(str::to_string),
                    details: details.clone(),
                    consent_at: at,
                    last_activity_at: at,
                    version: 1,
                    cv: cv.map(|cv| $crate::talent::CvInfo { bytes: cv.content.len() as i64, uploaded_at: at }),
                })
            }

            async fn update_candidate(
                &self,
                id: &str,
                version: i64,
                details: &loket_domain::talent::candidate::CandidateDetails,
                cv: Option<&$crate::talent::NewCv>,
                at: i64,
            ) -> $crate::StoreResult<$crate::talent::CandidateRecord> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                let saved = ::sqlx::query("UPDATE candidates SET name = $1, email = $2, phone = $3, profile = $4, last_activity_at = $5, updated_at = $5, version = version + 1 WHERE id = $6 AND version = $7")
                    .bind(&details.name)
                    .bind(&details.email)
                    .bind(&details.phone)
                    .bind($crate::sql::to_json(&details.profile)?)
                    .bind(at)
                    .bind(id)
                    .bind(version)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                if saved.rows_affected() != 1 {
                    return Err($crate::StoreError::Conflict(format!("candidate {id}")));
                }
                if let Some(cv) = cv {
                    Self::save_cv(&mut tx, id, cv, at).await?;
                }
                Self::record_change(&mut tx, $crate::talent::ChangeKind::Candidate, id, at).await?;
                tx.commit().await.map_err($crate::sql::db)?;
                self.candidate(id).await?.ok_or_else(|| $crate::StoreError::Conflict(format!("candidate {id}")))
            }

            async fn candidate(&self, id: &str) -> $crate::StoreResult<Option<$crate::talent::CandidateRecord>> {
                let row: Option<$crate::sql::talent_rows::CandidateRow> = ::sqlx::query_as(::sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM {} WHERE c.id = $1", $crate::sql::talent_rows::CANDIDATE_COLUMNS, $crate::sql::talent_rows::CANDIDATE_FROM)))
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                row.map($crate::sql::talent_rows::candidate).transpose()
            }

            async fn recent_candidates(&self, limit: i64) -> $crate::StoreResult<Vec<(String, String)>> {
                ::sqlx::query_as("SELECT id, name FROM candidates ORDER BY created_at DESC, id LIMIT $1")
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)
            }

            async fn candidate_of_account(&self, account_id: &str) -> $crate::StoreResult<Option<$crate::talent::CandidateRecord>> {
                let row: Option<$crate::sql::talent_rows::CandidateRow> = ::sqlx::query_as(::sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM {} WHERE c.account_id = $1 ORDER BY c.created_at LIMIT 1", $crate::sql::talent_rows::CANDIDATE_COLUMNS, $crate::sql::talent_rows::CANDIDATE_FROM)))
                    .bind(account_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                row.map($crate::sql::talent_rows::candidate).transpose()
            }

            async fn candidate_cv(&self, id: &str) -> $crate::StoreResult<Option<Vec<u8>>> {
                ::sqlx::query_scalar("SELECT content FROM candidate_cvs WHERE candidate_id = $1")
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)
            }

            async fn erase_candidate(&self, id: &str, at: i64) -> $crate::StoreResult<bool> {
                Ok(self.erase_candidates_where("id = $1", id.to_string(), at).await? > 0)
            }

            async fn erase_inactive_candidates(&self, before: i64, at: i64) -> $crate::StoreResult<u64> {
                // Bound as text and cast, so one helper serves both conditions.
                self.erase_candidates_where("last_activity_at < CAST($1 AS BIGINT)", before.to_string(), at).await
            }

            async fn talent_changes(&self, after: i64, limit: i64) -> $crate::StoreResult<Vec<$crate::talent::TalentChange>> {
                let rows: Vec<(i64, String, String)> = ::sqlx::query_as("SELECT seq, kind, id FROM talent_changes WHERE seq > $1 ORDER BY seq LIMIT $2")
                    .bind(after)
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                rows.into_iter().map($crate::sql::talent_rows::change).collect()
            }

            async fn latest_talent_change(&self) -> $crate::StoreResult<i64> {
                let seq: Option<i64> = ::sqlx::query_scalar("SELECT MAX(seq) FROM talent_changes")
                    .fetch_one(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(seq.unwrap_or(0))
            }

            async fn candidate_profiles(
                &self,
                after_id: &str,
                limit: i64,
            ) -> $crate::StoreResult<Vec<(String, loket_domain::talent::candidate::CandidateProfile)>> {
                let rows: Vec<(String, String)> = ::sqlx::query_as("SELECT id, profile FROM candidates WHERE id > $1 ORDER BY id LIMIT $2")
                    .bind(after_id)
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                rows.into_iter().map(|(id, profile)| Ok((id, $crate::sql::from_json(&profile)?))).collect()
            }

            async fn vacancy_records(&self, after_id: &str, limit: i64) -> $crate::StoreResult<Vec<$crate::talent::VacancyRecord>> {
                let rows: Vec<$crate::sql::talent_rows::VacancyRow> = ::sqlx::query_as(::sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM vacancies WHERE id > $1 ORDER BY id LIMIT $2", $crate::sql::talent_rows::VACANCY_COLUMNS)))
                    .bind(after_id)
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                rows.into_iter().map($crate::sql::talent_rows::vacancy).collect()
            }

            async fn propose_introduction(
                &self,
                vacancy_id: &str,
                candidate_id: &str,
                proposed_as: loket_domain::talent::introduction::Actor,
                token_hash: &str,
                expires_at: i64,
                at: i64,
            ) -> $crate::StoreResult<$crate::talent::Introduction> {
                let id = $crate::sql::talent_rows::new_id();
                let proposed = loket_domain::talent::introduction::IntroStatus::Proposed;
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                ::sqlx::query("INSERT INTO introductions (id, vacancy_id, candidate_id, status, proposed_as, consent_token_hash, consent_expires_at, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $8)")
                    .bind(&id)
                    .bind(vacancy_id)
                    .bind(candidate_id)
                    .bind(proposed.code())
                    .bind($crate::sql::talent_rows::actor_code(proposed_as))
                    .bind(token_hash)
                    .bind(expires_at)
                    .bind(at)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| $crate::sql::refused(e, format!("introduction of candidate {candidate_id} for vacancy {vacancy_id}"), "candidate_id"))?;
                ::sqlx::query("INSERT INTO introduction_events (introduction_id, version, at, actor, to_status) VALUES ($1, 1, $2, $3, $4)")
                    .bind(&id)
                    .bind(at)
                    .bind($crate::sql::talent_rows::actor_code(proposed_as))
                    .bind(proposed.code())
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                tx.commit().await.map_err($crate::sql::db)?;
                Ok($crate::talent::Introduction {
                    id,
                    vacancy_id: vacancy_id.to_string(),
                    candidate_id: candidate_id.to_string(),
                    status: proposed,
                    reason: None,
                    proposed_as,
                    consent_expires_at: Some(expires_at),
                    version: 1,
                    created_at: at,
                    updated_at: at,
                })
            }

            async fn introduction(&self, id: &str) -> $crate::StoreResult<Option<$crate::talent::Introduction>> {
                let row: Option<$crate::sql::talent_rows::IntroductionRow> = ::sqlx::query_as(::sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM introductions WHERE id = $1", $crate::sql::talent_rows::INTRODUCTION_COLUMNS)))
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                row.map($crate::sql::talent_rows::introduction).transpose()
            }

            async fn introduction_history(&self, id: &str) -> $crate::StoreResult<Vec<$crate::talent::IntroductionEvent>> {
                let rows: Vec<$crate::sql::talent_rows::EventRow> = ::sqlx::query_as("SELECT version, at, actor, to_status, reason FROM introduction_events WHERE introduction_id = $1 ORDER BY version")
                    .bind(id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                rows.into_iter().map($crate::sql::talent_rows::introduction_event).collect()
            }

            async fn introduction_by_token(&self, token_hash: &str) -> $crate::StoreResult<Option<$crate::talent::Introduction>> {
                let row: Option<$crate::sql::talent_rows::IntroductionRow> = ::sqlx::query_as(::sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM introductions WHERE consent_token_hash = $1", $crate::sql::talent_rows::INTRODUCTION_COLUMNS)))
                    .bind(token_hash)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                row.map($crate::sql::talent_rows::introduction).transpose()
            }

            async fn move_introduction(&self, m: &$crate::talent::IntroductionMove) -> $crate::StoreResult<$crate::talent::Introduction> {
                use loket_domain::talent::introduction::{check_move, IntroStatus, MoveError};
                let record = |field: &str, message: &str| $crate::StoreError::Rejected {
                    record: format!("introduction {}", m.id),
                    field: field.into(),
                    message: message.into(),
                };
                let Some(current) = self.introduction(&m.id).await? else {
                    return Err(record("id", "does not exist"));
                };
                if current.version != m.version {
                    return Err($crate::StoreError::Conflict(format!("introduction {}", m.id)));
                }
                let reason = match check_move(current.status, m.to, m.actor, m.reason) {
                    Ok(reason) => reason,
                    Err(MoveError::ReasonRequired) => return Err(record("reason", "not hired needs a reason")),
                    Err(e @ MoveError::NotAllowed { .. }) => return Err(record("status", &e.to_string())),
                };
                if m.to == IntroStatus::Hired && m.placement.is_none() {
                    return Err(record("placement", "a hire records its start date and mediating service"));
                }
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                // The token is spent once the candidate answered.
                let saved = ::sqlx::query("UPDATE introductions SET status = $1, reason = $2, version = version + 1, updated_at = $3, consent_token_hash = CASE WHEN $4 THEN NULL ELSE consent_token_hash END WHERE id = $5 AND version = $6")
                    .bind(m.to.code())
                    .bind(reason.map(|r| r.code()))
                    .bind(m.at)
                    .bind(current.status == IntroStatus::Proposed)
                    .bind(&m.id)
                    .bind(m.version)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                if saved.rows_affected() != 1 {
                    return Err($crate::StoreError::Conflict(format!("introduction {}", m.id)));
                }
                ::sqlx::query("INSERT INTO introduction_events (introduction_id, version, at, actor, to_status, reason) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(&m.id)
                    .bind(m.version + 1)
                    .bind(m.at)
                    .bind($crate::sql::talent_rows::actor_code(m.actor))
                    .bind(m.to.code())
                    .bind(reason.map(|r| r.code()))
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| $crate::sql::refused(e, format!("introduction {}", m.id), "version"))?;
                if let (IntroStatus::Hired, Some(p)) = (m.to, &m.placement) {
                    let vacancy: Option<(String, String)> = ::sqlx::query_as("SELECT employer_id, doc FROM vacancies WHERE id = $1")
                        .bind(&current.vacancy_id)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err($crate::sql::db)?;
                    let (employer_id, doc) = vacancy.ok_or_else(|| record("vacancy_id", "does not exist"))?;
                    let details: loket_domain::talent::vacancy::VacancyDetails = $crate::sql::from_json(&doc)?;
                    use ::chrono::Datelike;
                    ::sqlx::query("INSERT INTO placements (id, introduction_id, employer_id, vacancy_id, occupation, service_id, start_date, year, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                        .bind($crate::sql::talent_rows::new_id())
                        .bind(&m.id)
                        .bind(&employer_id)
                        .bind(&current.vacancy_id)
                        .bind(&details.occupation)
                        .bind(&p.service_id)
                        .bind($crate::sql::referrals::iso(p.start_date))
                        .bind(p.start_date.year())
                        .bind(m.at)
                        .execute(&mut *tx)
                        .await
                        .map_err(|e| $crate::sql::refused(e, format!("placement of introduction {}", m.id), "introduction_id"))?;
                    let org = Self::service_organisation(&mut tx, &p.service_id).await?;
                    Self::add_tallies(&mut tx, vec![loket_domain::monitoring::rollup::of_placement(p.start_date, &org, &p.service_id)]).await?;
                }
                tx.commit().await.map_err($crate::sql::db)?;
                Ok($crate::talent::Introduction {
                    status: m.to,
                    reason,
                    version: m.version + 1,
                    updated_at: m.at,
                    ..current
                })
            }

            async fn introductions_for_vacancy(&self, vacancy_id: &str) -> $crate::StoreResult<Vec<$crate::talent::Introduction>> {
                let rows: Vec<$crate::sql::talent_rows::IntroductionRow> = ::sqlx::query_as(::sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM introductions WHERE vacancy_id = $1 ORDER BY created_at, id", $crate::sql::talent_rows::INTRODUCTION_COLUMNS)))
                    .bind(vacancy_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                rows.into_iter().map($crate::sql::talent_rows::introduction).collect()
            }

            async fn introductions_for_candidate(&self, candidate_id: &str) -> $crate::StoreResult<Vec<$crate::talent::Introduction>> {
                let rows: Vec<$crate::sql::talent_rows::IntroductionRow> = ::sqlx::query_as(::sqlx::AssertSqlSafe(format!(
                    "SELECT {} FROM introductions WHERE candidate_id = $1 ORDER BY created_at, id", $crate::sql::talent_rows::INTRODUCTION_COLUMNS)))
                    .bind(candidate_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                rows.into_iter().map($crate::sql::talent_rows::introduction).collect()
            }

            async fn set_placement_target(&self, year: i32, expected: u32, at: i64) -> $crate::StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                ::sqlx::query("DELETE FROM placement_targets WHERE year = $1")
                    .bind(year)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                ::sqlx::query("INSERT INTO placement_targets (year, expected, updated_at) VALUES ($1, $2, $3)")
                    .bind(year)
                    .bind(i64::from(expected))
                    .bind(at)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                tx.commit().await.map_err($crate::sql::db)
            }

            async fn placement_figures(&self, year: i32) -> $crate::StoreResult<loket_domain::talent::placement::PlacementFigures> {
                let expected: Option<i64> = ::sqlx::query_scalar("SELECT expected FROM placement_targets WHERE year = $1")
                    .bind(year)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                let effective: i64 = ::sqlx::query_scalar("SELECT COUNT(*) FROM placements WHERE year = $1")
                    .bind(year)
                    .fetch_one(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(loket_domain::talent::placement::PlacementFigures {
                    year,
                    expected: expected.map(|e| e.clamp(0, i64::from(u32::MAX)) as u32),
                    effective: effective.clamp(0, i64::from(u32::MAX)) as u32,
                })
            }

            async fn placements(&self, year: i32) -> $crate::StoreResult<Vec<loket_domain::talent::placement::Placement>> {
                let rows: Vec<(String, Option<String>, String, String, String, String, String)> = ::sqlx::query_as("SELECT id, introduction_id, employer_id, vacancy_id, occupation, service_id, start_date FROM placements WHERE year = $1 ORDER BY start_date, id")
                    .bind(year)
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                rows.into_iter()
                    .map(|(id, introduction_id, employer_id, vacancy_id, occupation, service_id, start)| {
                        Ok(loket_domain::talent::placement::Placement {
                            id,
                            introduction_id,
                            employer_id,
                            vacancy_id,
                            occupation,
                            service_id,
                            start_date: ::chrono::NaiveDate::parse_from_str(&start, "%Y-%m-%d")
                                .map_err(|_| $crate::StoreError::Corrupt(format!("placement date {start:?}")))?,
                        })
                    })
                    .collect()
            }
        }
    };
}
