//! The catalogue's pages as lazy routes (see `crate::lazy`).

use super::{
    CoursePage, CoursesPage, MeetingPage, MeetingsPage, MyCalendarPage, NewActivityPage,
    OrganisePage, ReviewActivitiesPage, RosterPage,
};

crate::lazy_pages!(
    CoursesRoute => CoursesPage,
    MeetingsRoute => MeetingsPage,
    CourseRoute => CoursePage,
    MeetingRoute => MeetingPage,
    MyCalendarRoute => MyCalendarPage,
    OrganiseRoute => OrganisePage,
    NewActivityRoute => NewActivityPage,
    RosterRoute => RosterPage,
    ReviewActivitiesRoute => ReviewActivitiesPage,
);
