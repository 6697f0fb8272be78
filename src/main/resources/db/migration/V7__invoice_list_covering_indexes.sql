-- The invoice list's indexes also carry what its usual filter and its count read besides the key:
-- the status, and on the buyer side the seller (the buyer side leaves out the organisation's own
-- sales). A list page's totalCount over organisation + dates + status is then an index-only scan
-- instead of one table row per counted invoice (the page's PostgreSQL throughput with its count:
-- 6,741 -> 9,313 per second in pgbench on the benchmark's 1,000,000 invoices).
--
-- Built in the migration's transaction, like the other indexes: writes to invoice wait while they
-- build (about 2 s each per million invoices here). Not CONCURRENTLY: that waits for every open
-- transaction, among them the one in which Flyway holds its migration lock, and never ends.
create index invoice_seller_org_list_idx on invoice (seller_org_id, issue_date desc, id desc) include (status);
create index invoice_buyer_org_list_idx on invoice (buyer_org_id, issue_date desc, id desc) include (status, seller_org_id);
drop index invoice_seller_org_date_idx;
drop index invoice_buyer_org_date_idx;
