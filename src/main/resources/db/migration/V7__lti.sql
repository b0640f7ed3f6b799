-- LTI 1.3: platforms (a school's LMS) registered by its administrator, the tool's own signing keys, one-time
-- login states, and the links from LMS users and courses to our accounts and cohorts.
create sequence lti_platform_seq start with 50 increment by 50;
create table lti_platform (
    id              bigint primary key,
    version         bigint not null,
    school_id       bigint not null references school (id),
    name            varchar(200) not null,
    issuer          varchar(500) not null,
    client_id       varchar(500) not null,
    deployment_ids  varchar(2000) not null,
    auth_url        varchar(1000) not null,
    token_url       varchar(1000) not null,
    jwks_url        varchar(1000) not null,
    created_at      timestamp not null,
    constraint lti_platform_unique unique (issuer, client_id)
);

create sequence tool_key_seq start with 50 increment by 50;
create table tool_key (
    id           bigint primary key,
    kid          varchar(100) not null,
    private_jwk  varchar(10000) not null,
    created_at   timestamp not null,
    retired_at   timestamp,
    constraint tool_key_kid_unique unique (kid)
);

create table lti_login_state (
    state          varchar(100) primary key,
    nonce          varchar(100) not null,
    platform_id    bigint not null references lti_platform (id),
    created_at     timestamp not null,
    used_at        timestamp
);
create index lti_login_state_created on lti_login_state (created_at);

alter table account add column lti_issuer varchar(500);
alter table account add column lti_subject varchar(255);
alter table account add constraint account_lti_unique unique (lti_issuer, lti_subject);

alter table cohort add column lti_platform_id bigint references lti_platform (id);
alter table cohort add column lti_context_id varchar(255);
alter table cohort add constraint cohort_lti_unique unique (lti_platform_id, lti_context_id);
