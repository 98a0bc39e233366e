package io.cdiconnections.internal;

import java.util.List;

/**
 * The texts of reading a connection's section of the configuration. Each names the connection and the key or injection point and says
 * what to write; none contains a secret value.
 */
final class SecretsMessages {

    private SecretsMessages() {
    }

    /**
     * @param connection the connection name
     * @param files      the secrets files read, in order (empty when none was found)
     * @param searched   every place looked at, for when none was found
     * @return the sentence added to a configuration problem when no source has a single key of the
     *         connection's section: where the section was looked for
     */
    static String sectionNowhere(String connection, List<String> files, List<String> searched) {
        if (files.isEmpty()) {
            return " No " + SecretsReader.section(connection) + " section was found because no secrets file was found; looked "
                    + "for: " + String.join(", ", searched) + ". Put secrets.toml in one of those places, or "
                    + "name it in secrets.files (system property) or SECRETS_FILES (environment variable).";
        }
        return " No " + SecretsReader.section(connection) + " section was found in the secrets files read ("
                + String.join(", ", files) + ") nor in environment variables or system properties: check the "
                + "section's name and the file's location.";
    }

    /**
     * @param connection the connection name
     * @return the sentence added to a configuration problem when no key of the connection's section
     *         is set and no secrets config source is registered
     */
    static String noSecretsSource(String connection) {
        return " No " + SecretsReader.section(connection) + " section was found, and no secrets.toml is read at all: the "
                + "secrets config source is not registered. Add cdi-connections-config-source to the "
                + "application (it registers itself through META-INF/services).";
    }


    /**
     * @param variable   the environment variable
     * @param key        the key it sets, relative to the section
     * @param connection the connection being read
     * @param other      another section whose key maps to the same variable
     * @return why the variable is refused and how to fix it; never its value
     */
    static String sharedVariable(String variable, String key, String connection, String other) {
        return "Environment variable " + variable + " sets " + key + " of both " + SecretsReader.section(connection) + " and "
                + SecretsReader.section(other) + ": MicroProfile Config maps both section names to the same variable, so it"
                + " cannot tell which connection is meant. Rename one of the sections so that their names differ"
                + " in more than '-', '_' and '.', or set the key in a secrets file or as the system property "
                + SecretsReader.prefix(connection) + key + " instead.";
    }
}
