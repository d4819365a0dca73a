//! The plane the province is drawn on: an SVG of `WIDTH` × `HEIGHT` user
//! units holding the bounding box of the comuni's boundaries, north up.
//! Shared by the server, which projects the boundaries once
//! (`kernel::boundaries`), and the browser, which places the towns' points.

/// The boundaries' bounding box (app/reference/confini-comuni-provincia-spezia.geojson).
const LON_MIN: f64 = 9.465_737;
const LON_MAX: f64 = 10.071_019;
const LAT_MIN: f64 = 44.023_349;
const LAT_MAX: f64 = 44.438_135;
/// cos(44.2307°), the box's middle latitude: a degree of longitude is that
/// much shorter than one of latitude (an equirectangular projection, exact
/// enough for 45 km; a constant keeps libm's cosine out of the wasm).
const SQUEEZE: f64 = 0.716_536_4;

pub const PADDING: f64 = 12.0;
pub const WIDTH: f64 = 640.0;
/// User units per degree of latitude.
const SCALE: f64 = (WIDTH - 2.0 * PADDING) / ((LON_MAX - LON_MIN) * SQUEEZE);
pub const HEIGHT: f64 = (LAT_MAX - LAT_MIN) * SCALE + 2.0 * PADDING;

/// A point given in degrees, on the plane.
pub fn project(latitude: f64, longitude: f64) -> (f64, f64) {
    (
        PADDING + (longitude - LON_MIN) * SQUEEZE * SCALE,
        PADDING + (LAT_MAX - latitude) * SCALE,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_fills_the_plane_north_up() {
        let (x, y) = project(LAT_MAX, LON_MIN);
        assert!((x - PADDING).abs() < 1e-9 && (y - PADDING).abs() < 1e-9);
        let (x, y) = project(LAT_MIN, LON_MAX);
        assert!((x - (WIDTH - PADDING)).abs() < 1e-6, "{x}");
        assert!((y - (HEIGHT - PADDING)).abs() < 1e-6, "{y}");
        assert!((SQUEEZE - 44.2307_f64.to_radians().cos()).abs() < 1e-6);
    }
}
