/**
 * A circle ("Cirkel met sleutelfiguur"): residents around a key person, often
 * meeting at someone's home. The database shows it to the public only at its
 * buurt or 100 m cell and only with its key person's consent
 * (supabase/schemas/11_circles.sql); the app asks for that consent and never
 * asks for contact details.
 */
export const circleCategory = 'cirkel';

/** The roles that may add a circle in a werkgebied (the database checks the same; a werkgebied's admin holds every role). */
export const circleRoles = ['key_person', 'facilitator', 'admin'] as const;
