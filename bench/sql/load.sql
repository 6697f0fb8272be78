-- Bulk-loads the benchmark data set into a database whose schema Flyway has already created.
-- psql variables: rows (invoices), orgs (organisations), months (issue dates spread over
-- this many months up to today), issuers (organisations that get an ISSUER user),
-- pwhash (bcrypt hash of the bench users' password), keyprint (fingerprint of the encryption key),
-- bigshare (the share of the invoices that organisation 1, the large taxpayer, issues: reports are
-- measured on it; 5% of the others it buys, and confirms the use of the special ones).
-- Everything is generated here with generate_series: nothing goes through the API. The one input
-- is psql's standard input: the parties' addresses and bank accounts, encrypted with the server's
-- key by bench/lib/SealPartyDetails.java (SQL cannot make AES-GCM cipher texts).
\set ON_ERROR_STOP on
\timing on
set synchronous_commit = off;
set maintenance_work_mem = '1GB';
set work_mem = '256MB';
select setseed(0.42);

create schema if not exists bench;

-- USCC check character, GB 32100-2015 (domain.md §3): weights 3^(i-1) mod 31.
create or replace function bench.uscc(body text) returns text language sql immutable as $$
    select body || substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
        ((31 - (sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(body, i, 1)) - 1)
                    * (power(3, i - 1)::bigint % 31)) % 31)) % 31)::int + 1, 1)
    from generate_series(1, 17) as i
$$;
do $$ begin
    if bench.uscc('91110000802100433') <> '91110000802100433B' or bench.uscc('91110108000000385') <> '911101080000003850' then
        raise exception 'bench.uscc is wrong';
    end if;
end $$;

-- Start from empty business tables (audit_log is append-only and not referenced: left alone).
truncate organisation, invoice_number_counter restart identity cascade;

-- Bulk mode: no FK triggers (the data is consistent by construction) and no secondary
-- indexes while inserting; they are rebuilt below from their saved definitions, so indexes
-- added by later migrations are kept too.
set session_replication_role = replica;
drop table if exists bench.saved_index;
create table bench.saved_index as
select i.indexname, i.indexdef
from pg_indexes i
where i.schemaname = 'public' and i.tablename in ('invoice', 'invoice_line', 'invoice_status_history')
  and not exists (select 1 from pg_constraint c where c.conname = i.indexname);
do $$ declare r record; begin
    for r in select indexname from bench.saved_index loop
        execute format('drop index public.%I', r.indexname);
    end loop;
end $$;

-- Organisations: 90% Beijing (region 1100), 10% Shanghai (3100).
insert into organisation (id, uscc, name, region_code, created_at)
select g,
       bench.uscc('91' || case when g % 10 = 0 then '310000' else '110000' end || lpad(g::text, 9, '0')),
       case when g % 10 = 0 then '上海' else '北京' end || '基准测试第' || g || '号有限公司',
       case when g % 10 = 0 then '3100' else '1100' end,
       now() - interval '4 years'
from generate_series(1, :orgs) g;

-- Buyers outside the system (no organisation row): 1000 valid Shenzhen USCCs.
drop table if exists bench.outside_buyer;
create table bench.outside_buyer as
select g - 1 as k, bench.uscc('91440300' || lpad((700000000 + g)::text, 9, '0')) as uscc, '深圳外部客户' || g || '号' as name
from generate_series(1, 1000) g;

-- Addresses and bank accounts per party, sealed for the seller and for the buyer columns (a cipher
-- text is bound to its column): org <id> for the organisations, outside <k> for the outside buyers.
drop table if exists bench.party_detail;
create table bench.party_detail (kind text, id int, seller_address_phone text, seller_bank_account text,
                                 buyer_address_phone text, buyer_bank_account text, primary key (kind, id));
\copy bench.party_detail from pstdin
do $$ begin
    if (select count(*) from bench.party_detail where kind = 'org') < (select count(*) from organisation)
       or (select count(*) from bench.party_detail where kind = 'outside') < 1000 then
        raise exception 'bench.party_detail is incomplete: pipe the output of bench/lib/SealPartyDetails.java into psql';
    end if;
end $$;

-- One row per invoice with its random choices.
drop table if exists bench.gen;
create unlogged table bench.gen as
select g,
       case when random() < :bigshare then 1 else 1 + floor(random() * :orgs)::bigint end as seller,
       case when random() < 0.05 then 1 when random() < 0.7 then 1 + floor(random() * :orgs)::bigint end as buyer,
       (current_date - floor(random() * (:months * 30.44))::int) as issue_date,
       1 + floor(random() * 3)::int as nlines,
       round((100 + random() * 49900)::numeric, 2) as line_amount,
       (array[0.13, 0.09, 0.06, 0.03, 0.01])[1 + floor(random() * 5)::int]::numeric(5, 4) as rate,
       random() as r
from generate_series(1, :rows) g;

-- Digital numbers: YY + province + channel 2 + 15-digit sequence, gap-free per prefix in date order.
insert into invoice (id, generation, invoice_code, invoice_number, type_code, issue_date,
                     seller_org_id, seller_tax_id, seller_name, seller_address_phone, seller_bank_account,
                     buyer_org_id, buyer_tax_id, buyer_name, buyer_address_phone, buyer_bank_account,
                     amount, tax, total, status, direction, remaining_amount, source, organisation_id,
                     remark, created_at, updated_at, buyer_confirmed_at)
