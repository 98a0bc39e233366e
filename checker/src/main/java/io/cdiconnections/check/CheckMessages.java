package io.cdiconnections.check;

import java.time.Duration;

import io.cdiconnections.internal.SecretsReader;

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

    /** @return how to call the checker, its exit codes, and how to give it a JDBC driver it lacks */
    static String usage() {
        return "Usage: java -jar cdi-connections-check.jar [--connect] [--timeout PT10S] [--war app.war ...] "
                + "[secrets.toml ...]\n"
                + "  --war  the application, as the server will see it: a WAR file, an exploded WAR folder, a classes"
                + " folder or a jar (repeat for several); every @Connection injection point is checked as deployment"
                + " checks it, with the secrets.toml of its WEB-INF/classes/.streamlit/ under the files given\n"
                + "  Exit codes: " + SecretsCheck.OK + " all checked and well, " + SecretsCheck.PROBLEMS
                + " a problem found, " + SecretsCheck.USAGE + " a wrong command line, " + SecretsCheck.NOT_CHECKED
                + " no problem found but something not checked (a connection whose type comes from code: give --war)\n"
                + "  (a JDBC driver the jar lacks: java -cp cdi-connections-check.jar:driver.jar "
                + MAIN_CLASS + " with the same arguments, or in the WAR's WEB-INF/lib with --war)";
    }

    /**
     * @param war the path given
     * @return the answer to a {@code --war} that does not exist, with the usage
     */
    static String noSuchWar(Object war) {
        return "--war " + war + ": no such file or folder. " + usage();
    }

    /**
     * @param war   the application given
     * @param error what reading it threw
     * @return the report's line for an application that could not be read
     */
    static String warError(String war, Exception error) {
        return "ERROR Cannot read the application " + war + ": " + error.getClass().getName() + ": "
                + error.getMessage();
    }

    /**
     * @param war   a WAR file
     * @param entry one of its entries
     * @return the message for an entry whose path leaves the folder it is unpacked to
     */
    static String entryOutsideWar(Object war, String entry) {
        return war + ": entry " + entry + " points outside the WAR; unpacking it was refused";
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
        return "Connection '" + connection + "': not checked: type not set (no type key in "
                + SecretsReader.section(connection) + " and not a short name), so its type comes from code; to check it"
                + " as the server will, give the application: --war app.war";
    }

    /**
     * @param connection the connection name
     * @param war        the application given
     * @return the line for a connection whose type neither the section, its name nor an injection point gives
     */
    static String typeNotSetInWar(String connection, String war) {
        return "Connection '" + connection + "': not checked: type not set (no type key in "
                + SecretsReader.section(connection) + " and not a short name) and no @Connection injection point of "
                + war + " names it; if code gets it through Connections, set its type key to check it";
    }

    /**
     * @param count how many injection points were found
     * @param war   the application given
     * @return the heading of the injection points
     */
    static String injectionPointsHeader(int count, String war) {
        return "@Connection injection points in " + war + ": " + count;
    }

    /**
     * @param injectionPoint the injection point, with its class's full name
     * @param annotation     the annotation, as {@code ConnectionRequest.describe} writes it
     * @param type           the raw name of its declared type
     * @return the heading of one injection point
     */
    static String injectionPoint(String injectionPoint, String annotation, String type) {
        return "Injection point " + injectionPoint + ": " + annotation + " " + type;
    }

    /** @return the line for an {@code Instance} or {@code Provider} injection point */
    static String dynamicLookup() {
        return "  a lookup (Instance, Provider): deployment does not check it; what it selects is checked when used";
    }

    /**
     * @param type the raw name of the injection point's type
     * @return the line for an injection point whose type is neither the application's nor the checker's
     */
    static String typeNotFound(String type) {
        return "  not checked: its type " + type + " is neither in the application given with --war nor in the"
                + " checker; add the jar that holds it with another --war";
    }

    /**
     * @param connection the connection name it resolved to
     * @param type       the class it resolved to
     * @return the line for an injection point that resolved
     */
    static String resolved(String connection, Class<?> type) {
        return "  connection '" + connection + "': " + type.getName();
    }

    /**
     * @param connection     the connection name
     * @param type           its class, as the injection point resolved it
     * @param injectionPoint the injection point that resolved it
     * @return the heading of a connection an injection point resolved
     */
    static String connectionAt(String connection, Class<?> type, String injectionPoint) {
        return "Connection '" + connection + "': " + type.getName() + " (as injection point " + injectionPoint
                + " resolves it, checked there)";
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
    static String notConnected(String connection) {
        return "  " + connection + ": not checked (its type is not known, or it is a session connection)";
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
     * @param connections     how many connections the files configure
     * @param injectionPoints how many injection points the application has, or -1 without one
     * @param problems        how many problems were found
     * @param notChecked      how many connections and injection points could not be checked
     * @return the report's last line
     */
    static String summary(int connections, int injectionPoints, int problems, int notChecked) {
        return plural(connections, "connection") + (injectionPoints < 0 ? "" : ", "
                + plural(injectionPoints, "injection point")) + ", " + plural(problems, "problem")
                + (notChecked == 0 ? "" : ", " + notChecked + " not checked") + ".";
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
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
