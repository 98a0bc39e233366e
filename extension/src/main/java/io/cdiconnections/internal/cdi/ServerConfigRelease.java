package io.cdiconnections.internal.cdi;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ServiceConfigurationError;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * Releases, when an application stops, the MicroProfile Config that GlassFish's resolver keeps
 * for the application's class loader, which GlassFish 8 never releases itself. GlassFish builds
 * it when the application starts ({@code ConfigApplicationContainer.start} calls
 * {@code ConfigProvider.getConfig(loader)}; the extension asks for the same one), its Helidon
 * resolver caches it in a static map keyed by the class loader
 * ({@code io.helidon.config.mp.MpConfigProviderResolver.CONFIGS}), and nothing removes it at
 * undeploy ({@code ConfigApplicationContainer.stop} and {@code ConfigDeployer.unload} are empty):
 * every undeployed application's class loader stayed reachable from there (a heap dump after
 * RedeployIT on GlassFish 8.0.0 showed 23 of them).
 *
 * <p>Every other runtime releases its applications' configurations itself, and in plain Java SE
 * the configuration is the program's: there this does nothing.
 */
final class ServerConfigRelease {

    private static final Logger LOG = System.getLogger(ServerConfigRelease.class.getName());
    private static final String GLASSFISH_RESOLVER = "org.glassfish.microprofile.config.GlassFishConfigProviderResolver";

    private ServerConfigRelease() {
    }

    /**
     * @param loader the application's class loader, the one its configuration was asked for with
     * @return whether a GlassFish resolver was asked to release it
     */
    static boolean release(ClassLoader loader) {
        ConfigProviderResolver resolver;
        try {
            resolver = ConfigProviderResolver.instance();
        } catch (RuntimeException | ServiceConfigurationError e) {
            return false;
        }
        if (!resolver.getClass().getName().equals(GLASSFISH_RESOLVER)) {
            return false;
        }
        try {
            // GlassFish hands out a new wrapper at each call; its resolver finds the cached
            // configuration by the object the wrapper delegates to, which unwrap(Config) returns
            resolver.releaseConfig(resolver.getConfig(loader).unwrap(Config.class));
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "Could not release the application's MicroProfile Config on GlassFish: " + e);
            return false;
        }
    }
}
