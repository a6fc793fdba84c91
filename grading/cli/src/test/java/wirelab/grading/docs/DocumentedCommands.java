package wirelab.grading.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import wirelab.grading.course.Course;
import wirelab.grading.course.Week;
import wirelab.grading.publish.StudentRepo;

/**
 * Every command the documentation gives a reader: the shell blocks of README.md, of every
 * {@code docs/*.md} (whatever files are added later), of every handout
 * ({@code modules/week*}{@code /README.md}) and of the published student repository's README.
 * A command is one line of a {@code sh}/{@code bash}/{@code shell} block (or a line of an
 * unlabelled block that starts like a command), its comment dropped and its continuation lines
 * joined.
 */
final class DocumentedCommands {

    /** Where a command is meant to run: the course's repository, or a student's published one. */
    enum Context { COURSE, STUDENT }

    record Command(String file, int line, String text, Context context) {
        List<String> words() {
            return ShellWords.split(text);
        }

        @Override
        public String toString() {
            return file + ":" + line + ": " + text;
        }
    }

    private static final Set<String> SHELL = Set.of("sh", "bash", "shell");
    // an unlabelled block's line is a command when it starts like one
    private static final List<String> COMMAND_STARTS = List.of("./", ".ci/", "java ", "nc ", "curl ", "mvn ", "printf ", "cd ");

    private DocumentedCommands() {
    }

    static List<Command> all(Course course) {
        List<Command> out = new ArrayList<>();
        Path root = course.root();
        out.addAll(of(root, root.resolve("README.md"), Context.COURSE));
        for (Path f : markdown(root.resolve("docs"))) {
            // the students' guide speaks of their repository; every other guide of this one
            out.addAll(of(root, f, f.getFileName().toString().equals("students.md") ? Context.STUDENT : Context.COURSE));
        }
        for (Week w : course.weeks()) {
            out.addAll(of(root, w.handoutFile(), Context.STUDENT));
        }
        int last = course.weeks().stream().mapToInt(Week::number).max().orElse(1);
        String readme = new String(new StudentRepo(course, last).files().get("README.md"), StandardCharsets.UTF_8);
        out.addAll(parse("student repository README.md", readme, Context.STUDENT));
        return out;
    }

    private static List<Path> markdown(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Command> of(Path root, Path file, Context context) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return parse(root.relativize(file).toString(), Files.readString(file), context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Command> parse(String name, String markdown, Context context) {
        List<Command> out = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        String fence = null;
        String lang = null;
        StringBuilder pending = null;
        int pendingLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String t = raw.strip();
            if (fence == null) {
                if (t.startsWith("```") || t.startsWith("~~~")) {
                    fence = t.substring(0, 3);
                    lang = t.substring(3).strip().toLowerCase(java.util.Locale.ROOT);
                }
                continue;
            }
            if (t.startsWith(fence)) {
                fence = null;
                continue;
            }
            boolean shell = SHELL.contains(lang);
            if (!shell && !(lang.isEmpty() && (pending != null || COMMAND_STARTS.stream().anyMatch(t::startsWith)))) {
                continue;
            }
            String code = stripComment(t);
            if (pending == null) {
                if (code.isEmpty()) {
                    continue;
                }
                pending = new StringBuilder();
                pendingLine = i + 1;
            }
            if (code.endsWith("\\")) {
                pending.append(code, 0, code.length() - 1).append(' ');
                continue;
            }
            pending.append(code);
            out.add(new Command(name, pendingLine, pending.toString().strip().replaceAll("\\s+", " "), context));
            pending = null;
        }
        return out;
    }

    /** The line without its shell comment: a # that starts a word outside quotes. */
    static String stripComment(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i).strip();
            }
        }
        return line.strip();
    }

    /** Shell words: quotes group and are removed; nothing is expanded. */
    static final class ShellWords {
        private ShellWords() {
        }

        static List<String> split(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder w = null;
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        w.append(c);
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                    w = w == null ? new StringBuilder() : w;
                } else if (Character.isWhitespace(c)) {
                    if (w != null) {
                        words.add(w.toString());
                        w = null;
                    }
                } else {
                    w = w == null ? new StringBuilder() : w;
                    w.append(c);
                }
            }
            if (w != null) {
                words.add(w.toString());
            }
            return words;
        }
    }
}
