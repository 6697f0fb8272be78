-- Running totals of invoices per organisation, side, issue day and the values statistics group
-- by, so that a report of a month or a year adds up a few hundred rows instead of joining tens of
-- thousands of invoices to their lines (bench scenarios statisticsMonthNoCache and
-- statisticsYearNoCache: the plain SQL over the base tables was the slow part, see bench/RESULTS.md).
--
-- invoice_day_totals: one row per organisation, side, day, status, type, direction, source and
-- whether the invoice was issued to itself (the buyer side leaves those to the seller side when
-- both sides are asked for): the number of invoices and their amounts (voided ones included;
-- reports leave them out by status).
-- invoice_rate_day_totals: the same key and the lines' tax rate: the number of invoices with a
-- line at that rate and those lines' amounts; an invoice without lines counts with its own
-- amounts at rate -1 (reports show it as "no rate").
--
-- Kept exact by triggers in the writing transaction: every change adds what the changed invoices
-- contribute now and subtracts what they contributed before, as increments, never as a recount.
-- The increments wait in invoice_totals_pending (plain inserts: no lock on shared rows) and are
-- applied at commit by a deferred trigger, in one upsert per table (insert ... on conflict do
-- update) with the rows sorted by key. So the shared rows are the last locks a writer takes, all at
-- once and in the same order as every other writer: applied while statements ran, they deadlocked
-- an issue (prefix lock, then the day's row) against a red reversal (the day's row, then the prefix
-- lock) in the racing test. Rows that drop to zero stay (deleting them would race with a writer
-- adding to them).
-- Proven exact against a plain aggregation of the base tables under racing issues, voids, red
-- reversals and imports (InvoiceDayTotalsRaceTest).

create table invoice_day_totals (
    organisation_id bigint         not null,
    side            varchar(6)     not null,
    issue_date      date           not null,
    status          varchar(16)    not null,
    type_code       char(2)        not null,
    direction       varchar(4)     not null,
    source          varchar(12)    not null,
    to_self         boolean        not null,
    invoices        bigint         not null,
    amount          numeric(18, 2) not null,
    tax             numeric(18, 2) not null,
    primary key (organisation_id, side, issue_date, status, type_code, direction, source, to_self),
    constraint invoice_day_totals_side_check check (side in ('SELLER', 'BUYER'))
);

create table invoice_totals_pending (
    txid            xid8           not null default pg_current_xact_id(),
    organisation_id bigint         not null,
    side            varchar(6)     not null,
    issue_date      date           not null,
    status          varchar(16)    not null,
    type_code       char(2)        not null,
    direction       varchar(4)     not null,
    source          varchar(12)    not null,
    to_self         boolean        not null,
    tax_rate        numeric(5, 4),  -- null: for invoice_day_totals
    invoices        bigint         not null,
    amount          numeric(18, 2) not null,
    tax             numeric(18, 2) not null
);
create index invoice_totals_pending_txid_idx on invoice_totals_pending (txid);

create table invoice_rate_day_totals (
    organisation_id bigint         not null,
    side            varchar(6)     not null,
    issue_date      date           not null,
    status          varchar(16)    not null,
    type_code       char(2)        not null,
    direction       varchar(4)     not null,
    source          varchar(12)    not null,
    to_self         boolean        not null,
    tax_rate        numeric(5, 4)  not null,
    invoices        bigint         not null,
    amount          numeric(18, 2) not null,
    tax             numeric(18, 2) not null,
    primary key (organisation_id, side, issue_date, status, type_code, direction, source, to_self, tax_rate),
    constraint invoice_rate_day_totals_side_check check (side in ('SELLER', 'BUYER'))
);

