/**
 * autocannon in a process of its own, for benches that measure the server's CPU per request: the
 * load generator's CPU then is not the server process's. Options as JSON in argv[2]; prints
 * autocannon's result as JSON on stdout.
 */
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2] ?? '{}') as autocannon.Options;
const result = await autocannon(options);
process.stdout.write(JSON.stringify(result));
