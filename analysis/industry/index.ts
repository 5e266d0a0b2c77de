export { NACE_SECTIONS, sectionOfCode, type NaceSection } from './nace-sections.js';
export { linkIndustries, detectIndustryTrends, type IndustryMatch, type IndustryTrend } from './link-industries.js';
export { findIndustryEvents, type IndustryEvent } from './industry-events.js';
