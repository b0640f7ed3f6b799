-- xAPI: statements for the school's Learning Record Store, queued and retried; rejected ones are kept with the
-- LRS's answer.
create sequence xapi_statement_seq start with 50 increment by 50;
create table xapi_statement (
    id               bigint primary key,
    version          bigint not null,
    statement_json   varchar(20000) not null,
    verb             varchar(100) not null,
    status           varchar(20) not null,
    attempts         integer not null,
    last_error       varchar(2000),
    created_at       timestamp not null,
    next_attempt_at  timestamp not null,
    sent_at          timestamp
);
create index xapi_statement_due on xapi_statement (status, next_attempt_at);
