//! Labels of codes in both languages of the portal.

/// A pair of labels: Italian first, English second.
pub type Label = (&'static str, &'static str);

pub fn pick(label: Label, english: bool) -> &'static str {
    if english {
        label.1
    } else {
        label.0
    }
}

pub fn label_of(list: &[(&'static str, Label)], code: &str, english: bool) -> &'static str {
    list.iter()
        .find(|(c, _)| *c == code)
        .map(|(_, l)| pick(*l, english))
        .unwrap_or("")
}
