package io.cdiconnections.snowflake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

import io.cdiconnections.ConnectionConfigException;

/**
 * The Snowflake drivers' own connection file, {@code connections.toml}, read as they read it:
 * from {@code $SNOWFLAKE_HOME}, else {@code ~/.snowflake}; each top-level table is a connection,
 * {@code [default]} (or the one {@code SNOWFLAKE_DEFAULT_CONNECTION_NAME} names) the default. A
 * file others may write is refused, as the drivers refuse it.
 */
final class ConnectionsToml {

    static final String HOME_VARIABLE = "SNOWFLAKE_HOME";
    static final String DEFAULT_NAME_VARIABLE = "SNOWFLAKE_DEFAULT_CONNECTION_NAME";
    static final String DEFAULT_SECTION = "default";

    private final Path file;
    private final TomlParseResult toml;

    private ConnectionsToml(Path file, TomlParseResult toml) {
        this.file = file;
        this.toml = toml;
    }

    /**
     * @param env the environment
     * @return where connections.toml is, whether or not it exists
     */
    static Path location(SnowflakeEnvironment env) {
        return env.variable(HOME_VARIABLE).map(v -> expandHome(v.trim(), env.home()))
                .orElseGet(() -> env.home().resolve(".snowflake")).resolve("connections.toml");
    }

    /**
     * @param path a path that may start with {@code ~}
     * @param home the home folder
     * @return the path with {@code ~} replaced by the home folder
     */
    static Path expandHome(String path, Path home) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/") || path.startsWith("~\\")) {
            return home.resolve(path.substring(2));
        }
        return Path.of(path);
    }

    /**
     * @param connection the connection name, for messages
     * @param env        the environment
     * @return the parsed file, or empty when it does not exist
     * @throws ConnectionConfigException when it exists but cannot be read, is not valid TOML or others may write it
     */
    static Optional<ConnectionsToml> read(String connection, SnowflakeEnvironment env) {
        Path file = location(env);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        checkPermissions(connection, file);
        SnowflakeFiles.checkSize(connection, file);
        TomlParseResult result;
        try {
            result = Toml.parse(file);
        } catch (IOException e) {
            throw SnowflakeFiles.unreadable(connection, file, e);
        } catch (RuntimeException e) {
            // a tomlj bug on some broken input (see config-source's TomlParser): no input in the message
            throw new ConnectionConfigException(SnowflakeMessages.snowflakeBadFile(connection, file.toString(),
                    "it is not valid TOML (the parser failed with " + e.getClass().getSimpleName() + ")"));
        }
        if (result.hasErrors()) {
            TomlParseError first = result.errors().get(0);
            // the position only: tomlj's text may quote the line, which may hold a password
            throw new ConnectionConfigException(SnowflakeMessages.snowflakeBadFile(connection, file.toString(),
                    "it is not valid TOML (line " + first.position().line() + ", column " + first.position().column() + ")"));
        }
        return Optional.of(new ConnectionsToml(file, result));
    }

    private static void checkPermissions(String connection, Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return; // not a POSIX file system (Windows): the drivers do not check either
        }
        Set<PosixFilePermission> perms;
        try {
            perms = view.readAttributes().permissions();
        } catch (IOException e) {
            return;
        }
        if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new ConnectionConfigException(SnowflakeMessages.snowflakeFileWritableByOthers(connection, file.toString()));
        }
    }

    /** @return the file's path */
    Path file() {
        return file;
    }

    /** @return the names of the connections (top-level tables), in file order */
    List<String> sections() {
        List<String> names = new ArrayList<>();
        for (String key : toml.keySet()) {
            if (toml.get(List.of(key)) instanceof TomlTable) {
                names.add(key);
            }
        }
        return names;
    }

    /**
     * @param name a connection name
     * @return its keys and values, nested tables flattened with dots, or empty when there is no such table
     */
    Optional<Map<String, String>> section(String name) {
        Object value = toml.get(List.of(name));
        if (!(value instanceof TomlTable table)) {
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", table, out);
        return Optional.of(out);
    }

    private static void flatten(String prefix, TomlTable table, Map<String, String> out) {
        for (String key : table.keySet()) {
            Object v = table.get(List.of(key));
            if (v instanceof TomlTable sub) {
                flatten(prefix + key + ".", sub, out);
            } else if (v instanceof TomlArray array) {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < array.size(); i++) {
                    parts.add(String.valueOf(array.get(i)));
                }
                out.put(prefix + key, String.join(",", parts));
            } else if (v != null) {
                out.put(prefix + key, String.valueOf(v));
            }
        }
    }
}
