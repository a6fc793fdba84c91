package wirelab.grading.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import wirelab.grading.course.Lab;
import wirelab.grading.course.LabBuild;
import wirelab.grading.publish.Markers;

/**
 * Looks in a lab's published starter for what must never reach students: solution markers,
 * hidden tests (by folder or by class name), race tests the lab keeps hidden, files that are
 * solution-only in solutions/, and the contract table (or a handout pointing to it).
 */
public final class LeakScan {

    private LeakScan() {
    }

    public static List<String> scan(Lab lab) {
        List<String> leaks = new ArrayList<>();
        Path starter = lab.starterDir();
        if (!Files.isDirectory(starter)) {
            leaks.add("labs/" + lab.name() + " does not exist: run ./wirelab publish");
            return leaks;
        }
        LabBuild build = new LabBuild(lab);
        List<String> hiddenNames = build.hiddenTestClasses().stream()
                .map(c -> c.substring(c.lastIndexOf('.') + 1)).toList();
        List<String> raceNames = lab.raceTestsPublic() ? List.of()
                : build.raceTestClasses().stream().map(c -> c.substring(c.lastIndexOf('.') + 1)).toList();
        try (Stream<Path> walk = Files.walk(starter)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path rel = starter.relativize(file);
                if (rel.startsWith("target")) {
                    continue;
                }
                String where = "labs/" + lab.name() + "/" + rel;
                if (rel.startsWith("src/grading")) {
                    leaks.add(where + ": hidden test folder published");
                }
                if (rel.startsWith("src/jcstress") && !lab.raceTestsPublic()) {
                    leaks.add(where + ": race tests published but lab.properties keeps them hidden");
                }
                String name = file.getFileName().toString();
                if (name.endsWith(".java") && hiddenNames.contains(name.substring(0, name.length() - 5))) {
                    leaks.add(where + ": has the name of a hidden test");
                }
                if (name.endsWith(".java") && raceNames.contains(name.substring(0, name.length() - 5))) {
                    leaks.add(where + ": has the name of a hidden race test");
                }
                Path source = lab.solutionDir().resolve(rel);
                if (Files.isRegularFile(source) && isText(name)
                        && Markers.starterOf(Files.readString(source, StandardCharsets.UTF_8), rel.toString()).isEmpty()) {
                    leaks.add(where + ": is SOLUTION ONLY in solutions/");
                }
                if (isText(name) && Markers.hasMarker(Files.readString(file, StandardCharsets.UTF_8))) {
                    leaks.add(where + ": contains a solution marker");
                }
                if (name.equals(ContractCheck.FILE)) {
                    leaks.add(where + ": the contract table is instructor material (it names the hidden tests)");
                } else if (name.endsWith(".md") && Files.readString(file, StandardCharsets.UTF_8).contains(ContractCheck.FILE)) {
                    leaks.add(where + ": mentions " + ContractCheck.FILE + ", which students never get (instructor material)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return leaks;
    }

    private static boolean isText(String name) {
        return name.endsWith(".java") || name.endsWith(".xml") || name.endsWith(".properties") || name.endsWith(".md");
    }
}
