import { ApiToken, UserSession } from '../auth/credential.entity.js';
import { TerritoryFacilitator } from '../auth/territory-facilitator.entity.js';
import { Membership } from '../organization/membership.entity.js';
import { Invitation } from '../organization/invitation.entity.js';
import { PasswordReset } from '../auth/password-reset.entity.js';
import { SetupLink } from '../setup/setup-link.entity.js';
import { User } from '../auth/user.entity.js';
import { ResourceFlow } from '../flow/resource-flow.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { Site } from '../organization/site.entity.js';
import { Synergy, SynergyParticipant } from '../synergy/model/synergy.entity.js';
import { SynergyNote } from '../synergy/facilitation/synergy-note.entity.js';
import { ProjectParticipant, ProjectStageChange, SynergyProject } from '../project/project.entity.js';
import { Territory } from '../territory/territory.entity.js';
import { BaseEntity } from '../db/base.entity.js';

/** Every entity, listed by hand: no folder scanning, so tsx, vitest and a bundle all see the same set. */
export const ENTITIES = [
  BaseEntity,
  Territory,
  Organization,
  Site,
  ResourceFlow,
  User,
  Membership,
  Invitation,
  PasswordReset,
  SetupLink,
  TerritoryFacilitator,
  UserSession,
  ApiToken,
  Synergy,
  SynergyParticipant,
  SynergyNote,
  SynergyProject,
  ProjectParticipant,
  ProjectStageChange,
];
