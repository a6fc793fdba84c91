package wirelab.grading.roster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import wirelab.grading.intake.Handin;
import wirelab.grading.intake.Intake;
import wirelab.grading.intake.Submitter;
import wirelab.grading.result.CsvTable;

/**
 * The class list, {@code roster.csv}: one student per line with the columns {@code student}
 * (required: the course's key, used as the results folder), {@code sis_id}, {@code name},
 * {@code email}, {@code github}, {@code section}, and optionally {@code canvas_id} and
 * {@code login_id} for a Canvas import. It says who a submission is: a Classroom clone by its
 * GitHub user, a Gradescope submission by its SID or email, a plain folder or zip by its name
 * (student key, GitHub user, SID or email). GitHub users and emails match whatever their case.
 * A key, SID, email or GitHub user given twice is refused, naming both lines: a roster that
 * could send one submission to two students is no roster.
 */
public final class Roster {

    public static final String FILE = "roster.csv";
    public static final List<String> COLUMNS =
            List.of("student", "sis_id", "name", "email", "github", "section", "canvas_id", "login_id");

    /** How a submission was matched: the roster student and the field that matched. */
    public record Match(RosterStudent student, String by) {
    }

    private final Path file;
    private final Map<String, RosterStudent> byKey = new LinkedHashMap<>();
    private final Map<String, RosterStudent> bySis = new HashMap<>();
    private final Map<String, RosterStudent> byEmail = new HashMap<>();
    private final Map<String, RosterStudent> byGithub = new HashMap<>();

    private Roster(Path file) {
        this.file = file;
    }

    public static Roster read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no roster at " + file);
        }
        Roster r = new Roster(file);
        for (CsvTable.Row row : CsvTable.read(file, "student")) {
            RosterStudent s = new RosterStudent(row.get("student").strip(), row.get("sis_id").strip(),
                    row.get("name").strip(), row.get("email").strip(), row.get("github").strip(), row.get("section").strip(),
                    row.get("canvas_id").strip(), row.get("login_id").strip());
            String where = file + ":" + row.line();
            if (s.student().isEmpty()) {
                throw new IllegalArgumentException(where + ": the student column is empty");
            }
            if (!s.student().matches("[A-Za-z0-9._@-]+") || s.student().startsWith(".")) {
                throw new IllegalArgumentException(where + ": student '" + s.student()
                        + "' must be letters, digits, '.', '_', '@' or '-' (it names the results folder)");
            }
            r.unique(r.byKey, "student", s.student(), s, where);
            r.unique(r.bySis, "sis_id", s.sisId(), s, where);
            r.unique(r.byEmail, "email", lower(s.email()), s, where);
            r.unique(r.byGithub, "github", lower(s.github()), s, where);
        }
        return r;
    }

    private void unique(Map<String, RosterStudent> index, String column, String value, RosterStudent s, String where) {
        if (value.isEmpty()) {
            return;
        }
        RosterStudent other = index.putIfAbsent(value, s);
        if (other != null) {
            throw new IllegalArgumentException(where + ": " + column + " '" + value + "' is also given for student '"
                    + other.student() + "'");
        }
    }

    /** Copies the roster into a grading output folder, so later runs and exports find it there. */
    public void copyTo(Path outDir) {
        try {
            Files.createDirectories(outDir);
            Path target = outDir.resolve(FILE);
            if (!Files.exists(target) || !Files.isSameFile(file, target)) {
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the roster to " + outDir, e);
        }
    }

    /** The roster kept in a grading output folder, if any. */
    public static Optional<Roster> in(Path outDir) {
        Path f = outDir.resolve(FILE);
        return Files.isRegularFile(f) ? Optional.of(read(f)) : Optional.empty();
    }

    public Path file() {
        return file;
    }

    public List<RosterStudent> students() {
        return List.copyOf(byKey.values());
    }

    public Optional<RosterStudent> student(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Who submitted a hand-in, by roster student: for a group, each submitter found. */
    public List<Match> match(Handin h) {
        List<Match> out = new ArrayList<>();
        if (h.submitters().isEmpty()) {
            matchName(Intake.studentOf(h.input())).ifPresent(out::add);
            return out;
        }
        for (Submitter s : h.submitters()) {
            Optional<Match> m = find(bySis, s.sid(), Function.identity(), "sis_id")
                    .or(() -> find(byEmail, s.email(), Roster::lower, "email"))
                    .or(() -> find(byGithub, s.github(), Roster::lower, "github"))
                    .or(() -> find(byKey, s.github(), Function.identity(), "student"));
            m.filter(x -> out.stream().noneMatch(o -> o.student().equals(x.student()))).ifPresent(out::add);
        }
        return out;
    }

    /** A plain folder or zip name: the student key, a GitHub user, a SID or an email. */
    public Optional<Match> matchName(String name) {
        return find(byKey, name, Function.identity(), "student")
                .or(() -> find(byGithub, name, Roster::lower, "github"))
                .or(() -> find(bySis, name, Function.identity(), "sis_id"))
                .or(() -> find(byEmail, name, Roster::lower, "email"));
    }

    private static Optional<Match> find(Map<String, RosterStudent> index, String value, Function<String, String> norm,
            String by) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(index.get(norm.apply(value.strip()))).map(s -> new Match(s, by));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
