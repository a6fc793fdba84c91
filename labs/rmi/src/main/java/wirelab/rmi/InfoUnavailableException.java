package wirelab.rmi;

/**
 * The INFO service could not be reached or did not answer: the partial failure RMI cannot
 * hide. Its message says which service and why, in words a user can act on.
 */
public class InfoUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public InfoUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
