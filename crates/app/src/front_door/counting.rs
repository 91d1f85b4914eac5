//! Counts of front-door routings, kept in memory and written to the store every
//! few seconds, so that counting costs a visitor nothing. A crash loses at most
//! the last few seconds of counts: these are statistics, not records.

use chrono::NaiveDate;
use loket_store::{RouteTally, Store, StoreResult};
use std::collections::HashMap;
use std::sync::Mutex;

/// A day, a front door (a region's code, or empty) and a combination of answers.
type Key = (NaiveDate, String, String);

#[derive(Default)]
pub struct InsightBuffer {
    /// Whether the combination fell back, and how often it was asked.
    counts: Mutex<HashMap<Key, (bool, i64)>>,
}

impl InsightBuffer {
    /// Counts one routing at `door`: a region's code, or empty for the deployment's own.
    pub fn count(&self, day: NaiveDate, door: &str, combination: String, fell_back: bool) {
        self.add(day, door.to_string(), combination, fell_back, 1);
    }

    fn add(&self, day: NaiveDate, door: String, combination: String, fell_back: bool, n: i64) {
        let mut counts = match self.counts.lock() {
            Ok(c) => c,
            Err(poisoned) => poisoned.into_inner(),
        };
        let entry = counts
            .entry((day, door, combination))
            .or_insert((fell_back, 0));
        entry.0 = fell_back;
        entry.1 += n;
    }

    /// Writes what was counted; on failure the counts are kept for the next try.
    pub async fn flush(&self, store: &dyn Store) -> StoreResult<usize> {
        let taken: Vec<RouteTally> = {
            let mut counts = match self.counts.lock() {
                Ok(c) => c,
                Err(poisoned) => poisoned.into_inner(),
            };
            counts
                .drain()
                .map(
                    |((day, region, combination), (fell_back, count))| RouteTally {
                        day,
                        region,
                        combination,
                        fell_back,
                        count,
                    },
                )
                .collect()
        };
        if taken.is_empty() {
            return Ok(0);
        }
        match store.add_route_counts(&taken).await {
            Ok(()) => Ok(taken.len()),
            Err(e) => {
                for t in taken {
                    self.add(t.day, t.region, t.combination, t.fell_back, t.count);
                }
                Err(e)
            }
        }
    }
}
