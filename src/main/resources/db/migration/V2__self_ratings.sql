-- Instruments are versioned like modules: module_version now holds both, told apart by kind.
alter table module_version add column kind varchar(20) default 'module' not null;
alter table module_version drop constraint module_version_hash_unique;
alter table module_version drop constraint module_version_number_unique;
alter table module_version add constraint content_version_hash_unique unique (kind, slug, content_hash);
alter table module_version add constraint content_version_number_unique unique (kind, slug, version_number);

-- One student's rating of one instrument at one milestone of a curriculum, now or looking back ("then").
create sequence self_rating_seq start with 50 increment by 50;
create table self_rating (
    id                 bigint primary key,
    version            bigint not null,
    student_id         bigint not null references account (id),
    module_version_id  bigint not null references module_version (id),
    slug               varchar(100) not null,
    curriculum         varchar(100) not null,
    milestone          varchar(100) not null,
    perspective        varchar(10) not null,
    status             varchar(20) not null,
    created_at         timestamp not null,
    modified_at        timestamp not null,
    submitted_at       timestamp,
    constraint self_rating_unique unique (student_id, curriculum, milestone, slug, perspective)
);

create table self_rating_answer (
    self_rating_id  bigint not null references self_rating (id),
    item_id         varchar(100) not null,
    answer          integer not null,
    primary key (self_rating_id, item_id)
);
