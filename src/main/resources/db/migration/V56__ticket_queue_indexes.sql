-- The ticket list by status (TicketList: one ordered, limited scan per status, merged) also for a
-- submitter organisation's users and for an agent's own queue: without the status in these indexes
-- each per-status scan walked every ticket of that status until a page of the organisation's (or
-- the assignee's) was found. And the breach queue: breached tickets are few, newest first.
create index support_ticket_org_status_idx on support_ticket (organisation_id, status, submitted_at desc, id desc);
create index support_ticket_assignee_status_idx on support_ticket (assignee_id, status, submitted_at desc, id desc);
create index support_ticket_breached_idx on support_ticket (submitted_at desc, id desc) where breached_at is not null;
