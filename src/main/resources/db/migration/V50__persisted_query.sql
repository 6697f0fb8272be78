-- Automatic persisted queries (Apollo APQ): documents by the SHA-256 of their text, shared by every
-- replica. A hash names one document forever, so rows are never updated; only documents that parsed
-- and validated are stored (cn.fapiao.common.http.PersistedQueries).
create table persisted_query (
    sha256     char(64)    primary key,
    document   text        not null,
    created_at timestamptz not null default now()
);
