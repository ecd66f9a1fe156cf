/**
 * Hand-written Database type in the shape `supabase gen types typescript` produces,
 * for the public schema described in docs/schema-contract.md (PostgREST 12).
 *
 * Checked against supabase/migrations/2026112512*.sql (up to 20261125120500_notifications.sql). Keep in sync with them.
 * Relationship entries are what make embedded selects (`prestador:prestadores(...)`,
 * `client:client_profiles!bookings_user_id_fkey(...)`) type-check. The `client_profiles`
 * view only holds employees, so only the employee columns (bookings.user_id,
 * call_requests.user_id) list it as a target. `profiles` is referenced by several columns
 * of bookings (user_id, cancelled_by, created_by): embed it with a `!fkey` hint.
 */

export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

type AppRole = 'user' | 'prestador' | 'especialista' | 'admin'
type Pillar = 'saude_mental' | 'bem_estar_fisico' | 'assistencia_financeira' | 'assistencia_juridica'
type MeetingType = 'virtual' | 'phone' | 'presencial'
type BookingStatus = 'pending' | 'scheduled' | 'completed' | 'cancelled'
type BookingSource = 'direct' | 'admin_manual' | 'specialist_referral'
type CallRequestStatus = 'open' | 'assigned' | 'closed'
type NotificationKind =
  | 'booking_created'
  | 'link_saved'
  | 'link_changed'
  | 'booking_rescheduled'
  | 'booking_cancelled'
  | 'session_starting'

type BookingRow = {
  id: string
  user_id: string
  prestador_id: string
  company_id: string | null
  pillar: Pillar
  starts_at: string
  ends_at: string
  meeting_type: MeetingType
  status: BookingStatus
  location: string | null
  cancellation_reason: string | null
  cancelled_by: string | null
  cancelled_at: string | null
  booking_source: BookingSource
  created_by: string | null
  created_at: string
  updated_at: string
}

type BookingLinkRow = {
  booking_id: string
  meeting_link: string | null
  updated_by: string | null
  updated_at: string
}

