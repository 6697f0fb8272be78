-- The feedback desk's data set for the ticketList and submitFeedback scenarios: :tickets tickets
-- over :months months up to now, from the :orgs organisations (a third anonymous), replacing the
-- tickets the database held. The newest :open tickets are open (the agents' queue: new,
-- acknowledged, in progress, waiting on the submitter); the older ones are resolved or closed, as a
-- desk's history is. So the queue an agent pages through is as long at 10,000 tickets as at 100,000:
-- what grows is the table around it, and "flat" means the same answer costs the same.
-- The desk: organisation 91110000802100433B (FAPIAO_SUPPORT_DESK_ORGANISATION in run.sh) with
-- :agents SUPPORT_AGENT users bench-agent-1.., password hash :pwhash.
\set ON_ERROR_STOP on
set synchronous_commit = off;
set work_mem = '256MB';
select setseed(0.17);
create schema if not exists bench;

-- The tracking number's check character (cn.fapiao.domain.TrackingNumber: pure system mod 29, radix 2).
create or replace function bench.fb_check(payload text) returns text language plpgsql immutable as $$
declare s int := 0; c text; v int;
begin
    foreach c in array regexp_split_to_array(payload, '') loop
        v := case when c ~ '[0-9]' then ascii(c) - 48 else ascii(c) - 55 end;
        s := ((s + v) * 2) % 29;
    end loop;
    return substr('0123456789ACDEFGHJKLMNPRTUVWX', (29 - s) % 29 + 1, 1);
end $$;
do $$ begin
    if bench.fb_check('FB26113000042') is null then raise exception 'bench.fb_check is wrong'; end if;
end $$;

insert into organisation (uscc, name, region_code) values ('91110000802100433B', '发票服务台 (bench desk)', '1100')
on conflict (uscc) do nothing;
insert into app_user (organisation_id, username, display_name, password_hash, roles)
select o.id, 'bench-agent-' || g, 'bench agent ' || g, :'pwhash', array['SUPPORT_AGENT']::varchar(16)[]
from organisation o, generate_series(1, :agents) g where o.uscc = '91110000802100433B'
on conflict (username) do nothing;

truncate support_ticket, support_ticket_message, support_ticket_history, support_ticket_attachment, kb_suggestion, support_ticket_day
    restart identity cascade;

create temporary table gen as
select g, now() - ((:tickets - g) * (:months * 30.4 * 86400 / :tickets)) * interval '1 second' as at,
       g > :tickets - :open as open, random() as r1, random() as r2, random() as r3
from generate_series(1, :tickets) g;

insert into support_ticket (tracking_number, organisation_id, submitted_by, access_key_hash, category, subject, description,
                            level, proposed_level, status, assignee_id, team, submitted_at, first_response_due, resolution_due,
                            first_responded_at, resolved_at, closed_at, breached_at, rating, rated_at)
select 'FB-' || d || '-' || lpad(s::text, 5, '0') || '-' || bench.fb_check('FB' || d || lpad(s::text, 5, '0')),
       case when r1 < 0.33 then null else 1 + (g * 7919) % :orgs end,
       null,
       case when r1 < 0.33 then sha256(g::text::bytea) end,
       (array['TECHNICAL_PROBLEM', 'MISSING_INVOICE', 'VERIFICATION_PROBLEM', 'POLICY_QUESTION', 'COMPLAINT', 'SUGGESTION', 'OTHER'])[1 + (g % 7)],
       '发票查验失败 ' || g, '查验时提示不一致，请帮忙核实。 ticket ' || g,
       lv, lv,
       case when open then (array['NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_ON_SUBMITTER'])[1 + (g % 4)]
            when still_resolved then 'RESOLVED' else 'CLOSED' end,
       case when open and g % 4 = 0 then null else (select min(id) from app_user where username like 'bench-agent-%') + (g % :agents) end,
       case when lv = 'COMPLEX' then 'specialists' end,
       at, at + case when lv = 'URGENT' then interval '15 minutes' else interval '24 hours' end,
       case when lv = 'COMPLEX' then at + interval '7 days' end,
       case when not open or g % 4 <> 0 then at + interval '2 hours' end,
       case when not open then at + interval '2 days' end,
       case when not open and not still_resolved then at + interval '9 days' end,
       case when r3 < 0.05 then at + interval '1 day' end,
       case when not open and r3 < 0.5 then 1 + (g % 5) end,
       case when not open and r3 < 0.5 then at + interval '3 days' end
from (select g, at, open, r1, r2, r3,
             to_char(at at time zone 'Asia/Shanghai', 'YYMMDD') as d,
             row_number() over (partition by (at at time zone 'Asia/Shanghai')::date order by g) as s,
             case when r3 < 0.05 then 'URGENT' when r3 < 0.2 then 'COMPLEX' else 'NORMAL' end as lv,
             -- A tenth of the history would still be RESOLVED, but the desk closes a ticket by itself 7 days
             -- after its resolution (resolved 2 days after submission): older ones are CLOSED, or the SLA
             -- watch would spend the whole run closing them, at 100,000 tickets ten times longer than at 10,000.
             not open and r2 < 0.1 and at + interval '9 days' > now() as still_resolved
      from gen) t
order by g;

-- The day counters continue where the data set ends, so submitFeedback never collides.
insert into support_ticket_day (day, last)
select to_date(substr(tracking_number, 4, 6), 'YYMMDD'), max(substr(tracking_number, 11, 5)::bigint)
from support_ticket group by 1;

vacuum analyze support_ticket;
vacuum analyze support_ticket_day;
vacuum analyze app_user;
vacuum analyze organisation;
