//! The province drawn from the comuni's boundaries: an SVG with each comune
//! an outlined area and a link to its page, the network's comuni marked,
//! counts shaded (a choropleth) and written beside the names, the sea named.
//!
//! The boundaries come projected and simplified from the server
//! (`Comune::outline`, `kernel::boundaries`); the SVG is built as a string by a
//! pure function (easy to test, identical on server and browser) and set as
//! the content of a `<figure>`. Names are placed so that none overlaps
//! another or a town's point, and none leaves the picture; a name that finds
//! no room is left out (it stays the link's accessible name).

use crate::i18n::*;
use crate::kernel::map_plane::{project, HEIGHT, WIDTH};
use crate::network::domain::Comune;
use leptos::prelude::*;

/// Names drawn on the maps without counts, for orientation.
const LABELLED: [&str; 6] = [
    "La Spezia",
    "Sarzana",
    "Levanto",
    "Varese Ligure",
    "Lerici",
    "Brugnato",
];
/// The names' size on a phone, where the map is smallest (user units; the
/// style makes them smaller on wide screens, inside the same boxes).
const LABEL_SIZE: f64 = 22.0;
/// Roughly the width of a character of the label font, in ems (a bold
/// Titillium averages 0.45; the margin covers the fallback fonts).
const CHAR_WIDTH: f64 = 0.55;
const POINT_RADIUS: f64 = 5.0;
/// Where "Mar Ligure" is written: open sea south-west of the coast.
const SEA_AT: (f64, f64) = (44.06, 9.60);

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapText {
    pub title: &'static str,
    pub desc: &'static str,
    pub in_network: &'static str,
    pub sea: &'static str,
}

/// `v` with one decimal, as the drawing's coordinates are written.
fn tenths(v: f64) -> String {
    crate::kernel::decimals::fixed(v, 1)
}

/// Text for SVG markup.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The SVG markup; `highlight` marks one comune (on its own page).
pub fn map_svg(comuni: &[Comune], highlight: Option<&str>, text: MapText) -> String {
    map_svg_with(
        comuni,
        highlight,
        text,
        &|c| format!("/comuni/{}", c.slug),
        None,
    )
}

/// How many results each comune holds (by slug), with the word for them.
pub struct MapCounts<'a> {
    pub per_comune: &'a [(String, i64)],
    pub noun: &'a str,
}

/// A rectangle on the plane: (left, top, right, bottom).
type Box2 = (f64, f64, f64, f64);

fn overlaps(a: Box2, b: Box2) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// A name placed on the map: its anchor, alignment and text.
struct Placed {
    x: f64,
    y: f64,
    anchor: &'static str,
    name: String,
    count: Option<i64>,
}

/// Places each wanted label at the first spot around its point (right,
/// left, above, below) that stays inside the picture and clear of every
/// label already placed and of every town's point; labels come in order of
/// importance, so a crowded corner keeps the most important names.
fn place_labels(
    wanted: Vec<(f64, f64, String, Option<i64>)>,
    points: &[(f64, f64)],
) -> Vec<Placed> {
    let mut taken: Vec<Box2> = Vec::new();
    let mut placed = Vec::new();
    let point_boxes: Vec<Box2> = points
        .iter()
        .map(|(x, y)| {
            (
                x - POINT_RADIUS,
                y - POINT_RADIUS,
                x + POINT_RADIUS,
                y + POINT_RADIUS,
            )
        })
        .collect();
    for (x, y, name, count) in wanted {
        let characters = name.chars().count() + count.map_or(0, |n| n.to_string().len() + 1);
        let width = characters as f64 * LABEL_SIZE * CHAR_WIDTH;
        let (ascent, descent) = (LABEL_SIZE * 0.75, LABEL_SIZE * 0.25);
        let gap = POINT_RADIUS + 3.0;
        let spots = [
            (x + gap, y + ascent / 2.0 - 2.0, "start"),
            (x - gap, y + ascent / 2.0 - 2.0, "end"),
            (x, y - gap - descent, "middle"),
            (x, y + gap + ascent, "middle"),
        ];
        let fits = spots.into_iter().find_map(|(ax, ay, anchor)| {
            let left = match anchor {
                "start" => ax,
                "end" => ax - width,
                _ => ax - width / 2.0,
            };
            let area = (left, ay - ascent, left + width, ay + descent);
            let inside =
                area.0 >= 2.0 && area.1 >= 2.0 && area.2 <= WIDTH - 2.0 && area.3 <= HEIGHT - 2.0;
            let clear = !taken
                .iter()
                .chain(&point_boxes)
                .any(|other| overlaps(area, *other));
            (inside && clear).then_some((ax, ay, anchor, area))
        });
        if let Some((ax, ay, anchor, area)) = fits {
            taken.push(area);
            placed.push(Placed {
                x: ax,
                y: ay,
                anchor,
                name,
                count,
            });
        }
    }
    placed
}

