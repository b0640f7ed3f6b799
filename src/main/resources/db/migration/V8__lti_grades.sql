-- LTI Assignment and Grade Services: where a student's result for a module goes (the line item their launch
-- named), and the queue of results to post, retried until the platform accepts them.
create sequence lti_grade_link_seq start with 50 increment by 50;
create table lti_grade_link (
    id            bigint primary key,
    account_id    bigint not null references account (id),
    slug          varchar(100) not null,
    platform_id   bigint not null references lti_platform (id),
    lineitem_url  varchar(1000) not null,
    created_at    timestamp not null,
    constraint lti_grade_link_unique unique (account_id, slug, platform_id)
);

create sequence grade_post_seq start with 50 increment by 50;
create table grade_post (
    id                 bigint primary key,
    version            bigint not null,
    link_id            bigint not null references lti_grade_link (id),
    score_given        double precision,
    score_maximum      double precision,
    activity_progress  varchar(20) not null,
    grading_progress   varchar(20) not null,
    status             varchar(20) not null,
    attempts           integer not null,
    last_error         varchar(1000),
    created_at         timestamp not null,
    next_attempt_at    timestamp not null,
    sent_at            timestamp
);
create index grade_post_due on grade_post (status, next_attempt_at);
create index grade_post_link on grade_post (link_id);
