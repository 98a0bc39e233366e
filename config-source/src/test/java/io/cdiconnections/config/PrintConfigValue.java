package io.cdiconnections.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * Run in a child JVM by {@link SmallRyeConfigTest}: prints one value as real SmallRye Config,
 * discovered through ServiceLoader, resolves it in that JVM's environment.
 */
public final class PrintConfigValue {

    private PrintConfigValue() {
    }

    /**
     * Prints the value of a key.
     *
     * @param args the key
     */
    public static void main(String[] args) {
        ClassLoader loader = PrintConfigValue.class.getClassLoader();
        Config config = ConfigProviderResolver.instance().getBuilder().forClassLoader(loader)
                .addDefaultSources().addDiscoveredSources().build();
        System.out.println(config.getValue(args[0], String.class));
    }
}
