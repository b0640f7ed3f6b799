-- The language a person chose (or their learning platform sent), as a BCP 47 tag such as pt-BR; null: the
-- browser's.
alter table account add column locale varchar(35);
