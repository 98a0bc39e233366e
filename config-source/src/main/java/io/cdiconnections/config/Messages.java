package io.cdiconnections.config;

import java.util.List;

/**
 * Every text a user can see from this module, each saying what is wrong and what to do. None
 * takes a value or a line of a secrets file as a parameter: only paths, keys and positions.
 */
final class Messages {

    private static final String NOT_SHOWN = " The line is not shown because it may hold a secret.";

    private Messages() {
    }

    static String invalidToml(String file, int line, int column, String problem, int moreProblems) {
        String more = moreProblems > 0 ? " (and " + moreProblems + " more problem"
                + (moreProblems == 1 ? "" : "s") + ")" : "";
        return "Invalid TOML in secrets file " + file + " at line " + line + ", column " + column
                + ": " + problem + more + ". Fix the TOML syntax there (see https://toml.io)."
                + NOT_SHOWN;
    }

    // The problems of invalidToml, in place of tomlj's words (which may quote the input). Only
    // grammar words, key names and positions come in.

    static String tomlUnexpected(String endOf, String expected, String unclosed, String line, String column) {
        String text = "Unexpected " + (endOf != null ? endOf : "text");
        if (expected != null) {
            text += ", expected " + expected;
        }
        if (unclosed != null) {
            text += "; the " + unclosed + " opened at line " + line + ", column " + column + " is unclosed";
        }
        return text;
    }

    static String tomlInvalid(String what, String range) {
        return range == null ? what : what + " (" + range + ")";
    }

    static String tomlKey(String key, String tomljProblem, String firstLine, String firstColumn) {
        String problem = switch (tomljProblem) {
            case "is not a table" -> "is not a table and cannot hold keys";
            case "is not an array" -> "is not an array of tables";
            case "is an inline table" -> "is an inline table and cannot be extended";
            default -> "is defined twice";
        };
        String where = firstLine != null ? " (first defined at line " + firstLine + ", column " + firstColumn
                + ")" : "";
        return "Key " + key + " " + problem + where;
    }

    static String tomlSyntax() {
        return "Invalid TOML syntax";
    }

    static String parserFailed(String file, String failure) {
        return "Invalid TOML in secrets file " + file + ": the TOML parser (tomlj) failed on it with "
                + failure + " instead of naming the problem. Check the file's syntax (see"
                + " https://toml.io), and report the shape of the file (not its values) to"
                + " cdi-connections." + NOT_SHOWN;
    }

    static String notUtf8(String file, int line, int column) {
        return "Secrets file " + file + " is not UTF-8 text: invalid byte at line " + line
                + ", column " + column + ". Save the file as UTF-8 (a byte order mark is allowed)."
                + NOT_SHOWN;
    }

    static String unreadable(String file, String reason) {
        return "Cannot read secrets file " + file + " (" + reason + "). Make it a regular file the"
                + " user running the application can read (owned by that user, chmod 600), or"
                + " remove it.";
    }

    static String missing(String file) {
        return "Secrets file " + file + " does not exist, but it is listed in secrets.files (system"
                + " property secrets.files or environment variable SECRETS_FILES). Create it, correct"
                + " the path, or remove it from secrets.files.";
    }

    static String notAFolder(String directory, String entry) {
        return "Secrets directory " + directory + " holds " + entry + ", which is not a folder. In a"
                + " secrets directory every secret is a folder and its files are the keys (the way"
                + " Kubernetes mounts secrets). Move it into a folder of its own, or list a .toml"
                + " file in secrets.files directly.";
    }

    static String tooLarge(String file, long size, int limit) {
        return "Secrets file " + file + " is too large: " + size + " bytes, and secrets files are"
                + " limited to " + limit + " bytes (1 MiB, the size limit of a Kubernetes Secret)."
                + " Keep only secrets and connection settings in it; put data elsewhere.";
    }

    static String notRegularFile(String file, String kind) {
        return "Secrets file " + file + " is " + kind + ", not a regular file, so it is not read"
                + " (a FIFO would block the application, a device never ends). Replace it with a"
                + " regular file holding the secrets, or remove it (or its entry in secrets.files).";
    }

    static String tooManyEntries(String directory, int limit) {
        return "Secrets directory " + directory + " holds more than " + limit + " entries (folders"
                + " and files two levels deep, hidden ones included), and secrets directories are"
                + " limited to " + limit + ". List only the folder that holds the secrets in"
                + " secrets.files, not a folder above it.";
    }

    static String directoryTooLarge(String directory, long size, int limit) {
        return "Secrets directory " + directory + " is too large: its files hold " + size
                + " bytes or more together, and a secrets directory is limited to " + limit + " bytes (1 MiB,"
                + " the size limit of a Kubernetes Secret). Keep only secrets in it; put data elsewhere.";
    }

    static String directoryCollision(String directory, String first, String second, String flattened) {
        return "Secrets directory " + directory + " holds " + first + " and " + second + ", which both become"
                + " the config key " + flattened + ", so one would silently hide the other. Rename one of them.";
    }

    static String collision(String file, String firstKey, String secondKey, String flattened) {
        return "Secrets file " + file + " sets " + firstKey + " and " + secondKey + ", which both become"
                + " the config key " + flattened + ", so one would silently hide the other. Rename or"
                + " remove one of them.";
    }

    static String nestedCollision(String file, String valueKey, String innerKey, String flattened) {
        return "Secrets file " + file + " sets " + valueKey + " to a value and also " + innerKey + ", which"
                + " becomes the config key " + flattened + " inside it, so a reader of the list could"
                + " not tell which is meant. Rename or remove one of them.";
    }

    static String watchDropped(String paths, String failure) {
        return "Stopped watching secrets files " + paths + ": reloading them failed with " + failure
                + " (usually the application they belong to was stopped or failed to deploy). Other"
                + " applications' secrets are still watched; restart this application to watch its"
                + " files again.";
    }

    static String listenerDropped(Object listener, String failure) {
        return "SecretsChangeListener " + listener.getClass().getName() + " failed with " + failure
                + " and is no longer told of changes (usually its application was stopped). The other"
                + " listeners were still told.";
    }

    static String badOrdinal(String file) {
        return "config_ordinal in secrets file " + file + " is not an integer. Write a whole number"
                + " such as config_ordinal = 250 (the default), or remove the key.";
    }

    static String noSecretsFound(List<String> places) {
        return "No secrets file found, so the secrets config source is empty. Looked for: "
                + String.join(", ", places) + ". Create one of them, or name files and directories"
                + " in secrets.files (system property) or SECRETS_FILES (environment variable).";
    }

    static String readableByOthers(String file, String permissions) {
        return "Secrets file " + file + " can be read by other users (permissions " + permissions
                + "). Restrict it: chmod 600 " + file;
    }

    static String directoryReadableByOthers(String directory) {
        return "Secrets directory " + directory + " holds files other users can read. Restrict"
                + " them: chmod 600 on each file (for a Kubernetes secret volume, set defaultMode:"
                + " 0400).";
    }

    static String reloadFailed(String problem) {
        return "Secrets were not reloaded; the previous values stay in force. " + problem;
    }

    static String reloaded(int changedKeys) {
        return "Secrets reloaded: " + changedKeys + " key" + (changedKeys == 1 ? "" : "s") + " changed";
    }

    static String listenerFailed(Object listener) {
        return "SecretsChangeListener " + listener.getClass().getName() + " failed; the other"
                + " listeners were still told. Fix the listener so that it handles its own errors.";
    }

    static String watcherFailed(String reason) {
        return "The secrets watcher hit an unexpected problem (" + reason + ") and carries on;"
                + " changes may be picked up late.";
    }
}
