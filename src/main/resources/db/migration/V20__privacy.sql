-- Data rights (issue 17): the viewer's time zone, research consent as an appended history, each school's
-- retention policy (reflections, and Balint texts for the Balint groups to read), the date a programme ends,
-- the log of what the retention timer deleted, and the record of every erasure (who erased, when, counts; never
-- the erased person's name or address).
alter table account add column time_zone varchar(64);

create sequence research_consent_seq start with 50 increment by 50;
create table research_consent (
    id           bigint primary key,
    account_id   bigint not null references account (id),
    consented    boolean not null,
    decided_at   timestamp not null
);
create index research_consent_account on research_consent (account_id, decided_at);

alter table programme add column ends_on date;

create sequence retention_policy_seq start with 50 increment by 50;
create table retention_policy (
    id                bigint primary key,
    version           bigint not null,
    school_id         bigint not null references school (id),
    reflection_days   integer,
    balint_days       integer,
    modified_at       timestamp not null,
    constraint retention_policy_school unique (school_id)
);

create sequence retention_run_seq start with 50 increment by 50;
create table retention_run (
    id                    bigint primary key,
    school_id             bigint not null references school (id),
    ran_at                timestamp not null,
    reflections_deleted   integer not null,
    balint_deleted        integer not null,
    detail                varchar(2000) not null
);
create index retention_run_school on retention_run (school_id, ran_at);

create sequence erasure_record_seq start with 50 increment by 50;
create table erasure_record (
    id              bigint primary key,
    school_id       bigint not null references school (id),
    erased_by_id    bigint references account (id),
    pseudonym       varchar(100) not null,
    erased_role     varchar(20) not null,
    erased_at       timestamp not null,
    counts          varchar(2000) not null
);
create index erasure_record_school on erasure_record (school_id, erased_at);
