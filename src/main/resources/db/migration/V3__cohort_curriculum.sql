-- A cohort follows one curriculum (by slug); empty means the installation's default curriculum.
alter table cohort add column curriculum varchar(100);
