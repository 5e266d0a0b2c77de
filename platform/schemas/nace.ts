/**
 * NOGA 2008 (Switzerland) and NACE Rev. 2 (EU) share their sections A–U and two-digit divisions.
 * The one table of sections and their divisions, shared by the collectors (sector watching) and
 * analysis (industry signals, industry risk).
 */
export interface NaceSectionRange {
  code: string;
  name: string;
  /** First and last two-digit division of the section. */
  divisions: [number, number];
}

export const NACE_SECTION_RANGES: readonly NaceSectionRange[] = [
  { code: 'A', name: 'Agriculture, forestry and fishing', divisions: [1, 3] },
  { code: 'B', name: 'Mining and quarrying', divisions: [5, 9] },
  { code: 'C', name: 'Manufacturing', divisions: [10, 33] },
  { code: 'D', name: 'Electricity, gas, steam and air conditioning supply', divisions: [35, 35] },
  { code: 'E', name: 'Water supply; sewerage, waste management and remediation', divisions: [36, 39] },
  { code: 'F', name: 'Construction', divisions: [41, 43] },
  { code: 'G', name: 'Wholesale and retail trade; repair of motor vehicles', divisions: [45, 47] },
  { code: 'H', name: 'Transportation and storage', divisions: [49, 53] },
  { code: 'I', name: 'Accommodation and food service activities', divisions: [55, 56] },
  { code: 'J', name: 'Information and communication', divisions: [58, 63] },
  { code: 'K', name: 'Financial and insurance activities', divisions: [64, 66] },
  { code: 'L', name: 'Real estate activities', divisions: [68, 68] },
  { code: 'M', name: 'Professional, scientific and technical activities', divisions: [69, 75] },
  { code: 'N', name: 'Administrative and support service activities', divisions: [77, 82] },
  { code: 'O', name: 'Public administration and defence', divisions: [84, 84] },
  { code: 'P', name: 'Education', divisions: [85, 85] },
  { code: 'Q', name: 'Human health and social work activities', divisions: [86, 88] },
  { code: 'R', name: 'Arts, entertainment and recreation', divisions: [90, 93] },
  { code: 'S', name: 'Other service activities', divisions: [94, 96] },
  { code: 'T', name: 'Activities of households as employers', divisions: [97, 98] },
  { code: 'U', name: 'Activities of extraterritorial organisations', divisions: [99, 99] },
];

/**
 * The section of an industry code: a section letter ("F"), a NOGA/NACE division or class
 * ("41", "47.11", "471100", "C25.1"). Undefined when the code cannot be read.
 */
export function sectionOfCode(code: string): string | undefined {
  const c = code.trim().toUpperCase();
  if (/^[A-U]$/.test(c)) return c;
  const m = /^([A-U])?\s*(\d{2})/.exec(c);
  if (!m) return undefined;
  const division = Number(m[2]);
  return NACE_SECTION_RANGES.find((s) => division >= s.divisions[0] && division <= s.divisions[1])?.code;
}
