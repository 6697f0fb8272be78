-- The national rule (at most daily-limit verifications of an invoice per day) is counted per
-- verifying organisation: a stranger who holds the invoice's number can spend only its own
-- organisation's attempts, never those of the seller and buyer. Shared by all replicas.
create table verification_budget (
    invoice_id      bigint  not null references invoice (id),
    organisation_id bigint  not null references organisation (id),
    day             date    not null,
    attempts        integer not null,
    primary key (invoice_id, organisation_id, day)
);
-- verification_counter (V4), counted across all callers, is no longer written; it stays until
-- no replica of the previous version runs (a later migration drops it).
