//! The province drawn from the comuni's coordinates: an SVG with one point per
//! comune, each a link to its page, the network's comuni highlighted.
//!
//! The SVG is built as a string by a pure function (easy to test, identical on
//! server and browser) and set as the content of a `<figure>`.

use crate::i18n::*;
use crate::network::domain::Comune;
use leptos::prelude::*;

const WIDTH: f64 = 640.0;
const PADDING: f64 = 36.0;
/// Names drawn on the map for orientation; every point has its name as a tooltip and label.
const LABELLED: [&str; 5] = ["La Spezia", "Sarzana", "Levanto", "Varese Ligure", "Lerici"];

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapText {
    pub title: &'static str,
    pub desc: &'static str,
    pub in_network: &'static str,
}

/// cos(x) for |x| < π/2 by its Taylor series to x⁸ (error below 1e-6 at
/// the province's latitude): libm's trigonometry stays out of the wasm.
fn cos_small(x: f64) -> f64 {
    let x2 = x * x;
    1.0 - x2 / 2.0 * (1.0 - x2 / 12.0 * (1.0 - x2 / 30.0 * (1.0 - x2 / 56.0)))
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

/// The map with each point linking to `href(comune)` and, with `counts`,
/// the number of results beside every comune that has some.
pub fn map_svg_with(
    comuni: &[Comune],
    highlight: Option<&str>,
    text: MapText,
    href: &dyn Fn(&Comune) -> String,
    counts: Option<MapCounts<'_>>,
) -> String {
    if comuni.is_empty() {
        return String::new();
    }
    let (mut lat_min, mut lat_max, mut lon_min, mut lon_max) =
        (90.0_f64, -90.0_f64, 180.0_f64, -180.0_f64);
    for c in comuni {
        lat_min = lat_min.min(c.latitude);
        lat_max = lat_max.max(c.latitude);
        lon_min = lon_min.min(c.longitude);
        lon_max = lon_max.max(c.longitude);
    }
    // Equirectangular projection: a degree of longitude is cos(latitude) as long as one of latitude.
    let squeeze = cos_small(((lat_min + lat_max) / 2.0).to_radians());
    let scale = (WIDTH - 2.0 * PADDING) / ((lon_max - lon_min) * squeeze).max(f64::EPSILON);
    let height = (lat_max - lat_min) * scale + 2.0 * PADDING;
    let project = |c: &Comune| {
        (
            PADDING + (c.longitude - lon_min) * squeeze * scale,
            PADDING + (lat_max - c.latitude) * scale,
        )
    };

    let mut svg = format!(
        r#"<svg viewBox="0 0 {WIDTH:.0} {height:.0}" class="province-map" role="group" aria-labelledby="mappa-titolo mappa-desc"><title id="mappa-titolo">{}</title><desc id="mappa-desc">{}</desc>"#,
        escape(text.title),
        escape(text.desc)
    );
    // Smaller comuni last, so that their points stay clickable above the larger ones.
    let mut order: Vec<&Comune> = comuni.iter().collect();
    order.sort_by_key(|c| std::cmp::Reverse(c.population));
    for c in order {
        let (x, y) = project(c);
        let radius = 5.0 + (c.population as f64).sqrt() / 30.0;
        let mut class = if c.in_network() {
            "map-point map-point-network".to_string()
        } else {
            "map-point".to_string()
        };
        if highlight == Some(c.slug.as_str()) {
            class.push_str(" map-point-current");
        }
        let name = escape(&c.name);
        let count = counts.as_ref().map(|counts| {
            counts
                .per_comune
                .iter()
                .find(|(slug, _)| *slug == c.slug)
                .map_or(0, |(_, n)| *n)
        });
        let label = match (count, c.in_network()) {
            (Some(n), _) => format!(
                "{name}: {n} {}",
                escape(counts.as_ref().map_or("", |c| c.noun))
            ),
            (None, true) => format!("{name}, {}", escape(text.in_network)),
            (None, false) => name.clone(),
        };
        svg.push_str(&format!(
            r#"<a href="{href}"{aria} data-comune="{slug}"><title>{label}</title><circle cx="{x:.1}" cy="{y:.1}" r="{radius:.1}" class="{class}"/>"#,
            // With counts the drawn text (name, number) differs from the spoken
            // name, so the name comes from <title> alone (SVG-AAM), not aria-label.
            aria = if count.is_some() { String::new() } else { format!(r#" aria-label="{label}""#) },
            href = escape(&href(c)),
            slug = escape(&c.slug)
        ));
        if let Some(n) = count.filter(|n| *n > 0) {
            svg.push_str(&format!(
                r#"<text x="{x:.1}" y="{:.1}" class="map-count" text-anchor="middle" aria-hidden="true">{n}</text>"#,
                y - radius - 4.0
            ));
        }
        // A comune with something counted is named: the number alone says nothing.
        let counted = count.is_some_and(|n| n > 0);
        if counted || LABELLED.contains(&c.name.as_str()) || highlight == Some(c.slug.as_str()) {
            svg.push_str(&format!(
                r#"<text x="{:.1}" y="{:.1}" class="map-label" aria-hidden="true">{name}</text>"#,
                x + radius + 3.0,
                y + 5.0
            ));
        }
        svg.push_str("</a>");
    }
    svg.push_str("</svg>");
    svg
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
        }
    }

    const TEXT: MapText = MapText {
        title: "Mappa",
        desc: "Comuni",
        in_network: "nella Rete",
    };

    #[test]
    fn every_comune_is_a_link_and_network_ones_stand_out() {
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
        assert!(svg.contains("<title id=\"mappa-titolo\">Mappa</title>"));
    }

    #[test]
    fn north_is_up_and_west_is_left() {
        let comuni = vec![
            comune("Nord", "nord", 44.3, 9.7, None),
            comune("Sud", "sud", 44.0, 9.7, None),
            comune("Ovest", "ovest", 44.1, 9.5, None),
        ];
        let svg = map_svg(&comuni, None, TEXT);
        let cy = |slug: &str| -> f64 {
            let at = svg.find(&format!("data-comune=\"{slug}\"")).unwrap();
            let rest = &svg[at..];
            let start = rest.find("cy=\"").unwrap() + 4;
            rest[start..start + rest[start..].find('"').unwrap()]
                .parse()
                .unwrap()
        };
        assert!(cy("nord") < cy("sud"));
        let ovest = svg.find("data-comune=\"ovest\"").unwrap();
        assert!(
            svg[ovest..].contains("cx=\"36.0\""),
            "the westernmost point sits on the left margin"
        );
    }

    #[test]
    fn the_cosine_matches_the_standard_one() {
        for degrees in [0.0_f64, 30.0, 44.2, 60.0, 80.0] {
            let x = degrees.to_radians();
            assert!((cos_small(x) - x.cos()).abs() < 2e-5, "{degrees}");
        }
    }

    #[test]
    fn names_are_escaped() {
        let svg = map_svg(&[comune("A<b>", "a", 44.0, 9.0, None)], None, TEXT);
        assert!(svg.contains("A&lt;b&gt;"));
        assert!(!svg.contains("A<b>"));
    }
}
