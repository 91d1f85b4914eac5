//! A report as PDF, laid out here (A4, standard fonts, no browser): the title,
//! the facts, the legend, then each table with its header repeated on every
//! page it runs onto, and "page n of m" at the foot of each page.

use crate::font::{Metrics, encode};
use crate::{Report, Table, whole_number};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const MARGIN: f32 = 50.0;
const BODY: f32 = 10.0;
const SMALL: f32 = 8.5;
const PAD: f32 = 3.0;

struct Layout {
    regular: Metrics,
    bold: Metrics,
    pages: Vec<Content>,
    y: f32,
}

impl Layout {
    fn new() -> Layout {
        Layout {
            regular: Metrics::helvetica(),
            bold: Metrics::helvetica_bold(),
            pages: vec![Content::new()],
            y: HEIGHT - MARGIN,
        }
    }

    fn page(&mut self) -> &mut Content {
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Content::new());
        self.y = HEIGHT - MARGIN;
    }

    /// Starts a new page unless `height` still fits on this one.
    fn room(&mut self, height: f32) -> bool {
        if self.y - height < MARGIN + 20.0 {
            self.new_page();
            return false;
        }
        true
    }

    fn text(&mut self, x: f32, y: f32, s: &str, bold: bool, size: f32) {
        let font = if bold {
            b"F2".as_slice()
        } else {
            b"F1".as_slice()
        };
        let bytes = encode(s);
        let c = self.page();
        c.begin_text();
        c.set_font(Name(font), size);
        c.next_line(x, y);
        c.show(Str(&bytes));
        c.end_text();
    }

    fn width(&self, s: &str, bold: bool, size: f32) -> f32 {
        if bold {
            self.bold.width(s, size)
        } else {
            self.regular.width(s, size)
        }
    }

    /// Lines of at most `width` points, broken between words (or inside a word
    /// longer than a line).
    fn wrap(&self, text: &str, width: f32, bold: bool, size: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        // A currency sign stays with its amount (a no-break space joins them).
        let text = text.replace("€ ", "€\u{a0}");
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate, bold, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            for ch in word.chars() {
                let longer = format!("{line}{ch}");
                if self.width(&longer, bold, size) > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(ch);
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }

    fn paragraph(&mut self, text: &str, bold: bool, size: f32) {
        for l in self.wrap(text, WIDTH - 2.0 * MARGIN, bold, size) {
            self.room(size * 1.4);
            self.y -= size * 1.4;
            self.text(MARGIN, self.y, &l, bold, size);
        }
    }

    fn facts(&mut self, facts: &[(String, String)]) {
        let label_width = facts
            .iter()
            .map(|(l, _)| self.width(l, true, BODY))
            .fold(0.0, f32::max)
            .min(160.0)
            + 10.0;
        for (label, value) in facts {
            let lines = self.wrap(value, WIDTH - 2.0 * MARGIN - label_width, false, BODY);
            for (i, l) in lines.iter().enumerate() {
                self.room(BODY * 1.4);
                self.y -= BODY * 1.4;
                if i == 0 {
                    self.text(MARGIN, self.y, label, true, BODY);
                }
                self.text(MARGIN + label_width, self.y, l, false, BODY);
            }
        }
    }

    /// Column widths: each column as wide as its widest cell when the page has
    /// room; otherwise each keeps its longest word (no word is broken) and the
    /// rest of the page is shared in proportion to what each column lacks.
    fn columns(&self, t: &Table) -> Vec<f32> {
        let n = t.header.len().max(1);
        let mut natural = vec![24.0_f32; n];
        let mut least = vec![24.0_f32; n];
        let cells = std::iter::once((&t.header, true)).chain(t.rows.iter().map(|r| (r, false)));
        for (cells, bold) in cells {
            for (i, c) in cells.iter().enumerate().take(n) {
                natural[i] = natural[i].max(self.width(c, bold, SMALL).min(200.0));
                for word in c.replace("€ ", "€\u{a0}").split(' ') {
                    least[i] = least[i].max(self.width(word, bold, SMALL));
                }
            }
        }
        let pad = 2.0 * PAD;
        let room = WIDTH - 2.0 * MARGIN - pad * n as f32;
        let total: f32 = natural.iter().sum();
        if total <= room {
            return natural.iter().map(|w| w + pad).collect();
        }
        let floor: f32 = least.iter().sum();
        if floor >= room {
            let scale = room / floor;
            return least.iter().map(|w| w * scale + pad).collect();
        }
        let lacking = total - floor;
        natural
            .iter()
            .zip(&least)
            .map(|(nat, min)| min + (nat - min) / lacking * (room - floor) + pad)
            .collect()
    }

    fn row(&mut self, cells: &[String], widths: &[f32], bold: bool) {
        let wrapped: Vec<Vec<String>> = widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let cell = cells.get(i).map_or("", String::as_str);
                self.wrap(cell, w - 2.0 * PAD, bold, SMALL)
            })
            .collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1) as f32;
        let height = lines * SMALL * 1.3 + 2.0 * PAD;
        let top = self.y;
        let mut x = MARGIN;
        for (i, w) in widths.iter().enumerate() {
            let numeric = cells.get(i).is_some_and(|c| whole_number(c).is_some());
            for (k, l) in wrapped[i].iter().enumerate() {
                let y = top - PAD - SMALL - k as f32 * SMALL * 1.3;
                let tx = if numeric && !bold {
                    x + w - PAD - self.width(l, bold, SMALL)
                } else {
                    x + PAD
                };
                self.text(tx, y, l, bold, SMALL);
            }
            x += w;
        }
        self.y -= height;
        let y = self.y;
        let c = self.page();
        c.set_stroke_rgb(0.7, 0.7, 0.7);
        c.set_line_width(0.5);
        c.move_to(MARGIN, y);
        c.line_to(WIDTH - MARGIN, y);
        c.stroke();
    }

    fn table(&mut self, t: &Table) {
        let widths = self.columns(t);
        self.room(60.0);
        self.y -= 22.0;
        self.text(MARGIN, self.y, &t.caption, true, 12.0);
        self.y -= 6.0;
        self.row(&t.header, &widths, true);
        for r in &t.rows {
            if !self.room(SMALL * 4.0) {
                self.row(&t.header, &widths, true);
            }
            self.row(r, &widths, false);
        }
    }
}

