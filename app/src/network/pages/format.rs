//! Numbers and dates as each language writes them.

use crate::i18n::Locale;

/// 92169 → "92.169" in Italian, "92,169" in English.
pub fn integer(n: i64, locale: Locale) -> String {
    let sep = match locale {
        Locale::it => '.',
        Locale::en => ',',
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(d);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// 14.1935 → "14,19" in Italian, "14.19" in English.
pub fn decimal(x: f64, locale: Locale) -> String {
    let s = crate::kernel::decimals::fixed(x, 2);
    match locale {
        Locale::it => s.replace('.', ","),
        Locale::en => s,
    }
}

/// "08:30" → "8:30", as Italians write opening hours.
pub fn time(hhmm: &str) -> &str {
    hhmm.strip_prefix('0').unwrap_or(hhmm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(integer(92169, Locale::it), "92.169");
        assert_eq!(integer(92169, Locale::en), "92,169");
        assert_eq!(integer(514, Locale::it), "514");
        assert_eq!(integer(1_234_567, Locale::it), "1.234.567");
        assert_eq!(decimal(14.1935, Locale::it), "14,19");
        assert_eq!(time("08:30"), "8:30");
        assert_eq!(time("14:30"), "14:30");
    }
}
