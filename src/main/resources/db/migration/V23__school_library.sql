-- The authoring studio: each school's own library beside the shared one (the content/ folders).
-- A version belongs to the shared library (school_id null, library 'shared') or to one school's
-- (library 'school-<id>'); version numbers and hashes are unique within a library.
alter table module_version add column school_id bigint references school (id);
alter table module_version add column library varchar(40) default 'shared' not null;
alter table module_version add column published_by bigint references account (id);
alter table module_version add column origin varchar(300);
alter table module_version drop constraint content_version_hash_unique;
alter table module_version drop constraint content_version_number_unique;
alter table module_version add constraint content_version_hash_unique unique (kind, library, slug, content_hash);
alter table module_version add constraint content_version_number_unique unique (kind, library, slug, version_number);
create index module_version_school on module_version (school_id, kind, is_current);

-- The author right: granted by a school's administrator to its tutors.
alter table account add column author boolean default false not null;

-- A module being written: one draft per school and slug, the file's text as the author last saved it. The
-- revision counts saves, so that two authors (or two tabs) never overwrite each other silently.
create sequence module_draft_seq start with 50 increment by 50;
create table module_draft (
    id              bigint primary key,
    revision        bigint not null,
    school_id       bigint not null references school (id),
    slug            varchar(100) not null,
    source          varchar(1000000) not null,
    origin          varchar(300),
    created_by      bigint references account (id),
    created_at      timestamp not null,
    updated_by      bigint references account (id),
    updated_at      timestamp not null,
    constraint module_draft_slug_unique unique (school_id, slug)
);

-- What authors did in the studio, appended, never changed: publish, unpublish, import, adapt, delete draft.
create sequence studio_event_seq start with 50 increment by 50;
create table studio_event (
    id              bigint primary key,
    school_id       bigint not null references school (id),
    actor_id        bigint references account (id),
    action          varchar(20) not null,
    slug            varchar(100) not null,
    version_number  integer,
    detail          varchar(500),
    happened_at     timestamp not null
);
create index studio_event_school on studio_event (school_id, happened_at);
