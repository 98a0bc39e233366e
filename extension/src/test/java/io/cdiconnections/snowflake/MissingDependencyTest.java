package io.cdiconnections.snowflake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Without the Snowflake driver, or without Snowpark, on the class path: our classes still load,
 * and using them fails with the Maven coordinates to add. Each case runs in a class loader made
 * of this test's class path minus the jars in question (its parent is the platform loader, so
 * nothing leaks in from the application class path).
 */
class MissingDependencyTest {

    @Test
    void withoutTheDriverTheErrorNamesItsCoordinates() throws Exception {
        try (URLClassLoader loader = classPathWithout("snowflake-jdbc-", "snowpark-")) {
            assertThat(call(loader, "visible", "net.snowflake.client.jdbc.SnowflakeDriver")).isEqualTo(false);
            assertThat(call(loader, "snowflakeQuery")).asString()
                    .startsWith("io.cdiconnections.ConnectionConfigException: Connection 'sf': the Snowflake JDBC "
                            + "driver is not on the class path")
                    .contains("net.snowflake:snowflake-jdbc");
            assertThat(call(loader, "snowflakeValidate")).asString().contains("net.snowflake:snowflake-jdbc");
            assertThat(call(loader, "snowflakeSession")).asString()
                    .contains("SnowflakeConnection.session() needs Snowpark").contains("com.snowflake:snowpark");
            assertThat(call(loader, "snowparkQuery")).asString()
                    .contains("needs Snowpark, which is not on the class path").contains("com.snowflake:snowpark");
        }
    }

    @Test
    void withTheDriverButWithoutSnowparkOnlySessionsFail() throws Exception {
        try (URLClassLoader loader = classPathWithout("snowpark-")) {
            assertThat(call(loader, "visible", "net.snowflake.client.jdbc.SnowflakeDriver")).isEqualTo(true);
            assertThat(call(loader, "visible", Snowpark.SESSION_CLASS)).isEqualTo(false);
            assertThat(call(loader, "snowflakeValidate")).isEqualTo("no error");
            assertThat(call(loader, "snowflakeSession")).asString()
                    .startsWith("io.cdiconnections.ConnectionConfigException: Connection 'sf': "
                            + "SnowflakeConnection.session() needs Snowpark")
                    .contains("com.snowflake:snowpark (1.16.0)");
            assertThat(call(loader, "snowparkQuery")).asString().contains("com.snowflake:snowpark");
        }
    }

    private static Object call(ClassLoader loader, String method, Object... args) throws Exception {
        Class<?> probe = Class.forName(MissingDependencyProbe.class.getName(), true, loader);
        Class<?>[] types = new Class<?>[args.length];
        java.util.Arrays.fill(types, String.class);
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return probe.getMethod(method, types).invoke(null, args);
        } finally {
            t.setContextClassLoader(before);
        }
    }

    private static URLClassLoader classPathWithout(String... jarPrefixes) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String file = Path.of(entry).getFileName().toString();
            boolean excluded = false;
            for (String prefix : jarPrefixes) {
                excluded |= file.startsWith(prefix);
            }
            if (!excluded) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
