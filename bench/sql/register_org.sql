-- The organisation of the registerExport scenario: one organisation with :lines invoice lines
-- (two per invoice) over one year, 2025, and a reader. Numbers start with 99 (a year no
-- issuing uses), source IMPORTED: issuing and the gap check never meet them. Idempotent: an
-- organisation that already has its lines is left as it is.
\set ON_ERROR_STOP on
insert into organisation (uscc, name, region_code) values ('91110000MA0BENCHR0', '基准清单公司 (bench register)', '1100')
on conflict (uscc) do nothing;

select count(*) = 0 as empty from invoice i join organisation o on o.id = i.organisation_id where o.uscc = '91110000MA0BENCHR0' \gset
\if :empty
insert into invoice (organisation_id, generation, invoice_number, type_code, issue_date, seller_org_id, seller_tax_id, seller_name,
                     buyer_tax_id, buyer_name, amount, tax, total, status, remaining_amount, source)
select o.id, 'DIGITAL', '99119' || lpad(g::text, 15, '0'), '82', date '2025-01-01' + (g % 365), o.id, o.uscc, o.name,
       '91110000101623741K', '购买方 ' || (g % 997), 200.00, 26.00, 226.00, case when g % 50 = 0 then 'VOIDED' else 'NORMAL' end, 200.00, 'IMPORTED'
from organisation o, generate_series(1, :lines / 2) g where o.uscc = '91110000MA0BENCHR0';
insert into invoice_line (invoice_id, line_no, item_name, specification, unit, quantity, unit_price, amount, tax_rate, tax, remaining_amount)
select i.id, n, '*信息技术服务*软件开发 ' || n, 'V' || n, '项', 1, 100, 100.00, 0.13, 13.00, 100.00
from invoice i join organisation o on o.id = i.organisation_id cross join generate_series(1, 2) n where o.uscc = '91110000MA0BENCHR0';
analyze invoice;
analyze invoice_line;
\endif

insert into app_user (organisation_id, username, display_name, password_hash, roles)
select o.id, 'bench-register', 'bench register reader', :'pwhash', array['ACCOUNTANT']::varchar(16)[]
from organisation o where o.uscc = '91110000MA0BENCHR0'
on conflict (username) do nothing;
