-- SAMPLE DATA, loaded in dev mode only (Flyway afterMigrate callback; see quarkus.flyway.locations).
-- The dev user olivia runs the demo event (afterMigrate__1): she is its owner, so the README's admin calls work with
-- her token. She is known by the issuer of the dev OIDC server, the placeholder dev_issuer (its port changes with each
-- start); runs after every migration and adds her only when that sign-in is not on the team yet.
do $$
declare
    ev bigint;
    olivia bigint;
begin
    select id into ev from event where slug = 'rejekts-na-2024';
    if ev is null then
        return;
    end if;
    -- As her first call would create her.
    insert into app_user (issuer, subject) values ('${dev_issuer}', 'olivia')
        on conflict (issuer, subject) do update set subject = excluded.subject returning id into olivia;
    insert into event_member (event_id, user_id, role, display_name) values (ev, olivia, 'owner', 'Olivia')
        on conflict (event_id, user_id) do nothing;
end $$;
