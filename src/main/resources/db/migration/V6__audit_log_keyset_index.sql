-- The audit log is paged newest first by id within an organisation (keyset on id): index exactly that.
create index audit_log_organisation_id_idx on audit_log (organisation_id, id desc);
drop index audit_log_organisation_time_idx;
