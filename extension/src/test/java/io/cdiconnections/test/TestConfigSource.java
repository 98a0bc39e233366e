package io.cdiconnections.test;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.spi.ConfigSource;

/** A config source tests write to (ordinal 500, read live), registered through META-INF/services. */
public class TestConfigSource implements ConfigSource {

    /** The values every test config sees. Tests clear what they set. */
    public static final Map<String, String> VALUES = new ConcurrentHashMap<>();

    private final Map<String, String> values;

    /** The source of the shared {@link #VALUES}. */
    public TestConfigSource() {
        this(VALUES);
    }

    /** @param values a map the source reads live */
    public TestConfigSource(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param values a map the config reads live
     * @return a config with only that source
     */
    public static org.eclipse.microprofile.config.Config config(Map<String, String> values) {
        return new io.smallrye.config.SmallRyeConfigBuilder().withSources(new TestConfigSource(values)).build();
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.copyOf(values.keySet());
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.copyOf(values);
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "TestConfigSource";
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
