-- A school's OpenID Connect provider (one per school), and the identities it vouches for: (provider, subject)
-- names one account of that school. The client secret is sealed with the installation's key (OIDC_SECRET_KEY).
create sequence oidc_provider_seq start with 50 increment by 50;
create table oidc_provider (
    id                    bigint primary key,
    version               bigint not null,
    school_id             bigint not null references school (id),
    display_name          varchar(200) not null,
    issuer                varchar(500) not null,
    client_id             varchar(255) not null,
    client_secret         varchar(4000) not null,
    email_claim           varchar(100) not null,
    roles_claim           varchar(100),
    create_accounts       boolean not null,
    new_role              varchar(20) not null,
    password_sign_in_off  boolean not null,
    created_at            timestamp not null,
    modified_at           timestamp not null,
    constraint oidc_provider_school_unique unique (school_id)
);

create sequence external_identity_seq start with 50 increment by 50;
create table external_identity (
    id               bigint primary key,
    version          bigint not null,
    provider_id      bigint not null references oidc_provider (id),
    subject          varchar(255) not null,
    account_id       bigint not null references account (id) on delete cascade,
    created_at       timestamp not null,
    last_sign_in_at  timestamp not null,
    constraint external_identity_subject_unique unique (provider_id, subject),
    constraint external_identity_account_unique unique (provider_id, account_id)
);
create index external_identity_account on external_identity (account_id);
