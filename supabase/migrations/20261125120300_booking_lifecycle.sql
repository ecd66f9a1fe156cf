-- Booking lifecycle: cancel, mark as done, reschedule.
-- Direct UPDATE of bookings is admin-only (see the RLS migration); these functions are the
-- narrow doors for everyone else. They run with the owner's rights, so each one checks the
-- caller itself and changes only the fields its action needs.
-- Errors: `message` is a stable code the app maps to pt-PT; `hint` carries a pt-PT text.

create function private.booking_for_caller(p_booking_id uuid, p_allow_employee boolean)
returns public.bookings
language plpgsql stable security definer set search_path = '' as $$
declare
  v_booking public.bookings;
  v_uid uuid := (select auth.uid());
begin
  select * into v_booking from public.bookings b where b.id = p_booking_id;
  if not found or v_uid is null or not (
    (select private.is_admin())
    or v_booking.prestador_id = v_uid
    or v_booking.id = any ((select private.case_booking_ids())::uuid[])
    or (p_allow_employee and v_booking.user_id = v_uid)
  ) then
    raise exception 'booking_not_allowed'
      using errcode = '42501', hint = 'Não tem permissão para alterar esta sessão.';
  end if;
  return v_booking;
end;
$$;

-- Participants (employee included) and admins may cancel an active booking, with a reason.
create function public.cancel_booking(p_booking_id uuid, p_reason text)
returns public.bookings
language plpgsql security definer set search_path = '' as $$
declare
  v_booking public.bookings := private.booking_for_caller(p_booking_id, true);
  v_reason text := btrim(coalesce(p_reason, ''));
begin
  if v_reason = '' then
    raise exception 'cancel_reason_required'
      using errcode = '22023', hint = 'Indique o motivo do cancelamento.';
  end if;
  if char_length(v_reason) > 500 then
    raise exception 'cancel_reason_too_long'
      using errcode = '22023', hint = 'O motivo pode ter no máximo 500 caracteres.';
  end if;
  if v_booking.status not in ('pending', 'scheduled') then
    raise exception 'booking_not_active'
      using errcode = '22023', hint = 'Esta sessão já não está ativa.';
  end if;
  update public.bookings b
  set status = 'cancelled', cancellation_reason = v_reason,
      cancelled_by = (select auth.uid()), cancelled_at = now()
  where b.id = p_booking_id
  returning * into v_booking;
  return v_booking;
end;
$$;

-- The prestador, case especialista or an admin marks a session done once it has started.
create function public.complete_booking(p_booking_id uuid)
returns public.bookings
language plpgsql security definer set search_path = '' as $$
declare
  v_booking public.bookings := private.booking_for_caller(p_booking_id, false);
begin
  if v_booking.status not in ('pending', 'scheduled') then
    raise exception 'booking_not_active'
      using errcode = '22023', hint = 'Esta sessão já não está ativa.';
  end if;
  if now() < v_booking.starts_at then
    raise exception 'booking_not_started'
      using errcode = '22023', hint = 'Só pode marcar como realizada depois de a sessão começar.';
  end if;
  update public.bookings b set status = 'completed'
  where b.id = p_booking_id
  returning * into v_booking;
  return v_booking;
end;
$$;

-- New start and end for the same prestador; the exclusion constraint refuses an overlap
-- with another of the prestador's active sessions.
create function public.reschedule_booking(
  p_booking_id uuid, p_starts_at timestamptz, p_ends_at timestamptz
) returns public.bookings
language plpgsql security definer set search_path = '' as $$
declare
  v_booking public.bookings := private.booking_for_caller(p_booking_id, false);
begin
  if v_booking.status not in ('pending', 'scheduled') then
    raise exception 'booking_not_active'
      using errcode = '22023', hint = 'Esta sessão já não está ativa.';
  end if;
  if p_starts_at is null or p_ends_at is null or p_ends_at <= p_starts_at then
    raise exception 'reschedule_invalid_range'
      using errcode = '22023', hint = 'A hora de fim tem de ser depois da hora de início.';
  end if;
  if p_ends_at - p_starts_at > interval '8 hours' then
    raise exception 'reschedule_too_long'
      using errcode = '22023', hint = 'Uma sessão não pode durar mais de 8 horas.';
  end if;
  if p_starts_at <= now() then
    raise exception 'reschedule_in_past'
      using errcode = '22023', hint = 'Escolha uma data e hora no futuro.';
  end if;
  begin
    update public.bookings b set starts_at = p_starts_at, ends_at = p_ends_at
    where b.id = p_booking_id
    returning * into v_booking;
  exception when exclusion_violation then
    raise exception 'booking_overlap'
      using errcode = 'PT409', hint = 'O prestador já tem uma sessão nesse horário.';
  end;
  return v_booking;
end;
$$;

revoke all on function private.booking_for_caller(uuid, boolean) from public, anon;
grant execute on function private.booking_for_caller(uuid, boolean) to authenticated, service_role;
revoke all on function public.cancel_booking(uuid, text) from public, anon;
revoke all on function public.complete_booking(uuid) from public, anon;
revoke all on function public.reschedule_booking(uuid, timestamptz, timestamptz) from public, anon;
grant execute on function public.cancel_booking(uuid, text) to authenticated, service_role;
grant execute on function public.complete_booking(uuid) to authenticated, service_role;
grant execute on function public.reschedule_booking(uuid, timestamptz, timestamptz) to authenticated, service_role;
