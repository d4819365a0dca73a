//! Pages that belong to no single feature: legal notices and "not found".

mod accessibility;
mod not_found;
mod privacy;

pub use accessibility::AccessibilityPage;
pub use not_found::NotFoundPage;
pub use privacy::PrivacyPage;
