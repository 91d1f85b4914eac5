//! Report files. A [`Report`] is a title, facts about it (scope, period,
//! audience, when it was counted), an optional legend and tables; this crate
//! writes one report as CSV, XLSX or PDF, so that the three files hold the same
//! words and numbers as the page that made them. No HTTP, no store: the caller
//! puts the report together in the reader's language.

mod csv;
mod font;
mod pdf;
mod winansi;
mod xlsx;

pub use csv::to_csv;
pub use pdf::to_pdf;
pub use xlsx::to_xlsx;

/// A document to write.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub title: String,
    /// Label and value: scope, period, audience, counted at.
    pub facts: Vec<(String, String)>,
    /// What was hidden and why (for aggregate-only audiences).
    pub legend: Option<String>,
    pub tables: Vec<Table>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("the spreadsheet could not be written: {0}")]
    Spreadsheet(String),
}

/// A cell that is a whole number (written as a number in a spreadsheet and
/// right-aligned in a PDF).
pub(crate) fn whole_number(cell: &str) -> Option<i64> {
    if cell.is_empty() || cell.len() > 15 || !cell.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    cell.parse().ok()
}
