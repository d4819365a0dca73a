//! Geography: the comuni as points, and distances between them.

/// A comune as the search indexes need it: its slug, name and centre.
#[derive(Clone, Debug)]
pub struct Place {
    pub slug: String,
    pub name: String,
    pub latitude: f64,
    pub longitude: f64,
}

/// Great-circle distance in km between two points given in degrees.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn la_spezia_to_sarzana_is_about_fifteen_km() {
        let d = distance_km((44.1025, 9.8241), (44.1114, 9.9594));
        assert!((10.0..=16.0).contains(&d), "{d}");
    }
}
