//! The audit and processing log (BIO2 8.15.01; the Logius "Logboek
//! Dataverwerkingen"): who did what to which object, with what result, from
//! where and when; for personal data also whose (a pseudonym) and for which
//! processing activity. Every entry carries the hash of the one before it, so a
//! changed, inserted or deleted entry breaks the chain.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuditResult {
    Success,
    Denied,
    Failed,
}

impl AuditResult {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditResult::Success => "success",
            AuditResult::Denied => "denied",
            AuditResult::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "success" => Some(AuditResult::Success),
            "denied" => Some(AuditResult::Denied),
            "failed" => Some(AuditResult::Failed),
            _ => None,
        }
    }
}

/// What happened; the log adds the time, the sequence number and the hashes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    /// For example `catalogue.import`, `service.update`, `referral.accept`.
    pub action: String,
    /// The object acted on, e.g. `service/9f…` or a file name.
    pub object: String,
    pub result: AuditResult,
    /// Where it came from: `cli`, `web`, `api` (never an IP address here).
    pub origin: String,
    /// Who: an account id, or `operator` for the command line.
    pub actor: String,
    /// For personal data: the data subject's pseudonym.
    pub subject: Option<String>,
    /// For personal data: the processing activity from the register.
    pub activity: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub event: AuditEvent,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash of an entry: SHA-256 over its fields and the previous hash.
pub fn entry_hash(seq: i64, at: DateTime<Utc>, e: &AuditEvent, prev_hash: &str) -> String {
    // A JSON array is an unambiguous encoding of the fields, in a fixed order.
    let canonical = serde_json::json!([
        seq,
        at.to_rfc3339_opts(SecondsFormat::Micros, true),
        e.action,
        e.object,
        e.result.as_str(),
        e.origin,
        e.actor,
        e.subject,
        e.activity,
        prev_hash
    ]);
    let digest = Sha256::digest(canonical.to_string().as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The next entry after `prev` (sequence number and hash), for `event` at `at`.
pub fn next_entry(prev: (i64, &str), at: DateTime<Utc>, event: AuditEvent) -> AuditEntry {
    let seq = prev.0 + 1;
    // Stored times keep microseconds; hash the time as it will be read back.
    let at = DateTime::parse_from_rfc3339(&at.to_rfc3339_opts(SecondsFormat::Micros, true))
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or(at);
    let hash = entry_hash(seq, at, &event, prev.1);
    AuditEntry {
        seq,
        at,
        event,
        prev_hash: prev.1.to_string(),
        hash,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainBreak {
    #[error("entry {seq} was changed: its hash does not match its contents")]
    Changed { seq: i64 },
    #[error("entry {seq} does not follow entry {prev}: an entry is missing or was inserted")]
    Gap { prev: i64, seq: i64 },
    #[error("entry {seq} does not link to the entry before it")]
    Unlinked { seq: i64 },
    #[error(
        "the log ends at entry {last} but {head} entries were written: entries at the end were removed"
    )]
    Truncated { last: i64, head: i64 },
}

/// Checks a log entry by entry, in order, so that a long log need not fit in memory.
pub struct ChainVerifier {
    prev_seq: i64,
    prev_hash: String,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        ChainVerifier {
            prev_seq: 0,
            prev_hash: GENESIS.to_string(),
        }
    }
}

impl ChainVerifier {
    pub fn feed(&mut self, e: &AuditEntry) -> Result<(), ChainBreak> {
        if e.seq != self.prev_seq + 1 {
            return Err(ChainBreak::Gap {
                prev: self.prev_seq,
                seq: e.seq,
            });
        }
        if e.prev_hash != self.prev_hash {
            return Err(ChainBreak::Unlinked { seq: e.seq });
        }
        if entry_hash(e.seq, e.at, &e.event, &e.prev_hash) != e.hash {
            return Err(ChainBreak::Changed { seq: e.seq });
        }
        self.prev_seq = e.seq;
        self.prev_hash = e.hash.clone();
        Ok(())
    }

    /// Compares the end of the log with the head (the last sequence number and
    /// hash written); returns the number of entries checked.
    pub fn finish(self, head: (i64, &str)) -> Result<i64, ChainBreak> {
        if head.0 != self.prev_seq || (head.0 > 0 && head.1 != self.prev_hash) {
            return Err(ChainBreak::Truncated {
                last: self.prev_seq,
                head: head.0,
            });
        }
        Ok(self.prev_seq)
    }
}

/// Checks a whole log, read in order, against the head.
pub fn verify<'a>(
    entries: impl IntoIterator<Item = &'a AuditEntry>,
    head: (i64, &str),
) -> Result<i64, ChainBreak> {
    let mut v = ChainVerifier::default();
    for e in entries {
        v.feed(e)?;
    }
    v.finish(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(action: &str) -> AuditEvent {
        AuditEvent {
            action: action.into(),
            object: "service/1".into(),
            result: AuditResult::Success,
            origin: "cli".into(),
            actor: "operator".into(),
            subject: None,
            activity: None,
        }
    }

    fn chain(n: usize) -> Vec<AuditEntry> {
        let mut out: Vec<AuditEntry> = Vec::new();
        for i in 0..n {
            let prev = out
                .last()
                .map(|e| (e.seq, e.hash.clone()))
                .unwrap_or((0, GENESIS.to_string()));
            out.push(next_entry(
                (prev.0, &prev.1),
                Utc::now(),
                event(&format!("a{i}")),
            ));
        }
        out
    }

    fn head(c: &[AuditEntry]) -> (i64, String) {
        c.last()
            .map(|e| (e.seq, e.hash.clone()))
            .unwrap_or((0, GENESIS.into()))
    }

    #[test]
    fn an_untouched_chain_verifies() {
        let c = chain(5);
        let (seq, hash) = head(&c);
        assert_eq!(verify(&c, (seq, &hash)), Ok(5));
        assert_eq!(verify(&[], (0, GENESIS)), Ok(0));
    }

    #[test]
    fn changes_deletions_and_truncation_are_detected() {
        let c = chain(5);
        let (seq, hash) = head(&c);
        let mut changed = c.clone();
        changed[2].event.actor = "someone-else".into();
        assert_eq!(
            verify(&changed, (seq, &hash)),
            Err(ChainBreak::Changed { seq: 3 })
        );
        let mut deleted = c.clone();
        deleted.remove(1);
        assert_eq!(
            verify(&deleted, (seq, &hash)),
            Err(ChainBreak::Gap { prev: 1, seq: 3 })
        );
        let truncated = &c[..4];
        assert_eq!(
            verify(truncated, (seq, &hash)),
            Err(ChainBreak::Truncated { last: 4, head: 5 })
        );
        let mut rehashed = c.clone();
        rehashed[2].event.actor = "x".into();
        rehashed[2].hash = entry_hash(
            3,
            rehashed[2].at,
            &rehashed[2].event,
            &rehashed[2].prev_hash,
        );
        assert_eq!(
            verify(&rehashed, (seq, &hash)),
            Err(ChainBreak::Unlinked { seq: 4 }),
            "re-hashing one entry breaks the next link"
        );
    }
}
