package io.cdiconnections.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys docs/configuration.md lists for a built-in type: the back-quoted names of the first
 * column of its table, with {@code .suffix} shorthands expanded, leaving out {@code type} (read by
 * the resolver) and the free-form tables ({@code <param>}, {@code client_*}) a variable alone
 * cannot supply.
 */
public final class DocumentedKeys {

    private static final Path DOC = Path.of("..", "docs", "configuration.md");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private DocumentedKeys() {
    }

    /**
     * @param heading the start of the section's heading, e.g. {@code ### `sql`}
     * @return the keys of the section's table
     * @throws IOException when the file cannot be read
     */
    public static Set<String> of(String heading) throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        Set<String> keys = new LinkedHashSet<>();
        boolean inSection = false;
        for (String line : lines) {
            if (line.startsWith("### ")) {
                inSection = line.startsWith(heading);
                continue;
            }
            if (!inSection || !line.startsWith("| `")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf('|', 1));
            Matcher m = CODE.matcher(firstCell);
            String prefix = "";
            while (m.find()) {
                String key = m.group(1);
                if (key.startsWith(".")) {
                    key = prefix + key;
                } else {
                    prefix = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : "";
                }
                if (!key.equals("type") && !key.contains("<") && !key.contains("*")) {
                    keys.add(key);
                }
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("No table of keys under " + heading + " in " + DOC.toAbsolutePath());
        }
        return keys;
    }
}
