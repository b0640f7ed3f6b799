-- A school's programmes (for example "MBBS year 3") group its cohorts; invitations let enrolled people set a
-- password through a one-time, expiring link. Only a hash of the link's token is stored.
create sequence programme_seq start with 50 increment by 50;
create table programme (
    id          bigint primary key,
    version     bigint not null,
    school_id   bigint not null references school (id),
    name        varchar(200) not null,
    created_at  timestamp not null,
    constraint programme_name_unique unique (school_id, name)
);
alter table cohort add column programme_id bigint references programme (id);

create sequence invitation_seq start with 50 increment by 50;
create table invitation (
    id           bigint primary key,
    version      bigint not null,
    account_id   bigint not null references account (id),
    token_hash   varchar(64) not null,
    created_at   timestamp not null,
    expires_at   timestamp not null,
    used_at      timestamp,
    constraint invitation_token_unique unique (token_hash)
);
create index invitation_account on invitation (account_id);
