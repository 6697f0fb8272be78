-- The invoice core: what is left to reverse includes the tax, idempotency keys remember what they
-- were used for, imported records belong to their importer, and numbering skips stored numbers.

-- Red-letter reversal gives back tax as well as amount: a full reversal must give back exactly the
-- original tax, also after partial pieces whose taxes were each rounded. What is left of both is
-- kept per invoice and per line, and can never go below zero.
alter table invoice add column remaining_tax numeric(14, 2) not null default 0;
alter table invoice_line add column remaining_tax numeric(14, 2) not null default 0;
update invoice_line l set remaining_tax = case
        when l.remaining_amount <= 0 then 0
        when l.remaining_amount = l.amount then l.tax
        else greatest(0, least(l.tax, l.tax + coalesce((select sum(r.tax) from invoice_line r where r.original_line_id = l.id), 0)))
    end
where l.tax > 0;
update invoice i set remaining_tax = case
        when i.remaining_amount <= 0 or i.direction = 'RED' then 0
        when i.remaining_amount = i.amount then i.tax
        else greatest(0, least(i.tax, i.tax + coalesce((select sum(r.tax) from invoice r where r.original_invoice_id = i.id), 0)))
    end
where i.tax > 0;
alter table invoice add constraint invoice_remaining_not_negative check (remaining_amount >= 0 and remaining_tax >= 0);
alter table invoice_line add constraint invoice_line_remaining_not_negative check (remaining_amount >= 0 and remaining_tax >= 0);

-- An idempotency key answers with its first result only for the same request: the hash of the
-- operation and its content is kept with the invoice the key produced.
alter table invoice add column request_hash char(64);

-- An imported record is the importer's record of an invoice, not the other party's: two
-- organisations may each hold their record of one invoice, so identity is unique per organisation
-- that holds the record. Numbers this system issues stay unique across all organisations.
drop index invoice_digital_number_uq;
drop index invoice_legacy_identity_uq;
create unique index invoice_digital_number_uq on invoice (organisation_id, invoice_number) where invoice_code is null;
create unique index invoice_legacy_identity_uq on invoice (organisation_id, invoice_code, invoice_number) where invoice_code is not null;
create unique index invoice_issued_number_uq on invoice (invoice_number) where invoice_code is null and source = 'ISSUED';
-- Lookups by identity across organisations (lookups, verification, imports).
create index invoice_digital_number_idx on invoice (invoice_number) where invoice_code is null;
create index invoice_legacy_identity_idx on invoice (invoice_code, invoice_number) where invoice_code is not null;

-- The next number of a prefix (YY + province + channel), gap-free and never one already stored:
-- an import may hold a number of this system's range (it takes the same queue lock, see
-- InvoiceNumbering), and issuing steps over it instead of failing on it for ever.
-- Writers of one prefix first queue on a transaction-level advisory lock (key space 7301), then
-- take the counter row; both end with the transaction, so a rollback gives the number back.
create function next_invoice_sequence(p_prefix text) returns bigint
language plpgsql as $$
declare
    next_value bigint;
    skipped    boolean := false;
begin
    perform pg_advisory_xact_lock(7301, hashtext(p_prefix));
    insert into invoice_number_counter as c (prefix, last_value) values (p_prefix, 1)
    on conflict (prefix) do update set last_value = c.last_value + 1
    returning last_value into next_value;
    while exists (select 1 from invoice
                  where invoice_code is null and invoice_number = p_prefix || lpad(next_value::text, 15, '0')) loop
        next_value := next_value + 1;
        skipped := true;
    end loop;
    if skipped then
        update invoice_number_counter set last_value = next_value where prefix = p_prefix;
    end if;
    return next_value;
end
$$;
