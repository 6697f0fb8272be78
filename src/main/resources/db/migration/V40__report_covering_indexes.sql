-- Reports add up amounts and taxes of an organisation's invoices over a period, and of their lines
-- by rate. The invoice list's indexes (V7) carry what the reports read besides the key, so that the
-- invoice side is an index-only scan instead of one table row per invoice (bench scenario
-- statisticsYear, the large taxpayer's ~80,000 invoices of a year: the invoice side's scan went from
-- ~300 ms to ~50 ms on the bench's loaded machine), and a line index carries rate, amount and tax.
-- Same keys as before, so the list reads them as it did; writes keep the same number of indexes
-- on invoice and one more on invoice_line.
--
-- Built in the migration's transaction like the others (not CONCURRENTLY: see V7); about 20 s
-- each per million invoices, during which writes to invoice wait.
create index invoice_seller_org_report_idx on invoice (seller_org_id, issue_date desc, id desc)
    include (status, amount, tax, type_code, direction, source);
create index invoice_buyer_org_report_idx on invoice (buyer_org_id, issue_date desc, id desc)
    include (status, seller_org_id, amount, tax, type_code, direction, source);
drop index invoice_seller_org_list_idx;
drop index invoice_buyer_org_list_idx;
create index invoice_line_report_idx on invoice_line (invoice_id) include (tax_rate, amount, tax);
