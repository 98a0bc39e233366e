package io.cdiconnections.config;

/**
 * A secrets file or directory could not be used: invalid TOML, an unreadable file, a path listed
 * in {@code secrets.files} that does not exist, or a directory entry laid out wrongly.
 *
 * <p>The message names the file (and the line and column where there are any), says what is
 * wrong and how to fix it. It never quotes the offending line or any value, since either may be a
 * password. At startup the exception stops the application; on a reload the previous values stay
 * in force and the message is logged instead.
 *
 * <pre>{@code
 * try {
 *     new SecretsConfigSource(getClass().getClassLoader());
 * } catch (SecretsException e) {
 *     System.err.println(e.file() + ":" + e.line() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public final class SecretsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The file or directory as the user names it. */
    private final String file;
    /** The line of the problem, from 1, or 0 when it concerns the whole file. */
    private final int line;
    /** The column of the problem, from 1, or 0 when unknown. */
    private final int column;

    SecretsException(String message, String file, int line, int column) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    SecretsException(String message, String file, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = 0;
        this.column = 0;
    }

    /**
     * The file or directory at fault, as the user named it (a path or a class path URL).
     *
     * @return the file, never null
     */
    public String file() {
        return file;
    }

    /**
     * The line of the problem, counted from 1.
     *
     * @return the line, or 0 when the problem has no position (a missing or unreadable file)
     */
    public int line() {
        return line;
    }

    /**
     * The column of the problem on {@link #line()}, counted from 1.
     *
     * @return the column, or 0 when the problem has no position
     */
    public int column() {
        return column;
    }
}