-- The statements that add signed contributions to the two tables, as text for the triggers to
-- EXECUTE themselves (a trigger's transition tables are visible to its own statements only, not to
-- a function it calls). `headers`: a query of (sign, id, seller_org_id, buyer_org_id, issue_date,
-- status, type_code, direction, source, amount, tax) giving invoice states to add (+1) or take
-- away (-1); `lines`: a query of (sign, invoice_id, tax_rate, amount, tax), the lines of those
-- states, that may read `h` (the headers).
create function invoice_day_totals_sql(headers text) returns text language sql immutable as $f$
    select format($q$
        with h as (%s)
        insert into invoice_totals_pending (organisation_id, side, issue_date, status, type_code, direction, source, to_self,
                                            invoices, amount, tax)
        select s.org, s.side, s.issue_date, s.status, s.type_code, s.direction, s.source, s.to_self,
               sum(s.sign), sum(s.sign * s.amount), sum(s.sign * s.tax)
        from (select h.*, h.seller_org_id as org, 'SELLER' as side, h.seller_org_id is not distinct from h.buyer_org_id as to_self
              from h where h.seller_org_id is not null
              union all
              select h.*, h.buyer_org_id, 'BUYER', h.seller_org_id is not distinct from h.buyer_org_id
              from h where h.buyer_org_id is not null) s
        group by 1, 2, 3, 4, 5, 6, 7, 8
        having sum(s.sign) <> 0 or sum(s.sign * s.amount) <> 0 or sum(s.sign * s.tax) <> 0
        $q$, headers)
$f$;

create function invoice_rate_day_totals_sql(headers text, lines text) returns text language sql immutable as $f$
    select format($q$
        with h as (%s),
             per_rate as (
                 select l.sign, l.invoice_id, l.tax_rate, sum(l.amount) as amount, sum(l.tax) as tax
                 from (%s) l group by l.sign, l.invoice_id, l.tax_rate)
        insert into invoice_totals_pending (organisation_id, side, issue_date, status, type_code, direction, source, to_self, tax_rate,
                                            invoices, amount, tax)
        select s.org, s.side, s.issue_date, s.status, s.type_code, s.direction, s.source, s.to_self, coalesce(r.tax_rate, -1),
               sum(s.sign), sum(s.sign * coalesce(r.amount, s.amount)), sum(s.sign * coalesce(r.tax, s.tax))
        from (select h.*, h.seller_org_id as org, 'SELLER' as side, h.seller_org_id is not distinct from h.buyer_org_id as to_self
              from h where h.seller_org_id is not null
              union all
              select h.*, h.buyer_org_id, 'BUYER', h.seller_org_id is not distinct from h.buyer_org_id
              from h where h.buyer_org_id is not null) s
        left join per_rate r on r.invoice_id = s.id and r.sign = s.sign
        group by 1, 2, 3, 4, 5, 6, 7, 8, 9
        having sum(s.sign) <> 0 or sum(s.sign * coalesce(r.amount, s.amount)) <> 0 or sum(s.sign * coalesce(r.tax, s.tax)) <> 0
        $q$, headers, lines)
$f$;

-- At commit: the transaction's increments, day table first, each sorted by key, then gone.
create function invoice_totals_apply_pending() returns trigger language plpgsql as $$
begin
    -- Fired once per pending row; the first firing applies them all.
    if not exists (select 1 from invoice_totals_pending where txid = pg_current_xact_id()) then
        return null;
    end if;
    insert into invoice_day_totals as t (organisation_id, side, issue_date, status, type_code, direction, source, to_self,
                                         invoices, amount, tax)
    select organisation_id, side, issue_date, status, type_code, direction, source, to_self, sum(invoices), sum(amount), sum(tax)
    from invoice_totals_pending
    where txid = pg_current_xact_id() and tax_rate is null
    group by 1, 2, 3, 4, 5, 6, 7, 8
    having sum(invoices) <> 0 or sum(amount) <> 0 or sum(tax) <> 0
    order by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (organisation_id, side, issue_date, status, type_code, direction, source, to_self) do update
        set invoices = t.invoices + excluded.invoices, amount = t.amount + excluded.amount, tax = t.tax + excluded.tax;
    insert into invoice_rate_day_totals as t (organisation_id, side, issue_date, status, type_code, direction, source, to_self, tax_rate,
                                              invoices, amount, tax)
    select organisation_id, side, issue_date, status, type_code, direction, source, to_self, tax_rate, sum(invoices), sum(amount), sum(tax)
    from invoice_totals_pending
    where txid = pg_current_xact_id() and tax_rate is not null
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9
    having sum(invoices) <> 0 or sum(amount) <> 0 or sum(tax) <> 0
    order by 1, 2, 3, 4, 5, 6, 7, 8, 9
    on conflict (organisation_id, side, issue_date, status, type_code, direction, source, to_self, tax_rate) do update
        set invoices = t.invoices + excluded.invoices, amount = t.amount + excluded.amount, tax = t.tax + excluded.tax;
    delete from invoice_totals_pending where txid = pg_current_xact_id();
    return null;
