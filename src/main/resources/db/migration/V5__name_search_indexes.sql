-- "Buyer / seller name contains" filters use ILIKE '%…%', which a b-tree cannot serve: trigram
-- GIN indexes can (pg_trgm is a trusted extension: the database owner may create it).
create extension if not exists pg_trgm;
create index invoice_buyer_name_trgm_idx on invoice using gin (buyer_name gin_trgm_ops);
create index invoice_seller_name_trgm_idx on invoice using gin (seller_name gin_trgm_ops);
