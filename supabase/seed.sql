-- Demo data for the LOCAL stack and for development projects only.
-- The password `encontro-demo` is a local demo password: never seed it into production.
--
-- Times are relative to now() so the demo always shows every state of the meeting-link card.
-- Users are inserted into auth.users the way GoTrue stores them (bcrypt via pgcrypto), with an
-- email identity, so the same file also works with `supabase db reset` on a Supabase project.

-- Refuses to run unless the database is marked as a development one (the local bootstrap
-- creates the schema `development_database`), so `supabase db push --include-seed` against a
-- production project stops here instead of creating admin@encontro.test with a public password.
-- To seed a hosted DEVELOPMENT project on purpose: `create schema development_database;` first.
do $guard$
begin
  if to_regnamespace('development_database') is null then
    raise exception 'supabase/seed.sql refused: this database is not marked as a development database'
      using hint = 'The seed creates demo users with a public password. Only on a development '
                   'database, run: create schema development_database;';
  end if;
end;
$guard$;

do $seed$
declare
  v_acme uuid := '10000000-0000-4000-8000-000000000001';
  v_joao uuid := '20000000-0000-4000-8000-000000000001';
  v_maria uuid := '20000000-0000-4000-8000-000000000002';
  v_pedro uuid := '20000000-0000-4000-8000-000000000003';
  v_ana uuid := '20000000-0000-4000-8000-000000000004';
  v_rita uuid := '20000000-0000-4000-8000-000000000005';
  v_admin uuid := '20000000-0000-4000-8000-000000000006';
  v_minute timestamptz := date_trunc('minute', now());
  v_day date := (now() at time zone 'Europe/Lisbon')::date;
  v_user record;
