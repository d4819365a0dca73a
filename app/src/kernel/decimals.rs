//! Numbers with a fixed count of decimals, written by hand: Rust's own float
//! formatting (`{:.1}`) is several kilobytes of the wasm that every page
//! loads, while the pages only ever need a distance in whole kilometres, a
//! percentage, an area or a drawing's coordinates.

/// `v` rounded to `decimals` places (half away from zero), with a point:
/// `fixed(14.1935, 2)` is "14.19", `fixed(2.6, 0)` is "3". A value that
/// rounds to zero has no sign.
pub fn fixed(v: f64, decimals: u32) -> String {
    let scale = 10_i64.pow(decimals.min(9));
    let scaled = (v * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, part) = (
        scaled.unsigned_abs() / scale as u64,
        scaled.unsigned_abs() % scale as u64,
    );
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!(
            "{sign}{whole}.{part:0width$}",
            width = decimals.min(9) as usize
        )
    }
}

#[cfg(test)]
mod tests {
    use super::fixed;

    #[test]
    fn as_rusts_formatting_away_from_ties() {
        for v in [
            0.0,
            0.04,
            1.0,
            9.96,
            12.34,
            44.1027,
            -3.21,
            123_456.789,
            99.999,
        ] {
            for decimals in 0..4 {
                assert_eq!(
                    fixed(v, decimals),
                    format!("{v:.prec$}", prec = decimals as usize),
                    "{v} to {decimals}"
                );
            }
        }
        assert_eq!(fixed(-0.04, 1), "0.0", "no sign on a zero");
        assert_eq!(fixed(2.5, 0), "3", "a tie goes away from zero");
    }
}
