package io.herald.app;

/** Bad input from the user (config, query, file, feed): printed as is, exit code 2. */
final class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserInputException(String message) {
        super(message);
    }

    UserInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Every problem of a config or environment, one per line, as the user sees them. */
    static UserInputException from(io.herald.config.ConfigException e) {
        return new UserInputException(String.join(System.lineSeparator(), e.problems()), e);
    }
}
