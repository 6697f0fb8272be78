-- Test fixtures (test profile only): two Beijing organisations, A and B, that trade with each
-- other, and a Shanghai organisation C that trades with neither (it checks what others cannot
-- see); one user per role each; every password is "test-password" (bcrypt cost 4).
insert into organisation (uscc, name, region_code) values
    ('91110000802100433B', '测试甲公司 (org A)', '1100'),
    ('91110000101623741K', '测试乙公司 (org B)', '1100'),
    ('91310000MA1K3C0T25', '测试丙公司 (org C)', '3100')
on conflict (uscc) do nothing;

insert into app_user (organisation_id, username, display_name, password_hash, roles)
select o.id, u.prefix || '-' || lower(r.role), u.prefix || ' ' || r.role,
       '$2a$04$2CM3lk6diDxscs73ASgW1.xXsa6FaID3QQBCZJOKnNZjS7VQ7aVX2', array[r.role]::varchar(16)[]
from (values ('91110000802100433B', 'a'), ('91110000101623741K', 'b'), ('91310000MA1K3C0T25', 'c')) as u(uscc, prefix)
join organisation o on o.uscc = u.uscc
cross join (values ('ISSUER'), ('ACCOUNTANT'), ('AUDITOR'), ('SUPPORT_AGENT'), ('PARTNER'), ('ADMIN')) as r(role)
on conflict (username) do nothing;

-- A user reserved for the TOTP test, so that enabling a second factor touches no other test.
insert into app_user (organisation_id, username, display_name, password_hash, roles)
select o.id, 'a-totp', 'TOTP test user', '$2a$04$2CM3lk6diDxscs73ASgW1.xXsa6FaID3QQBCZJOKnNZjS7VQ7aVX2', array['ACCOUNTANT']::varchar(16)[]
from organisation o where o.uscc = '91110000802100433B'
on conflict (username) do nothing;

-- A user for the test of internal errors, whose second-factor secret that test breaks on purpose.
insert into app_user (organisation_id, username, display_name, password_hash, roles)
select o.id, 'a-faulty', 'Internal error test user', '$2a$04$2CM3lk6diDxscs73ASgW1.xXsa6FaID3QQBCZJOKnNZjS7VQ7aVX2', array['ACCOUNTANT']::varchar(16)[]
from organisation o where o.uscc = '91110000802100433B'
on conflict (username) do nothing;

-- Organisations for tests of verification budgets, so that spending them starves no other test:
-- C holds other parties' invoices (a stranger to them), D's users exhaust their rate limits.
insert into organisation (uscc, name, region_code) values
    ('91110000MA01C00001', '测试丙公司 (org C)', '1100'),
    ('91110000MA01D0000Q', '测试丁公司 (org D)', '1100')
on conflict (uscc) do nothing;

insert into app_user (organisation_id, username, display_name, password_hash, roles)
select o.id, u.username, u.username, '$2a$04$2CM3lk6diDxscs73ASgW1.xXsa6FaID3QQBCZJOKnNZjS7VQ7aVX2', array['PARTNER']::varchar(16)[]
from (values ('91110000MA01C00001', 'c-partner'), ('91110000MA01D0000Q', 'd-partner'), ('91110000MA01D0000Q', 'd-partner-2')) as u(uscc, username)
join organisation o on o.uscc = u.uscc
on conflict (username) do nothing;
