package wirelab.grading.intake;

/**
 * One person behind a submission, as the export that brought it names them: a GitHub user for
 * a Classroom clone, name, email and SID for a Gradescope export. Blank when the export does not say.
 */
public record Submitter(String name, String email, String sid, String github) {

    public Submitter {
        name = name == null ? "" : name.strip();
        email = email == null ? "" : email.strip();
        sid = sid == null ? "" : sid.strip();
        github = github == null ? "" : github.strip();
    }

    public static Submitter github(String user) {
        return new Submitter("", "", "", user);
    }

    /** The best short name for a results folder: GitHub user, else email, else SID, else name. */
    public String handle() {
        for (String s : new String[] {github, email, sid, name}) {
            if (!s.isEmpty()) {
                return s;
            }
        }
        return "";
    }
}
