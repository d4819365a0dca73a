//! The comuni's boundaries (ISTAT via openpolis, CC BY 4.0; the file is in
//! `app/reference/`), projected onto the map's plane and simplified once,
//! the first time a map needs them: one SVG path per comune, a few hundred
//! bytes each instead of the file's 128 KB, never computed in the browser.

use crate::kernel::map_plane::project;
use std::collections::HashMap;
use std::sync::LazyLock;

const GEOJSON: &str = include_str!("../../reference/confini-comuni-provincia-spezia.geojson");

/// Points closer than this to the line through their neighbours are
/// dropped, and the rest rounded to whole units: on the 640-wide plane a
/// unit is about a pixel where the map is widest, so nothing shows.
const TOLERANCE: f64 = 0.8;

/// The paths by ISTAT code.
static OUTLINES: LazyLock<HashMap<String, String>> = LazyLock::new(|| outlines(GEOJSON));

/// The SVG path of a comune's boundary on the plane; empty for a code the
/// boundaries file does not have.
pub fn outline_of(istat_code: &str) -> String {
    OUTLINES.get(istat_code).cloned().unwrap_or_default()
}

fn outlines(geojson: &str) -> HashMap<String, String> {
    let Ok(collection) = serde_json::from_str::<serde_json::Value>(geojson) else {
        tracing::error!("the comuni's boundaries do not parse: maps show points only");
        return HashMap::new();
    };
    let features = collection["features"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    features
        .iter()
        .filter_map(|feature| {
            let code = feature["properties"]["com_istat_code"]
                .as_str()?
                .to_string();
            let geometry = &feature["geometry"];
            let polygons: Vec<&serde_json::Value> = match geometry["type"].as_str()? {
                "Polygon" => vec![&geometry["coordinates"]],
                "MultiPolygon" => geometry["coordinates"].as_array()?.iter().collect(),
                _ => return None,
            };
            let path: String = polygons
                .iter()
                .filter_map(|polygon| polygon.as_array())
                .flatten()
                .filter_map(ring_path)
                .collect();
            Some((code, path))
        })
        .collect()
}

/// One closed ring as `M…L…Z`; `None` for a ring that simplifies to less
/// than a triangle (a rock off the coast).
fn ring_path(ring: &serde_json::Value) -> Option<String> {
    let points: Vec<(f64, f64)> = ring
        .as_array()?
        .iter()
        .filter_map(|p| Some(project(p.get(1)?.as_f64()?, p.get(0)?.as_f64()?)))
        .collect();
    let mut kept: Vec<(i64, i64)> = simplify(&points, TOLERANCE)
        .into_iter()
        .map(|(x, y)| (x.round() as i64, y.round() as i64))
        .collect();
    kept.dedup();
    // The ring repeats its first point at the end; `Z` closes it instead.
    if kept.len() > 1 && kept.first() == kept.last() {
        kept.pop();
    }
    if kept.len() < 3 {
        return None;
    }
    let mut path = String::with_capacity(kept.len() * 8);
    for (i, (x, y)) in kept.iter().enumerate() {
        path.push_str(&format!("{}{x} {y}", if i == 0 { 'M' } else { 'L' }));
    }
    path.push('Z');
    Some(path)
}

/// Douglas–Peucker: the first and last points, and recursively the farthest
/// point from the line between them while it is farther than `tolerance`.
/// (Written here: it is the one function a geometry crate would bring.)
fn simplify(points: &[(f64, f64)], tolerance: f64) -> Vec<(f64, f64)> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut spans = vec![(0, points.len() - 1)];
    while let Some((first, last)) = spans.pop() {
        let (farthest, distance) = (first + 1..last)
            .map(|i| {
                (
                    i,
                    distance_to_segment(points[i], points[first], points[last]),
                )
            })
            .fold(
                (first, 0.0),
                |best, next| if next.1 > best.1 { next } else { best },
            );
        if distance > tolerance {
            keep[farthest] = true;
            spans.push((first, farthest));
            spans.push((farthest, last));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(point, kept)| kept.then_some(*point))
        .collect()
}

fn distance_to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = dx * dx + dy * dy;
    let t = if length == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length).clamp(0.0, 1.0)
    };
    let (x, y) = (a.0 + t * dx, a.1 + t * dy);
    ((p.0 - x).powi(2) + (p.1 - y).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SARZANA: (&str, f64, f64) = ("011027", 44.112_915, 9.959_676);

    #[test]
    fn every_comune_of_the_reference_has_a_small_closed_outline() {
        assert_eq!(OUTLINES.len(), 32);
        let mut total = 0;
        for (code, path) in OUTLINES.iter() {
            assert!(code.starts_with("011"), "{code}");
            assert!(
                path.starts_with('M') && path.ends_with('Z'),
                "{code}: {path}"
            );
            total += path.len();
        }
        // A few kilobytes for the whole province, not the file's 128.
        assert!(total < 40_000, "{total} bytes");
    }

    #[test]
    fn a_town_lies_inside_its_own_outline() {
        // Sarzana's centre (app/reference/comuni-provincia-spezia.csv), by
        // the even-odd rule on its simplified outline.
        let (x, y) = project(SARZANA.1, SARZANA.2);
        let path = outline_of(SARZANA.0);
        let points: Vec<(f64, f64)> = path
            .split(['M', 'L', 'Z'])
            .filter(|s| !s.is_empty())
            .map(|s| {
                let (a, b) = s.split_once(' ').unwrap();
                (a.parse().unwrap(), b.parse().unwrap())
            })
            .collect();
        let mut inside = false;
        for i in 0..points.len() {
            let (a, b) = (points[i], points[(i + 1) % points.len()]);
            if (a.1 > y) != (b.1 > y) && x < a.0 + (y - a.1) / (b.1 - a.1) * (b.0 - a.0) {
                inside = !inside;
            }
        }
        assert!(inside, "({x}, {y}) outside {path}");
    }

    #[test]
    fn a_straight_run_of_points_keeps_its_ends() {
        let line: Vec<(f64, f64)> = (0..10).map(|i| (f64::from(i), 0.0)).collect();
        assert_eq!(simplify(&line, 0.5), vec![(0.0, 0.0), (9.0, 0.0)]);
        let bent = vec![(0.0, 0.0), (5.0, 3.0), (10.0, 0.0)];
        assert_eq!(simplify(&bent, 0.5).len(), 3);
    }
}
