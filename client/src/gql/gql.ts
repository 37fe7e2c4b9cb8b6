/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ApiTokens {\n    viewer {\n      id\n      apiTokens {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($name: String!) {\n    createApiToken(name: $name) {\n      token\n      apiToken {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      viewer {\n        id\n        name\n      }\n    }\n  }\n": typeof types.LogInDocument,
    "\n  mutation LogOut {\n    logOut\n  }\n": typeof types.LogOutDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation AddSite($organizationId: ID!, $input: AddSiteInput!) {\n    addSite(organizationId: $organizationId, input: $input) {\n      id\n      name\n      city\n    }\n  }\n": typeof types.AddSiteDocument,
    "\n  query Directory($filter: OrganizationFilterInput, $first: Int!, $after: String) {\n    organizations(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        kind\n        activitySector {\n          sectionLabelFr\n          sectionLabelEn\n        }\n        sites {\n          id\n          city\n        }\n        flows(first: 0) {\n          totalCount\n        }\n      }\n    }\n  }\n": typeof types.DirectoryDocument,
    "\n  query Organization($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Organization {\n        id\n        name\n        kind\n        description\n        website\n        viewerCanEdit\n        activitySector {\n          code\n          labelFr\n          labelEn\n        }\n        territory {\n          id\n          name\n        }\n        sites {\n          id\n          name\n          address\n          postalCode\n          city\n        }\n        flows(first: 100) {\n          totalCount\n          nodes {\n            ...FlowFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.OrganizationDocument,
    "\n  query ViewerSynergies($first: Int!) {\n    synergies(first: $first) {\n      totalCount\n      nodes {\n        ...SynergyRow\n      }\n    }\n  }\n": typeof types.ViewerSynergiesDocument,
    "\n  fragment FlowFields on ResourceFlow {\n    id\n    direction\n    category\n    label\n    description\n    ewcCode\n    wasteCode {\n      code\n      labelFr\n      labelEn\n      hazardous\n    }\n    needCode\n    quantity\n    unit\n    unitSymbol\n    period\n    physicalForm\n    temperatureC\n    availableMonths\n    currentDestination\n    yearlyCostEur\n    visibility\n    status\n    updatedAt\n    site {\n      id\n      name\n      city\n    }\n  }\n": typeof types.FlowFieldsFragmentDoc,
    "\n  query MyOrganizations {\n    viewer {\n      id\n      memberships {\n        organization {\n          id\n          name\n          viewerCanEdit\n          territory {\n            id\n          }\n          sites {\n            id\n            name\n            city\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyOrganizationsDocument,
    "\n  query OrganizationFlows($organizationId: ID!, $status: FlowStatus!) {\n    flows(filter: { organizationId: $organizationId, status: $status }, first: 100) {\n      totalCount\n      nodes {\n        ...FlowFields\n      }\n    }\n  }\n": typeof types.OrganizationFlowsDocument,
    "\n  query Flow($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on ResourceFlow {\n        ...FlowFields\n        organization {\n          id\n          name\n          viewerCanEdit\n          sites {\n            id\n            name\n            city\n          }\n        }\n      }\n    }\n  }\n": typeof types.FlowDocument,
    "\n  mutation DeclareFlow($input: DeclareFlowInput!) {\n    declareFlow(input: $input) {\n      ...FlowFields\n    }\n  }\n": typeof types.DeclareFlowDocument,
    "\n  mutation UpdateFlow($id: ID!, $input: UpdateFlowInput!) {\n    updateFlow(id: $id, input: $input) {\n      ...FlowFields\n    }\n  }\n": typeof types.UpdateFlowDocument,
    "\n  mutation ArchiveFlow($id: ID!) {\n    archiveFlow(id: $id) {\n      ...FlowFields\n    }\n  }\n": typeof types.ArchiveFlowDocument,
    "\n  query WasteCodes($search: String!) {\n    wasteCodes(search: $search, first: 12) {\n      code\n      labelFr\n      labelEn\n      hazardous\n    }\n  }\n": typeof types.WasteCodesDocument,
    "\n  query Needs($search: String!) {\n    needs(search: $search, first: 12) {\n      code\n      category\n      labelFr\n      labelEn\n      unit\n    }\n  }\n": typeof types.NeedsDocument,
    "\n  query ViewerTerritories {\n    viewer {\n      id\n      facilitatedTerritories {\n        id\n      }\n      memberships {\n        organization {\n          id\n          territory {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.ViewerTerritoriesDocument,
    "\n  subscription FlowChanged($territoryId: ID!) {\n    flowChanged(territoryId: $territoryId) {\n      change\n      flowId\n    }\n  }\n": typeof types.FlowChangedDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      id\n      title\n      stage\n    }\n  }\n": typeof types.CreateProjectDocument,
    "\n  query ProjectInvitations {\n    projectInvitations {\n      projectId\n      projectTitle\n      role\n      invitedAt\n      invitedByName\n      invitedByOrganization {\n        id\n        name\n      }\n      organization {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ProjectInvitationsDocument,
    "\n  mutation RespondToProjectInvitation($projectId: ID!, $organizationId: ID, $accept: Boolean!) {\n    respondToProjectInvitation(projectId: $projectId, organizationId: $organizationId, accept: $accept) {\n      id\n      title\n      stage\n    }\n  }\n": typeof types.RespondToProjectInvitationDocument,
    "\n  query InviteCandidates($filter: OrganizationFilterInput) {\n    organizations(filter: $filter, first: 50) {\n      totalCount\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.InviteCandidatesDocument,
    "\n  mutation InviteToProject($projectId: ID!, $organizationId: ID!, $role: ProjectRole!) {\n    inviteToProject(projectId: $projectId, organizationId: $organizationId, role: $role) {\n      id\n      participants {\n        status\n        organization {\n          id\n        }\n      }\n    }\n  }\n": typeof types.InviteToProjectDocument,
    "\n  fragment ProjectCardFields on SynergyProject {\n    id\n    title\n    stage\n    participants {\n      isYours\n      role\n      status\n      organization {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ProjectCardFieldsFragmentDoc,
    "\n  query ProjectPage($id: ID!) {\n    project(id: $id) {\n      id\n      title\n      stage\n      createdAt\n      viewerCanEditPlan\n      viewerRoles\n      territory {\n        id\n        name\n      }\n      originSynergy {\n        id\n        kind\n        pathway {\n          id\n          labelFr\n          labelEn\n        }\n      }\n      ...ProjectStageFields\n      ...ProjectParticipantsFields\n    }\n  }\n": typeof types.ProjectPageDocument,
    "\n  fragment ProjectParticipantsFields on SynergyProject {\n    id\n    viewerCanManage\n    stage\n    territory {\n      id\n    }\n    participants {\n      isYours\n      role\n      status\n      invitedAt\n      invitedByName\n      invitedByOrganization {\n        id\n        name\n      }\n      respondedAt\n      removedAt\n      organization {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ProjectParticipantsFieldsFragmentDoc,
    "\n  mutation RemoveProjectParticipant($projectId: ID!, $organizationId: ID!) {\n    removeProjectParticipant(projectId: $projectId, organizationId: $organizationId) {\n      id\n      participants {\n        status\n        organization {\n          id\n        }\n      }\n    }\n  }\n": typeof types.RemoveProjectParticipantDocument,
    "\n  query ProjectsWorkspace {\n    viewer {\n      id\n      facilitatedTerritories {\n        id\n        name\n      }\n      memberships {\n        organization {\n          id\n          territory {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProjectsWorkspaceDocument,
    "\n  query ProjectsBoard($filter: ProjectFilterInput) {\n    projects(filter: $filter, first: 100) {\n      totalCount\n      nodes {\n        ...ProjectCardFields\n      }\n    }\n  }\n": typeof types.ProjectsBoardDocument,
    "\n  fragment ProjectStageFields on SynergyProject {\n    id\n    stage\n    abandonReason\n    nextStages\n    viewerCanManage\n    stageHistory {\n      changedAt\n      changedByName\n      from\n      to\n      reason\n    }\n  }\n": typeof types.ProjectStageFieldsFragmentDoc,
    "\n  mutation ChangeProjectStage($projectId: ID!, $stage: ProjectStage!, $reason: String) {\n    changeProjectStage(projectId: $projectId, stage: $stage, reason: $reason) {\n      ...ProjectStageFields\n    }\n  }\n": typeof types.ChangeProjectStageDocument,
    "\n  query SynergyProjects($filter: ProjectFilterInput) {\n    viewer {\n      id\n      facilitatedTerritories {\n        id\n      }\n    }\n    projects(filter: $filter, first: 20) {\n      nodes {\n        id\n        title\n        stage\n      }\n    }\n  }\n": typeof types.SynergyProjectsDocument,
    "\n  subscription ProjectChanged($projectId: ID!) {\n    projectChanged(projectId: $projectId) {\n      change\n      projectId\n    }\n  }\n": typeof types.ProjectChangedDocument,
    "\n  mutation DetectSynergies($territoryId: ID!) {\n    detectSynergies(territoryId: $territoryId) {\n      detected\n      suggested\n      updated\n      stale\n      withdrawn\n    }\n  }\n": typeof types.DetectSynergiesDocument,
    "\n  fragment SynergyExplanationFields on Synergy {\n    explanation {\n      distanceKm\n      sentences(language: $language)\n      reasons {\n        code\n        sentence(language: $language)\n      }\n      conditionsMet {\n        code\n        sentence(language: $language)\n      }\n      conditionsToCheck {\n        code\n        sentence(language: $language)\n      }\n    }\n  }\n": typeof types.SynergyExplanationFieldsFragmentDoc,
    "\n  fragment SynergyImpactsFields on Synergy {\n    impacts {\n      ...ImpactRangeFields\n      basis\n      formula\n      factors {\n        id\n        labelFr\n        labelEn\n        unit\n        value\n        sourceId\n        source {\n          id\n          citation\n          url\n        }\n      }\n      organization {\n        id\n        name\n      }\n    }\n    pathway {\n      id\n      sources {\n        id\n        citation\n        url\n      }\n    }\n  }\n": typeof types.SynergyImpactsFieldsFragmentDoc,
    "\n  subscription SynergySuggested {\n    synergySuggested {\n      synergyId\n      synergy {\n        id\n        kind\n        pathway {\n          id\n          labelFr\n          labelEn\n        }\n      }\n    }\n  }\n": typeof types.SynergySuggestedDocument,
    "\n  fragment SynergyParticipantsFields on Synergy {\n    participants {\n      isYours\n      role\n      consent\n      organization {\n        id\n        name\n        kind\n      }\n      flow {\n        id\n        label\n      }\n      anonymous {\n        organizationKind\n        descriptionFr\n        descriptionEn\n        distanceBand\n      }\n    }\n  }\n": typeof types.SynergyParticipantsFieldsFragmentDoc,
    "\n  query SynergyWorkspace {\n    viewer {\n      id\n      facilitatedTerritories {\n        id\n        name\n      }\n      memberships {\n        organization {\n          id\n          territory {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.SynergyWorkspaceDocument,
    "\n  fragment SynergyDecisionFields on Synergy {\n    id\n    status\n    identitiesRevealed\n    viewerCanRequestContact\n    viewerCanRespond\n    viewerCanDecline\n    participants {\n      isYours\n      consent\n    }\n  }\n": typeof types.SynergyDecisionFieldsFragmentDoc,
    "\n  mutation RequestContact($id: ID!) {\n    requestContact(id: $id) {\n      ...SynergyDecisionFields\n    }\n  }\n": typeof types.RequestContactDocument,
    "\n  mutation RespondToContact($id: ID!, $accept: Boolean!) {\n    respondToContact(id: $id, accept: $accept) {\n      ...SynergyDecisionFields\n    }\n  }\n": typeof types.RespondToContactDocument,
    "\n  mutation DeclineSynergy($id: ID!) {\n    declineSynergy(id: $id) {\n      ...SynergyDecisionFields\n    }\n  }\n": typeof types.DeclineSynergyDocument,
    "\n  query SynergyDetail($id: ID!, $language: Language!) {\n    synergy(id: $id, language: $language) {\n      id\n      kind\n      status\n      score\n      origin\n      note\n      pathway {\n        id\n        labelFr\n        labelEn\n        descriptionFr\n        descriptionEn\n      }\n      ...SynergyDecisionFields\n      ...SynergyExplanationFields\n      ...SynergyImpactsFields\n      ...SynergyParticipantsFields\n    }\n  }\n": typeof types.SynergyDetailDocument,
    "\n  query SynergyCount($filter: SynergyFilterInput) {\n    synergies(filter: $filter, first: 0) {\n      totalCount\n    }\n  }\n": typeof types.SynergyCountDocument,
    "\n  query SynergyPage($filter: SynergyFilterInput, $first: Int!, $after: String) {\n    synergies(filter: $filter, first: $first, after: $after) {\n      nodes {\n        ...SynergyRow\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SynergyPageDocument,
    "\n  fragment SynergyRow on Synergy {\n    id\n    kind\n    status\n    score\n    pathway {\n      id\n      labelFr\n      labelEn\n    }\n    participants {\n      isYours\n      organization {\n        id\n        name\n      }\n      anonymous {\n        organizationKind\n        sectorFr\n        sectorEn\n        distanceBand\n      }\n    }\n    impacts {\n      ...ImpactRangeFields\n    }\n  }\n": typeof types.SynergyRowFragmentDoc,
    "\n  query TerritoryImpact($territoryId: ID!) {\n    territoryImpact(territoryId: $territoryId) {\n      suggested {\n        ...ImpactGroupFields\n      }\n      inProgress {\n        ...ImpactGroupFields\n      }\n      operational {\n        ...ImpactGroupFields\n      }\n    }\n  }\n\n  fragment ImpactGroupFields on ImpactGroup {\n    synergyCount\n    totals {\n      ...ImpactTotalRangeFields\n    }\n  }\n": typeof types.TerritoryImpactDocument,
    "\n  fragment ImpactRangeFields on ImpactFigure {\n    indicator\n    low\n    central\n    high\n    unit\n  }\n": typeof types.ImpactRangeFieldsFragmentDoc,
    "\n  fragment ImpactTotalRangeFields on ImpactTotal {\n    indicator\n    low\n    central\n    high\n    unit\n  }\n": typeof types.ImpactTotalRangeFieldsFragmentDoc,
};
const documents: Documents = {
    "\n  query ApiTokens {\n    viewer {\n      id\n      apiTokens {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($name: String!) {\n    createApiToken(name: $name) {\n      token\n      apiToken {\n        id\n        name\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      viewer {\n        id\n        name\n      }\n    }\n  }\n": types.LogInDocument,
    "\n  mutation LogOut {\n    logOut\n  }\n": types.LogOutDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation AddSite($organizationId: ID!, $input: AddSiteInput!) {\n    addSite(organizationId: $organizationId, input: $input) {\n      id\n      name\n      city\n    }\n  }\n": types.AddSiteDocument,
    "\n  query Directory($filter: OrganizationFilterInput, $first: Int!, $after: String) {\n    organizations(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        kind\n        activitySector {\n          sectionLabelFr\n          sectionLabelEn\n        }\n        sites {\n          id\n          city\n        }\n        flows(first: 0) {\n          totalCount\n        }\n      }\n    }\n  }\n": types.DirectoryDocument,
    "\n  query Organization($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Organization {\n        id\n        name\n        kind\n        description\n        website\n        viewerCanEdit\n        activitySector {\n          code\n          labelFr\n          labelEn\n        }\n        territory {\n          id\n          name\n        }\n        sites {\n          id\n          name\n          address\n          postalCode\n          city\n        }\n        flows(first: 100) {\n          totalCount\n          nodes {\n            ...FlowFields\n          }\n        }\n      }\n    }\n  }\n": types.OrganizationDocument,
    "\n  query ViewerSynergies($first: Int!) {\n    synergies(first: $first) {\n      totalCount\n      nodes {\n        ...SynergyRow\n      }\n    }\n  }\n": types.ViewerSynergiesDocument,
    "\n  fragment FlowFields on ResourceFlow {\n    id\n    direction\n    category\n    label\n    description\n    ewcCode\n    wasteCode {\n      code\n      labelFr\n      labelEn\n      hazardous\n    }\n    needCode\n    quantity\n    unit\n    unitSymbol\n    period\n    physicalForm\n    temperatureC\n    availableMonths\n    currentDestination\n    yearlyCostEur\n    visibility\n    status\n    updatedAt\n    site {\n      id\n      name\n      city\n    }\n  }\n": types.FlowFieldsFragmentDoc,
    "\n  query MyOrganizations {\n    viewer {\n      id\n      memberships {\n        organization {\n          id\n          name\n          viewerCanEdit\n          territory {\n            id\n          }\n          sites {\n            id\n            name\n            city\n          }\n        }\n      }\n    }\n  }\n": types.MyOrganizationsDocument,
    "\n  query OrganizationFlows($organizationId: ID!, $status: FlowStatus!) {\n    flows(filter: { organizationId: $organizationId, status: $status }, first: 100) {\n      totalCount\n      nodes {\n        ...FlowFields\n      }\n    }\n  }\n": types.OrganizationFlowsDocument,
    "\n  query Flow($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on ResourceFlow {\n        ...FlowFields\n        organization {\n          id\n          name\n          viewerCanEdit\n          sites {\n            id\n            name\n            city\n          }\n        }\n      }\n    }\n  }\n": types.FlowDocument,
    "\n  mutation DeclareFlow($input: DeclareFlowInput!) {\n    declareFlow(input: $input) {\n      ...FlowFields\n    }\n  }\n": types.DeclareFlowDocument,
    "\n  mutation UpdateFlow($id: ID!, $input: UpdateFlowInput!) {\n    updateFlow(id: $id, input: $input) {\n      ...FlowFields\n    }\n  }\n": types.UpdateFlowDocument,
    "\n  mutation ArchiveFlow($id: ID!) {\n    archiveFlow(id: $id) {\n      ...FlowFields\n    }\n  }\n": types.ArchiveFlowDocument,
    "\n  query WasteCodes($search: String!) {\n    wasteCodes(search: $search, first: 12) {\n      code\n      labelFr\n      labelEn\n      hazardous\n    }\n  }\n": types.WasteCodesDocument,
    "\n  query Needs($search: String!) {\n    needs(search: $search, first: 12) {\n      code\n      category\n      labelFr\n      labelEn\n      unit\n    }\n  }\n": types.NeedsDocument,
    "\n  query ViewerTerritories {\n    viewer {\n      id\n      facilitatedTerritories {\n        id\n      }\n      memberships {\n        organization {\n          id\n          territory {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.ViewerTerritoriesDocument,
    "\n  subscription FlowChanged($territoryId: ID!) {\n    flowChanged(territoryId: $territoryId) {\n      change\n      flowId\n    }\n  }\n": types.FlowChangedDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      id\n      title\n      stage\n    }\n  }\n": types.CreateProjectDocument,
    "\n  query ProjectInvitations {\n    projectInvitations {\n      projectId\n      projectTitle\n      role\n      invitedAt\n      invitedByName\n      invitedByOrganization {\n        id\n        name\n      }\n      organization {\n        id\n        name\n      }\n    }\n  }\n": types.ProjectInvitationsDocument,
    "\n  mutation RespondToProjectInvitation($projectId: ID!, $organizationId: ID, $accept: Boolean!) {\n    respondToProjectInvitation(projectId: $projectId, organizationId: $organizationId, accept: $accept) {\n      id\n      title\n      stage\n    }\n  }\n": types.RespondToProjectInvitationDocument,
    "\n  query InviteCandidates($filter: OrganizationFilterInput) {\n    organizations(filter: $filter, first: 50) {\n      totalCount\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.InviteCandidatesDocument,
    "\n  mutation InviteToProject($projectId: ID!, $organizationId: ID!, $role: ProjectRole!) {\n    inviteToProject(projectId: $projectId, organizationId: $organizationId, role: $role) {\n      id\n      participants {\n        status\n        organization {\n          id\n        }\n      }\n    }\n  }\n": types.InviteToProjectDocument,
    "\n  fragment ProjectCardFields on SynergyProject {\n    id\n    title\n    stage\n    participants {\n      isYours\n      role\n      status\n      organization {\n        id\n        name\n      }\n    }\n  }\n": types.ProjectCardFieldsFragmentDoc,
    "\n  query ProjectPage($id: ID!) {\n    project(id: $id) {\n      id\n      title\n      stage\n      createdAt\n      viewerCanEditPlan\n      viewerRoles\n      territory {\n        id\n        name\n      }\n      originSynergy {\n        id\n        kind\n        pathway {\n          id\n          labelFr\n          labelEn\n        }\n      }\n      ...ProjectStageFields\n      ...ProjectParticipantsFields\n    }\n  }\n": types.ProjectPageDocument,
    "\n  fragment ProjectParticipantsFields on SynergyProject {\n    id\n    viewerCanManage\n    stage\n    territory {\n      id\n    }\n    participants {\n      isYours\n      role\n      status\n      invitedAt\n      invitedByName\n      invitedByOrganization {\n        id\n        name\n      }\n      respondedAt\n      removedAt\n      organization {\n        id\n        name\n      }\n    }\n  }\n": types.ProjectParticipantsFieldsFragmentDoc,
    "\n  mutation RemoveProjectParticipant($projectId: ID!, $organizationId: ID!) {\n    removeProjectParticipant(projectId: $projectId, organizationId: $organizationId) {\n      id\n      participants {\n        status\n        organization {\n          id\n        }\n      }\n    }\n  }\n": types.RemoveProjectParticipantDocument,
    "\n  query ProjectsWorkspace {\n    viewer {\n      id\n      facilitatedTerritories {\n        id\n        name\n      }\n      memberships {\n        organization {\n          id\n          territory {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.ProjectsWorkspaceDocument,
    "\n  query ProjectsBoard($filter: ProjectFilterInput) {\n    projects(filter: $filter, first: 100) {\n      totalCount\n      nodes {\n        ...ProjectCardFields\n      }\n    }\n  }\n": types.ProjectsBoardDocument,
    "\n  fragment ProjectStageFields on SynergyProject {\n    id\n    stage\n    abandonReason\n    nextStages\n    viewerCanManage\n    stageHistory {\n      changedAt\n      changedByName\n      from\n      to\n      reason\n    }\n  }\n": types.ProjectStageFieldsFragmentDoc,
    "\n  mutation ChangeProjectStage($projectId: ID!, $stage: ProjectStage!, $reason: String) {\n    changeProjectStage(projectId: $projectId, stage: $stage, reason: $reason) {\n      ...ProjectStageFields\n    }\n  }\n": types.ChangeProjectStageDocument,
    "\n  query SynergyProjects($filter: ProjectFilterInput) {\n    viewer {\n      id\n      facilitatedTerritories {\n        id\n      }\n    }\n    projects(filter: $filter, first: 20) {\n      nodes {\n        id\n        title\n        stage\n      }\n    }\n  }\n": types.SynergyProjectsDocument,
    "\n  subscription ProjectChanged($projectId: ID!) {\n    projectChanged(projectId: $projectId) {\n      change\n      projectId\n    }\n  }\n": types.ProjectChangedDocument,
    "\n  mutation DetectSynergies($territoryId: ID!) {\n    detectSynergies(territoryId: $territoryId) {\n      detected\n      suggested\n      updated\n      stale\n      withdrawn\n    }\n  }\n": types.DetectSynergiesDocument,
    "\n  fragment SynergyExplanationFields on Synergy {\n    explanation {\n      distanceKm\n      sentences(language: $language)\n      reasons {\n        code\n        sentence(language: $language)\n      }\n      conditionsMet {\n        code\n        sentence(language: $language)\n      }\n      conditionsToCheck {\n        code\n        sentence(language: $language)\n      }\n    }\n  }\n": types.SynergyExplanationFieldsFragmentDoc,
    "\n  fragment SynergyImpactsFields on Synergy {\n    impacts {\n      ...ImpactRangeFields\n      basis\n      formula\n      factors {\n        id\n        labelFr\n        labelEn\n        unit\n        value\n        sourceId\n        source {\n          id\n          citation\n          url\n        }\n      }\n      organization {\n        id\n        name\n      }\n    }\n    pathway {\n      id\n      sources {\n        id\n        citation\n        url\n      }\n    }\n  }\n": types.SynergyImpactsFieldsFragmentDoc,
    "\n  subscription SynergySuggested {\n    synergySuggested {\n      synergyId\n      synergy {\n        id\n        kind\n        pathway {\n          id\n          labelFr\n          labelEn\n        }\n      }\n    }\n  }\n": types.SynergySuggestedDocument,
    "\n  fragment SynergyParticipantsFields on Synergy {\n    participants {\n      isYours\n      role\n      consent\n      organization {\n        id\n        name\n        kind\n      }\n      flow {\n        id\n        label\n      }\n      anonymous {\n        organizationKind\n        descriptionFr\n        descriptionEn\n        distanceBand\n      }\n    }\n  }\n": types.SynergyParticipantsFieldsFragmentDoc,
    "\n  query SynergyWorkspace {\n    viewer {\n      id\n      facilitatedTerritories {\n        id\n        name\n      }\n      memberships {\n        organization {\n          id\n          territory {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.SynergyWorkspaceDocument,
    "\n  fragment SynergyDecisionFields on Synergy {\n    id\n    status\n    identitiesRevealed\n    viewerCanRequestContact\n    viewerCanRespond\n    viewerCanDecline\n    participants {\n      isYours\n      consent\n    }\n  }\n": types.SynergyDecisionFieldsFragmentDoc,
    "\n  mutation RequestContact($id: ID!) {\n    requestContact(id: $id) {\n      ...SynergyDecisionFields\n    }\n  }\n": types.RequestContactDocument,
    "\n  mutation RespondToContact($id: ID!, $accept: Boolean!) {\n    respondToContact(id: $id, accept: $accept) {\n      ...SynergyDecisionFields\n    }\n  }\n": types.RespondToContactDocument,
    "\n  mutation DeclineSynergy($id: ID!) {\n    declineSynergy(id: $id) {\n      ...SynergyDecisionFields\n    }\n  }\n": types.DeclineSynergyDocument,
    "\n  query SynergyDetail($id: ID!, $language: Language!) {\n    synergy(id: $id, language: $language) {\n      id\n      kind\n      status\n      score\n      origin\n      note\n      pathway {\n        id\n        labelFr\n        labelEn\n        descriptionFr\n        descriptionEn\n      }\n      ...SynergyDecisionFields\n      ...SynergyExplanationFields\n      ...SynergyImpactsFields\n      ...SynergyParticipantsFields\n    }\n  }\n": types.SynergyDetailDocument,
    "\n  query SynergyCount($filter: SynergyFilterInput) {\n    synergies(filter: $filter, first: 0) {\n      totalCount\n    }\n  }\n": types.SynergyCountDocument,
    "\n  query SynergyPage($filter: SynergyFilterInput, $first: Int!, $after: String) {\n    synergies(filter: $filter, first: $first, after: $after) {\n      nodes {\n        ...SynergyRow\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SynergyPageDocument,
    "\n  fragment SynergyRow on Synergy {\n    id\n    kind\n    status\n    score\n    pathway {\n      id\n      labelFr\n      labelEn\n    }\n    participants {\n      isYours\n      organization {\n        id\n        name\n      }\n      anonymous {\n        organizationKind\n        sectorFr\n        sectorEn\n        distanceBand\n      }\n    }\n    impacts {\n      ...ImpactRangeFields\n    }\n  }\n": types.SynergyRowFragmentDoc,
    "\n  query TerritoryImpact($territoryId: ID!) {\n    territoryImpact(territoryId: $territoryId) {\n      suggested {\n        ...ImpactGroupFields\n      }\n      inProgress {\n        ...ImpactGroupFields\n      }\n      operational {\n        ...ImpactGroupFields\n      }\n    }\n  }\n\n  fragment ImpactGroupFields on ImpactGroup {\n    synergyCount\n    totals {\n      ...ImpactTotalRangeFields\n    }\n  }\n": types.TerritoryImpactDocument,
    "\n  fragment ImpactRangeFields on ImpactFigure {\n    indicator\n    low\n    central\n    high\n    unit\n  }\n": types.ImpactRangeFieldsFragmentDoc,
    "\n  fragment ImpactTotalRangeFields on ImpactTotal {\n    indicator\n    low\n    central\n    high\n    unit\n  }\n": types.ImpactTotalRangeFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens {\n    viewer {\n      id\n      apiTokens {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens {\n    viewer {\n      id\n      apiTokens {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($name: String!) {\n    createApiToken(name: $name) {\n      token\n      apiToken {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($name: String!) {\n    createApiToken(name: $name) {\n      token\n      apiToken {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      viewer {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      viewer {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogOut {\n    logOut\n  }\n"): (typeof documents)["\n  mutation LogOut {\n    logOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddSite($organizationId: ID!, $input: AddSiteInput!) {\n    addSite(organizationId: $organizationId, input: $input) {\n      id\n      name\n      city\n    }\n  }\n"): (typeof documents)["\n  mutation AddSite($organizationId: ID!, $input: AddSiteInput!) {\n    addSite(organizationId: $organizationId, input: $input) {\n      id\n      name\n      city\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Directory($filter: OrganizationFilterInput, $first: Int!, $after: String) {\n    organizations(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        kind\n        activitySector {\n          sectionLabelFr\n          sectionLabelEn\n        }\n        sites {\n          id\n          city\n        }\n        flows(first: 0) {\n          totalCount\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Directory($filter: OrganizationFilterInput, $first: Int!, $after: String) {\n    organizations(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        kind\n        activitySector {\n          sectionLabelFr\n          sectionLabelEn\n        }\n        sites {\n          id\n          city\n        }\n        flows(first: 0) {\n          totalCount\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organization($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Organization {\n        id\n        name\n        kind\n        description\n        website\n        viewerCanEdit\n        activitySector {\n          code\n          labelFr\n          labelEn\n        }\n        territory {\n          id\n          name\n        }\n        sites {\n          id\n          name\n          address\n          postalCode\n          city\n        }\n        flows(first: 100) {\n          totalCount\n          nodes {\n            ...FlowFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Organization($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Organization {\n        id\n        name\n        kind\n        description\n        website\n        viewerCanEdit\n        activitySector {\n          code\n          labelFr\n          labelEn\n        }\n        territory {\n          id\n          name\n        }\n        sites {\n          id\n          name\n          address\n          postalCode\n          city\n        }\n        flows(first: 100) {\n          totalCount\n          nodes {\n            ...FlowFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerSynergies($first: Int!) {\n    synergies(first: $first) {\n      totalCount\n      nodes {\n        ...SynergyRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query ViewerSynergies($first: Int!) {\n    synergies(first: $first) {\n      totalCount\n      nodes {\n        ...SynergyRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FlowFields on ResourceFlow {\n    id\n    direction\n    category\n    label\n    description\n    ewcCode\n    wasteCode {\n      code\n      labelFr\n      labelEn\n      hazardous\n    }\n    needCode\n    quantity\n    unit\n    unitSymbol\n    period\n    physicalForm\n    temperatureC\n    availableMonths\n    currentDestination\n    yearlyCostEur\n    visibility\n    status\n    updatedAt\n    site {\n      id\n      name\n      city\n    }\n  }\n"): (typeof documents)["\n  fragment FlowFields on ResourceFlow {\n    id\n    direction\n    category\n    label\n    description\n    ewcCode\n    wasteCode {\n      code\n      labelFr\n      labelEn\n      hazardous\n    }\n    needCode\n    quantity\n    unit\n    unitSymbol\n    period\n    physicalForm\n    temperatureC\n    availableMonths\n    currentDestination\n    yearlyCostEur\n    visibility\n    status\n    updatedAt\n    site {\n      id\n      name\n      city\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyOrganizations {\n    viewer {\n      id\n      memberships {\n        organization {\n          id\n          name\n          viewerCanEdit\n          territory {\n            id\n          }\n          sites {\n            id\n            name\n            city\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyOrganizations {\n    viewer {\n      id\n      memberships {\n        organization {\n          id\n          name\n          viewerCanEdit\n          territory {\n            id\n          }\n          sites {\n            id\n            name\n            city\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationFlows($organizationId: ID!, $status: FlowStatus!) {\n    flows(filter: { organizationId: $organizationId, status: $status }, first: 100) {\n      totalCount\n      nodes {\n        ...FlowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationFlows($organizationId: ID!, $status: FlowStatus!) {\n    flows(filter: { organizationId: $organizationId, status: $status }, first: 100) {\n      totalCount\n      nodes {\n        ...FlowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Flow($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on ResourceFlow {\n        ...FlowFields\n        organization {\n          id\n          name\n          viewerCanEdit\n          sites {\n            id\n            name\n            city\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Flow($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on ResourceFlow {\n        ...FlowFields\n        organization {\n          id\n          name\n          viewerCanEdit\n          sites {\n            id\n            name\n            city\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclareFlow($input: DeclareFlowInput!) {\n    declareFlow(input: $input) {\n      ...FlowFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeclareFlow($input: DeclareFlowInput!) {\n    declareFlow(input: $input) {\n      ...FlowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateFlow($id: ID!, $input: UpdateFlowInput!) {\n    updateFlow(id: $id, input: $input) {\n      ...FlowFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateFlow($id: ID!, $input: UpdateFlowInput!) {\n    updateFlow(id: $id, input: $input) {\n      ...FlowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveFlow($id: ID!) {\n    archiveFlow(id: $id) {\n      ...FlowFields\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveFlow($id: ID!) {\n    archiveFlow(id: $id) {\n      ...FlowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WasteCodes($search: String!) {\n    wasteCodes(search: $search, first: 12) {\n      code\n      labelFr\n      labelEn\n      hazardous\n    }\n  }\n"): (typeof documents)["\n  query WasteCodes($search: String!) {\n    wasteCodes(search: $search, first: 12) {\n      code\n      labelFr\n      labelEn\n      hazardous\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Needs($search: String!) {\n    needs(search: $search, first: 12) {\n      code\n      category\n      labelFr\n      labelEn\n      unit\n    }\n  }\n"): (typeof documents)["\n  query Needs($search: String!) {\n    needs(search: $search, first: 12) {\n      code\n      category\n      labelFr\n      labelEn\n      unit\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerTerritories {\n    viewer {\n      id\n      facilitatedTerritories {\n        id\n      }\n      memberships {\n        organization {\n          id\n          territory {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ViewerTerritories {\n    viewer {\n      id\n      facilitatedTerritories {\n        id\n      }\n      memberships {\n        organization {\n          id\n          territory {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FlowChanged($territoryId: ID!) {\n    flowChanged(territoryId: $territoryId) {\n      change\n      flowId\n    }\n  }\n"): (typeof documents)["\n  subscription FlowChanged($territoryId: ID!) {\n    flowChanged(territoryId: $territoryId) {\n      change\n      flowId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      id\n      title\n      stage\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      id\n      title\n      stage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectInvitations {\n    projectInvitations {\n      projectId\n      projectTitle\n      role\n      invitedAt\n      invitedByName\n      invitedByOrganization {\n        id\n        name\n      }\n      organization {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectInvitations {\n    projectInvitations {\n      projectId\n      projectTitle\n      role\n      invitedAt\n      invitedByName\n      invitedByOrganization {\n        id\n        name\n      }\n      organization {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToProjectInvitation($projectId: ID!, $organizationId: ID, $accept: Boolean!) {\n    respondToProjectInvitation(projectId: $projectId, organizationId: $organizationId, accept: $accept) {\n      id\n      title\n      stage\n    }\n  }\n"): (typeof documents)["\n  mutation RespondToProjectInvitation($projectId: ID!, $organizationId: ID, $accept: Boolean!) {\n    respondToProjectInvitation(projectId: $projectId, organizationId: $organizationId, accept: $accept) {\n      id\n      title\n      stage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InviteCandidates($filter: OrganizationFilterInput) {\n    organizations(filter: $filter, first: 50) {\n      totalCount\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query InviteCandidates($filter: OrganizationFilterInput) {\n    organizations(filter: $filter, first: 50) {\n      totalCount\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteToProject($projectId: ID!, $organizationId: ID!, $role: ProjectRole!) {\n    inviteToProject(projectId: $projectId, organizationId: $organizationId, role: $role) {\n      id\n      participants {\n        status\n        organization {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteToProject($projectId: ID!, $organizationId: ID!, $role: ProjectRole!) {\n    inviteToProject(projectId: $projectId, organizationId: $organizationId, role: $role) {\n      id\n      participants {\n        status\n        organization {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectCardFields on SynergyProject {\n    id\n    title\n    stage\n    participants {\n      isYours\n      role\n      status\n      organization {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ProjectCardFields on SynergyProject {\n    id\n    title\n    stage\n    participants {\n      isYours\n      role\n      status\n      organization {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectPage($id: ID!) {\n    project(id: $id) {\n      id\n      title\n      stage\n      createdAt\n      viewerCanEditPlan\n      viewerRoles\n      territory {\n        id\n        name\n      }\n      originSynergy {\n        id\n        kind\n        pathway {\n          id\n          labelFr\n          labelEn\n        }\n      }\n      ...ProjectStageFields\n      ...ProjectParticipantsFields\n    }\n  }\n"): (typeof documents)["\n  query ProjectPage($id: ID!) {\n    project(id: $id) {\n      id\n      title\n      stage\n      createdAt\n      viewerCanEditPlan\n      viewerRoles\n      territory {\n        id\n        name\n      }\n      originSynergy {\n        id\n        kind\n        pathway {\n          id\n          labelFr\n          labelEn\n        }\n      }\n      ...ProjectStageFields\n      ...ProjectParticipantsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectParticipantsFields on SynergyProject {\n    id\n    viewerCanManage\n    stage\n    territory {\n      id\n    }\n    participants {\n      isYours\n      role\n      status\n      invitedAt\n      invitedByName\n      invitedByOrganization {\n        id\n        name\n      }\n      respondedAt\n      removedAt\n      organization {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ProjectParticipantsFields on SynergyProject {\n    id\n    viewerCanManage\n    stage\n    territory {\n      id\n    }\n    participants {\n      isYours\n      role\n      status\n      invitedAt\n      invitedByName\n      invitedByOrganization {\n        id\n        name\n      }\n      respondedAt\n      removedAt\n      organization {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveProjectParticipant($projectId: ID!, $organizationId: ID!) {\n    removeProjectParticipant(projectId: $projectId, organizationId: $organizationId) {\n      id\n      participants {\n        status\n        organization {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveProjectParticipant($projectId: ID!, $organizationId: ID!) {\n    removeProjectParticipant(projectId: $projectId, organizationId: $organizationId) {\n      id\n      participants {\n        status\n        organization {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectsWorkspace {\n    viewer {\n      id\n      facilitatedTerritories {\n        id\n        name\n      }\n      memberships {\n        organization {\n          id\n          territory {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectsWorkspace {\n    viewer {\n      id\n      facilitatedTerritories {\n        id\n        name\n      }\n      memberships {\n        organization {\n          id\n          territory {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectsBoard($filter: ProjectFilterInput) {\n    projects(filter: $filter, first: 100) {\n      totalCount\n      nodes {\n        ...ProjectCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectsBoard($filter: ProjectFilterInput) {\n    projects(filter: $filter, first: 100) {\n      totalCount\n      nodes {\n        ...ProjectCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectStageFields on SynergyProject {\n    id\n    stage\n    abandonReason\n    nextStages\n    viewerCanManage\n    stageHistory {\n      changedAt\n      changedByName\n      from\n      to\n      reason\n    }\n  }\n"): (typeof documents)["\n  fragment ProjectStageFields on SynergyProject {\n    id\n    stage\n    abandonReason\n    nextStages\n    viewerCanManage\n    stageHistory {\n      changedAt\n      changedByName\n      from\n      to\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeProjectStage($projectId: ID!, $stage: ProjectStage!, $reason: String) {\n    changeProjectStage(projectId: $projectId, stage: $stage, reason: $reason) {\n      ...ProjectStageFields\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeProjectStage($projectId: ID!, $stage: ProjectStage!, $reason: String) {\n    changeProjectStage(projectId: $projectId, stage: $stage, reason: $reason) {\n      ...ProjectStageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SynergyProjects($filter: ProjectFilterInput) {\n    viewer {\n      id\n      facilitatedTerritories {\n        id\n      }\n    }\n    projects(filter: $filter, first: 20) {\n      nodes {\n        id\n        title\n        stage\n      }\n    }\n  }\n"): (typeof documents)["\n  query SynergyProjects($filter: ProjectFilterInput) {\n    viewer {\n      id\n      facilitatedTerritories {\n        id\n      }\n    }\n    projects(filter: $filter, first: 20) {\n      nodes {\n        id\n        title\n        stage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ProjectChanged($projectId: ID!) {\n    projectChanged(projectId: $projectId) {\n      change\n      projectId\n    }\n  }\n"): (typeof documents)["\n  subscription ProjectChanged($projectId: ID!) {\n    projectChanged(projectId: $projectId) {\n      change\n      projectId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DetectSynergies($territoryId: ID!) {\n    detectSynergies(territoryId: $territoryId) {\n      detected\n      suggested\n      updated\n      stale\n      withdrawn\n    }\n  }\n"): (typeof documents)["\n  mutation DetectSynergies($territoryId: ID!) {\n    detectSynergies(territoryId: $territoryId) {\n      detected\n      suggested\n      updated\n      stale\n      withdrawn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SynergyExplanationFields on Synergy {\n    explanation {\n      distanceKm\n      sentences(language: $language)\n      reasons {\n        code\n        sentence(language: $language)\n      }\n      conditionsMet {\n        code\n        sentence(language: $language)\n      }\n      conditionsToCheck {\n        code\n        sentence(language: $language)\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SynergyExplanationFields on Synergy {\n    explanation {\n      distanceKm\n      sentences(language: $language)\n      reasons {\n        code\n        sentence(language: $language)\n      }\n      conditionsMet {\n        code\n        sentence(language: $language)\n      }\n      conditionsToCheck {\n        code\n        sentence(language: $language)\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SynergyImpactsFields on Synergy {\n    impacts {\n      ...ImpactRangeFields\n      basis\n      formula\n      factors {\n        id\n        labelFr\n        labelEn\n        unit\n        value\n        sourceId\n        source {\n          id\n          citation\n          url\n        }\n      }\n      organization {\n        id\n        name\n      }\n    }\n    pathway {\n      id\n      sources {\n        id\n        citation\n        url\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SynergyImpactsFields on Synergy {\n    impacts {\n      ...ImpactRangeFields\n      basis\n      formula\n      factors {\n        id\n        labelFr\n        labelEn\n        unit\n        value\n        sourceId\n        source {\n          id\n          citation\n          url\n        }\n      }\n      organization {\n        id\n        name\n      }\n    }\n    pathway {\n      id\n      sources {\n        id\n        citation\n        url\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SynergySuggested {\n    synergySuggested {\n      synergyId\n      synergy {\n        id\n        kind\n        pathway {\n          id\n          labelFr\n          labelEn\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription SynergySuggested {\n    synergySuggested {\n      synergyId\n      synergy {\n        id\n        kind\n        pathway {\n          id\n          labelFr\n          labelEn\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SynergyParticipantsFields on Synergy {\n    participants {\n      isYours\n      role\n      consent\n      organization {\n        id\n        name\n        kind\n      }\n      flow {\n        id\n        label\n      }\n      anonymous {\n        organizationKind\n        descriptionFr\n        descriptionEn\n        distanceBand\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SynergyParticipantsFields on Synergy {\n    participants {\n      isYours\n      role\n      consent\n      organization {\n        id\n        name\n        kind\n      }\n      flow {\n        id\n        label\n      }\n      anonymous {\n        organizationKind\n        descriptionFr\n        descriptionEn\n        distanceBand\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SynergyWorkspace {\n    viewer {\n      id\n      facilitatedTerritories {\n        id\n        name\n      }\n      memberships {\n        organization {\n          id\n          territory {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SynergyWorkspace {\n    viewer {\n      id\n      facilitatedTerritories {\n        id\n        name\n      }\n      memberships {\n        organization {\n          id\n          territory {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SynergyDecisionFields on Synergy {\n    id\n    status\n    identitiesRevealed\n    viewerCanRequestContact\n    viewerCanRespond\n    viewerCanDecline\n    participants {\n      isYours\n      consent\n    }\n  }\n"): (typeof documents)["\n  fragment SynergyDecisionFields on Synergy {\n    id\n    status\n    identitiesRevealed\n    viewerCanRequestContact\n    viewerCanRespond\n    viewerCanDecline\n    participants {\n      isYours\n      consent\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestContact($id: ID!) {\n    requestContact(id: $id) {\n      ...SynergyDecisionFields\n    }\n  }\n"): (typeof documents)["\n  mutation RequestContact($id: ID!) {\n    requestContact(id: $id) {\n      ...SynergyDecisionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToContact($id: ID!, $accept: Boolean!) {\n    respondToContact(id: $id, accept: $accept) {\n      ...SynergyDecisionFields\n    }\n  }\n"): (typeof documents)["\n  mutation RespondToContact($id: ID!, $accept: Boolean!) {\n    respondToContact(id: $id, accept: $accept) {\n      ...SynergyDecisionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineSynergy($id: ID!) {\n    declineSynergy(id: $id) {\n      ...SynergyDecisionFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineSynergy($id: ID!) {\n    declineSynergy(id: $id) {\n      ...SynergyDecisionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SynergyDetail($id: ID!, $language: Language!) {\n    synergy(id: $id, language: $language) {\n      id\n      kind\n      status\n      score\n      origin\n      note\n      pathway {\n        id\n        labelFr\n        labelEn\n        descriptionFr\n        descriptionEn\n      }\n      ...SynergyDecisionFields\n      ...SynergyExplanationFields\n      ...SynergyImpactsFields\n      ...SynergyParticipantsFields\n    }\n  }\n"): (typeof documents)["\n  query SynergyDetail($id: ID!, $language: Language!) {\n    synergy(id: $id, language: $language) {\n      id\n      kind\n      status\n      score\n      origin\n      note\n      pathway {\n        id\n        labelFr\n        labelEn\n        descriptionFr\n        descriptionEn\n      }\n      ...SynergyDecisionFields\n      ...SynergyExplanationFields\n      ...SynergyImpactsFields\n      ...SynergyParticipantsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SynergyCount($filter: SynergyFilterInput) {\n    synergies(filter: $filter, first: 0) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query SynergyCount($filter: SynergyFilterInput) {\n    synergies(filter: $filter, first: 0) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SynergyPage($filter: SynergyFilterInput, $first: Int!, $after: String) {\n    synergies(filter: $filter, first: $first, after: $after) {\n      nodes {\n        ...SynergyRow\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SynergyPage($filter: SynergyFilterInput, $first: Int!, $after: String) {\n    synergies(filter: $filter, first: $first, after: $after) {\n      nodes {\n        ...SynergyRow\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SynergyRow on Synergy {\n    id\n    kind\n    status\n    score\n    pathway {\n      id\n      labelFr\n      labelEn\n    }\n    participants {\n      isYours\n      organization {\n        id\n        name\n      }\n      anonymous {\n        organizationKind\n        sectorFr\n        sectorEn\n        distanceBand\n      }\n    }\n    impacts {\n      ...ImpactRangeFields\n    }\n  }\n"): (typeof documents)["\n  fragment SynergyRow on Synergy {\n    id\n    kind\n    status\n    score\n    pathway {\n      id\n      labelFr\n      labelEn\n    }\n    participants {\n      isYours\n      organization {\n        id\n        name\n      }\n      anonymous {\n        organizationKind\n        sectorFr\n        sectorEn\n        distanceBand\n      }\n    }\n    impacts {\n      ...ImpactRangeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TerritoryImpact($territoryId: ID!) {\n    territoryImpact(territoryId: $territoryId) {\n      suggested {\n        ...ImpactGroupFields\n      }\n      inProgress {\n        ...ImpactGroupFields\n      }\n      operational {\n        ...ImpactGroupFields\n      }\n    }\n  }\n\n  fragment ImpactGroupFields on ImpactGroup {\n    synergyCount\n    totals {\n      ...ImpactTotalRangeFields\n    }\n  }\n"): (typeof documents)["\n  query TerritoryImpact($territoryId: ID!) {\n    territoryImpact(territoryId: $territoryId) {\n      suggested {\n        ...ImpactGroupFields\n      }\n      inProgress {\n        ...ImpactGroupFields\n      }\n      operational {\n        ...ImpactGroupFields\n      }\n    }\n  }\n\n  fragment ImpactGroupFields on ImpactGroup {\n    synergyCount\n    totals {\n      ...ImpactTotalRangeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImpactRangeFields on ImpactFigure {\n    indicator\n    low\n    central\n    high\n    unit\n  }\n"): (typeof documents)["\n  fragment ImpactRangeFields on ImpactFigure {\n    indicator\n    low\n    central\n    high\n    unit\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImpactTotalRangeFields on ImpactTotal {\n    indicator\n    low\n    central\n    high\n    unit\n  }\n"): (typeof documents)["\n  fragment ImpactTotalRangeFields on ImpactTotal {\n    indicator\n    low\n    central\n    high\n    unit\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;