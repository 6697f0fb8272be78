-- Gap-free numbering after the run: per prefix count = max - min + 1, and the counter = max.
\set ON_ERROR_STOP on
select substr(i.invoice_number, 1, 5) as prefix, count(*) as invoices,
       min(substr(i.invoice_number, 6)::bigint) as min_seq, max(substr(i.invoice_number, 6)::bigint) as max_seq,
       c.last_value as counter,
       count(*) = max(substr(i.invoice_number, 6)::bigint) - min(substr(i.invoice_number, 6)::bigint) + 1
           and c.last_value = max(substr(i.invoice_number, 6)::bigint) as gap_free
from invoice i left join invoice_number_counter c on c.prefix = substr(i.invoice_number, 1, 5)
where i.invoice_code is null
group by 1, c.last_value order by 1;
