//! Events of the "living in the region" track: an organisation publishes an
//! event (one date or a series, each date with its own places), and anyone can
//! follow the calendars of a region, an organisation or a topic.

pub mod feed;
pub mod organise;
pub mod reading;
pub mod registration;