export type Database = {
  __InternalSupabase: {
    PostgrestVersion: '12'
  }
  public: {
    Tables: {
      companies: {
        Row: {
          id: string
          name: string
          address: string | null
          created_at: string
        }
        Insert: {
          id?: string
          name: string
          address?: string | null
          created_at?: string
        }
        Update: {
          id?: string
          name?: string
          address?: string | null
          created_at?: string
        }
        Relationships: []
      }
      profiles: {
        Row: {
          id: string
          role: AppRole
          name: string
          email: string
          company_id: string | null
          phone: string | null
          time_zone: string
          created_at: string
          updated_at: string
        }
        Insert: {
          id: string
          role?: AppRole
          name: string
          email: string
          company_id?: string | null
          phone?: string | null
          time_zone?: string
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          role?: AppRole
          name?: string
          email?: string
          company_id?: string | null
          phone?: string | null
          time_zone?: string
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: 'profiles_company_id_fkey'
            columns: ['company_id']
            isOneToOne: false
            referencedRelation: 'companies'
            referencedColumns: ['id']
          },
        ]
      }
      prestadores: {
        Row: {
          id: string
          pillar: Pillar
          specialty: string
          session_minutes: number
          buffer_minutes: number
          address: string | null
          active: boolean
        }
        Insert: {
          id: string
          pillar: Pillar
          specialty: string
          session_minutes?: number
          buffer_minutes?: number
          address?: string | null
          active?: boolean
        }
        Update: {
          id?: string
          pillar?: Pillar
          specialty?: string
          session_minutes?: number
          buffer_minutes?: number
          address?: string | null
          active?: boolean
        }
        Relationships: [
          {
            foreignKeyName: 'prestadores_id_fkey'
            columns: ['id']
            isOneToOne: true
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
        ]
      }
      bookings: {
        Row: BookingRow
        Insert: {
          id?: string
          user_id: string
          prestador_id: string
          company_id?: string | null
          pillar: Pillar
          starts_at: string
          ends_at: string
          meeting_type: MeetingType
          status?: BookingStatus
          location?: string | null
          cancellation_reason?: string | null
          cancelled_by?: string | null
          cancelled_at?: string | null
          booking_source: BookingSource
          created_by?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          user_id?: string
          prestador_id?: string
          company_id?: string | null
          pillar?: Pillar
          starts_at?: string
          ends_at?: string
          meeting_type?: MeetingType
          status?: BookingStatus
          location?: string | null
          cancellation_reason?: string | null
          cancelled_by?: string | null
          cancelled_at?: string | null
          booking_source?: BookingSource
          created_by?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: 'bookings_user_id_fkey'
            columns: ['user_id']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'bookings_user_id_fkey'
            columns: ['user_id']
            isOneToOne: false
            referencedRelation: 'client_profiles'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'bookings_prestador_id_fkey'
            columns: ['prestador_id']
            isOneToOne: false
            referencedRelation: 'prestadores'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'bookings_company_id_fkey'
            columns: ['company_id']
            isOneToOne: false
            referencedRelation: 'companies'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'bookings_cancelled_by_fkey'
            columns: ['cancelled_by']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'bookings_created_by_fkey'
            columns: ['created_by']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
        ]
      }
      booking_links: {
        Row: BookingLinkRow
        Insert: {
          booking_id: string
          meeting_link?: string | null
          updated_by?: string | null
          updated_at?: string
        }
        Update: {
          booking_id?: string
          meeting_link?: string | null
          updated_by?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: 'booking_links_booking_id_fkey'
            columns: ['booking_id']
            isOneToOne: true
            referencedRelation: 'bookings'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'booking_links_updated_by_fkey'
            columns: ['updated_by']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
        ]
      }
      call_requests: {
        Row: {
          id: string
          user_id: string
          pillar: Pillar
          notes: string
          status: CallRequestStatus
          especialista_id: string | null
          booking_id: string | null
          created_at: string
          assigned_at: string | null
        }
        Insert: {
          id?: string
          user_id: string
          pillar: Pillar
          notes?: string
          status?: CallRequestStatus
          especialista_id?: string | null
          booking_id?: string | null
          created_at?: string
          assigned_at?: string | null
        }
        Update: {
          id?: string
          user_id?: string
          pillar?: Pillar
          notes?: string
          status?: CallRequestStatus
          especialista_id?: string | null
          booking_id?: string | null
          created_at?: string
          assigned_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: 'call_requests_user_id_fkey'
            columns: ['user_id']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'call_requests_user_id_fkey'
            columns: ['user_id']
            isOneToOne: false
            referencedRelation: 'client_profiles'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'call_requests_especialista_id_fkey'
            columns: ['especialista_id']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'call_requests_booking_id_fkey'
            columns: ['booking_id']
            isOneToOne: true
            referencedRelation: 'bookings'
            referencedColumns: ['id']
          },
        ]
      }
      prestador_availability: {
        Row: {
          id: string
          prestador_id: string
          /** ISO weekday, 1 = Monday ... 7 = Sunday, in the prestador's time zone. */
          weekday: number
          /** "HH:MM:SS" wall-clock time in the prestador's time zone ("24:00:00" allowed as an end). */
          start_time: string
          end_time: string
        }
        Insert: {
          id?: string
          prestador_id: string
          weekday: number
          start_time: string
          end_time: string
        }
        Update: {
          id?: string
          prestador_id?: string
          weekday?: number
          start_time?: string
          end_time?: string
        }
        Relationships: [
          {
            foreignKeyName: 'prestador_availability_prestador_id_fkey'
            columns: ['prestador_id']
            isOneToOne: false
            referencedRelation: 'prestadores'
            referencedColumns: ['id']
          },
        ]
      }
      prestador_blocked_dates: {
        Row: {
          id: string
          prestador_id: string
          /** "YYYY-MM-DD", a date in the prestador's time zone. */
          blocked_on: string
          reason: string | null
        }
        Insert: {
          id?: string
          prestador_id: string
          blocked_on: string
          reason?: string | null
        }
        Update: {
          id?: string
          prestador_id?: string
          blocked_on?: string
          reason?: string | null
        }
        Relationships: [
          {
            foreignKeyName: 'prestador_blocked_dates_prestador_id_fkey'
            columns: ['prestador_id']
            isOneToOne: false
            referencedRelation: 'prestadores'
            referencedColumns: ['id']
          },
        ]
      }
      notifications: {
        Row: {
          id: string
          recipient_id: string
          booking_id: string | null
          kind: NotificationKind
          payload: Json
          created_at: string
          read_at: string | null
        }
        /** Written by database triggers only; the browser has no insert grant. */
        Insert: {
          id?: string
          recipient_id: string
          booking_id?: string | null
          kind: NotificationKind
          payload?: Json
          created_at?: string
          read_at?: string | null
        }
        /** Only `read_at` is granted to `authenticated`. */
        Update: {
          id?: string
          recipient_id?: string
          booking_id?: string | null
          kind?: NotificationKind
          payload?: Json
          created_at?: string
          read_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: 'notifications_recipient_id_fkey'
            columns: ['recipient_id']
            isOneToOne: false
            referencedRelation: 'profiles'
            referencedColumns: ['id']
          },
          {
            foreignKeyName: 'notifications_booking_id_fkey'
            columns: ['booking_id']
            isOneToOne: false
            referencedRelation: 'bookings'
            referencedColumns: ['id']
          },
        ]
      }
    }
    Views: {
      /** Employees (role 'user') the caller works with; filtered inside the view. */
      client_profiles: {
        Row: {
          id: string | null
          name: string | null
          email: string | null
          phone: string | null
          company_id: string | null
        }
        Relationships: [
          {
            foreignKeyName: 'profiles_company_id_fkey'
            columns: ['company_id']
            isOneToOne: false
            referencedRelation: 'companies'
            referencedColumns: ['id']
          },
        ]
      }
    }
    Functions: {
      save_meeting_link: {
        Args: {
          p_booking_id: string
          p_meeting_link: string | null
          p_expected_updated_at?: string | null
        }
        Returns: BookingLinkRow
      }
      cancel_booking: {
        Args: { p_booking_id: string; p_reason: string }
        Returns: BookingRow
      }
      complete_booking: {
        Args: { p_booking_id: string }
        Returns: BookingRow
      }
      reschedule_booking: {
        /** p_override: admin only, a confirmed time outside the prestador's hours. */
        Args: { p_booking_id: string; p_starts_at: string; p_ends_at: string; p_override?: boolean }
        Returns: BookingRow
      }
      /** When a prestador is busy (non-cancelled bookings), without saying with whom. Window <= 62 days. */
      prestador_busy_times: {
        Args: { p_prestador_id: string; p_from: string; p_to: string }
        Returns: { starts_at: string; ends_at: string }[]
      }
      /**
       * Especialista only. Errors (message / hint): call_request_taken (PT409), slot_taken (PT409),
       * call_request_not_found (PT404), prestador_wrong_pillar (22023), assign_not_allowed (42501).
       */
      assign_call_request: {
        Args: {
          p_call_request_id: string
          p_prestador_id: string
          p_starts_at: string
          p_ends_at: string
          p_meeting_type?: MeetingType
        }
        Returns: BookingRow
      }
      /** The 5-minute notice for the caller's own virtual session; true when it was written now. */
      notify_session_starting: {
        Args: { p_booking_id: string }
        Returns: boolean
      }
    }
    Enums: {
      app_role: AppRole
      pillar: Pillar
      meeting_type: MeetingType
      booking_status: BookingStatus
      booking_source: BookingSource
      call_request_status: CallRequestStatus
      notification_kind: NotificationKind
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type PublicSchema = Database['public']

/** Row type of a public table or view: `Tables<'bookings'>`. */
export type Tables<T extends keyof PublicSchema['Tables'] | keyof PublicSchema['Views']> =
  T extends keyof PublicSchema['Tables']
    ? PublicSchema['Tables'][T]['Row']
    : T extends keyof PublicSchema['Views']
      ? PublicSchema['Views'][T]['Row']
      : never

export type TablesInsert<T extends keyof PublicSchema['Tables']> = PublicSchema['Tables'][T]['Insert']
export type TablesUpdate<T extends keyof PublicSchema['Tables']> = PublicSchema['Tables'][T]['Update']
export type Enums<T extends keyof PublicSchema['Enums']> = PublicSchema['Enums'][T]
