//! Monitoring for funders and coordinators: the indicators (as versioned data),
//! their targets and the period a dashboard or report covers.

pub mod indicator;
pub mod period;
pub mod target;

pub use indicator::{Breakdown, Indicator, Indicators, Measure, Unit};
pub use period::Period;
pub use target::{Target, TargetInput, TargetScope};
