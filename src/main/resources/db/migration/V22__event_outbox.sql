-- Events that reach subscribers, webhooks and the caches of every replica (issue: live updates).
--
-- A change writes its event row in its own transaction (for invoices: a trigger on the status
-- history, so every path that changes a status, including another replica or plain SQL, writes
-- one). The row's insert notifies `fapiao_events` with 'outbox:'; PostgreSQL delivers a NOTIFY
-- only at commit, so a rolled-back change never announces anything.
--
-- Identity ids are handed out in insert order, not commit order, so a reader that resumes "after
-- id N" could miss a row with a smaller id that committed later. Each event therefore also gets a
-- `position`, assigned after commit by assign_event_positions(): one transaction at a time (an
-- advisory transaction lock), so positions grow in commit order and a reader that has seen
-- position N has seen every committed event below it. Clients see the position as the event id.
create sequence event_position_seq;

create table event_outbox (
    id               bigint generated always as identity primary key,
    position         bigint unique,
    kind             varchar(32) not null,
    subject_id       bigint      not null,
    organisation_ids bigint[]    not null,
    data             jsonb       not null,
    created_at       timestamptz not null default clock_timestamp(),
    positioned_at    timestamptz
);
create index event_outbox_unpositioned_idx on event_outbox (id) where position is null;
create index event_outbox_created_idx on event_outbox (created_at);

-- Old events are pruned (EventPruning); a client that asks to resume from an event older than
-- this mark is told that the window has passed instead of silently missing events.
create table event_retention (
    singleton       boolean primary key default true check (singleton),
    pruned_through  bigint not null
);
insert into event_retention (pruned_through) values (0);

create function event_outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('fapiao_events', 'outbox:');
    return null;
end $$;
create trigger event_outbox_notify after insert on event_outbox
    for each statement execute function event_outbox_notify();

-- Every status change of an invoice (its first status included) is an event for the seller and
-- the buyer organisation, whichever of them use this system (once, when an organisation invoices itself).
create function invoice_status_event() returns trigger language plpgsql as $$
begin
    insert into event_outbox (kind, subject_id, organisation_ids, data)
    select 'invoice.status', h.invoice_id,
           array(select distinct o from unnest(array[i.seller_org_id, i.buyer_org_id]) o where o is not null),
           jsonb_build_object('from', h.from_status, 'to', h.to_status, 'at', h.changed_at,
                              'by', h.changed_by, 'code', i.invoice_code, 'number', i.invoice_number)
    from inserted h join invoice i on i.id = h.invoice_id
    order by h.id;
    return null;
end $$;
create trigger invoice_status_event after insert on invoice_status_history
    referencing new table as inserted
    for each statement execute function invoice_status_event();

-- Gives committed events their positions in commit order and returns the highest one given (0 when
-- none was waiting). Blocks while another replica is assigning, so a row committed meanwhile is
-- seen by the next call instead of being skipped.
create function assign_event_positions() returns bigint language plpgsql as $$
declare
    highest bigint;
begin
    perform pg_advisory_xact_lock(7302);
    with pending as (
        select id, nextval('event_position_seq') as position
        from (select id from event_outbox where position is null order by id) ordered
    ), assigned as (
        update event_outbox e set position = pending.position, positioned_at = now()
        from pending where e.id = pending.id
        returning e.position
    )
    select coalesce(max(position), 0) into highest from assigned;
    if highest > 0 then
        perform pg_notify('fapiao_events', 'events:' || highest);
    end if;
    return highest;
end $$;

-- Any other change of an invoice (what is left to reverse, a confirmed use, a synchronised
-- field) is an 'invoice.changed' event: no subscriber is told, but every replica's caches drop
-- their copy, through the same path and with the same guarantees as status changes.
create function invoice_changed_event() returns trigger language plpgsql as $$
begin
    insert into event_outbox (kind, subject_id, organisation_ids, data)
    select 'invoice.changed', n.id,
           array(select distinct o from unnest(array[n.seller_org_id, n.buyer_org_id]) o where o is not null),
           jsonb_build_object('code', n.invoice_code, 'number', n.invoice_number)
    from changed_rows n join previous_rows o on o.id = n.id
    where n.status is not distinct from o.status and n is distinct from o
    order by n.id;
    return null;
end $$;
create trigger invoice_changed_event after update on invoice
    referencing old table as previous_rows new table as changed_rows
    for each statement execute function invoice_changed_event();
