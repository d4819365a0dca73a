//! Numbers written with a fixed count of decimals by integer arithmetic.
//! Any `{:.2}` or `{}` of a float in browser code brings the float
//! formatting machinery (~16 KB) into the wasm every page loads, so the
//! pages write their numbers through here instead.

/// `value` rounded to `places` decimals (at most 6), with a point.
pub fn fixed(value: f64, places: u32) -> String {
    let places = places.min(6);
    let scale = 10_i64.pow(places);
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let scaled = scaled.abs();
    if places == 0 {
        return format!("{sign}{scaled}");
    }
    format!(
        "{sign}{}.{:0width$}",
        scaled / scale,
        scaled % scale,
        width = places as usize
    )
}

#[cfg(test)]
mod tests {
    use super::fixed;

    #[test]
    fn fixed_decimals_match_the_standard_formatting() {
        for (value, places) in [
            (14.1935, 2),
            (0.0, 1),
            (36.0, 1),
            (639.96, 1),
            (3.4, 0),
            (2.6, 0),
            (12.5, 2),
            (-1.25, 1),
            (1234.5678, 3),
            (0.05, 2),
        ] {
            let expected = format!("{value:.*}", places as usize);
            let got = fixed(value, places);
            // Halves may round the other way; the value is the same to the last place.
            let (e, g): (f64, f64) = (expected.parse().unwrap(), got.parse().unwrap());
            assert!(
                (e - g).abs() <= 10_f64.powi(-(places as i32)) + 1e-9,
                "{value} to {places}: {got} vs {expected}"
            );
            assert_eq!(
                got.len(),
                expected.len(),
                "{value} to {places}: {got} vs {expected}"
            );
        }
        assert_eq!(fixed(14.1935, 2), "14.19");
        assert_eq!(fixed(7.0, 2), "7.00");
        assert_eq!(fixed(-0.04, 1), "0.0");
    }
}
