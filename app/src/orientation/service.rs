//! What orientation's server functions do once the caller is authorised:
//! the path is made fresh from the rules, the catalogue and the offers each
//! time it is shown, so a kept path follows new courses and offers.

use super::domain::{Advice, AdviceKind, Answers, BodyLink, OrientationPath, PathViewer, Rule};
use super::repo;
use super::rules::{applicable, filter_pairs, parse_answers, parse_rule_form, Profile};
use crate::catalogue::domain::{CatalogueFilter, Kind};
use crate::error::AppError;
use crate::kernel::access::domain::{Role, SessionUser};
use crate::network::api::shared as network;
use crate::network::domain::Category;
use crate::offers::domain::{encode, OfferQuery};
use crate::state::AppState;
use std::collections::BTreeMap;

/// How many courses, meetings or offers one piece of advice lists.
const SHOWN: usize = 4;

fn invalid_comune() -> AppError {
    crate::invalid!("comune", choose_the_comune_where_2)
}

/// The path for these answers, as `viewer` sees it.
pub async fn path(
    state: &AppState,
    answers: &Answers,
    viewer: Option<&SessionUser>,
) -> Result<OrientationPath, AppError> {
    let profile = parse_answers(answers)?;
    let comune = crate::kernel::geo::place_by_slug(&state.db, &profile.comune)
        .await?
        .ok_or_else(invalid_comune)?;
    let rules = repo::list_rules(&state.db).await?;
    let bodies = network::list_member_bodies(&state.db).await?;
    let mut advice = Vec::new();
    for rule in applicable(&rules, &profile) {
        advice.push(advise(state, rule, &profile, &bodies).await?);
    }
    let viewer = match viewer {
        None => PathViewer::Visitor,
        Some(u) if u.role == Role::Cittadino => PathViewer::Citizen {
            saved: repo::saved_answers(&state.db, u.id).await?.as_ref() == Some(answers),
        },
        Some(_) => PathViewer::Other,
    };
    Ok(OrientationPath {
        answers: answers.clone(),
        comune_name: comune.name,
        km: profile.km,
        advice,
        viewer,
    })
}

fn blank(rule: &Rule, href: String) -> Advice {
    Advice {
        kind: rule.content.kind,
        title: rule.content.title.clone(),
        reason: rule.content.reason.clone(),
        href,
        bodies: Vec::new(),
        activities: Vec::new(),
        offers: Vec::new(),
        total: 0,
    }
}