/// One of four shades for a count, by its share of the largest (0 for none).
fn shade(count: i64, largest: i64) -> i64 {
    if count <= 0 || largest <= 0 {
        0
    } else {
        ((4 * count + largest - 1) / largest).clamp(1, 4)
    }
}

/// Whether the browser is taking over a page the server drew: the map is in
/// it already, and an `inner_html` set while hydrating is not written (tachys
/// keeps what the server sent), so drawing it again would only cost a
/// phone's processor time before the page answers.
fn drawn_by_the_server() -> bool {
    Owner::current_shared_context().is_some_and(|context| context.during_hydration())
}

/// The map with each comune linking to `href(comune)` and, with `counts`,
/// shaded by and labelled with the number of results it holds. Empty while
/// the browser hydrates the server's map (see `drawn_by_the_server`).
pub fn map_svg_with(
    comuni: &[Comune],
    highlight: Option<&str>,
    text: MapText,
    href: &dyn Fn(&Comune) -> String,
    counts: Option<MapCounts<'_>>,
) -> String {
    if comuni.is_empty() || drawn_by_the_server() {
        return String::new();
    }
    let count_of = |c: &Comune| {
        counts.as_ref().map(|counts| {
            counts
                .per_comune
                .iter()
                .find(|(slug, _)| *slug == c.slug)
                .map_or(0, |(_, n)| *n)
        })
    };
    let largest = comuni.iter().filter_map(count_of).max().unwrap_or(0);
    let (sea_x, sea_y) = project(SEA_AT.0, SEA_AT.1);
    let mut svg = format!(
        r#"<svg viewBox="0 0 {} {}" class="province-map" role="group" aria-labelledby="mappa-titolo mappa-desc"><title id="mappa-titolo">{}</title><desc id="mappa-desc">{}</desc><text x="{}" y="{}" class="map-sea" text-anchor="middle" aria-hidden="true">{}</text>"#,
        WIDTH.round() as i64,
        HEIGHT.round() as i64,
        escape(text.title),
        escape(text.desc),
        sea_x.round() as i64,
        sea_y.round() as i64,
        escape(text.sea),
    );
    // The province's edge: every outline drawn wide first, then the areas
    // on top, so that only the outer half of the outer borders shows (the
    // coast and the borders with the neighbouring provinces).
    svg.push_str(r#"<g class="map-edge" aria-hidden="true">"#);
    for c in comuni.iter().filter(|c| !c.outline.is_empty()) {
        svg.push_str(&format!(r#"<path d="{}"/>"#, c.outline));
    }
    svg.push_str("</g>");
    let mut points = Vec::with_capacity(comuni.len());
    let mut wanted = Vec::new();
    // Alphabetical, as the links are met with the keyboard.
    for c in comuni {
        let (x, y) = project(c.latitude, c.longitude);
        points.push((x, y));
        let current = highlight == Some(c.slug.as_str());
        let count = count_of(c);
        let name = escape(&c.name);
        let label = match (count, c.in_network()) {
            (Some(n), _) => format!(
                "{name}: {n} {}",
                escape(counts.as_ref().map_or("", |c| c.noun))
            ),
            (None, true) => format!("{name}, {}", escape(text.in_network)),
            (None, false) => name.clone(),
        };
        let mut area = match count {
            Some(n) => format!("map-area map-shade-{}", shade(n, largest)),
            None if c.in_network() => "map-area map-area-network".to_string(),
            None => "map-area".to_string(),
        };
        let mut point = if c.in_network() {
            "map-point map-point-network"
        } else {
            "map-point"
        }
        .to_string();
        if current {
            area.push_str(" map-area-current");
            point.push_str(" map-point-current");
        }
        svg.push_str(&format!(
            r#"<a href="{href}"{aria} data-comune="{slug}"><title>{label}</title>"#,
            // With counts the drawn text (name, number) differs from the spoken
            // name, so the name comes from <title> alone (SVG-AAM), not aria-label.
            aria = if count.is_some() {
                String::new()
            } else {
                format!(r#" aria-label="{label}""#)
            },
            href = escape(&href(c)),
            slug = escape(&c.slug)
        ));
        if !c.outline.is_empty() {
            svg.push_str(&format!(r#"<path d="{}" class="{area}"/>"#, c.outline));
        }
        svg.push_str(&format!(
            r#"<circle cx="{}" cy="{}" r="{}" class="{point}"/></a>"#,
            tenths(x),
            tenths(y),
            POINT_RADIUS.round() as i64,
        ));
        let counted = count.is_some_and(|n| n > 0);
        let important = if current {
            Some(i64::MAX)
        } else if counted {
            count
        } else if count.is_none() && LABELLED.contains(&c.name.as_str()) {
            Some(0)
        } else {
            None
        };
        if let Some(rank) = important {
            wanted.push((rank, c.population, x, y, name, count.filter(|n| *n > 0)));
        }
    }
    wanted.sort_by_key(|w| std::cmp::Reverse((w.0, w.1)));
    let wanted = wanted
        .into_iter()
        .map(|(_, _, x, y, name, count)| (x, y, name, count))
        .collect();
    // The names go over every area, and let clicks through to it.
    svg.push_str(r#"<g class="map-labels" aria-hidden="true">"#);
    for label in place_labels(wanted, &points) {
        let count = label.count.map_or(String::new(), |n| {
            format!(r#" <tspan class="map-count">{n}</tspan>"#)
        });
        svg.push_str(&format!(
            r#"<text x="{}" y="{}" text-anchor="{}" class="map-label">{}{count}</text>"#,
            tenths(label.x),
            tenths(label.y),
            label.anchor,
            label.name
        ));
    }
    svg.push_str("</g></svg>");
    svg
}

/// What the shades of a map with counts mean, from none to the most.
#[component]
pub fn ShadeLegend() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    view! {
        <p class="mt-2 flex items-center gap-1 text-base" aria-hidden="true">
            <span class="mr-1">{td_string!(l, map.fewer)}</span>
            {(0..=4).map(|n| view! { <span class=format!("legend-swatch legend-shade-{n}")></span> }).collect_view()}
            <span class="ml-1">{td_string!(l, map.more)}</span>
        </p>
    }
}

/// The boundaries' licence asks for their source wherever the map is shown.
#[component]
pub fn MapCredit() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    view! { <p class="mt-1 text-sm text-slate-700">{td_string!(l, map.credit)}</p> }
}

#[component]
pub fn ProvinceMap(
    comuni: Vec<Comune>,
    #[prop(optional, into)] highlight: Option<String>,
) -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let svg = {
        let locale = l;
        let text = MapText {
            title: td_string!(locale, map.title),
            desc: td_string!(locale, map.desc),
            in_network: td_string!(locale, map.in_network),
            sea: td_string!(locale, map.sea),
        };
        map_svg(&comuni, highlight.as_deref(), text)
    };
    view! {
        <figure class="map-figure">
            <div class="map-canvas" inner_html=svg></div>
            <figcaption class="mt-2 flex flex-wrap gap-4 text-base">
                <span class="flex items-center gap-2">
                    <span class="legend-dot legend-network" aria-hidden="true"></span>
                    {td_string!(l, map.legend_network)}
                </span>
                <span class="flex items-center gap-2">
                    <span class="legend-dot" aria-hidden="true"></span>
                    {td_string!(l, map.legend_other)}
                </span>
            </figcaption>
            <MapCredit/>
        </figure>
    }
}

/// The address of the map point a click landed on, for a client-side
/// navigation (the router follows HTML links only, and the points are SVG).
/// `None` for any other click, or one meant to open a new tab.
pub fn clicked_point(ev: &leptos::ev::MouseEvent) -> Option<String> {
    use wasm_bindgen::JsCast;
    if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
        return None;
    }
    let target = ev.target()?.dyn_into::<leptos::web_sys::Element>().ok()?;
    target
        .closest("a[data-comune]")
        .ok()??
        .get_attribute("href")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_are_written_with_one_decimal() {
        for v in [0.0, 12.34, 12.36, 77.77, -3.21, 1000.0] {
            assert_eq!(tenths(v), format!("{v:.1}"), "{v}");
        }
    }

    fn comune(name: &str, slug: &str, lat: f64, lon: f64, mayor: Option<&str>) -> Comune {
        Comune {
            istat_code: "0".into(),
            slug: slug.into(),
            name: name.into(),
            postal_codes: vec![],
            population: 1000,
            area_km2: 1.0,
            latitude: lat,
            longitude: lon,
            mayor: mayor.map(String::from),
            outline: format!(
                "M{0} {0}L{1} {0}L{1} {1}Z",
                (lat * 10.0) as i64,
                (lon * 10.0) as i64
            ),
        }
    }

    const TEXT: MapText = MapText {
        title: "Mappa",
        desc: "Comuni",
        in_network: "nella Rete",
        sea: "Mar Ligure",
    };

    /// The boxes of the names drawn, as the placement reckons them.
    fn label_boxes(svg: &str) -> Vec<(String, Box2)> {
        svg.split("<text ")
            .skip(1)
            .filter(|t| t.contains("class=\"map-label\""))
            .map(|t| {
                let attr = |name: &str| -> f64 {
                    let start = t.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                    t[start..start + t[start..].find('"').unwrap()]
                        .parse()
                        .unwrap()
                };
                let anchor = t
                    .split("text-anchor=\"")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap();
                let body = t
                    .split('>')
                    .nth(1)
                    .unwrap()
                    .split('<')
                    .next()
                    .unwrap()
                    .trim()
                    .to_string();
                let count = t
                    .split("map-count\">")
                    .nth(1)
                    .map_or(0, |c| c.split('<').next().unwrap().len() + 1);
                let width = (body.chars().count() + count) as f64 * LABEL_SIZE * CHAR_WIDTH;
                let (x, y) = (attr("x"), attr("y"));
                let left = match anchor {
                    "start" => x,
                    "end" => x - width,
                    _ => x - width / 2.0,
                };
                (
                    body,
                    (
                        left,
                        y - LABEL_SIZE * 0.75,
                        left + width,
                        y + LABEL_SIZE * 0.25,
                    ),
                )
            })
            .collect()
    }

    #[test]
    fn every_comune_is_an_outlined_link_and_network_ones_stand_out() {
        let comuni = vec![
            comune(
                "Sarzana",
                "sarzana",
                44.11,
                9.96,
                Some("Cristina Ponzanelli"),
            ),
            comune("Levanto", "levanto", 44.17, 9.61, None),
        ];
        let svg = map_svg(&comuni, None, TEXT);
        assert!(svg.contains(r#"href="/comuni/sarzana" aria-label="Sarzana, nella Rete""#));
        assert!(svg.contains(r#"href="/comuni/levanto" aria-label="Levanto""#));
        assert_eq!(svg.matches("map-point-network").count(), 1);
        assert_eq!(svg.matches("map-area-network").count(), 1);
        // Each outline is drawn twice: the province's edge, then the link's area.
        assert_eq!(svg.matches(&comuni[0].outline).count(), 2);
        assert!(svg.contains("<title id=\"mappa-titolo\">Mappa</title>"));
        assert!(svg.contains(">Mar Ligure</text>"));
    }

    #[test]
    fn north_is_up_and_west_is_left() {
        let comuni = vec![
            comune("Nord", "nord", 44.3, 9.7, None),
            comune("Sud", "sud", 44.1, 9.7, None),
            comune("Ovest", "ovest", 44.2, 9.5, None),
        ];
        let svg = map_svg(&comuni, None, TEXT);
        let centre = |slug: &str, axis: &str| -> f64 {
            let at = svg.find(&format!("data-comune=\"{slug}\"")).unwrap();
            let rest = &svg[at..];
            let start = rest.find(&format!("{axis}=\"")).unwrap() + 4;
            rest[start..start + rest[start..].find('"').unwrap()]
                .parse()
                .unwrap()
        };
        assert!(centre("nord", "cy") < centre("sud", "cy"));
        assert!(centre("ovest", "cx") < centre("nord", "cx"));
    }

    #[test]
    fn counts_shade_the_areas_and_follow_the_names() {
        let comuni = vec![
            comune(
                "La Spezia",
                "la-spezia",
                44.10,
                9.82,
                Some("Pierluigi Peracchini"),
            ),
            comune("Sarzana", "sarzana", 44.11, 9.96, None),
            comune("Levanto", "levanto", 44.17, 9.61, None),
        ];
        let per_comune = [("la-spezia".to_string(), 40), ("sarzana".to_string(), 3)];
        let svg = map_svg_with(
            &comuni,
            None,
            TEXT,
            &|c| format!("/offerte?comune={}", c.slug),
            Some(MapCounts {
                per_comune: &per_comune,
                noun: "offerte",
            }),
        );
        assert!(
            svg.contains("map-area map-shade-4"),
            "the most is the darkest"
        );
        assert!(
            svg.contains("map-area map-shade-1"),
            "a few is the lightest"
        );
        assert!(svg.contains("map-area map-shade-0"), "none is white");
        assert!(svg.contains("<title>Levanto: 0 offerte</title>"));
        let names: Vec<String> = label_boxes(&svg).into_iter().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            ["La Spezia", "Sarzana"],
            "the comuni with offers, the most first"
        );
        assert!(svg.contains(r#"<tspan class="map-count">40</tspan>"#));
    }

    #[test]
    fn names_never_overlap_nor_leave_the_picture() {
        // Every comune of a crowded corner wants its name.
        let comuni: Vec<Comune> = (0..30)
            .map(|i| {
                let (row, column) = (f64::from(i / 6), f64::from(i % 6));
                comune(
                    &format!("Comune numero {i}"),
                    &format!("c{i}"),
                    44.43 - row * 0.02,
                    10.07 - column * 0.03,
                    None,
                )
            })
            .collect();
        let per_comune: Vec<(String, i64)> = (0..30).map(|i| (format!("c{i}"), 100 + i)).collect();
        let svg = map_svg_with(
            &comuni,
            None,
            TEXT,
            &|c| c.slug.clone(),
            Some(MapCounts {
                per_comune: &per_comune,
                noun: "offerte",
            }),
        );
        let boxes = label_boxes(&svg);
        assert!(
            !boxes.is_empty() && boxes.len() < 30,
            "some names fit, not all: {}",
            boxes.len()
        );
        for (i, (name, a)) in boxes.iter().enumerate() {
            assert!(
                a.0 >= 0.0 && a.1 >= 0.0 && a.2 <= WIDTH && a.3 <= HEIGHT,
                "{name} is clipped: {a:?}"
            );
            for (other, b) in &boxes[i + 1..] {
                assert!(!overlaps(*a, *b), "{name} overlaps {other}");
            }
        }
    }

    #[test]
    fn shades_grow_with_the_count() {
        assert_eq!(shade(0, 10), 0);
        assert_eq!(shade(1, 10), 1);
        assert_eq!(shade(5, 10), 2);
        assert_eq!(shade(8, 10), 4);
        assert_eq!(shade(10, 10), 4);
        assert_eq!(shade(3, 0), 0);
    }

    #[test]
    fn names_are_escaped() {
        let svg = map_svg(&[comune("A<b>", "a", 44.0, 9.0, None)], None, TEXT);
        assert!(svg.contains("A&lt;b&gt;"));
        assert!(!svg.contains("A<b>"));
    }
}
