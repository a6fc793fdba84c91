package wirelab.grading.course;

import java.nio.file.Path;

/** A module descriptor that is wrong, naming the file and the field so the instructor can fix it. */
public final class DescriptorException extends RuntimeException {

    private final transient Path file;
    private final String field;

    public DescriptorException(Path file, String field, String problem) {
        super(file + ": field '" + field + "': " + problem);
        this.file = file;
        this.field = field;
    }

    public Path file() {
        return file;
    }

    public String field() {
        return field;
    }
}
