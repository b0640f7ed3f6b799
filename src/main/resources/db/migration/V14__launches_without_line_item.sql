-- A student's launch of a module that carried no line item is remembered too (with no address), so tutors and
-- administrators can be told why no grade goes back instead of nothing being posted in silence.
alter table lti_grade_link alter column lineitem_url drop not null;
