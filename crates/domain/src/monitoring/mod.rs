//! Monitoring for funders and coordinators: the indicators (as versioned data),
//! their targets, the period a dashboard or report covers, and how each
//! indicator is counted and published.

pub mod allocation;
pub mod breakdown;
pub mod funding;
pub mod indicator;
pub mod labour_market;
pub mod measure;
pub mod period;
pub mod programme;
pub mod rollup;
pub mod target;

pub use indicator::{Breakdown, Indicator, Indicators, Measure, Unit};
pub use period::Period;
pub use target::{Target, TargetInput, TargetScope};