select g.g, 'DIGITAL', null,
       to_char(g.issue_date, 'YY') || substr(s.region_code, 1, 2) || '2'
           || lpad((row_number() over (partition by to_char(g.issue_date, 'YY'), substr(s.region_code, 1, 2)
                                        order by g.issue_date, g.g))::text, 15, '0'),
       case when g.r < 0.5 then '81' else '82' end,
       g.issue_date, s.id, s.uscc, s.name, sd.seller_address_phone, sd.seller_bank_account,
       b.id, coalesce(b.uscc, o.uscc), coalesce(b.name, o.name),
       coalesce(bd.buyer_address_phone, od.buyer_address_phone), coalesce(bd.buyer_bank_account, od.buyer_bank_account),
       g.nlines * g.line_amount, g.nlines * round(g.line_amount * g.rate, 2),
       g.nlines * (g.line_amount + round(g.line_amount * g.rate, 2)),
       case when g.r < 0.93 then 'NORMAL' when g.r < 0.98 then 'VOIDED' when g.r < 0.99 then 'ABNORMAL' else 'LOST_CONTROL' end,
       'BLUE', g.nlines * g.line_amount, 'ISSUED', s.id,
       case when g.g % 7 = 0 then '合同号 HT-' || g.g end,
       g.issue_date::timestamp + interval '9 hours' + (g.r * interval '8 hours'),
       g.issue_date::timestamp + interval '9 hours' + (g.r * interval '8 hours'),
       -- The large taxpayer confirms the use of the special invoices it buys, within three weeks.
       case when g.buyer = 1 and g.r < 0.5 then g.issue_date::timestamp + interval '10 hours' + (g.r * interval '42 days') end
from bench.gen g
join organisation s on s.id = g.seller
join bench.party_detail sd on sd.kind = 'org' and sd.id = s.id
left join organisation b on b.id = g.buyer
left join bench.party_detail bd on bd.kind = 'org' and bd.id = b.id
join bench.outside_buyer o on o.k = g.g % 1000
join bench.party_detail od on od.kind = 'outside' and od.id = o.k;

insert into invoice_line (invoice_id, line_no, item_name, unit, quantity, unit_price, amount, tax_rate, tax, remaining_amount)
select g.g, n,
       (array['*信息技术服务*软件开发', '*现代服务*咨询服务', '*纸制品*打印纸', '*运输服务*货物运输'])[1 + (g.g + n) % 4],
       '项', 1, g.line_amount, g.line_amount, g.rate, round(g.line_amount * g.rate, 2), g.line_amount
from bench.gen g cross join lateral generate_series(1, g.nlines) as n;

insert into invoice_status_history (invoice_id, from_status, to_status, changed_at, changed_by, reason)
select i.id, null, 'NORMAL', i.created_at, 'bench-i-' || i.seller_org_id, 'issued' from invoice i;
insert into invoice_status_history (invoice_id, from_status, to_status, changed_at, changed_by, reason)
select i.id, 'NORMAL', i.status, i.created_at + interval '1 day', 'bench-i-' || i.seller_org_id, 'bench'
from invoice i where i.status <> 'NORMAL';

-- The counters continue where the data set ends, so issueInvoice never collides.
insert into invoice_number_counter (prefix, last_value)
select substr(invoice_number, 1, 5), max(substr(invoice_number, 6)::bigint)
from invoice where invoice_code is null group by 1;

-- Users: a reader (ACCOUNTANT) in every organisation, an ISSUER in the first :issuers Beijing ones.
insert into app_user (organisation_id, username, display_name, password_hash, roles)
select id, 'bench-r-' || id, 'bench reader ' || id, :'pwhash', array['ACCOUNTANT']::varchar(16)[] from organisation;
insert into app_user (organisation_id, username, display_name, password_hash, roles)
select id, 'bench-i-' || id, 'bench issuer ' || id, :'pwhash', array['ISSUER']::varchar(16)[]
from organisation where region_code = '1100' order by id limit :issuers;

set session_replication_role = origin;
-- The report totals (V57) follow invoices through triggers, which the bulk mode above bypassed.
do $$
begin
    if exists (select 1 from pg_proc where proname = 'invoice_totals_rebuild') then
        perform invoice_totals_rebuild();
    end if;
end
$$;
do $$ declare r record; begin
    for r in select indexdef from bench.saved_index loop
        execute r.indexdef;
    end loop;
end $$;

select setval(pg_get_serial_sequence('public.organisation', 'id'), (select max(id) from organisation));
select setval(pg_get_serial_sequence('public.invoice', 'id'), (select max(id) from invoice));
select setval(pg_get_serial_sequence('public.invoice_line', 'id'), (select max(id) from invoice_line));
select setval(pg_get_serial_sequence('public.invoice_status_history', 'id'), (select max(id) from invoice_status_history));

-- What is left to reverse includes the tax since migration V8 (a data set loaded by an older jar
-- gets it from that migration instead).
do $$
begin
    if exists (select 1 from information_schema.columns where table_name = 'invoice' and column_name = 'remaining_tax') then
        update invoice set remaining_tax = tax where remaining_amount > 0;
        update invoice_line set remaining_tax = tax where remaining_amount > 0;
    end if;
end
$$;

drop table bench.gen;
drop table if exists bench.meta;
create table bench.meta as
select :rows::bigint as rows, :orgs::int as orgs, :months::int as months, :'keyprint'::text as keyprint, :'bigshare'::text as bigshare,
       now() as loaded_at;
vacuum analyze organisation;
vacuum analyze invoice;
vacuum analyze invoice_line;
vacuum analyze invoice_status_history;
vacuum analyze app_user;
vacuum analyze invoice_number_counter;
