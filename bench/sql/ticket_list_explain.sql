-- The agents' queue as cn.fapiao.ticket.reading.TicketList runs it for the ticketList scenario
-- (a desk agent, filter status in the four open states, first page of 50: limit 51): one limited
-- scan of support_ticket_status_idx per status, merged. As prepared statements, custom and generic
-- plan. Then, for comparison, the plain "status = any(...)" form it replaced, on the same data.
prepare ticket_queue(varchar[], int) as
select t.id, t.tracking_number, t.status, t.category, t.level, t.subject, t.submitted_at, t.first_response_due,
       t.resolution_due, t.first_responded_at, t.breached_at is not null as breached,
       (select u.username from app_user u where u.id = t.assignee_id) as username, t.team, t.rating
from unnest($1::varchar[]) as s(status) cross join lateral (
    select t.* from support_ticket t where t.status = s.status order by t.submitted_at desc, t.id desc limit $2) t
order by t.submitted_at desc, t.id desc limit $2;
prepare ticket_queue_any(varchar[], int) as
select t.id, t.tracking_number, t.status, t.category, t.level, t.subject, t.submitted_at, t.first_response_due,
       t.resolution_due, t.first_responded_at, t.breached_at is not null as breached,
       (select u.username from app_user u where u.id = t.assignee_id) as username, t.team, t.rating
from support_ticket t where t.status = any($1) order by t.submitted_at desc, t.id desc limit $2;
\echo server statement, custom plan
explain (analyze, buffers, costs off) execute ticket_queue('{NEW,ACKNOWLEDGED,IN_PROGRESS,WAITING_ON_SUBMITTER}', 51);
set plan_cache_mode = force_generic_plan;
\echo server statement, generic plan
explain (analyze, buffers, costs off) execute ticket_queue('{NEW,ACKNOWLEDGED,IN_PROGRESS,WAITING_ON_SUBMITTER}', 51);
\echo status = any, generic plan (the form replaced)
explain (analyze, buffers, costs off) execute ticket_queue_any('{NEW,ACKNOWLEDGED,IN_PROGRESS,WAITING_ON_SUBMITTER}', 51);
