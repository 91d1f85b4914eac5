//! Events for the "living in the region" track: when they take place
//! ([`schedule`]: one date, or an RFC 5545 rule with exceptions, in
//! Europe/Amsterdam), what an organiser must give ([`event`]), who gets a place
//! ([`waiting`]), and calendars ([`ical`]). Pure: no I/O.

pub mod event;
pub mod ical;
pub mod schedule;
pub mod waiting;
