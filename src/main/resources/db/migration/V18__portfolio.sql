-- Portfolio PDFs a trainee issued: what each contained (titles and version numbers, never the reflections' text),
-- the SHA-256 of the PDF's bytes, and whether its verification code was revoked. The public verify page reads
-- only this.
create sequence portfolio_document_seq start with 50 increment by 50;
create table portfolio_document (
    id           bigint primary key,
    version      bigint not null,
    code         varchar(20) not null,
    owner_id     bigint not null references account (id),
    holder_name  varchar(200) not null,
    school_name  varchar(200) not null,
    locale       varchar(35) not null,
    issued_at    timestamp not null,
    revoked_at   timestamp,
    pdf_sha256   varchar(64) not null,
    pages        integer not null
);
create unique index portfolio_document_code on portfolio_document (code);
create index portfolio_document_owner on portfolio_document (owner_id, issued_at);
create table portfolio_item (
    document_id     bigint not null references portfolio_document (id),
    item_order      integer not null,
    kind            varchar(20) not null,
    title           varchar(500),
    version_number  integer,
    primary key (document_id, item_order)
);
