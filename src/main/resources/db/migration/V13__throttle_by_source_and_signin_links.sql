-- Failed sign-ins are counted per login name and source address, so that guessing from one place cannot lock the
-- rightful user out everywhere; a one-time link by mail lets them in even while their name is throttled.
alter table login_failure add column source varchar(64);
create index login_failure_name_source on login_failure (login_name, source, failed_at);
alter table invitation add column purpose varchar(20) default 'PASSWORD' not null;
