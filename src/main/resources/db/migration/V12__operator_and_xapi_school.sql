-- xAPI statements belong to the school of the person they are about, so a school's administrator sees only
-- that school's deliveries; the installation's operator sees all. Older rows stay installation-level (null).
alter table xapi_statement add column school_id bigint references school (id);
create index xapi_statement_school on xapi_statement (school_id);