end
$$;

create constraint trigger invoice_totals_pending_apply after insert on invoice_totals_pending
    deferrable initially deferred for each row execute function invoice_totals_apply_pending();

-- An invoice's lines as they are now, for each state of it in `h`.
create function invoice_current_lines_sql() returns text language sql immutable as $f$
    select 'select h.sign, x.invoice_id, x.tax_rate, x.amount, x.tax from h join invoice_line x on x.invoice_id = h.id'
$f$;

-- Inserted and updated invoices. An inserted invoice counts without lines: its lines, even those
-- inserted by the same statement (issuing writes both in one), are the line trigger's to add.
create function invoice_totals_on_invoice() returns trigger language plpgsql as $$
declare
    cols constant text := 'id, seller_org_id, buyer_org_id, issue_date, status, type_code, direction, source, amount, tax';
    headers text;
begin
    if tg_op = 'INSERT' then
        headers := format('select 1 as sign, %s from new_rows', cols);
        execute invoice_day_totals_sql(headers);
        execute invoice_rate_day_totals_sql(headers,
            'select 0 as sign, 0::bigint as invoice_id, 0::numeric as tax_rate, 0::numeric as amount, 0::numeric as tax where false');
    else
        headers := format('select 1 as sign, %s from new_rows union all select -1, %s from old_rows', cols, cols);
        execute invoice_day_totals_sql(headers);
        execute invoice_rate_day_totals_sql(headers, invoice_current_lines_sql());
    end if;
    return null;
end
$$;

-- A deleted invoice's contribution goes before the row does: its lines are still there then (they
-- go by cascade afterwards, and the line trigger then finds no invoice and adds nothing).
create function invoice_totals_on_invoice_delete() returns trigger language plpgsql as $$
declare
    headers constant text := format(
        'select -1 as sign, %s::bigint as id, %L::bigint as seller_org_id, %L::bigint as buyer_org_id, %L::date as issue_date, '
            || '%L::varchar as status, %L::char(2) as type_code, %L::varchar as direction, %L::varchar as source, '
            || '%L::numeric as amount, %L::numeric as tax',
        old.id, old.seller_org_id, old.buyer_org_id, old.issue_date, old.status, old.type_code, old.direction, old.source,
        old.amount, old.tax);
begin
    execute invoice_day_totals_sql(headers);
    execute invoice_rate_day_totals_sql(headers, invoice_current_lines_sql());
    return old;
end
$$;

-- Lines change what an invoice contributes by rate only: take away the invoice as it was (its
-- lines now, less those this statement added or changed, plus those it removed or changed from)
-- and add it as it is. Updates that touch no rate, amount or tax cancel out and write nothing.
create function invoice_totals_on_line() returns trigger language plpgsql as $$
declare
    headers constant text := $h$
        select s.sign, i.id, i.seller_org_id, i.buyer_org_id, i.issue_date, i.status, i.type_code, i.direction, i.source, i.amount, i.tax
        from invoice i cross join (values (1), (-1)) s(sign)
        where i.id in (select invoice_id from %s)$h$;
    now_lines constant text := 'select x.id, x.invoice_id, x.tax_rate, x.amount, x.tax from invoice_line x where x.invoice_id in (select id from h)';
    lines text;
