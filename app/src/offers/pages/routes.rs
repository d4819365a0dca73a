//! The offers' pages as lazy routes (see `crate::lazy`).

use super::{
    EditOfferPage, MyAlertsPage, MyOffersPage, NewOfferPage, OfferPage, OffersPage,
    ReviewOffersPage,
};

crate::lazy_pages!(
    OffersRoute => OffersPage,
    OfferRoute => OfferPage,
    MyOffersRoute => MyOffersPage,
    NewOfferRoute => NewOfferPage,
    EditOfferRoute => EditOfferPage,
    ReviewOffersRoute => ReviewOffersPage,
    MyAlertsRoute => MyAlertsPage,
);
