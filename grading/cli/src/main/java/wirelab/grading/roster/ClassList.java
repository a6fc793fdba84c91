package wirelab.grading.roster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import wirelab.grading.intake.Handin;
import wirelab.grading.intake.Submitter;

/**
 * Names every hand-in once: by its roster student when the roster knows a submitter, else by
 * its export's handle (GitHub user, Gradescope email, folder name), made safe as a folder name and
 * unique ({@code alice}, {@code alice-2}). A handle that is some other roster student's key gets
 * {@code -unmatched}, so an unknown submission never lands in a known student's folder.
 */
public final class ClassList {

    /** A hand-in with the name its results go under, and who it is. */
    public record Named(String student, Handin handin, Identity identity) {
    }

    private ClassList() {
    }

    /** @param roster null when there is none */
    public static List<Named> name(List<Handin> handins, Roster roster, List<String> warnings) {
        List<Named> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        Map<String, String> firstFor = new LinkedHashMap<>();
        for (Handin h : handins) {
            List<Roster.Match> matches = roster == null ? List.of() : roster.match(h);
            String base = matches.isEmpty() ? safe(h.defaultName()) : matches.get(0).student().student();
            if (matches.isEmpty() && roster != null && roster.student(base).isPresent()) {
                base = base + "-unmatched";
            }
            String name = base;
            for (int i = 2; !used.add(name.toLowerCase(Locale.ROOT)); i++) {
                name = base + "-" + i;
            }
            if (!matches.isEmpty()) {
                String key = matches.get(0).student().student();
                String first = firstFor.putIfAbsent(key, h.sourceId());
                if (first != null) {
                    warnings.add(key + " has two submissions: " + first + " and " + h.sourceId() + " (graded as "
                            + name + ")");
                }
            }
            Identity id = new Identity(name, h.source(), h.sourceId(), h.submitters(),
                    h.submittedAt() == null ? "" : h.submittedAt().toString(), h.timeNote(),
                    matches.stream().map(m -> m.student().student()).toList(),
                    matches.isEmpty() ? "" : matches.get(0).by());
            out.add(new Named(name, h, id));
        }
        return out;
    }

    /** Safe as a folder name: letters, digits and {@code . _ @ -}; never hidden. */
    static String safe(String s) {
        String base = s.replaceAll("[^A-Za-z0-9._@-]", "_");
        return base.isEmpty() || base.startsWith(".") ? "_" + base : base;
    }

    /** Who a hand-in is, in a few words, for messages. */
    public static String describe(Handin h) {
        List<String> parts = new ArrayList<>();
        for (Submitter s : h.submitters()) {
            parts.add(String.join(" ", List.of(s.name(), s.email().isEmpty() ? "" : "<" + s.email() + ">",
                    s.sid().isEmpty() ? "" : "sid " + s.sid(), s.github().isEmpty() ? "" : "@" + s.github()))
                    .replaceAll(" +", " ").strip());
        }
        return h.source() + " " + h.sourceId() + (parts.isEmpty() ? "" : ": " + String.join("; ", parts));
    }
}
