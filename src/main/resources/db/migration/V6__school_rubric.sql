-- The rubric a school's tutors rate reflections with (a slug of content/rubrics); empty: the installation's.
alter table school add column rubric varchar(100);
