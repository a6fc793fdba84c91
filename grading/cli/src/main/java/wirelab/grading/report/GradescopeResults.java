package wirelab.grading.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import wirelab.grading.course.LatePolicy;

/**
 * Turns the harness's results.json for one submission into what Gradescope shows: public tests
 * visible at once, hidden (and hidden race) tests {@code after_due_date}, the late policy applied
 * to the total, and the raw score kept in {@code extra_data}.
 */
public final class GradescopeResults {

    public static final Set<String> VISIBILITIES = Set.of("hidden", "after_due_date", "after_published", "visible");

    private GradescopeResults() {
    }

    /**
     * @param harness        the harness's Gradescope results.json (tests in the order of {@code testIds})
     * @param testIds        each test's id (class#method or class), from the harness's result.json
     * @param publicClasses  test classes students have (public tests, and race tests when published)
     */
    public static ObjectNode adjust(JsonNode harness, List<String> testIds, Set<String> publicClasses,
            LatePolicy.Adjusted late, String lab) {
        ObjectNode out = harness.deepCopy();
        ArrayNode tests = out.withArray("tests");
        int hidden = 0;
        for (int i = 0; i < tests.size(); i++) {
            ObjectNode t = (ObjectNode) tests.get(i);
            String id = i < testIds.size() ? testIds.get(i) : "";
            String cls = id.contains("#") ? id.substring(0, id.indexOf('#')) : id;
            boolean visible = publicClasses.contains(cls);
            t.put("visibility", visible ? "visible" : "after_due_date");
            if (!visible) {
                hidden++;
                ArrayNode tags = t.has("tags") && t.get("tags").isArray() ? (ArrayNode) t.get("tags") : t.putArray("tags");
                tags.add("hidden");
            }
        }
        out.put("visibility", "visible");
        out.put("stdout_visibility", "hidden");
        StringBuilder note = new StringBuilder();
        if (hidden > 0) {
            note.append(hidden).append(" hidden test(s) are graded now and shown after the due date.\n");
        }
        ObjectNode extra = out.putObject("extra_data");
        extra.put("lab", lab);
        if (late != null) {
            extra.put("raw_score", late.raw());
            extra.put("late_days", late.days());
            extra.put("late_note", late.note());
            out.put("score", late.adjusted());
            if (late.late()) {
                note.append(String.format(Locale.ROOT, "Late policy: %s; raw score %s, after the policy %s.%n",
                        late.note(), num(late.raw()), num(late.adjusted())));
            }
        }
        String before = out.path("output").asText("");
        out.put("output", note + before);
        out.put("output_format", "text");
        return out;
    }

    /** A results.json for when grading itself failed: zero, with the reason the student can read. */
    public static ObjectNode failure(String reason) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("score", 0);
        out.put("output", "The autograder could not grade this submission: " + reason
                + "\nCheck that you uploaded your lab's src/main/java (or the whole lab folder) and resubmit;"
                + " if this persists, tell the course staff.");
        out.put("visibility", "visible");
        out.putArray("tests");
        return out;
    }

    /** What the spec requires of results.json: the problems found (empty: valid). */
    public static List<String> validate(JsonNode r) {
        java.util.ArrayList<String> bad = new java.util.ArrayList<>();
        JsonNode tests = r.get("tests");
        if (!r.path("score").isNumber() && (tests == null || !tests.isArray())) {
            bad.add("score: required when tests do not carry scores");
        }
        if (r.has("execution_time") && !r.get("execution_time").isIntegralNumber()) {
            bad.add("execution_time: must be whole seconds");
        }
        for (String f : List.of("visibility", "stdout_visibility")) {
            if (r.has(f) && !VISIBILITIES.contains(r.get(f).asText())) {
                bad.add(f + ": " + r.get(f).asText() + " is not one of " + VISIBILITIES);
            }
        }
        if (r.has("output") && !r.get("output").isTextual()) {
            bad.add("output: must be text");
        }
        if (tests != null) {
            if (!tests.isArray()) {
                bad.add("tests: must be a list");
                return bad;
            }
            int i = 0;
            for (JsonNode t : tests) {
                String at = "tests[" + i++ + "].";
                if (!t.path("name").isTextual() || t.path("name").asText().isBlank()) {
                    bad.add(at + "name: missing");
                }
                if (t.has("score") && !t.get("score").isNumber()) {
                    bad.add(at + "score: must be a number");
                }
                if (t.has("max_score") && !t.get("max_score").isNumber()) {
                    bad.add(at + "max_score: must be a number");
                }
                if (t.has("score") && t.has("max_score") && t.get("score").asDouble() > t.get("max_score").asDouble()) {
                    bad.add(at + "score: above max_score");
                }
                if (t.has("status") && !Set.of("passed", "failed").contains(t.get("status").asText())) {
                    bad.add(at + "status: " + t.get("status").asText() + " is not passed or failed");
                }
                if (t.has("visibility") && !VISIBILITIES.contains(t.get("visibility").asText())) {
                    bad.add(at + "visibility: " + t.get("visibility").asText());
                }
                if (t.has("tags") && !t.get("tags").isArray()) {
                    bad.add(at + "tags: must be a list");
                }
            }
        }
        return bad;
    }

    static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