begin
    lines := format('select 1 as sign, n.invoice_id, n.tax_rate, n.amount, n.tax from (%s) n ', now_lines);
    if tg_op = 'INSERT' then
        execute invoice_rate_day_totals_sql(format(headers, 'new_rows'), lines || format(
            'union all select -1, n.invoice_id, n.tax_rate, n.amount, n.tax from (%s) n where n.id not in (select id from new_rows)', now_lines));
    elsif tg_op = 'UPDATE' then
        execute invoice_rate_day_totals_sql(format(headers, '(select invoice_id from new_rows union select invoice_id from old_rows) a'), lines || format(
            'union all select -1, n.invoice_id, n.tax_rate, n.amount, n.tax from (%s) n where n.id not in (select id from new_rows) '
                || 'union all select -1, o.invoice_id, o.tax_rate, o.amount, o.tax from old_rows o', now_lines));
    else
        execute invoice_rate_day_totals_sql(format(headers, 'old_rows'), lines || format(
            'union all select -1, n.invoice_id, n.tax_rate, n.amount, n.tax from (%s) n '
                || 'union all select -1, o.invoice_id, o.tax_rate, o.amount, o.tax from old_rows o', now_lines));
    end if;
    return null;
end
$$;

create trigger invoice_totals_insert after insert on invoice
    referencing new table as new_rows for each statement execute function invoice_totals_on_invoice();
create trigger invoice_totals_update after update on invoice
    referencing old table as old_rows new table as new_rows for each statement execute function invoice_totals_on_invoice();
create trigger invoice_totals_delete before delete on invoice
    for each row execute function invoice_totals_on_invoice_delete();
create trigger invoice_line_totals_insert after insert on invoice_line
    referencing new table as new_rows for each statement execute function invoice_totals_on_line();
create trigger invoice_line_totals_update after update on invoice_line
    referencing old table as old_rows new table as new_rows for each statement execute function invoice_totals_on_line();
create trigger invoice_line_totals_delete after delete on invoice_line
    referencing old table as old_rows for each statement execute function invoice_totals_on_line();

-- Both tables recomputed from the invoices and their lines: what the migration starts from, and what
-- a bulk load that bypassed the triggers (session_replication_role = replica, bench/sql/load.sql)
-- calls afterwards.
create function invoice_totals_rebuild() returns void language plpgsql as $$
begin
    truncate invoice_day_totals, invoice_rate_day_totals;
    insert into invoice_day_totals (organisation_id, side, issue_date, status, type_code, direction, source, to_self, invoices, amount, tax)
    select s.org, s.side, i.issue_date, i.status, i.type_code, i.direction, i.source, i.seller_org_id is not distinct from i.buyer_org_id,
           count(*), sum(i.amount), sum(i.tax)
    from invoice i
    cross join lateral (values (i.seller_org_id, 'SELLER'), (i.buyer_org_id, 'BUYER')) s(org, side)
    where s.org is not null
    group by 1, 2, 3, 4, 5, 6, 7, 8;
    insert into invoice_rate_day_totals (organisation_id, side, issue_date, status, type_code, direction, source, to_self, tax_rate,
                                         invoices, amount, tax)
    select s.org, s.side, i.issue_date, i.status, i.type_code, i.direction, i.source, i.seller_org_id is not distinct from i.buyer_org_id,
           coalesce(r.tax_rate, -1), count(*), sum(coalesce(r.amount, i.amount)), sum(coalesce(r.tax, i.tax))
    from invoice i
    left join (select invoice_id, tax_rate, sum(amount) as amount, sum(tax) as tax from invoice_line group by invoice_id, tax_rate) r
        on r.invoice_id = i.id
    cross join lateral (values (i.seller_org_id, 'SELLER'), (i.buyer_org_id, 'BUYER')) s(org, side)
    where s.org is not null
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9;
end
$$;

-- Emptied invoices or lines (no row trigger fires for a truncate): recompute what is left.
create function invoice_totals_on_truncate() returns trigger language plpgsql as $$
begin
    perform invoice_totals_rebuild();
    return null;
end
$$;
create trigger invoice_totals_truncate after truncate on invoice for each statement execute function invoice_totals_on_truncate();
create trigger invoice_line_totals_truncate after truncate on invoice_line for each statement execute function invoice_totals_on_truncate();

-- What is there already, in the migration's transaction (writes to invoice wait meanwhile, as for V40;
-- 89 s for the bench's 1,000,000 invoices on its loaded 2-core machine).
select invoice_totals_rebuild();
