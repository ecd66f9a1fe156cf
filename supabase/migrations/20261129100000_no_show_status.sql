-- A session the employee did not come to: its own outcome ("Faltou"), distinct from a
-- session that took place (completed). Alone in its migration: a value added to an enum
-- cannot be used in the transaction that adds it (mark_booking_no_show uses it next).

alter type public.booking_status add value if not exists 'no_show' after 'completed';
