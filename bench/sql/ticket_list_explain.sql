-- The agents' queue as cn.fapiao.ticket.reading.TicketList runs it for the ticketList scenario
-- (a desk agent, filter status in the four open states, first page of 50: limit 51), as a prepared
-- statement so that the plan is the one the server's prepared query gets.
prepare ticket_queue(varchar[], int) as
select t.id, t.tracking_number, t.status, t.category, t.level, t.subject, t.submitted_at, t.first_response_due,
       t.resolution_due, t.first_responded_at, t.breached_at is not null as breached, u.username, t.team, t.rating
from support_ticket t left join app_user u on u.id = t.assignee_id
where t.status = any($1)
order by t.submitted_at desc, t.id desc limit $2;
explain (analyze, buffers, costs off) execute ticket_queue('{NEW,ACKNOWLEDGED,IN_PROGRESS,WAITING_ON_SUBMITTER}', 51);
-- The generic plan (what a prepared statement settles on after five executions).
set plan_cache_mode = force_generic_plan;
explain (analyze, buffers, costs off) execute ticket_queue('{NEW,ACKNOWLEDGED,IN_PROGRESS,WAITING_ON_SUBMITTER}', 51);
