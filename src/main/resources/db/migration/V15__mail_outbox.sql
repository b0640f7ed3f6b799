-- Mail waits in the database until the SMTP server has taken it: a full thread pool, an SMTP server that is down
-- or a restart lose nothing. Sent and failed messages are kept with the server's last answer.
create sequence mail_message_seq start with 50 increment by 50;
create table mail_message (
    id               bigint primary key,
    version          bigint not null,
    recipient        varchar(320) not null,
    subject          varchar(500) not null,
    body             varchar(20000) not null,
    status           varchar(20) not null,
    attempts         integer not null,
    last_error       varchar(2000),
    created_at       timestamp not null,
    next_attempt_at  timestamp not null,
    sent_at          timestamp
);
create index mail_message_due on mail_message (status, next_attempt_at);
