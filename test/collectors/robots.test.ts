import { describe, expect, it } from 'vitest';
import { isAllowed, parseRobots } from '../../collectors/fetch/robots.js';
import { isLinkLocalOrMetadata, isPrivateAddress } from '../../collectors/fetch/address-guard.js';

describe('robots.txt', () => {
  const txt = [
    'User-agent: *',
    'Disallow: /search',
    'Disallow: /*.pdf$',
    'Allow: /search/about',
    'Crawl-delay: 2',
    '',
    'User-agent: BadBot',
    'User-agent: OtherBot',
    'Disallow: /',
  ].join('\n');

  it('uses the * group when no group names us; longest rule wins; wildcards and $', () => {
    const rules = parseRobots(txt, 'Bonitor');
    expect(isAllowed(rules, '/news/rss')).toBe(true);
    expect(isAllowed(rules, '/search?q=x')).toBe(false);
    expect(isAllowed(rules, '/search/about')).toBe(true);
    expect(isAllowed(rules, '/files/report.pdf')).toBe(false);
    expect(isAllowed(rules, '/files/report.pdf?x=1')).toBe(true);
    expect(rules.crawlDelayMs).toBe(2000);
  });

  it('uses the group that names our product token, case-insensitively, with grouped user agents', () => {
    expect(isAllowed(parseRobots(txt, 'otherbot'), '/news')).toBe(false);
    expect(isAllowed(parseRobots('User-agent: bonitor\nDisallow: /x\n\nUser-agent: *\nDisallow: /', 'Bonitor'), '/y')).toBe(true);
  });

  it('treats an empty Disallow and an empty file as allow-all', () => {
    expect(isAllowed(parseRobots('User-agent: *\nDisallow:\n', 'Bonitor'), '/anything')).toBe(true);
    expect(isAllowed(parseRobots('', 'Bonitor'), '/anything')).toBe(true);
  });
});

describe('isPrivateAddress', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '224.0.0.1'])(
    '%s is private',
    (ip) => expect(isPrivateAddress(ip)).toBe(true),
  );
  it.each(['8.8.8.8', '172.32.0.1', '193.5.0.1', '2001:db8::1', '2a00:1450::1', '::ffff:8.8.8.8'])('%s is public', (ip) =>
    expect(isPrivateAddress(ip)).toBe(false),
  );
});

describe('isLinkLocalOrMetadata', () => {
  it.each(['169.254.169.254', '169.254.170.2', '169.254.0.1', '100.100.100.200', '192.0.0.192', 'fe80::1', '[fe80::a:b]', 'febf::1', 'fe80::1%eth0', 'fd00:ec2::254', 'fd00:0ec2:0:0:0:0:0:254', '::ffff:169.254.169.254', '::ffff:a9fe:a9fe'])(
    '%s is link-local or metadata',
    (ip) => expect(isLinkLocalOrMetadata(ip)).toBe(true),
  );
  it.each(['127.0.0.1', '10.0.0.1', '192.168.1.1', '100.64.0.1', '::1', 'fd00::1', 'fd00:ec2::253', 'fec0::1', '8.8.8.8', '::ffff:127.0.0.1'])('%s is not', (ip) =>
    expect(isLinkLocalOrMetadata(ip)).toBe(false),
  );
});
