// The parts of the OSCAL 1.x catalog model the importer reads (https://pages.nist.gov/OSCAL/).

export interface OscalProp {
  name: string;
  value: string;
  class?: string;
}

export interface OscalPart {
  id?: string;
  name: string;
  prose?: string;
  props?: OscalProp[];
  parts?: OscalPart[];
}

export interface OscalParam {
  id: string;
  label?: string;
  values?: string[];
  select?: { 'how-many'?: string; choice?: string[] };
  guidelines?: { prose: string }[];
}

export interface OscalControl {
  id: string;
  title: string;
  class?: string;
  params?: OscalParam[];
  props?: OscalProp[];
  parts?: OscalPart[];
  controls?: OscalControl[];
}

export interface OscalGroup {
  id?: string;
  title: string;
  params?: OscalParam[];
  groups?: OscalGroup[];
  controls?: OscalControl[];
}

export interface OscalCatalog {
  uuid?: string;
  metadata: { title: string; version?: string };
  params?: OscalParam[];
  groups?: OscalGroup[];
  controls?: OscalControl[];
}
