-- LTI Names and Role Provisioning Services: where a course's roster can be read.
alter table cohort add column lti_memberships_url varchar(1000);
