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

-- A state of an invoice to add (+1) or take away (-1), and a line of such a state.
create type invoice_totals_state as (sign int, id bigint, seller_org_id bigint, buyer_org_id bigint, issue_date date,
    status varchar(16), type_code char(2), direction varchar(4), source varchar(12), amount numeric, tax numeric);
create type invoice_totals_line as (sign int, invoice_id bigint, tax_rate numeric, amount numeric, tax numeric);

-- Stages what the given invoice states contribute (with `lines` as their lines; an invoice state
-- without any counts at rate -1 with its own amounts), to the day table too when `day`. Static
-- statements: planned once per session, not on every call.
create function invoice_totals_stage(states invoice_totals_state[], lines invoice_totals_line[], day boolean)
    returns void language plpgsql as $$
begin
    if day then
        insert into invoice_totals_pending (organisation_id, side, issue_date, status, type_code, direction, source, to_self,
                                            invoices, amount, tax)
        select s.org, s.side, s.issue_date, s.status, s.type_code, s.direction, s.source, s.to_self,
               sum(s.sign), sum(s.sign * s.amount), sum(s.sign * s.tax)
        from (select h.*, h.seller_org_id as org, 'SELLER' as side, h.seller_org_id is not distinct from h.buyer_org_id as to_self
              from unnest(states) h where h.seller_org_id is not null
              union all
              select h.*, h.buyer_org_id, 'BUYER', h.seller_org_id is not distinct from h.buyer_org_id
              from unnest(states) h where h.buyer_org_id is not null) s
        group by 1, 2, 3, 4, 5, 6, 7, 8
        having sum(s.sign) <> 0 or sum(s.sign * s.amount) <> 0 or sum(s.sign * s.tax) <> 0;
    end if;
    insert into invoice_totals_pending (organisation_id, side, issue_date, status, type_code, direction, source, to_self, tax_rate,
                                        invoices, amount, tax)
    select s.org, s.side, s.issue_date, s.status, s.type_code, s.direction, s.source, s.to_self, coalesce(r.tax_rate, -1),
           sum(s.sign), sum(s.sign * coalesce(r.amount, s.amount)), sum(s.sign * coalesce(r.tax, s.tax))
    from (select h.*, h.seller_org_id as org, 'SELLER' as side, h.seller_org_id is not distinct from h.buyer_org_id as to_self
          from unnest(states) h where h.seller_org_id is not null
          union all
          select h.*, h.buyer_org_id, 'BUYER', h.seller_org_id is not distinct from h.buyer_org_id
          from unnest(states) h where h.buyer_org_id is not null) s
    left join (select l.sign, l.invoice_id, l.tax_rate, sum(l.amount) as amount, sum(l.tax) as tax
               from unnest(lines) l group by l.sign, l.invoice_id, l.tax_rate) r on r.invoice_id = s.id and r.sign = s.sign
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9
    having sum(s.sign) <> 0 or sum(s.sign * coalesce(r.amount, s.amount)) <> 0 or sum(s.sign * coalesce(r.tax, s.tax)) <> 0;
end
$$;

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

-- Inserted invoices count without lines: their lines, even those inserted by the same statement
-- (issuing writes both in one), are the line trigger's to add.
create function invoice_totals_on_invoice_insert() returns trigger language plpgsql as $$
begin
    perform invoice_totals_stage(
        (select array_agg(row(1, n.id, n.seller_org_id, n.buyer_org_id, n.issue_date, n.status, n.type_code, n.direction, n.source,
                              n.amount, n.tax)::invoice_totals_state) from new_rows n),
        null, true);
    return null;
end
$$;

-- Updated invoices: only those whose counted values changed (most updates, as of what remains to
-- reverse, change none), taken away as they were and added as they are, with their lines.
create function invoice_totals_on_invoice_update() returns trigger language plpgsql as $$
declare
    states invoice_totals_state[];
begin
    select array_agg(x) into states from (
        select row(1, n.id, n.seller_org_id, n.buyer_org_id, n.issue_date, n.status, n.type_code, n.direction, n.source,
                   n.amount, n.tax)::invoice_totals_state as x
        from new_rows n join old_rows o on o.id = n.id
        where (n.seller_org_id, n.buyer_org_id, n.issue_date, n.status, n.type_code, n.direction, n.source, n.amount, n.tax)
              is distinct from (o.seller_org_id, o.buyer_org_id, o.issue_date, o.status, o.type_code, o.direction, o.source, o.amount, o.tax)
        union all
        select row(-1, o.id, o.seller_org_id, o.buyer_org_id, o.issue_date, o.status, o.type_code, o.direction, o.source,
                   o.amount, o.tax)::invoice_totals_state
        from new_rows n join old_rows o on o.id = n.id
        where (n.seller_org_id, n.buyer_org_id, n.issue_date, n.status, n.type_code, n.direction, n.source, n.amount, n.tax)
              is distinct from (o.seller_org_id, o.buyer_org_id, o.issue_date, o.status, o.type_code, o.direction, o.source, o.amount, o.tax)) c;
    if states is null then
        return null;
    end if;
    perform invoice_totals_stage(states,
        (select array_agg(row(h.sign, x.invoice_id, x.tax_rate, x.amount, x.tax)::invoice_totals_line)
         from unnest(states) h join invoice_line x on x.invoice_id = h.id),
        true);
    return null;
