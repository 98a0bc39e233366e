package io.cdiconnections.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.glassfish.microprofile.config.GlassFishConfigProviderResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The configuration a server keeps for an application's class loader: released when the
 * application stops on GlassFish (which never releases it), left alone everywhere else.
 */
class ServerConfigReleaseTest {

    private final URLClassLoader application = new URLClassLoader(new URL[0], getClass().getClassLoader());

    @AfterEach
    void restoreTheResolver() throws Exception {
        ConfigProviderResolver.setInstance(null);
        application.close();
    }

    @Test
    void onGlassFishTheApplicationsCachedConfigurationIsReleased() {
        GlassFishConfigProviderResolver glassFish = new GlassFishConfigProviderResolver();
        ConfigProviderResolver.setInstance(glassFish);
        ConfigProvider.getConfig(application);
        assertThat(glassFish.caches(application)).isTrue();

        assertThat(ServerConfigRelease.release(application)).isTrue();

        assertThat(glassFish.caches(application)).as("the configuration GlassFish cached for the loader").isFalse();
        assertThat(glassFish.released).hasSize(1);
    }

    @Test
    void elsewhereTheApplicationsConfigurationIsLeftToTheRuntime() {
        org.eclipse.microprofile.config.Config before = ConfigProvider.getConfig(application);

        assertThat(ServerConfigRelease.release(application)).isFalse();

        assertThat(ConfigProvider.getConfig(application)).as("SmallRye's configuration of the loader").isSameAs(before);
    }
}
