-- Two statuses for moderation (see 20261202090100_…): rejected by a moderator,
-- hidden after reports. In a migration of their own: PostgreSQL lets a new enum
-- value be used only after the transaction that added it has committed.
alter type public.asset_status add value 'rejected';
alter type public.asset_status add value 'hidden';
