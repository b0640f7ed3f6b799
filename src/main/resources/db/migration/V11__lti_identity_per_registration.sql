-- An LTI identity belongs to one platform registration (issuer + client id, and through it one school), never to
-- an issuer alone: another school registering the same issuer gets accounts of its own.
alter table account add column lti_platform_id bigint references lti_platform (id);
update account set lti_platform_id = (select min(p.id) from lti_platform p
    where p.issuer = account.lti_issuer and p.school_id = account.school_id)
    where lti_issuer is not null;
alter table account drop constraint account_lti_unique;
alter table account add constraint account_lti_unique unique (lti_platform_id, lti_subject);
