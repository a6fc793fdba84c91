package wirelab.grading.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns what a TA hands in (a folder, a .zip, a clone of a student's repository) into a
 * {@link Submission}: zips are unpacked safely into scratch, links are never followed, and the
 * lab's sources are looked for at the top, one folder down, or in a {@code <lab>/} folder of a
 * whole-course repository.
 */
public final class Intake {

    private final String lab;

    public Intake(String lab) {
        this.lab = lab;
    }

    /** The student's name for an input: the folder or zip name, without ".zip". */
    public static String studentOf(Path input) {
        String name = input.getFileName().toString();
        return name.toLowerCase().endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
    }

    /** @param scratch a private folder for this submission (zips are unpacked into it) */
    public Submission open(Path input, Path scratch) {
        String student = studentOf(input);
        List<String> notes = new ArrayList<>();
        try {
            Path root;
            if (Files.isSymbolicLink(input)) {
                throw new Refused("the submission is a symbolic link; refused");
            } else if (Files.isRegularFile(input) && input.toString().toLowerCase().endsWith(".zip")) {
                root = scratch.resolve("unzipped");
                SafeUnzip.unzip(input, root);
                notes.add("unpacked " + input.getFileName());
            } else if (Files.isDirectory(input, LinkOption.NOFOLLOW_LINKS)) {
                root = input;
            } else {
                throw new Refused("neither a folder nor a .zip file: " + input.getFileName());
            }
            Path labRoot = locate(root, notes);
            return new Submission(student, input, labRoot, List.copyOf(notes), null);
        } catch (Refused r) {
            return new Submission(student, input, null, List.copyOf(notes), r.getMessage());
        } catch (IOException e) {
            return new Submission(student, input, null, List.copyOf(notes), "could not read the submission: " + e);
        }
    }

    /**
     * The folder that holds {@code src/main/java} of the lab. Candidates, best first: the root, the
     * root's {@code <lab>/} (or {@code labs/<lab>/}), then any folder one level down.
     */
    Path locate(Path root, List<String> notes) throws Refused, IOException {
        List<Path> candidates = new ArrayList<>();
        candidates.add(root);
        candidates.add(root.resolve(lab));
        candidates.add(root.resolve("labs").resolve(lab));
        List<Path> children = children(root);
        for (Path child : children) {
            candidates.add(child);
            candidates.add(child.resolve(lab));
            candidates.add(child.resolve("labs").resolve(lab));
        }
        Path labPackage = Path.of("src/main/java/wirelab").resolve(lab);
        Path found = null;
        for (Path c : candidates) {
            if (Files.isDirectory(c.resolve(labPackage), LinkOption.NOFOLLOW_LINKS) && !hasLinkOnPath(root, c)) {
                found = c;
                break;
            }
        }
        if (found == null) {
            for (Path c : candidates) {
                if (Files.isDirectory(c.resolve("src/main/java"), LinkOption.NOFOLLOW_LINKS) && !hasLinkOnPath(root, c)) {
                    found = c;
                    notes.add("no package wirelab." + lab + " found; using " + rel(root, c.resolve("src/main/java")));
                    break;
                }
            }
        }
        if (found == null) {
            throw new Refused("no src/main/java of lab '" + lab + "' found (looked in the top folder and one level down; found: "
                    + children.stream().map(p -> p.getFileName().toString()).toList() + ")");
        }
        if (!found.equals(root)) {
            notes.add("lab found in " + rel(root, found) + "/");
        }
        for (Path child : children) {
            if (!found.startsWith(child) && !child.startsWith(found) && !child.getFileName().toString().startsWith(".")) {
                notes.add("ignored " + rel(root, child) + "/");
            }
        }
        return found;
    }

    private static boolean hasLinkOnPath(Path root, Path dir) {
        for (Path p = dir; p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> children(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().equals("target"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    private static String rel(Path root, Path p) {
        String r = root.relativize(p).toString();
        return r.isEmpty() ? "." : r;
    }
}
