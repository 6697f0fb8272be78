-- The subscriptions scenario's writer: one status change per transaction on one of the first 40 invoices sold by one
-- of the first :orgs organisations, as the tax side's synchronisation would commit it (the status
-- and its history in one transaction; the history trigger writes the outbox event).
\set org random(1, :orgs)
\set k random(0, 39)
with target as (
    select id, status from invoice
    where seller_org_id = :org and status in ('NORMAL', 'ABNORMAL')
    order by id limit 1 offset :k
), changed as (
    update invoice i set status = case when t.status = 'NORMAL' then 'ABNORMAL' else 'NORMAL' end,
                         updated_at = now()
    from target t where i.id = t.id
    returning i.id, t.status as from_status, i.status as to_status
)
insert into invoice_status_history (invoice_id, from_status, to_status, changed_by, reason)
select id, from_status, to_status, 'bench-sync', 'bench' from changed;
