/**
 * Logged by the API process once its HTTP server accepts connections. Nest's own "successfully started"
 * comes from init(), before listen(): whoever waits for the API to answer (tests, the bench, launchers)
 * waits for this line. A module of its own so that they need not load the app to know it.
 */
export const API_LISTENING = 'API listening on';
