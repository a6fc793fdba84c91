package wirelab.grading.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a TA names on the command line, as a list of submissions: a GitHub Classroom clone
 * folder, a Gradescope export (zip or folder), a folder of submissions (folders or zips, each
 * one student by its name), or single submissions. Recognised by their layout, in that order.
 */
public final class ClassExports {

    private ClassExports() {
    }

    /**
     * @param scratch  where exported zips are unpacked (the caller removes it after grading)
     * @param warnings what was skipped, and why
     */
    public static List<Handin> read(List<Path> args, Path scratch, List<String> warnings) {
        List<Handin> out = new ArrayList<>();
        for (Path a : args) {
            try {
                if (GradescopeExport.is(a)) {
                    out.addAll(GradescopeExport.read(a, scratch.resolve("gradescope-" + out.size()), warnings));
                    continue;
                }
            } catch (Refused e) {
                warnings.add(a + ": " + e.getMessage());
                continue;
            } catch (IOException e) {
                warnings.add(a + ": could not read the Gradescope export: " + e);
                continue;
            }
            Optional<List<Handin>> classroom = ClassroomClone.read(a);
            if (classroom.isPresent()) {
                out.addAll(classroom.get());
                continue;
            }
            Optional<Handin> clone = ClassroomClone.readOne(a);
            if (clone.isPresent()) {
                out.add(clone.get());
                continue;
            }
            for (Path p : expand(a)) {
                boolean zip = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
                out.add(new Handin(zip ? "zip" : "folder", p.getFileName().toString(), p, List.of(), null,
                        "a plain " + (zip ? "zip" : "folder") + " carries no submit time"));
            }
        }
        return out;
    }

    /** A folder of submissions (zips or folders, no src/ of its own) counts as its children; anything else as itself. */
    public static List<Path> expand(Path a) {
        if (!isClassFolder(a)) {
            return List.of(a);
        }
        try (Stream<Path> s = Files.list(a)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                            || p.getFileName().toString().toLowerCase().endsWith(".zip"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isClassFolder(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || Files.exists(dir.resolve("src"))
                || Files.exists(dir.resolve(".git")) || Files.exists(dir.resolve("pom.xml"))) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> kids = s.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
            long zips = kids.stream().filter(p -> p.getFileName().toString().toLowerCase().endsWith(".zip")).count();
            long dirs = kids.stream().filter(Files::isDirectory).count();
            return zips > 0 || dirs > 1;
        } catch (IOException e) {
            return false;
        }
    }
}
