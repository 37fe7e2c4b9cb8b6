/**
 * Demo accounts created with the demo territory. Public knowledge by design: never seed them into a production
 * database (SEED_DEMO defaults to false on PostgreSQL).
 */
export const DEMO_PASSWORD = 'valolab-demo-2026';

export const DEMO_ACCOUNTS = {
  facilitator: { email: 'animatrice@valolab.demo', name: 'Claire Animatrice', territoryRef: 'val-de-fensch' },
  steelMember: { email: 'julien@acier-fensch.demo', name: 'Julien Weber', organizationRef: 'acier-fensch' },
  joineryMember: { email: 'sofia@menuiserie-knutange.demo', name: 'Sofia Rossi', organizationRef: 'menuiserie-knutange' },
  authorityMember: { email: 'marc@agglo-fensch.demo', name: 'Marc Lambert', organizationRef: 'ca-val-de-fensch' },
} as const;

/** A fixed integrator token so the README's curl examples work on a fresh demo database. */
export const DEMO_INTEGRATOR_TOKEN = 'fe2i_demo_integrator_0123456789abcdef0123456789abcdef';
export const DEMO_INTEGRATOR = { email: 'integration@valolab.demo', name: 'Intégrateur démo', organizationRef: 'valolab' };
