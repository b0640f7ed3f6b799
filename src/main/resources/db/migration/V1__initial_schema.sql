-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.
-- Sequences step by 50 to match the JPA allocation size.

create sequence school_seq start with 50 increment by 50;
create table school (
    id          bigint primary key,
    version     bigint not null,
    name        varchar(200) not null,
    created_at  timestamp not null
);

create sequence account_seq start with 50 increment by 50;
create table account (
    id            bigint primary key,
    version       bigint not null,
    email         varchar(254) not null,
    display_name  varchar(200) not null,
    password_hash varchar(500),
    role          varchar(20) not null,
    school_id     bigint references school (id),
    enabled       boolean not null,
    created_at    timestamp not null,
    modified_at   timestamp not null,
    constraint account_email_unique unique (email)
);

create sequence cohort_seq start with 50 increment by 50;
create table cohort (
    id          bigint primary key,
    version     bigint not null,
    school_id   bigint not null references school (id),
    name        varchar(200) not null,
    created_at  timestamp not null
);

create table cohort_member (
    cohort_id   bigint not null references cohort (id),
    account_id  bigint not null references account (id),
    primary key (cohort_id, account_id)
);
create index cohort_member_account on cohort_member (account_id);

create sequence login_failure_seq start with 50 increment by 50;
create table login_failure (
    id          bigint primary key,
    login_name  varchar(254) not null,
    failed_at   timestamp not null
);
create index login_failure_name_time on login_failure (login_name, failed_at);

create sequence module_version_seq start with 50 increment by 50;
create table module_version (
    id              bigint primary key,
    slug            varchar(100) not null,
    version_number  integer not null,
    content_hash    varchar(64) not null,
    title           varchar(200) not null,
    source_file     varchar(500) not null,
    source          varchar(1000000) not null,
    is_current      boolean not null,
    imported_at     timestamp not null,
    constraint module_version_hash_unique unique (slug, content_hash),
    constraint module_version_number_unique unique (slug, version_number)
);

create sequence module_progress_seq start with 50 increment by 50;
create table module_progress (
    id                 bigint primary key,
    version            bigint not null,
    student_id         bigint not null references account (id),
    module_version_id  bigint not null references module_version (id),
    slug               varchar(100) not null,
    stages_revealed    integer not null,
    started_at         timestamp not null,
    modified_at        timestamp not null,
    constraint module_progress_unique unique (student_id, slug)
);

create sequence recognition_answer_seq start with 50 increment by 50;
create table recognition_answer (
    id            bigint primary key,
    progress_id   bigint not null references module_progress (id),
    stage_index   integer not null,
    option_index  integer not null,
    answered_at   timestamp not null
);
create index recognition_answer_progress on recognition_answer (progress_id);

create sequence reflection_seq start with 50 increment by 50;
create table reflection (
    id                 bigint primary key,
    version            bigint not null,
    student_id         bigint not null references account (id),
    module_version_id  bigint not null references module_version (id),
    slug               varchar(100) not null,
    status             varchar(20) not null,
    created_at         timestamp not null,
    modified_at        timestamp not null,
    constraint reflection_unique unique (student_id, slug)
);

create sequence draft_answer_seq start with 50 increment by 50;
create table draft_answer (
    id             bigint primary key,
    version        bigint not null,
    revision       bigint not null,
    reflection_id  bigint not null references reflection (id),
    prompt_id      varchar(100) not null,
    answer_text    varchar(100000) not null,
    saved_at       timestamp not null,
    constraint draft_answer_unique unique (reflection_id, prompt_id)
);

create sequence reflection_version_seq start with 50 increment by 50;
create table reflection_version (
    id             bigint primary key,
    reflection_id  bigint not null references reflection (id),
    number         integer not null,
    submitted_at   timestamp not null,
    constraint reflection_version_unique unique (reflection_id, number)
);

create table submitted_answer (
    reflection_version_id  bigint not null references reflection_version (id),
    prompt_id              varchar(100) not null,
    answer_text            varchar(100000) not null,
    primary key (reflection_version_id, prompt_id)
);