end
$$;

-- A deleted invoice's contribution goes before the row does: its lines are still there then (they
-- go by cascade afterwards, and the line trigger then finds no invoice and adds nothing).
create function invoice_totals_on_invoice_delete() returns trigger language plpgsql as $$
begin
    perform invoice_totals_stage(
        array[row(-1, old.id, old.seller_org_id, old.buyer_org_id, old.issue_date, old.status, old.type_code, old.direction, old.source,
                  old.amount, old.tax)::invoice_totals_state],
        (select array_agg(row(-1, x.invoice_id, x.tax_rate, x.amount, x.tax)::invoice_totals_line) from invoice_line x where x.invoice_id = old.id),
        true);
    return old;
end
$$;

-- Lines change what an invoice contributes by rate only: take away the invoice as it was (its
-- lines now, less those this statement added or changed, plus those it removed or changed from)
-- and add it as it is, whatever the invoice's state (the same in both).
create function invoice_totals_states_of(ids bigint[]) returns invoice_totals_state[] language sql stable as $$
    select array_agg(row(s.sign, i.id, i.seller_org_id, i.buyer_org_id, i.issue_date, i.status, i.type_code, i.direction, i.source,
                         i.amount, i.tax)::invoice_totals_state)
    from invoice i cross join (values (1), (-1)) s(sign)
    where i.id = any(ids)
$$;

create function invoice_totals_on_line_insert() returns trigger language plpgsql as $$
declare
    ids bigint[] := (select array_agg(distinct invoice_id) from new_rows);
begin
    perform invoice_totals_stage(invoice_totals_states_of(ids),
        (select array_agg(row(1, x.invoice_id, x.tax_rate, x.amount, x.tax)::invoice_totals_line) from invoice_line x where x.invoice_id = any(ids))
        || (select array_agg(row(-1, x.invoice_id, x.tax_rate, x.amount, x.tax)::invoice_totals_line) from invoice_line x
            where x.invoice_id = any(ids) and x.id not in (select id from new_rows)),
        false);
    return null;
end
$$;

-- Updates that change no rate, amount or tax (what remains to reverse) write nothing.
create function invoice_totals_on_line_update() returns trigger language plpgsql as $$
declare
    ids bigint[];
begin
    select array_agg(distinct c.invoice_id) into ids from (
        select n.invoice_id from new_rows n join old_rows o on o.id = n.id
        where (n.invoice_id, n.tax_rate, n.amount, n.tax) is distinct from (o.invoice_id, o.tax_rate, o.amount, o.tax)
        union all
        select o.invoice_id from new_rows n join old_rows o on o.id = n.id
        where (n.invoice_id, n.tax_rate, n.amount, n.tax) is distinct from (o.invoice_id, o.tax_rate, o.amount, o.tax)) c;
    if ids is null then
        return null;
    end if;
    perform invoice_totals_stage(invoice_totals_states_of(ids),
        (select array_agg(row(1, x.invoice_id, x.tax_rate, x.amount, x.tax)::invoice_totals_line) from invoice_line x where x.invoice_id = any(ids))
        || (select array_agg(row(-1, x.invoice_id, x.tax_rate, x.amount, x.tax)::invoice_totals_line) from invoice_line x
            where x.invoice_id = any(ids) and x.id not in (select id from new_rows))
        || (select array_agg(row(-1, o.invoice_id, o.tax_rate, o.amount, o.tax)::invoice_totals_line) from old_rows o where o.invoice_id = any(ids)),
        false);
    return null;
end
$$;

create function invoice_totals_on_line_delete() returns trigger language plpgsql as $$
declare
    ids bigint[] := (select array_agg(distinct invoice_id) from old_rows);
begin
    perform invoice_totals_stage(invoice_totals_states_of(ids),
        (select array_agg(row(1, x.invoice_id, x.tax_rate, x.amount, x.tax)::invoice_totals_line) from invoice_line x where x.invoice_id = any(ids))
        || (select array_agg(row(-1, x.invoice_id, x.tax_rate, x.amount, x.tax)::invoice_totals_line) from invoice_line x where x.invoice_id = any(ids))
        || (select array_agg(row(-1, o.invoice_id, o.tax_rate, o.amount, o.tax)::invoice_totals_line) from old_rows o),
        false);
    return null;
end
$$;

create trigger invoice_totals_insert after insert on invoice
    referencing new table as new_rows for each statement execute function invoice_totals_on_invoice_insert();
create trigger invoice_totals_update after update on invoice
    referencing old table as old_rows new table as new_rows for each statement execute function invoice_totals_on_invoice_update();
create trigger invoice_totals_delete before delete on invoice
    for each row execute function invoice_totals_on_invoice_delete();
create trigger invoice_line_totals_insert after insert on invoice_line
    referencing new table as new_rows for each statement execute function invoice_totals_on_line_insert();
create trigger invoice_line_totals_update after update on invoice_line
    referencing old table as old_rows new table as new_rows for each statement execute function invoice_totals_on_line_update();
create trigger invoice_line_totals_delete after delete on invoice_line
    referencing old table as old_rows for each statement execute function invoice_totals_on_line_delete();

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
