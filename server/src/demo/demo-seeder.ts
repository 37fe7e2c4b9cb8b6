import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuthService } from '../auth/auth.service.js';
import { LoginThrottle } from '../auth/login-throttle.js';
import { TerritoryFacilitator } from '../auth/territory-facilitator.entity.js';
import { Membership } from '../organization/membership.entity.js';
import { hashPassword } from '../auth/password.js';
import { User } from '../auth/user.entity.js';
import type { NeedCodes } from '../flow/flow.validation.js';
import { ImportService } from '../importer/import.service.js';
import { Organization } from '../organization/organization.entity.js';
import { MembershipRole } from '../vocabulary/organization.enums.js';
import type { PlanDocuments } from '../project/plan-document.port.js';
import type { AppPubSub } from '../pubsub/pubsub.js';
import { Territory } from '../territory/territory.entity.js';
import { DEMO_ACCOUNTS, DEMO_INTEGRATOR, DEMO_INTEGRATOR_TOKEN, DEMO_PASSWORD } from './demo-accounts.js';
import { seedDemoProjects } from './demo-projects.js';

const DEMO_FILE = path.join(import.meta.dirname, 'demo-territory.json');

/** Whether the database holds no organisation yet (first start). */
export async function isEmpty(em: EntityManager): Promise<boolean> {
  return (await em.count(Organization, {})) === 0;
}

/**
 * Loads the Val de Fensch demo territory through the importer (so the demo exercises the real path), then the
 * demo accounts. Idempotent: running it again updates nothing and duplicates nothing.
 */
export async function seedDemo(
  em: EntityManager,
  {
    pubSub,
    sessionSecret,
    needCodes,
    planDocuments,
  }: { pubSub: AppPubSub['pubSub']; sessionSecret: string; needCodes: NeedCodes; planDocuments: PlanDocuments },
) {
  const document = JSON.parse(readFileSync(DEMO_FILE, 'utf8'));
  const report = await new ImportService(em, pubSub, needCodes).importDocument('SYSTEM', document);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const user = async (email: string, name: string) =>
    (await em.findOne(User, { email })) ?? em.create(User, { email, name, passwordHash });

  const facilitator = await user(DEMO_ACCOUNTS.facilitator.email, DEMO_ACCOUNTS.facilitator.name);
  const territory = await em.findOneOrFail(Territory, { externalRef: DEMO_ACCOUNTS.facilitator.territoryRef });
  if (!(await em.count(TerritoryFacilitator, { user: facilitator, territory }))) {
    em.create(TerritoryFacilitator, { user: facilitator, territory });
  }
  const members = [
    DEMO_ACCOUNTS.steelMember,
    DEMO_ACCOUNTS.joineryMember,
    DEMO_ACCOUNTS.authorityMember,
    { ...DEMO_ACCOUNTS.facilitator, organizationRef: 'valolab' },
    DEMO_INTEGRATOR,
  ];
  for (const account of members) {
    const member = await user(account.email, account.name);
    const organization = await em.findOneOrFail(Organization, { externalRef: account.organizationRef });
    if (!(await em.count(Membership, { user: member, organization }))) {
      em.create(Membership, { user: member, organization, role: MembershipRole.ADMIN });
    }
  }
  await em.flush();
  const integrator = await em.findOneOrFail(User, { email: DEMO_INTEGRATOR.email });
  await new AuthService(em, { sessionSecret, pubSub, throttle: new LoginThrottle() }).storeKnownApiToken(
    integrator.id,
    'Démo intégrateur',
    DEMO_INTEGRATOR_TOKEN,
  );
  await seedDemoProjects(em, pubSub, planDocuments);
  return report;
}

export function describeDemoAccounts(): string {
  const lines = [
    `  facilitator (VALO'LAB, Val de Fensch): ${DEMO_ACCOUNTS.facilitator.email}`,
    `  member of Aciéries de la Fensch:       ${DEMO_ACCOUNTS.steelMember.email}`,
    `  member of Menuiserie de Knutange:      ${DEMO_ACCOUNTS.joineryMember.email}`,
    `  member of the agglomeration:           ${DEMO_ACCOUNTS.authorityMember.email}`,
    `  password of all of them:               ${DEMO_PASSWORD}`,
    `  integrator API token:                  ${DEMO_INTEGRATOR_TOKEN}`,
  ];
  return lines.join('\n');
}
