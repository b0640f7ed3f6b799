-- The studio writes instruments as well as modules: drafts and the trail name what they are of. A school may have
-- a module and an instrument of the same slug; each kind's slugs are unique within the school.
alter table module_draft add column kind varchar(20) default 'module' not null;
alter table module_draft drop constraint module_draft_slug_unique;
alter table module_draft add constraint module_draft_slug_unique unique (school_id, kind, slug);
alter table studio_event add column kind varchar(20) default 'module' not null;
drop index studio_event_school;
create index studio_event_school on studio_event (school_id, kind, slug, happened_at);
