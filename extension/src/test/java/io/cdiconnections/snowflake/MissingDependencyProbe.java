package io.cdiconnections.snowflake;

import java.nio.file.Path;
import java.util.Map;

import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Runs inside a class loader that lacks the Snowflake driver or Snowpark (see
 * {@link MissingDependencyTest}) and reports what a user would see, as text.
 */
public final class MissingDependencyProbe {

    private MissingDependencyProbe() {
    }

    private static final Map<String, String> OPTIONS = Map.of("account", "acct", "user", "u", "password", "pw");

    /** @return whether the named class is visible here */
    public static boolean visible(String className) {
        try {
            Class.forName(className, false, MissingDependencyProbe.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** @return what SnowflakeConnection.query throws */
    public static String snowflakeQuery() {
        SnowflakeConnection sf = snowflake();
        try {
            sf.query("select 1");
            return "no error";
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        } finally {
            sf.close();
        }
    }

    /** @return what SnowflakeConnection.validate throws */
    public static String snowflakeValidate() {
        SnowflakeConnection sf = snowflake();
        try {
            sf.validate(sf.parameters());
            return "no error";
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** @return what SnowflakeConnection.session throws */
    public static String snowflakeSession() {
        try {
            snowflake().session();
            return "no error";
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** @return what SnowparkConnection.query throws */
    @SuppressWarnings("deprecation")
    public static String snowparkQuery() {
        SnowparkConnection sp = new SnowparkConnection(SnowflakeTestSupport.context("snowpark", config(), OPTIONS),
                SnowflakeTestSupport.env(Path.of("/nonexistent-home"), Map.of()), SnowparkConnection.SNOWPARK);
        try {
            sp.query("select 1");
            return "no error";
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static SnowflakeConnection snowflake() {
        return new SnowflakeConnection(SnowflakeTestSupport.context("sf", config(), OPTIONS),
                SnowflakeTestSupport.env(Path.of("/nonexistent-home"), Map.of()), SnowflakeConnection.DRIVER);
    }

    private static org.eclipse.microprofile.config.Config config() {
        return new SmallRyeConfigBuilder().build();
    }
}
