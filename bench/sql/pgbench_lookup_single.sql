-- Only the invoice row by number (one statement), for a random key of bench.keys.
\set i random(1, :nkeys)
select i.* from invoice i where i.invoice_code is null and i.invoice_number = (select number from bench.keys where i = :i);
