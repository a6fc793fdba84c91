package wirelab.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plants a copied pair among honest submissions that all contain the starter: JPlag flags the pair, not the starter. */
class SimilarityMainTest {

    @TempDir
    Path tmp;

    static final String STARTER = """
            package demo;

            import java.util.ArrayList;
            import java.util.List;

            /** The starter every student gets: a queue of jobs with a worker loop. */
            public class Jobs {
                private final List<String> queue = new ArrayList<>();
                private int done;

                public synchronized void add(String job) {
                    if (job == null || job.isBlank()) {
                        throw new IllegalArgumentException("a job needs a name");
                    }
                    queue.add(job);
                    notifyAll();
                }

                public synchronized int done() {
                    return done;
                }

                public synchronized int waiting() {
                    return queue.size();
                }

                public String describe() {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < waiting(); i++) {
                        sb.append(i).append(": job").append('\\n');
                    }
                    return sb.toString() + " done=" + done();
                }
            %s
            }
            """;

    static final String ALICE = """
                public synchronized String take() throws InterruptedException {
                    while (queue.isEmpty()) {
                        wait();
                    }
                    String job = queue.remove(0);
                    done++;
                    int left = queue.size();
                    if (left == 0) {
                        notifyAll();
                    }
                    return job + " (" + left + " left)";
                }

                public synchronized List<String> drain(int max) {
                    List<String> out = new ArrayList<>();
                    int n = 0;
                    while (!queue.isEmpty() && n < max) {
                        out.add(queue.remove(0));
                        n++;
                        done++;
                    }
                    if (queue.isEmpty()) {
                        notifyAll();
                    }
                    return out;
                }
            """;

    // Alice's code with renamed variables and reordered methods: the planted copy
    static final String BOB = """
                public synchronized List<String> drain(int limit) {
                    List<String> result = new ArrayList<>();
                    int count = 0;
                    while (!queue.isEmpty() && count < limit) {
                        result.add(queue.remove(0));
                        count++;
                        done++;
                    }
                    if (queue.isEmpty()) {
                        notifyAll();
                    }
                    return result;
                }

                public synchronized String take() throws InterruptedException {
                    while (queue.isEmpty()) {
                        wait();
                    }
                    String next = queue.remove(0);
                    done++;
                    int remaining = queue.size();
                    if (remaining == 0) {
                        notifyAll();
                    }
                    return next + " (" + remaining + " left)";
                }
            """;

    static final String CAROL = """
                public String take() throws InterruptedException {
                    synchronized (this) {
                        for (;;) {
                            if (!queue.isEmpty()) {
                                done += 1;
                                return queue.remove(0);
                            }
                            this.wait(1000);
                        }
                    }
                }

                public List<String> drain(int max) {
                    synchronized (this) {
                        List<String> copy = new ArrayList<>(queue.subList(0, Math.min(max, queue.size())));
                        queue.subList(0, copy.size()).clear();
                        done += copy.size();
                        return copy;
                    }
                }
            """;

    void submission(Path root, String name, String body) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name).resolve("src/main/java/demo"));
        Files.writeString(dir.resolve("Jobs.java"), STARTER.formatted(body));
    }

    @Test
    void flagsThePlantedCopyAndNotTheStarter() throws Exception {
        Path subs = tmp.resolve("submissions");
        submission(subs, "alice", ALICE);
        submission(subs, "bob", BOB);
        submission(subs, "carol", CAROL);
        submission(subs, "dave", "");        // handed in the starter untouched
        submission(subs, "erin", "");        // so did erin: the same file, but only starter code
        Path base = tmp.resolve("base");
        Files.createDirectories(base.resolve("src/main/java/demo"));
        Files.writeString(base.resolve("src/main/java/demo/Jobs.java"), STARTER.formatted(""));
        Path out = tmp.resolve("out");

        List<SimilarityMain.Pair> pairs = SimilarityMain.run(subs, base, out, 9, 20);

        SimilarityMain.Pair first = pairs.get(0);
        assertEquals(Set.of("alice", "bob"), Set.of(first.first(), first.second()), "top pair: " + pairs);
        assertTrue(first.similarity() > 0.8, "the copy must score high: " + first);
        for (SimilarityMain.Pair p : pairs) {
            if (Set.of(p.first(), p.second()).equals(Set.of("dave", "erin"))) {
                assertTrue(p.similarity() < 0.2, "starter-only submissions must not be flagged: " + p);
            }
            if (!Set.of(p.first(), p.second()).equals(Set.of("alice", "bob"))) {
                assertTrue(p.similarity() < 0.5, "only the copied pair may score high: " + pairs);
            }
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<td>alice</td>") || html.contains("<td>bob</td>"), html);
        assertTrue(Files.size(out.resolve("jplag-report.zip")) > 0);
        assertTrue(Files.readString(out.resolve("pairs.csv")).startsWith("first,second,similarity"));
    }
}
