//! The wizard's steps, in the Europass order, each with what to write in
//! plain words, an example and a few tips.

use crate::i18n::td_string;
use crate::kernel::labels::Label;

pub struct Step {
    pub title: Label,
    pub what: Label,
    pub example: Label,
    pub tips: &'static [Label],
}

pub const STEPS: [Step; 8] = [
    Step {
        title: |l| td_string!(l, cv_steps.personal_details),
        what: |l| td_string!(l, cv_steps.your_name_and_how),
        example: |l| td_string!(l, cv_steps.giulia_ferrari_giulia_ferrari),
        tips: &[
            |l| td_string!(l, cv_steps.use_a_plain_email),
            |l| td_string!(l, cv_steps.if_you_add_a),
        ],
    },
    Step {
        title: |l| td_string!(l, cv_steps.headline_and_profile),
        what: |l| td_string!(l, cv_steps.one_line_under_your),
        example: |l| td_string!(l, cv_steps.logistics_worker_ten_years),
        tips: &[
            |l| td_string!(l, cv_steps.three_or_four_sentences),
            |l| td_string!(l, cv_steps.write_true_things_you),
        ],
    },
    Step {
        title: |l| td_string!(l, cv_steps.work_experience),
        what: |l| td_string!(l, cv_steps.the_jobs_you_have),
        example: |l| td_string!(l, cv_steps.warehouse_worker_porto_mercantile),
        tips: &[
            |l| td_string!(l, cv_steps.start_each_task_with),
            |l| td_string!(l, cv_steps.one_task_per_line),
            |l| td_string!(l, cv_steps.if_the_job_goes),
        ],
    },
    Step {
        title: |l| td_string!(l, cv_steps.education_and_training),
        what: |l| td_string!(l, cv_steps.schools_qualifications_and_courses),
        example: |l| td_string!(l, cv_steps.commercial_technician_diploma_istituto),
        tips: &[|l| td_string!(l, cv_steps.the_eqf_level_helps)],
    },
    Step {
        title: |l| td_string!(l, cv_steps.languages),
        what: |l| td_string!(l, cv_steps.your_mother_tongue_and),
        example: |l| td_string!(l, cv_steps.italian_listening_b2_reading),
        tips: &[|l| td_string!(l, cv_steps.a1_a2_simple_sentences)],
    },
    Step {
        title: |l| td_string!(l, cv_steps.digital_skills_and_licence),
        what: |l| td_string!(l, cv_steps.how_you_use_computers),
        example: |l| td_string!(l, cv_steps.communication_and_collaboration_intermediate),
        tips: &[|l| td_string!(l, cv_steps.basic_you_use_a)],
    },
    Step {
        title: |l| td_string!(l, cv_steps.other_skills_and_experience),
        what: |l| td_string!(l, cv_steps.what_you_can_do),
        example: |l| td_string!(l, cv_steps.workplace_first_aid_volunteer),
        tips: &[|l| td_string!(l, cv_steps.volunteering_shows_commitment_and)],
    },
    Step {
        title: |l| td_string!(l, cv_steps.summary_and_download),
        what: |l| td_string!(l, cv_steps.check_the_preview_download),
        example: |_| "",
        tips: &[|l| td_string!(l, cv_steps.at_the_end_of)],
    },
];

/// Verbs to start a task with, suggested under "activities".
pub const ACTION_VERBS: [Label; 12] = [
    |l| td_string!(l, cv_steps.managed),
    |l| td_string!(l, cv_steps.coordinated),
    |l| td_string!(l, cv_steps.organised),
    |l| td_string!(l, cv_steps.prepared),
    |l| td_string!(l, cv_steps.served),
    |l| td_string!(l, cv_steps.assisted),
    |l| td_string!(l, cv_steps.checked),
    |l| td_string!(l, cv_steps.looked_after),
    |l| td_string!(l, cv_steps.sold),
    |l| td_string!(l, cv_steps.trained),
    |l| td_string!(l, cv_steps.solved),
    |l| td_string!(l, cv_steps.improved),
];
