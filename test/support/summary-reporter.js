/**
 * Ends the run with one plain line, `N passed, N failed, N skipped`, that CI systems and people
 * can read without knowing jest's own summary format.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numRuntimeErrorTestSuites } = results;
    const failed = numFailedTests + numRuntimeErrorTestSuites;
    process.stdout.write(`\n${numPassedTests} passed, ${failed} failed, ${numPendingTests} skipped\n`);
  }
}

module.exports = SummaryReporter;