begin
  insert into public.companies (id, name, address)
  values (v_acme, 'Acme Portugal', 'Avenida da Liberdade 100, 1250-146 Lisboa');

  for v_user in
    select * from (values
      (v_joao, 'joao@encontro.test', 'João Silva', 'user'),
      (v_maria, 'maria@encontro.test', 'Maria Costa', 'user'),
      (v_pedro, 'pedro@encontro.test', 'Dr. Pedro Santos', 'prestador'),
      (v_ana, 'ana@encontro.test', 'Dra. Ana Ferreira', 'prestador'),
      (v_rita, 'rita@encontro.test', 'Rita Lopes', 'especialista'),
      (v_admin, 'admin@encontro.test', 'Administrador Encontro', 'admin')
    ) as u(id, email, name, role)
  loop
    insert into auth.users (
      instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
      raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
      confirmation_token, recovery_token, email_change_token_new, email_change
    ) values (
      '00000000-0000-0000-0000-000000000000', v_user.id, 'authenticated', 'authenticated',
      v_user.email, extensions.crypt('encontro-demo', extensions.gen_salt('bf', 10)), now(),
      jsonb_build_object('provider', 'email', 'providers', jsonb_build_array('email'),
                         'app_role', v_user.role),
      jsonb_build_object('name', v_user.name), now(), now(), '', '', '', ''
    );
    insert into auth.identities (
      provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at
    ) values (
      v_user.id::text, v_user.id,
      jsonb_build_object('sub', v_user.id::text, 'email', v_user.email, 'email_verified', true),
      'email', now(), now(), now()
    );
  end loop;

  -- The auth trigger created the profiles; complete them.
  update public.profiles set company_id = v_acme, phone = '+351 912 345 678' where id = v_joao;
  update public.profiles set company_id = v_acme, phone = '+351 913 456 789' where id = v_maria;
  update public.profiles set phone = '+351 214 000 001' where id = v_pedro;
  update public.profiles set phone = '+351 214 000 002' where id = v_ana;

  insert into public.prestadores (id, pillar, specialty, session_minutes, address) values
    (v_pedro, 'saude_mental', 'Psicologia clínica', 50, 'Rua Garrett 50, 1200-204 Lisboa'),
    (v_ana, 'bem_estar_fisico', 'Fisioterapia', 45, 'Rua de Santa Catarina 200, 4000-442 Porto');

  -- Weekly hours, in each prestador's time zone (Europe/Lisbon). ISO weekday: 1 = Monday.
  insert into public.prestador_availability (prestador_id, weekday, start_time, end_time)
  select v_pedro, d, t.s, t.e
  from generate_series(1, 5) d, (values (time '09:00', time '13:00'), (time '14:00', time '18:00')) t(s, e);
  insert into public.prestador_availability (prestador_id, weekday, start_time, end_time)
  select v_ana, d, time '09:00', time '18:00' from generate_series(1, 5) d
  union all select v_ana, 6, time '09:00', time '13:00';
  -- Ana is away on the first day of next month.
  insert into public.prestador_blocked_dates (prestador_id, blocked_on, reason)
  values (v_ana, (date_trunc('month', v_day) + interval '1 month')::date, 'Formação');

  -- João with Pedro: every state of the meeting-link card.
  insert into public.bookings (
    id, user_id, prestador_id, pillar, starts_at, ends_at, meeting_type, status, booking_source,
    created_by
  ) values
    -- virtual, starting in 3 minutes, Zoom link set: "Entrar na reunião" right away.
    ('30000000-0000-4000-8000-000000000001', v_joao, v_pedro, 'saude_mental',
     v_minute + interval '3 minutes', v_minute + interval '53 minutes',
     'virtual', 'scheduled', 'direct', v_joao),
    -- virtual in 2 hours, no link yet: "Link em preparação".
    ('30000000-0000-4000-8000-000000000002', v_joao, v_pedro, 'saude_mental',
     v_minute + interval '2 hours', v_minute + interval '2 hours 50 minutes',
     'virtual', 'scheduled', 'direct', v_joao),
    -- virtual yesterday, done: "Sessão já realizada".
    ('30000000-0000-4000-8000-000000000003', v_joao, v_pedro, 'saude_mental',
     v_minute - interval '1 day', v_minute - interval '1 day' + interval '50 minutes',
     'virtual', 'completed', 'direct', v_joao),
    -- phone, tomorrow at 10:00 Lisbon time.
    ('30000000-0000-4000-8000-000000000004', v_joao, v_pedro, 'saude_mental',
     ((v_day + 1) + time '10:00') at time zone 'Europe/Lisbon',
     ((v_day + 1) + time '10:50') at time zone 'Europe/Lisbon',
     'phone', 'scheduled', 'admin_manual', v_admin),
    -- presencial, next week at 15:00 Lisbon time, at Pedro's office.
    ('30000000-0000-4000-8000-000000000005', v_joao, v_pedro, 'saude_mental',
     ((v_day + 7) + time '15:00') at time zone 'Europe/Lisbon',
     ((v_day + 7) + time '15:50') at time zone 'Europe/Lisbon',
     'presencial', 'scheduled', 'direct', v_joao);

  insert into public.booking_links (booking_id, meeting_link, updated_by) values
    ('30000000-0000-4000-8000-000000000001', 'https://zoom.us/j/123456789', v_pedro),
    ('30000000-0000-4000-8000-000000000003', 'https://zoom.us/j/987654321', v_pedro);

  -- Maria with Ana: virtual, tomorrow at 11:00 Lisbon time, link already set.
  insert into public.bookings (
    id, user_id, prestador_id, pillar, starts_at, ends_at, meeting_type, status, booking_source,
    created_by
  ) values
    ('30000000-0000-4000-8000-000000000006', v_maria, v_ana, 'bem_estar_fisico',
     ((v_day + 1) + time '11:00') at time zone 'Europe/Lisbon',
     ((v_day + 1) + time '11:45') at time zone 'Europe/Lisbon',
     'virtual', 'scheduled', 'direct', v_maria);
  insert into public.booking_links (booking_id, meeting_link, updated_by) values
    ('30000000-0000-4000-8000-000000000006', 'https://meet.google.com/abc-defg-hij', v_ana);

  -- Maria's open call request, waiting in the especialista queue.
  insert into public.call_requests (id, user_id, pillar, notes, status, created_at) values
    ('40000000-0000-4000-8000-000000000001', v_maria, 'saude_mental',
     'Gostaria de falar com alguém sobre stress no trabalho. Prefiro de manhã.', 'open',
     now() - interval '3 hours');

  -- A case Rita already holds: João's earlier request, booked with Pedro in 3 days (virtual,
  -- no link yet), so the especialista dashboard shows a case with the link editor.
  insert into public.bookings (
    id, user_id, prestador_id, pillar, starts_at, ends_at, meeting_type, status, booking_source,
    created_by
  ) values
    ('30000000-0000-4000-8000-000000000007', v_joao, v_pedro, 'saude_mental',
     ((v_day + 3) + time '09:30') at time zone 'Europe/Lisbon',
     ((v_day + 3) + time '10:20') at time zone 'Europe/Lisbon',
     'virtual', 'scheduled', 'specialist_referral', v_rita);
  insert into public.call_requests (
    id, user_id, pillar, notes, status, especialista_id, booking_id, created_at, assigned_at
  ) values
    ('40000000-0000-4000-8000-000000000002', v_joao, 'saude_mental',
     'Dificuldade em dormir desde a mudança de equipa.', 'assigned', v_rita,
     '30000000-0000-4000-8000-000000000007', now() - interval '2 days', now() - interval '1 day');
end;
$seed$;
