// Package browsertest checks redline's HTML page in a real browser:
// headless Chromium (Debian's chromium package) driven over the DevTools
// protocol by chromedp. Its tests open pages from file:// URLs and check
// that nothing is fetched and nothing is logged as an error, that the
// keyboard reaches every change, that the side-by-side rows line up, that
// print media renders, and that axe-core finds no serious accessibility
// violation. They skip, saying why, where no Chromium (or no axe-core, for
// the accessibility test) is installed; .ci/run installs both.
//
// Screenshots and the printed PDF go to a temporary folder, or to
// $REDLINE_SHOTS when it is set, to be looked at.
package browsertest
