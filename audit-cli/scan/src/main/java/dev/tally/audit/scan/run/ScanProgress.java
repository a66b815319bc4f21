package dev.tally.audit.scan.run;

/** Told how far a scan has got; the command draws a progress bar with it when stderr is a terminal. */
public interface ScanProgress {

    /** Nothing to show (piped output, {@code --no-progress}). */
    ScanProgress NONE = new ScanProgress() {
        @Override
        public void planned(int tasks) {
        }

        @Override
        public void finished(String what) {
        }

        @Override
        public void done() {
        }
    };

    /** More tasks became known (an account's regions were listed). */
    void planned(int tasks);

    /** One task finished (successfully or not). */
    void finished(String what);

    /** The scan is over; clear the bar. */
    void done();
}
