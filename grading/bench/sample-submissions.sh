#!/usr/bin/env bash
# Writes a lab's demo samples as the submissions the demo grades, without grading them: per
# sample a folder OUT/NAME (or OUT/NAME.zip for a sample handed in as a zip) holding its base (the
# reference or the starter) with the sample's whole files and patches applied, and the published
# tests. The bench scripts grade or compile these instead of copying sample folders.
#
#   grading/bench/sample-submissions.sh LAB OUT [SAMPLE...]
#       default: the reference and every folder of grading/samples/LAB; "reference" and "starter"
#       name the made-up ones
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lab="${1:?usage: sample-submissions.sh LAB OUT [SAMPLE...]}"
out="${2:?usage: sample-submissions.sh LAB OUT [SAMPLE...]}"
shift 2
mkdir -p "$out"
out="$(cd "$out" && pwd)"
(cd "$root" && ./wirelab --version > /dev/null)   # builds the tool when the sources changed
src="$(mktemp -d)"
trap 'rm -rf "$src"' EXIT
cat > "$src/SampleSubmissions.java" <<'EOF'
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.demo.Expectation;
import wirelab.grading.demo.Sample;
import wirelab.grading.demo.SampleBuilder;
import wirelab.grading.publish.StarterRenderer;

public class SampleSubmissions {
    public static void main(String[] a) throws Exception {
        Course course = Course.locate();
        Lab lab = course.requireLab(a[0]);
        Path dir = course.root().resolve("grading/samples").resolve(lab.name());
        List<String> names = new ArrayList<>(Arrays.asList(a).subList(2, a.length));
        if (names.isEmpty()) {
            names.add("reference");
            try (var s = Files.list(dir)) {
                s.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().forEach(names::add);
            }
        }
        var published = new StarterRenderer(course).render(lab);
        for (String name : names) {
            Sample sample = switch (name) {
                case "reference" -> new Sample(lab.name(), name, "solution", "", "", Expectation.FULL_MARKS, null);
                case "starter" -> new Sample(lab.name(), name, "starter", "", "", Expectation.STARTER, null);
                default -> Sample.load(lab.name(), dir.resolve(name));
            };
            System.out.println(SampleBuilder.build(sample, lab, published, Path.of(a[1])));
        }
    }
}
EOF
cd "$root"
WIRELAB_HOME="$root" java -cp "$root/.wirelab/cli/wirelab-cli.jar:$(cat "$root/.wirelab/cli/cli.classpath")" \
  "$src/SampleSubmissions.java" "$lab" "$out" "$@"
