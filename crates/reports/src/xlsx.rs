//! A report as an Excel workbook: a first sheet with the title, facts and
//! legend, then a sheet per table (header in bold, whole numbers as numbers).

use crate::{Report, ReportError, whole_number};
use rust_xlsxwriter::{Format, Workbook};

fn err(e: rust_xlsxwriter::XlsxError) -> ReportError {
    ReportError::Spreadsheet(e.to_string())
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, and
/// unique in the workbook.
fn sheet_name(caption: &str, index: usize) -> String {
    let clean: String = caption
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(27)
        .collect();
    let clean = clean.trim();
    if clean.is_empty() || clean.eq_ignore_ascii_case("history") {
        format!("Table {}", index + 1)
    } else {
        format!("{} {}", clean, index + 1)
    }
}

pub fn to_xlsx(report: &Report) -> Result<Vec<u8>, ReportError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let wrap = Format::new().set_text_wrap();
    {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(&report.title, 0)).map_err(err)?;
        sheet.set_column_width(0, 28).map_err(err)?;
        sheet.set_column_width(1, 70).map_err(err)?;
        sheet
            .write_string_with_format(0, 0, &report.title, &title)
            .map_err(err)?;
        let mut row = 2;
        for (label, value) in &report.facts {
            sheet
                .write_string_with_format(row, 0, label, &bold)
                .map_err(err)?;
            sheet
                .write_string_with_format(row, 1, value, &wrap)
                .map_err(err)?;
            row += 1;
        }
        if let Some(legend) = &report.legend {
            row += 1;
            sheet
                .write_string_with_format(row, 1, legend, &wrap)
                .map_err(err)?;
        }
    }
    for (i, t) in report.tables.iter().enumerate() {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(&t.caption, i + 1)).map_err(err)?;
        sheet
            .write_string_with_format(0, 0, &t.caption, &title)
            .map_err(err)?;
        for (c, h) in t.header.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            sheet
                .write_string_with_format(2, c, h, &bold)
                .map_err(err)?;
            sheet.set_column_width(c, 18).map_err(err)?;
        }
        for (r, cells) in t.rows.iter().enumerate() {
            let r = u32::try_from(r + 3).unwrap_or(u32::MAX);
            for (c, cell) in cells.iter().enumerate() {
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                match whole_number(cell) {
                    Some(n) => sheet.write_number(r, c, n as f64).map_err(err)?,
                    None => sheet.write_string(r, c, cell).map_err(err)?,
                };
            }
        }
    }
    book.save_to_buffer().map_err(err)
}
