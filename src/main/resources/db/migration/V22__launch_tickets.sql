-- One-time tickets carrying a validated LTI launch into a sign-in: in the database, so that the server that spends
-- a ticket need not be the one that issued it (two servers behind a balancer). Only a hash of the ticket is kept.
create table lti_launch_ticket (
    ticket_hash  varchar(64) primary key,
    account_id   bigint not null,
    role         varchar(20) not null,
    school_id    bigint,
    target       varchar(2000),
    expires_at   timestamp not null
);
create index lti_launch_ticket_expires on lti_launch_ticket (expires_at);
