/** A clear user agent: who we are and whom to contact, as site operators expect. */
export function userAgentFor(contact: string, version = '0.1'): string {
  const c = contact.trim();
  const addr = /^https?:\/\//i.test(c) ? c : `mailto:${c}`;
  return `Bonitor/${version} (+${addr})`;
}
