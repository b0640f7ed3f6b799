-- A cohort's plan: the curriculum's steps (or modules of either library) in the cohort's own order, each with an
-- optional release and due date. A trainee's work belongs to the module, not to the step, so changing the plan
-- never touches it.
create sequence plan_step_seq start with 50 increment by 50;
create table plan_step (
    id           bigint primary key,
    version      bigint not null default 0,
    cohort_id    bigint not null references cohort (id) on delete cascade,
    position     integer not null,
    module_slug  varchar(100),
    milestone    varchar(100),
    release_at   timestamp,
    due_at       timestamp,
    constraint plan_step_one_kind check ((module_slug is null and milestone is not null)
                                         or (module_slug is not null and milestone is null))
);
create index plan_step_cohort on plan_step (cohort_id, position);
create index plan_step_due on plan_step (due_at);

-- One reminder per step and trainee, ever: the key makes a second sender (another server) fail rather than send twice.
create table plan_reminder (
    plan_step_id bigint not null references plan_step (id) on delete cascade,
    account_id   bigint not null references account (id) on delete cascade,
    sent_at      timestamp not null,
    primary key (plan_step_id, account_id)
);

-- A due-date reminder links to a page rather than to a reflection.
alter table notification add column link varchar(300);
