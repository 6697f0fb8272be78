-- The feedback desk (issue #17): tickets with tracking numbers, SLA clocks, messages, history,
-- attachments, and a knowledge base that answers before a ticket is asked for.

-- Tracking numbers count per day of submission (Asia/Shanghai): one row per day, bumped by an upsert.
create table support_ticket_day (
    day  date   primary key,
    last bigint not null
);

create table support_ticket (
    id                  bigint generated always as identity primary key,
    tracking_number     varchar(32)  not null unique,
    -- null: submitted anonymously, followed with the access key only
    organisation_id     bigint references organisation (id),
    submitted_by        bigint references app_user (id),
    -- SHA-256 of the anonymous submitter's access key (the key itself is shown once, never stored)
    access_key_hash     bytea,
    category            varchar(32)  not null,
    subject             varchar(200) not null,
    description         text         not null,
    -- FieldCipher text (associated data 'support_ticket.contact')
    contact             varchar(2000),
    invoice_reference   varchar(64),
    diagnosis_findings  varchar(40)[] not null default '{}',
    level               varchar(16)  not null,
    proposed_level      varchar(16)  not null,
    status              varchar(24)  not null,
    assignee_id         bigint references app_user (id),
    team                varchar(64),
    submitted_at        timestamptz  not null,
    first_response_due  timestamptz  not null,
    resolution_due      timestamptz,
    first_responded_at  timestamptz,
    resolved_at         timestamptz,
    closed_at           timestamptz,
    waiting_since       timestamptz,
    paused_seconds      bigint       not null default 0,
    breached_at         timestamptz,
    escalated_at        timestamptz,
    merged_into_id      bigint references support_ticket (id),
    rating              smallint check (rating between 1 and 5),
    rating_comment      varchar(2000),
    rated_at            timestamptz,
    needs_lead_review   boolean      not null default false,
    suggestion_id       uuid,
    version             int          not null default 0
);
-- The agents' list: newest first, keyset on (submitted_at, id), filtered by status or level.
create index support_ticket_list_idx on support_ticket (submitted_at desc, id desc);
create index support_ticket_status_idx on support_ticket (status, submitted_at desc, id desc);
create index support_ticket_org_idx on support_ticket (organisation_id, submitted_at desc, id desc);
create index support_ticket_assignee_idx on support_ticket (assignee_id, submitted_at desc, id desc);
-- The SLA job looks only at open tickets not yet escalated.
create index support_ticket_watch_idx on support_ticket (first_response_due)
    where escalated_at is null and status in ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS');
create index support_ticket_resolved_idx on support_ticket (resolved_at) where status = 'RESOLVED';

create table support_ticket_message (
    id             bigint generated always as identity primary key,
    ticket_id      bigint       not null references support_ticket (id),
    author_kind    varchar(16)  not null, -- SUBMITTER, AGENT, SYSTEM
    author_user_id bigint references app_user (id),
    internal       boolean      not null,
    body           text         not null,
    created_at     timestamptz  not null
);
create index support_ticket_message_ticket_idx on support_ticket_message (ticket_id, id);

create table support_ticket_history (
    id            bigint generated always as identity primary key,
    ticket_id     bigint       not null references support_ticket (id),
    at            timestamptz  not null,
    actor_kind    varchar(16)  not null, -- SUBMITTER, AGENT, SYSTEM
    actor_user_id bigint references app_user (id),
    change        varchar(32)  not null,
    from_value    varchar(64),
    to_value      varchar(64),
    reason        varchar(1000)
);
create index support_ticket_history_ticket_idx on support_ticket_history (ticket_id, id);

create table support_ticket_attachment (
    id          bigint generated always as identity primary key,
    ticket_id   bigint       not null references support_ticket (id),
    file_name   varchar(200) not null,
    media_type  varchar(32)  not null,
    size_bytes  int          not null,
    sha256      bytea        not null,
    content     bytea        not null,
    created_at  timestamptz  not null
);
create index support_ticket_attachment_ticket_idx on support_ticket_attachment (ticket_id, id);

-- Working days: weekends are off unless a row makes them working days (调休); holidays are rows
-- with working = false. Public holidays of mainland China, as announced by the State Council.
create table support_calendar_day (
    day     date primary key,
    working boolean not null,
    name    varchar(100) not null
);
insert into support_calendar_day (day, working, name)
select d::date, false, n from (values
    ('2025-01-01', '2025-01-01', '元旦'),
    ('2025-01-28', '2025-02-04', '春节'),
    ('2025-04-04', '2025-04-06', '清明节'),
    ('2025-05-01', '2025-05-05', '劳动节'),
    ('2025-05-31', '2025-06-02', '端午节'),
    ('2025-10-01', '2025-10-08', '国庆节、中秋节')) as h(f, t, n),
    generate_series(f::date, t::date, interval '1 day') as d;
insert into support_calendar_day (day, working, name) values
    ('2025-01-26', true, '春节调休'), ('2025-02-08', true, '春节调休'),
    ('2025-04-27', true, '劳动节调休'),
    ('2025-09-28', true, '国庆节调休'), ('2025-10-11', true, '国庆节调休');

create table kb_article (
    id          bigint generated always as identity primary key,
    category    varchar(32)   not null,
    question_zh varchar(500)  not null,
    answer_zh   text          not null,
    question_en varchar(500)  not null,
    answer_en   text          not null,
    active      boolean       not null default true,
    -- What the search matches (cn.fapiao.domain.SearchTokens): Chinese has no spaces to split
    -- words on, so Chinese text is indexed as overlapping character pairs (bigrams), other text as
    -- lower-case words. Independent of the database's locale and of any extension (pg_trgm
    -- ignores CJK characters under the C locale).
    search_tokens text[] not null,
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now(),
    version     int           not null default 0
);
create index kb_article_search_idx on kb_article using gin (search_tokens);

-- What suggestArticles showed, and whether a ticket followed (deflection in the statistics).
create table kb_suggestion (
    id          uuid primary key,
    article_ids bigint[]     not null,
    category    varchar(32),
    shown_at    timestamptz  not null,
    ticket_id   bigint references support_ticket (id)
);
create index kb_suggestion_shown_idx on kb_suggestion (shown_at);
