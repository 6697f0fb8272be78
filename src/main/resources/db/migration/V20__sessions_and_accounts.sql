-- Login sessions that access tokens are checked against on every request, and organisations'
-- second-factor policy.

-- One row per login: the refresh-token family of that login has the same id, and every access
-- token carries it as "sid". A token is accepted only while its session has not ended (logout,
-- a reused refresh token, a password change or reset, deactivation, a second factor reset).
create table login_session (
    id              uuid         primary key,
    user_id         bigint       not null references app_user (id),
    organisation_id bigint       not null references organisation (id),
    started_at      timestamptz  not null default now(),
    ended_at        timestamptz,
    end_reason      varchar(32),
    constraint login_session_end_check check ((ended_at is null) = (end_reason is null))
);
-- Ending every session of a user looks up only the open ones.
create index login_session_open_by_user_idx on login_session (user_id) where ended_at is null;

-- The logins made before this migration: a family with a revoked link has ended.
insert into login_session (id, user_id, organisation_id, started_at, ended_at, end_reason)
select family_id, min(user_id), min(organisation_id), min(issued_at), max(revoked_at),
       case when max(revoked_at) is null then null else 'BEFORE_UPGRADE' end
from refresh_token
group by family_id;

-- Roles whose users must log in with a one-time password; empty means nobody is required to.
alter table organisation
    add column totp_required_roles varchar(16)[] not null default '{}',
    add constraint organisation_totp_required_roles_check
        check (totp_required_roles <@ array['ISSUER', 'ACCOUNTANT', 'AUDITOR', 'SUPPORT_AGENT', 'PARTNER', 'ADMIN']::varchar(16)[]);
