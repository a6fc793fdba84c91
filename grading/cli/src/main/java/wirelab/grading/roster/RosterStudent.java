package wirelab.grading.roster;

/**
 * One line of roster.csv.
 *
 * @param student   the course's short name for the student: the results folder and the key every file uses
 * @param sisId     the institution's student id (Canvas "SIS User ID", Moodle "ID number", Gradescope SID)
 * @param canvasId  Canvas's own user id (its gradebook's "ID" column), when known
 * @param loginId   Canvas's "SIS Login ID", when known
 */
public record RosterStudent(String student, String sisId, String name, String email, String github, String section,
        String canvasId, String loginId) {
}
