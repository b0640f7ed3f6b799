-- A milestone of a cohort's plan may ask for the school's own instruments as well as the curriculum's: published
-- in the studio, rated by the cohort's students at that milestone, in this order.
create table plan_step_instrument (
    plan_step_id    bigint not null references plan_step (id) on delete cascade,
    position        integer not null,
    instrument_slug varchar(100) not null,
    primary key (plan_step_id, position)
);
