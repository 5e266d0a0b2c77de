/** The HTTP routes and the alerts stage share one notion of "unsubscribed". */
export { unsubscribedKey } from '../alerts/index.js';
