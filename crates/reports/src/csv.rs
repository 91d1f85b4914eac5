//! A report as CSV: its facts as label–value lines, an empty line, then each
//! table under its caption. UTF-8; every cell quoted, and a cell a spreadsheet
//! would run as a formula written as text (`loket_domain::spreadsheet`).

use crate::Report;

fn field(s: &str) -> String {
    let s = loket_domain::spreadsheet::cell(s);
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// `sep` is `,`, or `;` for spreadsheets set up the Dutch way (which then also
/// get a byte-order mark, so that they read the file as UTF-8).
pub fn to_csv(report: &Report, sep: char) -> String {
    let mut out = String::new();
    if sep == ';' {
        out.push('\u{feff}');
    }
    let sep = sep.to_string();
    let mut line = |cells: &[&str]| {
        out.push_str(
            &cells
                .iter()
                .map(|c| field(c))
                .collect::<Vec<_>>()
                .join(&sep),
        );
        out.push_str("\r\n");
    };
    line(&[&report.title]);
    for (label, value) in &report.facts {
        line(&[label, value]);
    }
    if let Some(legend) = &report.legend {
        line(&[legend]);
    }
    for t in &report.tables {
        line(&[]);
        line(&[&t.caption]);
        line(&t.header.iter().map(String::as_str).collect::<Vec<_>>());
        for r in &t.rows {
            line(&r.iter().map(String::as_str).collect::<Vec<_>>());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Table;

    #[test]
    fn tables_follow_the_facts_and_formulas_stay_text() {
        let r = Report {
            title: "Results".into(),
            facts: vec![("Period".into(), "2026".into())],
            legend: None,
            tables: vec![Table {
                caption: "Summary".into(),
                header: vec!["name".into(), "value".into()],
                rows: vec![
                    vec!["=SUM(A1)".into(), "12".into()],
                    vec!["say \"hi\"".into(), "3".into()],
                ],
            }],
        };
        let csv = to_csv(&r, ',');
        assert_eq!(
            csv,
            "\"Results\"\r\n\"Period\",\"2026\"\r\n\r\n\"Summary\"\r\n\"name\",\"value\"\r\n\"'=SUM(A1)\",\"12\"\r\n\"say \"\"hi\"\"\",\"3\"\r\n"
        );
        let dutch = to_csv(&r, ';');
        assert!(dutch.starts_with("\u{feff}\"Results\""));
        assert!(dutch.contains("\"Period\";\"2026\""));
    }
}
