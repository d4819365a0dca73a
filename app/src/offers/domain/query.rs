//! The search as it is in the address of `/offerte`: parsed from the URL's
//! parameters, checked against its bounds, and written back in one order.

use serde::{Deserialize, Serialize};

/// The bounds of a search beside its text's (`text::check_search_text`),
/// so that no query costs more than a real one: chosen comuni (the province
/// has 32), and the length of any other parameter (each holds a short code).
pub const MAX_QUERY_COMUNI: usize = 32;
const MAX_QUERY_CODE: usize = 40;

/// The search as it is in the address of `/offerte`: every field a URL parameter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct OfferQuery {
    pub q: String,
    /// Comune slugs (`comune` may repeat).
    pub comune: Vec<String>,
    pub km: String,
    pub tipo: String,
    pub contratto: String,
    pub settore: String,
    pub orario: String,
    pub remoto: String,
    /// Posted within this many days.
    pub entro: String,
    /// The searcher's education (EQF): offers asking for more are left out.
    pub istruzione: String,
    pub ordina: String,
    pub pagina: String,
}

impl OfferQuery {
    /// Refuses a search past its bounds (422, on the field), with a message
    /// that says how to make it fit.
    pub fn check(&self) -> Result<(), crate::error::AppError> {
        crate::kernel::text::check_search_text(&self.q)?;
        if self.comune.len() > MAX_QUERY_COMUNI {
            return Err(crate::invalid!(
                "comune",
                too_many_comuni,
                max = MAX_QUERY_COMUNI
            ));
        }
        let comuni = self.comune.iter().map(|c| ("comune", c.as_str()));
        match self
            .code_fields()
            .into_iter()
            .chain(comuni)
            .find(|(_, v)| v.len() > MAX_QUERY_CODE)
        {
            Some((field, _)) => Err(crate::invalid!(field, invalid_value)),
            None => Ok(()),
        }
    }

    /// The query string of this search, fields in a fixed order and empty ones
    /// left out, so one search has one address (and one saved alert).
    pub fn to_query_string(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = vec![("q", self.q.trim())];
        pairs.extend(self.comune.iter().map(|c| ("comune", c.as_str())));
        pairs.extend(self.code_fields());
        query_string(pairs)
    }

    /// The search's short-code fields, named as in its address.
    fn code_fields(&self) -> [(&'static str, &str); 10] {
        [
            ("km", &self.km),
            ("tipo", &self.tipo),
            ("contratto", &self.contratto),
            ("settore", &self.settore),
            ("orario", &self.orario),
            ("remoto", &self.remoto),
            ("entro", &self.entro),
            ("istruzione", &self.istruzione),
            ("ordina", &self.ordina),
            ("pagina", &self.pagina),
        ]
    }

    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, String)>) -> OfferQuery {
        let mut q = OfferQuery::default();
        for (key, value) in pairs {
            if key == "comune" {
                if !value.is_empty() && !q.comune.contains(&value) {
                    q.comune.push(value);
                }
            } else {
                q.set(key, value);
            }
        }
        q
    }

    /// Sets one parameter; `comune` replaces the chosen comuni with this one
    /// (or none). Unknown names are ignored.
    pub fn set(&mut self, key: &str, value: String) {
        let field = match key {
            "comune" => {
                self.comune = if value.is_empty() {
                    Vec::new()
                } else {
                    vec![value]
                };
                return;
            }
            "q" => &mut self.q,
            "km" => &mut self.km,
            "tipo" => &mut self.tipo,
            "contratto" => &mut self.contratto,
            "settore" => &mut self.settore,
            "orario" => &mut self.orario,
            "remoto" => &mut self.remoto,
            "entro" => &mut self.entro,
            "istruzione" => &mut self.istruzione,
            "ordina" => &mut self.ordina,
            "pagina" => &mut self.pagina,
            _ => return,
        };
        *field = value;
    }

    /// One parameter's value (the first comune for `comune`).
    pub fn get(&self, key: &str) -> String {
        match key {
            "comune" => self.comune.first().cloned().unwrap_or_default(),
            "q" => self.q.clone(),
            "km" => self.km.clone(),
            "tipo" => self.tipo.clone(),
            "contratto" => self.contratto.clone(),
            "settore" => self.settore.clone(),
            "orario" => self.orario.clone(),
            "remoto" => self.remoto.clone(),
            "entro" => self.entro.clone(),
            "istruzione" => self.istruzione.clone(),
            "ordina" => self.ordina.clone(),
            "pagina" => self.pagina.clone(),
            _ => String::new(),
        }
    }

    /// The address of this search on `/offerte`.
    pub fn href(&self) -> String {
        let query = self.to_query_string();
        if query.is_empty() {
            "/offerte".into()
        } else {
            format!("/offerte?{query}")
        }
    }

    /// The same search from its first page.
    pub fn first_page(&self) -> OfferQuery {
        OfferQuery {
            pagina: String::new(),
            ..self.clone()
        }
    }

    pub fn page(&self) -> usize {
        self.pagina.parse().unwrap_or(1).clamp(1, 500)
    }
}

/// A query string of `pairs` in their order, empty values left out.
pub fn query_string<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    pairs
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Percent-encodes a query value.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_has_one_address_whatever_the_order_of_its_parameters() {
        let a = OfferQuery::from_pairs([
            ("km", "15".into()),
            ("comune", "sarzana".into()),
            ("q", "magazziniere notturno".into()),
            ("comune", "sarzana".into()),
        ]);
        assert_eq!(
            a.to_query_string(),
            "q=magazziniere%20notturno&comune=sarzana&km=15"
        );
        let b = OfferQuery::from_pairs(
            a.to_query_string()
                .split('&')
                .map(|p| p.split_once('=').unwrap())
                .map(|(k, v)| (k, v.replace("%20", " "))),
        );
        assert_eq!(a, b);
        assert_eq!(OfferQuery::default().href(), "/offerte");
    }
}