async fn advise(
    state: &AppState,
    rule: &Rule,
    p: &Profile,
    bodies: &[crate::network::domain::MemberBody],
) -> Result<Advice, AppError> {
    let c = &rule.content;
    let filters = filter_pairs(&c.target);
    let get = |k: &str| {
        filters
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    Ok(match c.kind {
        AdviceKind::Ente => {
            let category = Category::from_code(&c.target);
            let mut a = blank(rule, format!("/rete?categoria={}", encode(&c.target)));
            a.bodies = bodies
                .iter()
                .filter(|b| Some(b.category) == category)
                .map(|b| BodyLink {
                    name: b.name.clone(),
                    href: format!("/rete?categoria={}", b.category.code()),
                })
                .collect();
            a
        }
        AdviceKind::Corsi | AdviceKind::Incontri => {
            let kind = if c.kind == AdviceKind::Corsi {
                Kind::Corso
            } else {
                Kind::Incontro
            };
            let filter = CatalogueFilter {
                comune: p.comune.clone(),
                km: p.km.to_string(),
                topic: get("topic"),
                target: get("target"),
                mode: get("mode"),
                ..CatalogueFilter::default()
            };
            let found = crate::catalogue::api::shared::list(&state.db, kind, &filter).await?;
            let mut href = format!("{}?comune={}&km={}", kind.path(), encode(&p.comune), p.km);
            for (key, url_key) in [
                ("topic", "tema"),
                ("target", "destinatari"),
                ("mode", "modalita"),
            ] {
                let v = get(key);
                if !v.is_empty() {
                    href.push_str(&format!("&{url_key}={}", encode(&v)));
                }
            }
            let mut a = blank(rule, href);
            a.total = found.items.len();
            a.activities = found.items.into_iter().take(SHOWN).collect();
            a
        }
        AdviceKind::Offerte => {
            let mut query = OfferQuery {
                comune: vec![p.comune.clone()],
                km: p.km.to_string(),
                ordina: "vicine".into(),
                ..OfferQuery::default()
            };
            for (k, v) in &filters {
                query.set(k, v.clone());
            }
            if let Some(edu) = p.education {
                query.istruzione = edu.to_string();
            }
            // One search per chosen sector, merged: the nearest of each first.
            let sectors: Vec<String> = if p.sectors.is_empty() {
                vec![String::new()]
            } else {
                p.sectors.clone()
            };
            let mut a = blank(rule, String::new());
            for sector in &sectors {
                let mut q = query.clone();
                q.settore = sector.clone();
                let found = crate::offers::api::shared::search(state, &q);
                a.total += found.total;
                for item in found.items {
                    if !a.offers.iter().any(|o| o.id == item.id) {
                        a.offers.push(item);
                    }
                }
            }
            a.offers.sort_by(|x, y| {
                x.distance_km
                    .unwrap_or(f64::MAX)
                    .total_cmp(&y.distance_km.unwrap_or(f64::MAX))
            });
            a.offers.truncate(SHOWN);
            query.settore = sectors.first().cloned().unwrap_or_default();
            a.href = format!("/offerte?{}", query.to_query_string());
            a
        }
        AdviceKind::Programma | AdviceKind::Passo => blank(rule, c.target.clone()),
    })
}

/// Keeps a citizen's answers (checked first: a kept path always opens).
pub async fn keep(state: &AppState, user: &SessionUser, answers: &Answers) -> Result<(), AppError> {
    let profile = parse_answers(answers)?;
    crate::kernel::geo::place_by_slug(&state.db, &profile.comune)
        .await?
        .ok_or_else(invalid_comune)?;
    repo::save_answers(&state.db, user.id, answers).await?;
    Ok(())
}

/// Saves a rule from the staff's form.
pub async fn save_rule(
    state: &AppState,
    staff: &SessionUser,
    form: &BTreeMap<String, String>,
) -> Result<(), AppError> {
    let draft = parse_rule_form(form)?;
    repo::save_rule(&state.db, &draft, staff.id)
        .await?
        .map(|_| ())
        .ok_or_else(|| AppError::NotFound.with_status())
}

/// The cookie that holds a visitor's answers until they sign in.
const PENDING_COOKIE: &str = "percorso";

fn pending_cookie(state: &AppState, value: &str, max_age: i64) -> String {
    crate::kernel::access::auth::private_cookie(state, PENDING_COOKIE, value, Some(max_age))
}

/// For a visitor: the answers wait in a cookie (a week) until they register
/// and sign in, when `adopt_pending` keeps them.
pub async fn keep_for_later(state: &AppState, answers: &Answers) -> Result<(), AppError> {
    let profile = parse_answers(answers)?;
    crate::kernel::geo::place_by_slug(&state.db, &profile.comune)
        .await?
        .ok_or_else(invalid_comune)?;
    crate::kernel::access::auth::set_cookie(pending_cookie(
        state,
        &answers.to_query_string(),
        7 * 86_400,
    ));
    Ok(())
}

/// Just signed in: keeps the answers waiting in the cookie, if the person is a
/// citizen, and says where to go next. Any failure only means no path is kept.
pub async fn adopt_pending(state: &AppState, secret: &str) -> Option<&'static str> {
    let raw = crate::kernel::cookies::request_cookie(PENDING_COOKIE)?;
    crate::kernel::access::auth::set_cookie(pending_cookie(state, "", 0));
    let answers = Answers::from_pairs(
        form_urlencoded::parse(raw.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect::<Vec<_>>()
            .iter()
            .map(|(k, v)| (k.as_str(), v.clone())),
    );
    let user = crate::kernel::access::auth::user_of_session(state, secret)
        .await
        .ok()??;
    if user.role != Role::Cittadino {
        return None;
    }
    match keep(state, &user, &answers).await {
        Ok(()) => Some("/orientamento/percorso?salvato=1"),
        Err(e) => {
            tracing::info!(error = ?e, "a pending orientation path could not be kept");
            None
        }
    }
}
