//! Bar charts drawn on the server as SVG: no script, the same picture in every
//! browser and in print. Every chart comes with its data table and a sentence
//! that says what it shows (the page renders both); the picture itself is one
//! image for a screen reader, named by that sentence.

/// The drawing area, in SVG units (the image scales to its container).
const WIDTH: u32 = 640;
const HEIGHT: u32 = 200;
const LEFT: u32 = 8;
const BOTTOM: u32 = 24;
const TOP: u32 = 12;

pub struct Bar {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
    /// Under the bar ("jan", "Q1").
    pub label: String,
    pub label_x: u32,
    /// A hidden value: an empty outline instead of a bar.
    pub hidden: bool,
}

pub struct Chart {
    pub width: u32,
    pub height: u32,
    pub baseline: u32,
    pub bars: Vec<Bar>,
    /// A dashed line at this height (e.g. the monthly pace to the target).
    pub guide_y: Option<u32>,
}

/// A bar per value; `None` is a hidden value. `guide` draws a level line.
pub fn bars(values: &[(String, Option<u64>)], guide: Option<u64>) -> Chart {
    let top = values
        .iter()
        .filter_map(|(_, v)| *v)
        .chain(guide)
        .max()
        .unwrap_or(0)
        .max(1);
    let baseline = HEIGHT - BOTTOM;
    let room = baseline - TOP;
    let scale = |v: u64| -> u32 { ((v.min(top) * u64::from(room)) / top) as u32 };
    let n = values.len().max(1) as u32;
    let slot = (WIDTH - LEFT) / n;
    let width = (slot * 3 / 4).max(2);
    let bars = values
        .iter()
        .enumerate()
        .map(|(i, (label, v))| {
            let x = LEFT + slot * i as u32 + (slot - width) / 2;
            let h = v.map_or(room / 8, scale);
            Bar {
                x,
                y: baseline - h,
                width,
                height: h,
                label: label.clone(),
                label_x: x + width / 2,
                hidden: v.is_none(),
            }
        })
        .collect();
    Chart {
        width: WIDTH,
        height: HEIGHT,
        baseline,
        bars,
        guide_y: guide.filter(|g| *g > 0).map(|g| baseline - scale(g)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tallest_bar_fills_the_room_and_others_scale_with_it() {
        let c = bars(
            &[
                ("jan".into(), Some(10)),
                ("feb".into(), Some(5)),
                ("mar".into(), None),
            ],
            Some(20),
        );
        assert_eq!(c.guide_y, Some(TOP));
        assert_eq!(c.bars[0].height, 2 * c.bars[1].height);
        assert_eq!(c.bars[0].height * 2, c.baseline - TOP);
        assert!(c.bars[2].hidden);
        assert!(c.bars.iter().all(|b| b.y + b.height == c.baseline));
        assert!(c.bars[0].x < c.bars[1].x && c.bars[1].x < c.bars[2].x);
    }
}
