-- Tutor review: one review per submitted version, inline comments, rubric levels, the audit trail of reads by
-- anyone but the author, and in-app notifications.
alter table reflection add column submitted_at timestamp;
update reflection set submitted_at = modified_at where status = 'SUBMITTED';
create index reflection_queue on reflection (status, submitted_at);
create index reflection_submitted on reflection (submitted_at);
create index reflection_student on reflection (student_id);

create sequence review_seq start with 50 increment by 50;
create table review (
    id                     bigint primary key,
    version                bigint not null,
    reflection_version_id  bigint not null references reflection_version (id),
    rubric                 varchar(100) not null,
    tutor_id               bigint references account (id),
    overall_level          varchar(100),
    overall_comment        varchar(20000),
    decision               varchar(20),
    created_at             timestamp not null,
    decided_at             timestamp,
    constraint review_version_unique unique (reflection_version_id)
);

create table review_score (
    review_id     bigint not null references review (id),
    criterion_id  varchar(100) not null,
    level_id      varchar(100) not null,
    primary key (review_id, criterion_id)
);

create sequence review_comment_seq start with 50 increment by 50;
create table review_comment (
    id            bigint primary key,
    review_id     bigint not null references review (id),
    author_id     bigint not null references account (id),
    prompt_id     varchar(100) not null,
    start_offset  integer not null,
    end_offset    integer not null,
    quote         varchar(100000) not null,
    comment_text  varchar(5000) not null,
    created_at    timestamp not null
);
create index review_comment_review on review_comment (review_id);

create sequence reflection_read_seq start with 50 increment by 50;
create table reflection_read (
    id             bigint primary key,
    reflection_id  bigint not null references reflection (id),
    reader_id      bigint not null references account (id),
    purpose        varchar(40) not null,
    read_at        timestamp not null
);
create index reflection_read_reflection on reflection_read (reflection_id, read_at);
create index reflection_read_time on reflection_read (read_at);

create sequence notification_seq start with 50 increment by 50;
create table notification (
    id             bigint primary key,
    version        bigint not null,
    recipient_id   bigint not null references account (id),
    kind           varchar(40) not null,
    reflection_id  bigint references reflection (id),
    subject        varchar(500) not null,
    created_at     timestamp not null,
    read_at        timestamp
);
create index notification_recipient on notification (recipient_id, created_at);
