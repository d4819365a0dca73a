//! `/staff/attivita`: the operators' queue of courses and meetings waiting for
//! review, and (for the admin) the switch that turns pre-moderation on or off.

use crate::accounts::api::get_my_account;
use crate::catalogue::api::{list_activities_to_review, DecideActivity, SetPreModeration};
use crate::catalogue::domain::ReviewQueue;
use crate::components::async_data::with_data;
use crate::components::decision::{DecisionFields, DecisionTexts, Decisions};
use crate::i18n::td_string;
use crate::i18n::Locale;
use crate::kernel::access::domain::Role;
use crate::kernel::dates::italian_date;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ReviewActivitiesPage() -> impl IntoView {
    let l = crate::i18n_switch::locale();
    let decide = ServerAction::<DecideActivity>::new();
    let decisions = Decisions::new(decide.version(), decide.value());
    let switch = ServerAction::<SetPreModeration>::new();
    let queue = Resource::new(
        move || (decisions.settled.get(), switch.version().get()),
        |_| list_activities_to_review(),
    );
    let me = Resource::new(|| (), |_| get_my_account());
    let title = td_string!(l, catalogue_review.courses_and_meetings_to);
    view! {
        <Title text=title/>
        <h1 class="page-title">{title}</h1>
        <p role="alert" class="field-error">
            {move || decisions.page_message()}
        </p>
        {with_data(queue, move |queue| view! { <Queue queue decide decisions switch me l/> })}
    }
}

#[component]
fn Queue(
    queue: ReviewQueue,
    decide: ServerAction<DecideActivity>,
    decisions: Decisions,
    switch: ServerAction<SetPreModeration>,
    me: Resource<Result<crate::accounts::domain::MyAccount, crate::error::AppError>>,
    l: Locale,
) -> impl IntoView {
    let on = queue.pre_moderation;
    let texts = DecisionTexts::confirm(
        l,
        td_string!(l, catalogue_review.approve_and_publish),
        td_string!(l, catalogue_review.reject),
        td_string!(l, catalogue_review.reason_for_the_body),
    );
    let is_admin = move || {
        me.get()
            .and_then(Result::ok)
            .is_some_and(|m| m.user.role == Role::Admin)
    };
    view! {
        <section class="card mb-8 max-w-3xl" aria-labelledby="premoderazione">
            <h2 id="premoderazione" class="section-title">{td_string!(l, catalogue_review.review_before_publication)}</h2>
            <p class="mb-3" data-testid="stato-premoderazione">{if on {
                td_string!(l, catalogue_review.on_courses_and_meetings)
            } else {
                td_string!(l, catalogue_review.off_member_bodies_courses)
            }}</p>
            <Suspense fallback=|| ()>
                {move || is_admin().then(|| view! {
                    <ActionForm action=switch>
                        <input type="hidden" name="on" value=if on { "no" } else { "si" }/>
                        <button type="submit" class="btn-secondary">{if on {
                            td_string!(l, catalogue_review.turn_review_off)
                        } else {
                            td_string!(l, catalogue_review.turn_review_on)
                        }}</button>
                    </ActionForm>
                })}
            </Suspense>
        </section>
        <h2 class="section-title">{td_string!(l, catalogue_review.waiting)} " (" {queue.waiting.len()} ")"</h2>
        {queue.waiting.is_empty().then(|| view! { <p role="status">{td_string!(l, catalogue_review.nothing_is_waiting)}</p> })}
        <ul class="space-y-6">
            {queue.waiting.into_iter().map(|a| {
                view! {
                    <li class="card max-w-3xl" data-testid="attivita-da-controllare">
                        <h3 class="card-title"><a href=format!("/organizza/{}", a.id)>{a.title.clone()}</a></h3>
                        <p class="mb-3">{format!("{} · {} · {} · {}", if a.kind == crate::catalogue::domain::Kind::Corso { td_string!(l, catalogue_review.course) } else { td_string!(l, catalogue_review.meeting) }, a.organiser_name, a.comune_name, italian_date(a.first_starts_at))}</p>
                        <ActionForm action=decide>
                            <input type="hidden" name="activity" value=a.id/>
                            <DecisionFields item=a.id texts decisions/>
                        </ActionForm>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