/// The report as a PDF file.
pub fn to_pdf(report: &Report) -> Vec<u8> {
    let mut l = Layout::new();
    l.y -= 18.0;
    l.text(MARGIN, l.y, &report.title, true, 16.0);
    l.y -= 8.0;
    l.facts(&report.facts);
    if let Some(legend) = &report.legend {
        l.y -= 6.0;
        l.paragraph(legend, false, SMALL);
    }
    for t in &report.tables {
        l.table(t);
    }
    let total = l.pages.len();
    let footers: Vec<String> = (1..=total).map(|n| format!("{n} / {total}")).collect();
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let info = Ref::new(5);
    let page_ids: Vec<Ref> = (0..total).map(|i| Ref::new(10 + 2 * i as i32)).collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_ids.iter().copied())
        .count(total as i32);
    pdf.type1_font(regular)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.document_info(info)
        .title(TextStr(&report.title))
        .creator(TextStr("loket"));
    let pages = std::mem::take(&mut l.pages);
    for (i, mut content) in pages.into_iter().enumerate() {
        let footer = encode(&footers[i]);
        content.begin_text();
        content.set_font(Name(b"F1"), SMALL);
        content.next_line(
            WIDTH - MARGIN - l.regular.width(&footers[i], SMALL),
            MARGIN - 20.0,
        );
        content.show(Str(&footer));
        content.end_text();
        let content_id = Ref::new(11 + 2 * i as i32);
        let mut page = pdf.page(page_ids[i]);
        page.parent(tree)
            .media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT))
            .contents(content_id);
        page.resources()
            .fonts()
            .pair(Name(b"F1"), regular)
            .pair(Name(b"F2"), bold);
        page.finish();
        pdf.stream(content_id, &content.finish());
    }
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_table_runs_onto_more_pages_with_its_header_again() {
        let report = Report {
            title: "Resultaten".into(),
            facts: vec![(
                "Periode".into(),
                "1 januari 2026 t/m 31 december 2026".into(),
            )],
            legend: Some("Aantallen onder de drempel worden niet getoond.".into()),
            tables: vec![Table {
                caption: "Per maand".into(),
                header: vec!["Maand".into(), "Klantcontacten".into()],
                rows: (0..200)
                    .map(|i| vec![format!("maand {i}"), i.to_string()])
                    .collect(),
            }],
        };
        let pdf = to_pdf(&report);
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.starts_with("%PDF-"));
        let pages: usize = text
            .split("/Count ")
            .nth(1)
            .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        assert!(pages >= 3, "200 rows take several pages: {pages}");
        assert_eq!(
            text.matches("(Klantcontacten)").count(),
            pages,
            "the header on every page"
        );
        assert!(
            text.contains(&format!("({pages} / {pages})")),
            "page numbers"
        );
    }
}
