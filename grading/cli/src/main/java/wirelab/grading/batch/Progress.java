package wirelab.grading.batch;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows how far the batch is: on a terminal, one bar redrawn in place with the rate and an ETA;
 * otherwise (CI logs, pipes) one plain line per finished submission.
 */
public final class Progress {

    private final PrintStream out;
    private final int total;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private int done;
    private int skipped;

    public Progress(PrintStream out, int total, boolean terminal) {
        this.out = out;
        this.total = total;
        this.terminal = terminal;
    }

    public static boolean onTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"))
                && System.getenv("WIRELAB_PLAIN") == null;
    }

    public synchronized void started() {
        if (terminal) {
            draw("");
        }
    }

    public synchronized void finished(String student, String verdict, boolean wasSkipped) {
        done++;
        if (wasSkipped) {
            skipped++;
        }
        if (terminal) {
            draw(student + " " + verdict);
            if (done == total) {
                out.println();
            }
        } else {
            out.printf(Locale.ROOT, "[%d/%d] %-28s %s%n", done, total, student, verdict);
        }
        out.flush();
    }

    private void draw(String last) {
        int width = 30;
        int filled = total == 0 ? width : width * done / total;
        double elapsed = (System.nanoTime() - start) / 1e9;
        int graded = done - skipped;
        String eta = "--:--";
        if (graded > 0 && done < total) {
            double per = elapsed / graded;
            eta = clock((long) (per * (total - done)));
        } else if (done == total) {
            eta = "done in " + clock((long) elapsed);
        }
        String line = String.format(Locale.ROOT, "\r grading %3d/%-3d [%s%s] %3d%%  ETA %s  %s", done, total,
                "#".repeat(filled), ".".repeat(width - filled), total == 0 ? 100 : 100 * done / total, eta,
                last.length() > 40 ? last.substring(0, 40) : last);
        out.print(line + "\033[K");
    }

    static String clock(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
