//! Cells written for spreadsheets. A cell that starts with `=`, `+`, `-`, `@`, a tab
//! or a carriage return is read as a formula by Excel, LibreOffice and Google Sheets
//! (CSV injection, OWASP); such a cell gets a leading apostrophe, which spreadsheets
//! show as text and never run. Every CSV loket writes goes through [`cell`].

use std::borrow::Cow;

const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `value` as a spreadsheet shows it as text.
pub fn cell(value: &str) -> Cow<'_, str> {
    if value.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formulas_become_text() {
        for dangerous in [
            "=cmd|' /C calc'!A0",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(cell(dangerous), format!("'{dangerous}"));
        }
    }

    #[test]
    fn ordinary_text_is_unchanged() {
        for plain in ["Werkgeversservicepunt", "", "6411 AB", "a=b", "2026-12-03"] {
            assert_eq!(cell(plain), plain);
        }
    }
}
