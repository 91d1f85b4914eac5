//! How long a session lives: ended after `idle_secs` without use and after
//! `absolute_secs` in any case. The web tier checks them on every request; the
//! retention job deletes what has ended.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionLifetimes {
    pub idle_secs: i64,
    pub absolute_secs: i64,
}

impl Default for SessionLifetimes {
    fn default() -> Self {
        SessionLifetimes {
            idle_secs: 30 * 60,
            absolute_secs: 12 * 60 * 60,
        }
    }
}

impl SessionLifetimes {
    /// Whether a session created at `created_at` and last used at `last_seen_at`
    /// has ended by `now` (all Unix seconds).
    pub fn ended(&self, created_at: i64, last_seen_at: i64, now: i64) -> bool {
        now - last_seen_at > self.idle_secs || now - created_at > self.absolute_secs
    }
}
