-- Balint groups: a leader and members of one school, sessions in five phases, posts and drafts, the audit of
-- hidden posts the leader opened again. A school may set its own confidentiality agreement and how long the
-- sessions' text is kept after a group ends (no value: kept).
alter table school add column balint_agreement varchar(20000);
alter table school add column balint_retention_months integer;

create sequence balint_group_seq start with 50 increment by 50;
create table balint_group (
    id              bigint primary key,
    version         bigint not null,
    school_id       bigint not null references school (id),
    name            varchar(200) not null,
    leader_id       bigint not null references account (id),
    cohort_id       bigint references cohort (id),
    agreement       varchar(20000),
    created_at      timestamp not null,
    ended_at        timestamp,
    text_purged_at  timestamp
);
create index balint_group_school on balint_group (school_id);
create index balint_group_leader on balint_group (leader_id);

create sequence balint_membership_seq start with 50 increment by 50;
create table balint_membership (
    id                       bigint primary key,
    version                  bigint not null,
    group_id                 bigint not null references balint_group (id),
    account_id               bigint not null references account (id),
    created_at               timestamp not null,
    accepted_at              timestamp,
    left_at                  timestamp,
    anonymous_after_leaving  boolean not null,
    constraint balint_membership_once unique (group_id, account_id)
);
create index balint_membership_account on balint_membership (account_id);

create sequence balint_session_seq start with 50 increment by 50;
create table balint_session (
    id               bigint primary key,
    version          bigint not null,
    group_id         bigint not null references balint_group (id),
    number           integer not null,
    opens_at         timestamp not null,
    closes_at        timestamp not null,
    phase            varchar(20) not null,
    phase_opened_at  timestamp not null,
    presenter_id     bigint references account (id),
    closed_at        timestamp,
    process_note     varchar(20000),
    constraint balint_session_number unique (group_id, number)
);

create sequence balint_post_seq start with 50 increment by 50;
create table balint_post (
    id             bigint primary key,
    version        bigint not null,
    session_id     bigint not null references balint_session (id),
    author_id      bigint not null references account (id),
    phase          varchar(20) not null,
    text           varchar(20000) not null,
    closing        boolean not null,
    created_at     timestamp not null,
    hidden_at      timestamp,
    hidden_reason  varchar(500)
);
create index balint_post_session on balint_post (session_id, created_at);

create sequence balint_draft_seq start with 50 increment by 50;
create table balint_draft (
    id          bigint primary key,
    version     bigint not null,
    session_id  bigint not null references balint_session (id),
    author_id   bigint not null references account (id),
    text        varchar(20000) not null,
    revision    bigint not null,
    saved_at    timestamp not null,
    constraint balint_draft_once unique (session_id, author_id)
);

create sequence balint_post_read_seq start with 50 increment by 50;
create table balint_post_read (
    id          bigint primary key,
    session_id  bigint not null references balint_session (id),
    post_id     bigint not null,
    reader_id   bigint not null references account (id),
    read_at     timestamp not null
);

-- "A new phase has opened" in a person's inbox points at the session.
alter table notification add column balint_session_id bigint references balint_session (id);
