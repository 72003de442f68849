// One place that decides which Firefox binary the Firefox e2e suite uses.
// Debian's firefox-esr package installs it at /usr/bin/firefox-esr; FIREFOX_PATH overrides it.
export const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
