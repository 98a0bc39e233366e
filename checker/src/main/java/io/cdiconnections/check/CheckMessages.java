package io.cdiconnections.check;

import java.time.Duration;

import io.cdiconnections.internal.Messages;

/**
 * Every text the secrets checker prints or throws, in one place: its report is a whole
 * command-line output, so its lines live here rather than in {@link Messages}, which holds the
 * texts of the application. The problems it reports are the application's own messages.
 */
final class CheckMessages {

    private static final String MAIN_CLASS = SecretsCheck.class.getName();

    private CheckMessages() {
    }

    // ---------------------------------------------------------------- command line

    /** @return how to call the checker, and how to give it a JDBC driver it lacks */
    static String usage() {
        return "Usage: java -jar cdi-connections-check.jar [--connect] [--timeout PT10S] "
                + "[secrets.toml ...]\n  (a JDBC driver the jar lacks: java -cp cdi-connections-check.jar:driver.jar "
                + MAIN_CLASS + " with the same arguments)";
    }

    /** @return the answer to a {@code --timeout} that is not a duration, with the usage */
    static String badTimeout() {
        return "--timeout takes a duration such as PT10S or 10. " + usage();
    }

    /**
     * @param option the option given
     * @return the answer to an option the checker does not know, with the usage
     */
    static String unknownOption(String option) {
        return "Unknown option " + option + ". " + usage();
    }

    // ---------------------------------------------------------------- report

    /**
     * @param message a secrets file that could not be read, in the config source's words
     * @return the report's line for it
     */
    static String fileError(String message) {
        return "ERROR " + message;
    }

    /** @return the report's first line when no secrets file was found */
    static String noFiles() {
        return "No secrets file found.";
    }

    /** @return the report's first line before the files read, one a line */
    static String filesHeader() {
        return "Secrets files, later ones override earlier ones key by key:";
    }

    /**
     * @param file a file read
     * @return its line under {@link #filesHeader()}
     */
    static String file(Object file) {
        return "  " + file;
    }

    /**
     * @param connection the connection name
     * @return the line for a connection whose type neither the section nor its name gives
     */
    static String typeNotSet(String connection) {
        return "Connection '" + connection + "': type not set (no type key in " + Messages.section(connection)
                + " and not a short name); the application must give it in code";
    }

    /**
     * @param connection the connection name
     * @param type       its resolved type
     * @return the heading of a connection whose type resolved
     */
    static String connection(String connection, Class<?> type) {
        return "Connection '" + connection + "': " + type.getName();
    }

    /**
     * @param connection the connection name
     * @return the heading of a connection whose type did not resolve
     */
    static String connectionUnresolved(String connection) {
        return "Connection '" + connection + "':";
    }

    /** @return the line for a connection whose configuration validates */
    static String configurationOk() {
        return "  configuration OK";
    }

    /**
     * @param connection the connection name
     * @param error      what checking it threw
     * @return the problem for a check that failed unexpectedly
     */
    static String checkFailed(String connection, Throwable error) {
        return "Connection '" + connection + "': checking it failed: " + error.getClass().getName();
    }

    /**
     * @param key    a key of the section, relative to it
     * @param width  the width of the longest key, to align the origins
     * @param origin where its value comes from ({@link CheckConfig#origin})
     * @return the key's line: its name and where its value comes from, never the value
     */
    static String key(String key, int width, String origin) {
        return "  " + String.format("%-" + width + "s", key) + "  from " + origin;
    }

    /**
     * @param message the problem, in the application's words
     * @return the report's line for it
     */
    static String problem(String message) {
        return "  PROBLEM " + message;
    }

    /**
     * @param message a problem
     * @return whether it asks for a jar on the class path, which the checker gets another way
     */
    static boolean wantsClassPath(String message) {
        return message.contains("on the class path");
    }

    /** @return how to give the checker a jar a problem asks for on the class path */
    static String classPathHint() {
        return "  (to check with it: java -cp cdi-connections-check.jar:<its jar> " + MAIN_CLASS + " ...)";
    }

    /**
     * @param timeout how long connecting may take in all
     * @return the heading of the connection checks
     */
    static String connecting(Duration timeout) {
        return "Connecting (at most " + timeout + " in all):";
    }

    /**
     * @param connection the connection name
     * @return the line for a connection that was not connected because its type is not known
     */
    static String notChecked(String connection) {
        return "  " + connection + ": not checked (its type is not known)";
    }

    /**
     * @param connection the connection name
     * @param time       how long connecting took
     * @return the line for a connection that is up
     */
    static String up(String connection, Duration time) {
        return "  " + connection + ": UP in " + time.toMillis() + " ms";
    }

    /**
     * @param connection the connection name
     * @param time       how long the check took
     * @param state      its state, such as {@code CONNECT_FAILED}
     * @param error      the class of the error
     * @param message    the error's message
     * @return the line for a connection that is down
     */
    static String down(String connection, Duration time, String state, String error, String message) {
        return "  " + connection + ": DOWN in " + time.toMillis() + " ms (" + state + "): " + error + ": " + message;
    }

    /**
     * @param connections how many connections the files configure
     * @param problems    how many problems were found
     * @return the report's last line
     */
    static String summary(int connections, int problems) {
        return connections + " connection" + (connections == 1 ? "" : "s") + ", " + problems + " problem"
                + (problems == 1 ? "" : "s") + ".";
    }

    // ---------------------------------------------------------------- configuration

    /**
     * @param property the property asked for
     * @return the message for a required property no source sets
     */
    static String noValue(String property) {
        return "No value for " + property;
    }

    /**
     * @param type the type asked for
     * @return the message for a config unwrapped to a type it is not
     */
    static String cannotUnwrap(Class<?> type) {
        return "Cannot unwrap to " + type;
    }

    /**
     * @param type the type asked for
     * @return the message for a value asked for as a type the checker does not convert to
     */
    static String textOnly(Class<?> type) {
        return "The secrets checker reads " + type.getName() + " values as text only";
    }

    /**
     * @param environment whether the value comes from an environment variable, else a system property
     * @param name        the variable or property
     * @return where a value comes from, in words
     */
    static String origin(boolean environment, String name) {
        return (environment ? "environment variable " : "system property ") + name;
    }

    /** @return the origin of a value of the secrets files whose file is not known */
    static String secretsOrigin() {
        return "secrets";
    }

    /** @return the origin of a property no source sets */
    static String notSet() {
        return "not set";
    }
}
