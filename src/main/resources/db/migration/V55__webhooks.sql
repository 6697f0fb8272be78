-- Partner webhooks (issue: live updates): endpoints an organisation's admin registers, the
-- deliveries the outbox makes for them, and the log of every attempt to send one.

create table webhook_endpoint (
    id              bigint generated always as identity primary key,
    organisation_id bigint        not null references organisation (id),
    url             varchar(2000) not null,
    description     varchar(200),
    -- Outbox kinds it receives ('invoice.status', later 'ticket.updated').
    event_kinds     varchar(32)[] not null,
    -- The signing secret, AES-GCM sealed (FieldCipher, associated data 'webhook_endpoint.secret').
    secret          varchar(300)  not null,
    active          boolean       not null default true,
    created_at      timestamptz   not null default now(),
    created_by      varchar(100)  not null,
    version         integer       not null default 0
);
create index webhook_endpoint_organisation_idx on webhook_endpoint (organisation_id);

-- One row per (endpoint, event): created with the event's position, in the transaction that
-- assigns it, so a replica that dies after the commit loses nothing and two replicas never make
-- one twice (the unique key; positions are given once). The event's payload is copied, so that
-- pruning the outbox never empties a delivery still being retried.
create table webhook_delivery (
    id               bigint generated always as identity primary key,
    endpoint_id      bigint       not null references webhook_endpoint (id) on delete cascade,
    organisation_id  bigint       not null,
    event_id         bigint       not null,
    position         bigint       not null,
    kind             varchar(32)  not null,
    subject_id       bigint       not null,
    data             jsonb        not null,
    event_created_at timestamptz  not null,
    -- PENDING until sent with a 2xx answer (DELIVERED) or given up (FAILED).
    status           varchar(16)  not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null default now(),
    -- Who holds the delivery while sending it: a worker's claim lasts until next_attempt_at (its
    -- lease); a result reported with another claim (the lease ran out meanwhile) changes nothing.
    claim            uuid,
    last_status_code integer,
    last_error       varchar(300),
    created_at       timestamptz  not null default now(),
    delivered_at     timestamptz,
    unique (endpoint_id, event_id)
);
-- What the workers look for: due deliveries, and an earlier delivery of the same subject still waiting.
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_subject_idx on webhook_delivery (endpoint_id, subject_id, position) where status = 'PENDING';
-- The delivery log, newest first, per organisation (and per endpoint).
create index webhook_delivery_log_idx on webhook_delivery (organisation_id, id desc);
create index webhook_delivery_endpoint_log_idx on webhook_delivery (endpoint_id, id desc);

create table webhook_attempt (
    id          bigint generated always as identity primary key,
    delivery_id bigint       not null references webhook_delivery (id) on delete cascade,
    started_at  timestamptz  not null,
    duration_ms integer      not null,
    status_code integer,
    error       varchar(300),
    replay      boolean      not null default false
);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, id desc);

-- When assign_event_positions() (V22) gives committed events their positions, the same statement
-- makes their deliveries: for each active endpoint of an organisation the event names that
-- subscribed to its kind, from the endpoint's registration on. (A trigger with transition tables may not name columns, so it compares
-- the old and new rows instead: only a position given now counts.)
create function webhook_deliveries_of_positioned_events() returns trigger language plpgsql as $$
begin
    insert into webhook_delivery (endpoint_id, organisation_id, event_id, position, kind, subject_id, data, event_created_at)
    select w.id, w.organisation_id, n.id, n.position, n.kind, n.subject_id, n.data, n.created_at
    from positioned n
    join unpositioned o on o.id = n.id and o.position is null
    join webhook_endpoint w on w.active and w.organisation_id = any (n.organisation_ids) and n.kind = any (w.event_kinds)
    -- Events of transactions begun before the endpoint existed are not its own, even if positioned later.
                            and n.created_at >= w.created_at
    where n.position is not null
    order by n.position, w.id
    on conflict (endpoint_id, event_id) do nothing;
    return null;
end $$;
create trigger webhook_deliveries_of_positioned_events after update on event_outbox
    referencing old table as unpositioned new table as positioned
    for each statement execute function webhook_deliveries_of_positioned_events();
