//! A line chart of one of the dashboard's series, drawn as an SVG string by
//! a pure function (the same on server and browser, easy to test). The page
//! draws each series in its own small chart with its own axis (small
//! multiples): on one shared axis thousands of registrations would flatten
//! a few dozen enrolments to zero.

use crate::components::map::escape;
use crate::kernel::decimals::fixed;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 190.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 40.0;
/// At most this many dates under the axis; the others are in the table.
const AXIS_LABELS: usize = 7;

pub struct Line<'a> {
    pub name: &'a str,
    pub values: Vec<i64>,
}

/// The smallest of 1, 2, 5 × 10ⁿ at least `max`: the top of the axis.
pub fn axis_top(max: i64) -> i64 {
    let mut step = 1;
    loop {
        for m in [1, 2, 5] {
            if m * step >= max.max(1) {
                return m * step;
            }
        }
        step *= 10;
    }
}

/// The chart: `labels` name the points (dates), each line one series.
/// `id` makes the title's and description's ids unique on the page.
pub fn line_chart_svg(
    id: &str,
    title: &str,
    desc: &str,
    labels: &[String],
    lines: &[Line<'_>],
) -> String {
    let points = labels.len().max(1);
    let max = lines
        .iter()
        .flat_map(|l| l.values.iter().copied())
        .max()
        .unwrap_or(0);
    let top = axis_top(max) as f64;
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let x = |i: usize| {
        if points == 1 {
            LEFT + plot_w / 2.0
        } else {
            LEFT + plot_w * i as f64 / (points - 1) as f64
        }
    };
    let y = |v: i64| TOP + plot_h * (1.0 - v as f64 / top);
    let mut svg = format!(
        r#"<svg viewBox="0 0 {} {}" class="chart" role="img" aria-labelledby="{id}-titolo {id}-desc"><title id="{id}-titolo">{}</title><desc id="{id}-desc">{}</desc>"#,
        fixed(WIDTH, 0),
        fixed(HEIGHT, 0),
        escape(title),
        escape(desc)
    );
    for tick in [0.0, 0.5, 1.0] {
        let value = (top * tick).round() as i64;
        let ty = y(value);
        let line_y = fixed(ty, 1);
        svg.push_str(&format!(
            r#"<line x1="{}" x2="{}" y1="{line_y}" y2="{line_y}" class="chart-grid"/><text x="{}" y="{}" class="chart-axis" text-anchor="end">{value}</text>"#,
            fixed(LEFT, 0),
            fixed(WIDTH - RIGHT, 0),
            fixed(LEFT - 6.0, 0),
            fixed(ty + 5.0, 1),
        ));
    }
    let every = points.div_ceil(AXIS_LABELS).max(1);
    for (i, label) in labels.iter().enumerate() {
        if i % every == 0 || i + 1 == points {
            // The first and last dates lean inwards, so that none is cut by the frame.
            let anchor = match i {
                0 if points > 1 => "start",
                _ if i + 1 == points && points > 1 => "end",
                _ => "middle",
            };
            svg.push_str(&format!(
                r#"<text x="{}" y="{}" class="chart-axis" text-anchor="{anchor}">{}</text>"#,
                fixed(x(i), 1),
                fixed(HEIGHT - 14.0, 0),
                escape(label)
            ));
        }
    }
    for (n, line) in lines.iter().enumerate() {
        let path: Vec<String> = line
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| format!("{},{}", fixed(x(i), 1), fixed(y(*v), 1)))
            .collect();
        svg.push_str(&format!(
            r#"<polyline points="{}" class="chart-line chart-line-{}" fill="none"/>"#,
            path.join(" "),
            n + 1
        ));
        for (i, v) in line.values.iter().enumerate() {
            let label = labels.get(i).map(String::as_str).unwrap_or("");
            svg.push_str(&format!(
                r#"<circle cx="{}" cy="{}" r="3.5" class="chart-dot chart-dot-{}"><title>{}: {} {v}</title></circle>"#,
                fixed(x(i), 1),
                fixed(y(*v), 1),
                n + 1,
                escape(label),
                escape(line.name)
            ));
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_ends_on_a_round_number() {
        assert_eq!(axis_top(0), 1);
        assert_eq!(axis_top(1), 1);
        assert_eq!(axis_top(3), 5);
        assert_eq!(axis_top(7), 10);
        assert_eq!(axis_top(11), 20);
        assert_eq!(axis_top(180), 200);
    }

    #[test]
    fn higher_values_are_drawn_higher_and_every_point_is_named() {
        let labels: Vec<String> = ["1/12", "2/12", "3/12"].map(String::from).to_vec();
        let svg = line_chart_svg(
            "g",
            "Andamento",
            "Registrazioni per giorno",
            &labels,
            &[Line {
                name: "Registrazioni",
                values: vec![0, 4, 2],
            }],
        );
        let cy = |label: &str| -> f64 {
            let at = svg.find(&format!("<title>{label}: Registrazioni")).unwrap();
            let before = &svg[..at];
            let start = before.rfind("cy=\"").unwrap() + 4;
            before[start..start + before[start..].find('"').unwrap()]
                .parse()
                .unwrap()
        };
        assert!(cy("2/12") < cy("3/12") && cy("3/12") < cy("1/12"));
        assert!(svg.contains("<title>2/12: Registrazioni 4</title>"));
        assert!(svg.contains(r#"role="img""#));
    }

    #[test]
    fn long_series_label_only_some_dates() {
        let labels: Vec<String> = (1..=30).map(|d| format!("{d}/11")).collect();
        let svg = line_chart_svg(
            "g",
            "t",
            "d",
            &labels,
            &[Line {
                name: "x",
                values: vec![1; 30],
            }],
        );
        let drawn = svg.matches("class=\"chart-axis\" text-anchor=").count() - 3;
        assert!(drawn <= AXIS_LABELS + 1, "{drawn} labels");
        assert!(
            svg.contains(r#"text-anchor="end">30/11</text>"#),
            "the last day is labelled, inside the frame"
        );
        assert!(svg.contains(r#"text-anchor="start">1/11</text>"#));
    }
}
