/** The parts of an ATT&CK STIX bundle the intel module uses, keyed by ATT&CK IDs (T1059, G0007, S0154...). */

interface AttackObjectBase {
  /** ATT&CK ID from `external_references[source_name=mitre-attack].external_id`. */
  id: string;
  stixId: string;
  name: string;
  description: string;
  url?: string;
}

export interface AttackTechnique extends AttackObjectBase {
  /** Tactic shortnames from the kill chain phases, e.g. `execution`. */
  tactics: string[];
  isSubtechnique: boolean;
  /** For a sub-technique (T1059.001), the parent's ID (T1059). */
  parentId?: string;
  platforms: string[];
}

export interface AttackTactic extends AttackObjectBase {
  shortname: string;
}

export interface AttackGroup extends AttackObjectBase {
  aliases: string[];
}

export interface AttackSoftware extends AttackObjectBase {
  kind: 'malware' | 'tool';
  aliases: string[];
  platforms: string[];
}

export interface AttackCampaign extends AttackObjectBase {
  aliases: string[];
  firstSeen?: string;
  lastSeen?: string;
}

export type AttackMitigation = AttackObjectBase;

export type AttackRelationshipType = 'uses' | 'subtechnique-of' | 'attributed-to' | 'mitigates';

export interface AttackRelationship {
  type: AttackRelationshipType;
  /** STIX ids of the two ends. */
  source: string;
  target: string;
}

export type AttackObject =
  | AttackTechnique
  | AttackTactic
  | AttackGroup
  | AttackSoftware
  | AttackCampaign
  | AttackMitigation;

export interface AttackCatalog {
  /** `x_mitre_version` of the bundle's x-mitre-collection object, when it has one. */
  version: string | null;
  /** The matrix's domain, e.g. `enterprise-attack`, when the bundle has a matrix. */
  domain: string | null;
  techniques: AttackTechnique[];
  tactics: AttackTactic[];
  groups: AttackGroup[];
  software: AttackSoftware[];
  campaigns: AttackCampaign[];
  mitigations: AttackMitigation[];
  relationships: AttackRelationship[];
}
