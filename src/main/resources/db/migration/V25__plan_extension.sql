-- One student's later due date for one step of their cohort's plan, with the staff's reason. History is appended:
-- a change is a new row, a withdrawal a row without a date; the newest row of a step and student is what holds.
create sequence plan_extension_seq start with 50 increment by 50;
create table plan_extension (
    id           bigint primary key,
    plan_step_id bigint not null references plan_step (id) on delete cascade,
    account_id   bigint not null references account (id) on delete cascade,
    due_at       timestamp,
    reason       varchar(300) not null,
    granted_by   bigint references account (id) on delete set null,
    granted_at   timestamp not null
);
create index plan_extension_step on plan_extension (plan_step_id, account_id, id);
create index plan_extension_account on plan_extension (account_id);
