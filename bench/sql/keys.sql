-- Picks :nkeys invoices at random from the whole data set into bench.keys: pgbench reads
-- them, and run.sh exports them as the key files the wrk scripts read.
\set ON_ERROR_STOP on
drop table if exists bench.keys;
create table bench.keys as
select row_number() over () as i, k.*
from (select i.invoice_number as number, i.seller_org_id as org, i.issue_date, i.total
      from invoice i
      where i.invoice_code is null
      order by random() limit :nkeys) k;
alter table bench.keys add primary key (i);
analyze bench.keys;
