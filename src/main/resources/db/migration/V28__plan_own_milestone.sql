-- A cohort's plan may place a milestone of its own (not in the curriculum): its title is kept on the step, its id
-- (milestone) is unique within the plan and never one of the curriculum's.
alter table plan_step add column milestone_title varchar(200);
