-- Demo data for dev mode only (quarkus.flyway.locations includes db/demo under %dev).
-- Idempotent: re-running it inserts nothing twice.

insert into organisation (uscc, name, region_code) values
    ('91110000802100433B', '北京华信示例科技有限公司', '1100'),
    ('91110000101623741K', '北京京东方示例贸易有限公司', '1100'),
    ('911101066976941872', '北京丰台示例餐饮管理有限公司', '1100'),
    ('91110108000000027Y', '北京海淀示例软件有限公司', '1100'),
    ('911101080000003850', '北京中关村示例咨询有限公司', '1100'),
    ('91350100M000100Y43', '福州闽江示例物流有限公司', '3500'),
    ('91440300708461136T', '深圳南山示例电子有限公司', '4403')
on conflict (uscc) do nothing;

-- 360 invoices over the last twelve months between the demo organisations: digital invoices
-- issued in Beijing and legacy (code + number) ones imported from other systems.
with orgs as (
    select id, uscc, name, region_code, row_number() over (order by id) - 1 as idx from organisation
    where uscc in ('91110000802100433B', '91110000101623741K', '911101066976941872', '91110108000000027Y',
                   '911101080000003850', '91350100M000100Y43', '91440300708461136T')
), series as (
    select g as n,
           (current_date - ((g * 7919) % 365))::date as issue_date,
           (array[0.13, 0.09, 0.06, 0.03, 0.01])[1 + g % 5]::numeric(5, 4) as rate,
           round((100 + (g * 7331) % 250000) / 1.0, 2)::numeric(14, 2) as amount
    from generate_series(1, 360) g
), rows as (
    select s.*, seller.id as seller_id, seller.uscc as seller_uscc, seller.name as seller_name,
           seller.region_code as seller_region,
           buyer.id as buyer_id, buyer.uscc as buyer_uscc, buyer.name as buyer_name,
           round(s.amount * s.rate, 2) as tax,
           case when s.n % 4 = 0 then 'LEGACY' else 'DIGITAL' end as generation,
           case when s.n % 50 = 0 then 'ABNORMAL' when s.n % 37 = 0 then 'LOST_CONTROL'
                when s.n % 29 = 0 and s.n % 4 = 0 then 'VOIDED' else 'NORMAL' end as status
    from series s
    join orgs seller on seller.idx = s.n % 7
    join orgs buyer on buyer.idx = (s.n + 1 + s.n % 3) % 7
)
-- Imported (legacy) invoices are the seller's records only: imports write the importer's books.
insert into invoice (organisation_id, generation, invoice_code, invoice_number, type_code, issue_date,
                     seller_org_id, seller_tax_id, seller_name, buyer_org_id, buyer_tax_id, buyer_name,
                     amount, tax, total, check_code, status, direction, remaining_amount, remaining_tax, source, source_system)
select r.seller_id, r.generation,
       case when r.generation = 'LEGACY' then '0' || r.seller_region || to_char(r.issue_date, 'YY') || '00' || lpad((r.n % 9 + 1)::text, 1, '0') || (array['04', '11', '13'])[1 + r.n % 3] end,
       case when r.generation = 'LEGACY' then lpad((10000000 + r.n)::text, 8, '0')
            else to_char(r.issue_date, 'YY') || left(r.seller_region, 2) || '2' || lpad((900000000000000 + r.n)::text, 15, '0') end,
       case when r.generation = 'LEGACY' then (array['04', '10', '08'])[1 + r.n % 3] else (array['81', '82'])[1 + r.n % 2] end,
       r.issue_date,
       r.seller_id, r.seller_uscc, r.seller_name, case when r.generation = 'DIGITAL' then r.buyer_id end, r.buyer_uscc, r.buyer_name,
       r.amount, r.tax, r.amount + r.tax,
       case when r.generation = 'LEGACY' and r.n % 3 <> 2 then lpad(((r.n::bigint * 982451653) % 100000000000000000000)::text, 20, '0') end,
       r.status, 'BLUE', r.amount, r.tax,
       case when r.generation = 'LEGACY' then 'IMPORTED' else 'ISSUED' end,
       case when r.generation = 'LEGACY' then 'demo-import' end
from rows r
on conflict do nothing;

insert into invoice_line (invoice_id, line_no, item_name, unit, quantity, unit_price, amount, tax_rate, tax, remaining_amount, remaining_tax)
select i.id, 1, (array['*信息技术服务*软件开发', '*餐饮服务*餐费', '*运输服务*货物运输', '*电子元件*集成电路', '*咨询服务*管理咨询'])[1 + i.id % 5],
       '项', 1, i.amount, i.amount, round(i.tax / nullif(i.amount, 0), 2), i.tax, i.amount, i.tax
from invoice i
where not exists (select 1 from invoice_line l where l.invoice_id = i.id)
on conflict do nothing;

insert into invoice_status_history (invoice_id, from_status, to_status, changed_by, reason)
select i.id, null, 'NORMAL', 'demo-data', 'demo invoice'
from invoice i
where not exists (select 1 from invoice_status_history h where h.invoice_id = i.id);

-- Demo users, one per role, for the first two Beijing organisations. Password of each: fapiao-demo
-- (documented in the README; dev mode only).
insert into app_user (organisation_id, username, display_name, password_hash, roles)
select o.id, u.prefix || '.' || lower(r.role), r.role || ' of ' || o.name,
       '$2a$10$NsOknGWAHTT6nhP6R/Bm6e9Hs/5m1/BHGernUC1OaCw4oItvzQ93q', array[r.role]::varchar(16)[]
from (values ('91110000802100433B', 'huaxin'), ('91110000101623741K', 'jdf')) as u(uscc, prefix)
join organisation o on o.uscc = u.uscc
cross join (values ('ISSUER'), ('ACCOUNTANT'), ('AUDITOR'), ('SUPPORT_AGENT'), ('PARTNER'), ('ADMIN')) as r(role)
on conflict (username) do nothing;
