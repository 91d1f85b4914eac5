//! The cross-border explainer as a use case: a situation as typed, checked
//! against the rules' dates, explained per domain (see `loket_crossborder`).

use crate::{App, AppError, AppResult};
use loket_crossborder::{Explanation, SituationInput};

/// The answers for a situation, or every problem of it at once.
pub fn explain(app: &App, input: &SituationInput) -> AppResult<Explanation> {
    let situation = input.check(&app.crossborder).map_err(AppError::Invalid)?;
    Ok(loket_crossborder::explain(&app.crossborder, &situation))
}
