package wirelab.grading.grade;

import java.util.List;
import java.util.Optional;
import wirelab.grading.peers.PeerNeeds;
import wirelab.grading.result.Points;
import wirelab.grading.result.TestVerdict;

/** The one-line note about the tests a machine could not grade, as every result format shows it. */
final class NotGraded {

    private NotGraded() {
    }

    static Optional<String> note(List<TestVerdict> verdicts, String installCommand) {
        List<TestVerdict> left = verdicts.stream().filter(TestVerdict::notGraded).toList();
        if (left.isEmpty()) {
            return Optional.empty();
        }
        double points = left.stream().mapToDouble(TestVerdict::max).sum();
        return Optional.of("not graded on this machine (a peer program is missing; left out of the maximum for every"
                + " submission of this batch): " + left.size() + " test(s), " + Points.of(points) + " point(s): "
                + String.join(", ", left.stream().map(t -> PeerNeeds.Missing.shortId(t.id())).toList())
                + " — install with: " + installCommand);
    }
}
